using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Secrets;
using Qedu.Kernel.Web;
using Qedu.Surveys.Data;
using Qedu.Surveys.Domain;
using Qedu.Surveys.Resources;

namespace Qedu.Surveys.Features.Distribute;

/// <summary>A batch of one-time links just made for a school: the codes (shown this once: only their hashes are kept).</summary>
internal sealed record IssuedLinks(string Survey, string SurveyName, string School, DateOnly ClosesOn, IReadOnlyList<string> Codes);

/// <summary>A school of a survey the caller hands links out for, and how many it has handed out.</summary>
internal sealed record LinkSchool(int Id, string Name, int Issued, int Answered);

/// <summary>
/// One-time links for a school's families or pupils, made in batches by the school (<c>surveys.distribute</c>) while the
/// survey has not closed. A link names no one: the school hands the slips out as it likes.
/// </summary>
internal sealed class SurveyLinks(SurveysDb db, SurveyAccess access, OrgTree tree, TimeProvider clock, IStringLocalizer<SurveysText> t)
{
    public const int MaxBatch = 1000;

    /// <summary>The survey's schools the caller hands links out for; null when none (or no such survey).</summary>
    public async Task<(Survey Survey, IReadOnlyList<LinkSchool> Schools)?> SchoolsAsync(string code, CancellationToken ct)
    {
        if (await access.FindAsync(code, Permissions.SurveysDistribute, ct) is not { } survey)
        {
            return null;
        }
        var mine = await access.SchoolsAsync(survey, Permissions.SurveysDistribute, ct);
        if (mine.Count == 0)
        {
            return null;
        }
        var rows = await db.Schools.AsNoTracking().Where(s => s.SurveyId == survey.Id).ToListAsync(ct);
        var answered = await db.Responses.AsNoTracking().Where(r => r.SurveyId == survey.Id).GroupBy(r => r.SchoolId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var names = await tree.NamesOfAsync(mine, ct);
        return (survey, [.. rows.Where(r => mine.Contains(r.SchoolId)).Select(r => new LinkSchool(r.SchoolId, names.GetValueOrDefault(r.SchoolId) ?? "", r.LinksIssued,
            answered.GetValueOrDefault(r.SchoolId))).OrderBy(s => s.Name, StringComparer.Ordinal)]);
    }

    public async Task<Outcome<IssuedLinks>> IssueAsync(string code, int? schoolId, int? count, CancellationToken ct)
    {
        if (await SchoolsAsync(code, ct) is not { } found)
        {
            return Outcome<IssuedLinks>.NotFound(t["Survey.NotFound"]);
        }
        var (survey, schools) = found;
        var errors = new InputErrors();
        var school = schoolId is { } id ? schools.FirstOrDefault(s => s.Id == id) : schools.Count == 1 ? schools[0] : null;
        if (school is null)
        {
            errors.Add("school", t["Links.School"]);
        }
        if (count is not (>= 1 and <= MaxBatch))
        {
            errors.Add("count", t["Links.Count", MaxBatch]);
        }
        if (errors.Any)
        {
            return Outcome<IssuedLinks>.Invalid(errors);
        }
        if (survey.IsClosed(SurveyDays.Today(clock)))
        {
            return Outcome<IssuedLinks>.Conflict(t["Links.Closed"]);
        }
        var now = clock.GetUtcNow();
        var codes = Enumerable.Range(0, count!.Value).Select(_ => SecretCodes.NewCode()).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Tokens.AddRange(codes.Select(c => new SurveyToken { SurveyId = survey.Id, SchoolId = school!.Id, Hash = SecretCodes.Hash(c), IssuedAt = now }));
        await db.SaveChangesAsync(ct);
        await db.Schools.Where(s => s.SurveyId == survey.Id && s.SchoolId == school!.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LinksIssued, x => x.LinksIssued + codes.Count), ct);
        await tx.CommitAsync(ct);
        return Outcome<IssuedLinks>.Ok(new IssuedLinks(survey.Code, survey.Name, school!.Name, survey.ClosesOn, codes));
    }
}
