using System.Globalization;
using Qedu.Exams.Contracts;

namespace Qedu.Indicators.Computation;

/// <summary>
/// The exams' facts per school ("exams.*"): of the period's year's latest city-wide exam, the students with a total, and
/// how many passed, were excellent and were in the city's lowest 30 % (后30%); a month's period takes its year's.
/// </summary>
internal sealed class ExamFacts(IExamStatistics exams) : IFactSource
{
    public async Task AddFactsAsync(FactContext context, CancellationToken ct)
    {
        var year = int.Parse(context.Period[..4], CultureInfo.InvariantCulture);
        foreach (var f in await exams.LatestCityExamAsync(year, ct))
        {
            if (!context.Units.ContainsKey(f.OrgUnitId))
            {
                continue;
            }
            context.Facts.Add(f.OrgUnitId, "exams.sat", f.Sat);
            context.Facts.Add(f.OrgUnitId, "exams.passed", f.Passed);
            context.Facts.Add(f.OrgUnitId, "exams.excellent", f.Excellent);
            context.Facts.Add(f.OrgUnitId, "exams.bottom30", f.Bottom30);
        }
    }
}
