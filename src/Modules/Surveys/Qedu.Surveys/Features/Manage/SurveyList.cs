using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Surveys.Data;
using Qedu.Surveys.Domain;

namespace Qedu.Surveys.Features.Manage;

/// <summary>A survey in the list: what, who asks whom, when, its state, and how many of the caller's schools and their responses.</summary>
internal sealed record SurveyRow(string Code, string Name, string Questionnaire, SurveyAudience Audience, string Owner, DateOnly OpensOn, DateOnly ClosesOn,
    string State, int Schools, int Responses);

/// <summary>A questionnaire as offered to a bureau starting a survey.</summary>
internal sealed record QuestionnaireRow(string Code, string Title, string? TitleEn, SurveyAudience Audience, IReadOnlyList<QuestionnaireItem> Items);

/// <summary>The surveys the caller sees, with counts over the caller's own schools only.</summary>
internal sealed class SurveyList(SurveysDb db, SurveyAccess access, OrgTree tree, TimeProvider clock)
{
    public async Task<IReadOnlyList<SurveyRow>> ListAsync(CancellationToken ct)
    {
        var surveys = await access.VisibleAsync(Permissions.SurveysRead, ct);
        var ids = surveys.Select(s => s.Id).ToList();
        var questionnaires = await db.Questionnaires.AsNoTracking().ToDictionaryAsync(q => q.Id, ct);
        var owners = await tree.NamesOfAsync(surveys.Select(s => s.OwnerUnitId).Distinct(), ct);
        var within = access.Caller.IsSystem ? null : await tree.SubtreeIdsAsync([.. access.Caller.RootsFor(Permissions.SurveysRead)], ct);
        var schools = (await db.Schools.AsNoTracking().Where(s => ids.Contains(s.SurveyId)).Select(s => new { s.SurveyId, s.SchoolId }).ToListAsync(ct))
            .Where(s => within is null || within.Contains(s.SchoolId)).ToLookup(s => s.SurveyId);
        var responses = (await db.Responses.AsNoTracking().Where(r => ids.Contains(r.SurveyId))
                .GroupBy(r => new { r.SurveyId, r.SchoolId }).Select(g => new { g.Key.SurveyId, g.Key.SchoolId, Count = g.Count() }).ToListAsync(ct))
            .Where(r => within is null || within.Contains(r.SchoolId)).ToLookup(r => r.SurveyId);
        var today = SurveyDays.Today(clock);
        return [.. surveys.Select(s => new SurveyRow(s.Code, s.Name, questionnaires[s.QuestionnaireId].Title, questionnaires[s.QuestionnaireId].Audience,
            owners.GetValueOrDefault(s.OwnerUnitId) ?? "", s.OpensOn, s.ClosesOn, s.StateOn(today), schools[s.Id].Count(), responses[s.Id].Sum(r => r.Count)))];
    }

    public async Task<IReadOnlyList<QuestionnaireRow>> QuestionnairesAsync(CancellationToken ct) =>
        [.. (await db.Questionnaires.AsNoTracking().OrderBy(q => q.Code).ToListAsync(ct))
            .Select(q => new QuestionnaireRow(q.Code, q.Title, q.TitleEn, q.Audience, q.ParsedItems()))];
}
