using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.OrgUnits;
using Qedu.Surveys.Contracts;
using Qedu.Surveys.Data;
using Qedu.Surveys.Domain;
using Qedu.Surveys.Features.Results;

namespace Qedu.Surveys;

/// <summary><see cref="ISurveyStatistics"/>: a closed city survey's answers counted per school, schools under the smallest cell left out.</summary>
internal sealed class SurveyStatistics(SurveysDb db, OrgTree tree, TimeProvider clock) : ISurveyStatistics
{
    public async Task<IReadOnlyList<SurveySchoolFigures>> LatestCityParentsSurveyAsync(int year, CancellationToken ct = default)
    {
        var cities = (await tree.OfKindPastScopeAsync([OrgUnitKind.City], ct)).Select(c => c.Id).ToList();
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var today = SurveyDays.Today(clock);
        var survey = (await (from s in db.Surveys.AsNoTracking()
                             join q in db.Questionnaires.AsNoTracking() on s.QuestionnaireId equals q.Id
                             where cities.Contains(s.OwnerUnitId) && q.Audience == SurveyAudience.Parents && s.ClosesOn >= first && s.ClosesOn <= last
                             select s).ToListAsync(ct))
            .Where(s => s.IsClosed(today)).OrderByDescending(s => s.ClosesOn).ThenByDescending(s => s.Id).FirstOrDefault();
        if (survey is null)
        {
            return [];
        }
        var figures = new Dictionary<int, (int Responses, int Answers, int Satisfied)>();
        await foreach (var r in db.Responses.AsNoTracking().Where(r => r.SurveyId == survey.Id).Select(r => new { r.SchoolId, r.Values }).AsAsyncEnumerable()
            .WithCancellation(ct))
        {
            var (responses, answers, satisfied) = figures.GetValueOrDefault(r.SchoolId);
            foreach (var v in r.Values)
            {
                answers += v is >= '1' and <= '5' ? 1 : 0;
                satisfied += v is '4' or '5' ? 1 : 0;
            }
            figures[r.SchoolId] = (responses + 1, answers, satisfied);
        }
        return [.. figures.Where(f => f.Value.Responses >= SurveyResults.SmallestCell).OrderBy(f => f.Key)
            .Select(f => new SurveySchoolFigures(f.Key, f.Value.Responses, f.Value.Answers, f.Value.Satisfied))];
    }
}
