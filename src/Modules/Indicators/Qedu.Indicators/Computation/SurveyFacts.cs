using System.Globalization;
using Qedu.Surveys.Contracts;

namespace Qedu.Indicators.Computation;

/// <summary>
/// The surveys' facts per school ("surveys.*"): of the period's year's latest closed parents' survey run by the city, the
/// five-point answers and how many were 满意 or 非常满意. Schools with fewer than 10 responses bring none.
/// </summary>
internal sealed class SurveyFacts(ISurveyStatistics surveys) : IFactSource
{
    public async Task AddFactsAsync(FactContext context, CancellationToken ct)
    {
        var year = int.Parse(context.Period[..4], CultureInfo.InvariantCulture);
        foreach (var f in await surveys.LatestCityParentsSurveyAsync(year, ct))
        {
            if (!context.Units.ContainsKey(f.OrgUnitId))
            {
                continue;
            }
            context.Facts.Add(f.OrgUnitId, "surveys.responses", f.Responses);
            context.Facts.Add(f.OrgUnitId, "surveys.answers", f.Answers);
            context.Facts.Add(f.OrgUnitId, "surveys.satisfied", f.Satisfied);
        }
    }
}
