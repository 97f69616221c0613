using System.Globalization;
using Qedu.Growth.Contracts;

namespace Qedu.Indicators.Computation;

/// <summary>
/// The growth module's facts, per school, of the school year that began in the period's year (tested that autumn and
/// reported by 31 December): "student-fitness.*" students tested (not exempt), 及格 or better, 良好 or better, 优秀;
/// "student-vision.*" students screened, with 视力不良, with 筛查性近视; "student-aid.hardship-awarded" students of families in
/// hardship awarded aid that school year.
/// </summary>
internal sealed class GrowthFacts(IGrowthStatistics growth) : IFactSource
{
    public async Task AddFactsAsync(FactContext context, CancellationToken ct)
    {
        var year = int.Parse(context.Period[..4], CultureInfo.InvariantCulture);
        foreach (var f in await growth.FitnessAsync(year, ct))
        {
            if (context.Units.ContainsKey(f.OrgUnitId))
            {
                context.Facts.Add(f.OrgUnitId, "student-fitness.tested", f.Tested);
                context.Facts.Add(f.OrgUnitId, "student-fitness.passed", f.Passed);
                context.Facts.Add(f.OrgUnitId, "student-fitness.good", f.GoodOrBetter);
                context.Facts.Add(f.OrgUnitId, "student-fitness.excellent", f.Excellent);
            }
        }
        foreach (var v in await growth.VisionAsync(year, ct))
        {
            if (context.Units.ContainsKey(v.OrgUnitId))
            {
                context.Facts.Add(v.OrgUnitId, "student-vision.screened", v.Screened);
                context.Facts.Add(v.OrgUnitId, "student-vision.poor", v.PoorVision);
                context.Facts.Add(v.OrgUnitId, "student-vision.myopic", v.Myopic);
            }
        }
        foreach (var a in await growth.AidAsync(year, ct))
        {
            if (context.Units.ContainsKey(a.OrgUnitId))
            {
                context.Facts.Add(a.OrgUnitId, "student-aid.hardship-awarded", a.HardshipAwarded);
            }
        }
    }
}
