using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Surveys.Data;
using Qedu.Surveys.Domain;
using Qedu.Surveys.Resources;

namespace Qedu.Surveys.Features.Results;

/// <summary>Closes a running survey at once (no more answers; its comments become readable): only the bureau that runs it.</summary>
internal sealed class SurveyClosing(SurveysDb db, SurveyAccess access, TimeProvider clock, IStringLocalizer<SurveysText> t)
{
    public async Task<Outcome<Survey>> CloseAsync(string code, CancellationToken ct)
    {
        if (await access.FindAsync(code, Permissions.SurveysRead, ct) is not { } found)
        {
            return Outcome<Survey>.NotFound(t["Survey.NotFound"]);
        }
        if (!await access.MayManageAsync(found.OwnerUnitId, ct))
        {
            return Outcome<Survey>.Forbidden(t["Close.Forbidden"]);
        }
        var survey = await db.Surveys.FirstAsync(s => s.Id == found.Id, ct);
        survey.ClosedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome<Survey>.Ok(survey);
    }
}
