using System.Globalization;
using Qedu.Growth.Contracts;

namespace Qedu.Indicators.Computation;

/// <summary>
/// The growth module's facts, per school, of the school year that began in the period's year (tested that autumn and
/// reported by 31 December): "student-fitness.*" students tested (not exempt), 及格 or better, 良好 or better, 优秀;
/// "student-vision.*" students screened, with 视力不良, with 筛查性近视; "student-aid.hardship-awarded" students of families in
/// hardship awarded aid that school year; "care.schools-needing-room" (1 for a school with left-behind children), "care.rooms"
/// (1 when such a school has its care room), "care.ledgers" (open care ledgers), as they stand when computed.
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
        foreach (var c in await growth.CareAsync(ct))
        {
            if (context.Units.ContainsKey(c.OrgUnitId))
            {
                context.Facts.Add(c.OrgUnitId, "care.schools-needing-room", c.LeftBehind > 0 ? 1 : 0);
                context.Facts.Add(c.OrgUnitId, "care.rooms", c.LeftBehind > 0 && c.Room ? 1 : 0);
                context.Facts.Add(c.OrgUnitId, "care.ledgers", c.Ledgers);
            }
        }
    }
}
