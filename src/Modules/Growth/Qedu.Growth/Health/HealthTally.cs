using Microsoft.EntityFrameworkCore;
using Qedu.Growth.Data;
using Qedu.Growth.Domain;
using Qedu.Kernel.Access;

namespace Qedu.Growth.Health;

/// <summary>
/// A group's health results of a school year: fitness tested (not exempt), 及格 or better (达标), 良好 or better, 优秀;
/// vision screened, 视力不良, 筛查性近视. Counts only.
/// </summary>
internal sealed record HealthCounts(int Tested, int Passed, int Good, int Excellent, int Screened, int PoorVision, int Myopic)
{
    public static readonly HealthCounts None = new(0, 0, 0, 0, 0, 0, 0);

    public double? PassRate => Rate(Passed, Tested);
    public double? GoodRate => Rate(Good, Tested);
    public double? ExcellentRate => Rate(Excellent, Tested);
    public double? PoorVisionRate => Rate(PoorVision, Screened);
    public double? MyopiaRate => Rate(Myopic, Screened);

    public static HealthCounts operator +(HealthCounts a, HealthCounts b) =>
        new(a.Tested + b.Tested, a.Passed + b.Passed, a.Good + b.Good, a.Excellent + b.Excellent, a.Screened + b.Screened,
            a.PoorVision + b.PoorVision, a.Myopic + b.Myopic);

    public static HealthCounts Sum(IEnumerable<HealthCounts> counts) => counts.Aggregate(None, (a, b) => a + b);

    /// <summary>A share in per cent with one decimal, or none of nobody.</summary>
    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}

/// <summary>
/// The health results counted per school and per class, in one grouped query each (the scope filter applies to the
/// caller; the indicators' recomputation runs as the system). Shared by the pages and the indicator facts.
/// </summary>
internal sealed class HealthTally(GrowthDb db)
{
    /// <summary>
    /// Each school's counts of the school year that began in <paramref name="year"/>: of <paramref name="schools"/> (the
    /// schools the caller's grants reach, already checked), or of every school for the system's recomputation. The rows are
    /// read by those schools rather than through the scope filter's per-row subquery over the tree: at city scale a year is
    /// 400,000 results, and the subquery cost a second whatever the caller's level.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, HealthCounts>> BySchoolAsync(int year, IReadOnlyCollection<int>? schools, CancellationToken ct)
    {
        var ids = schools?.ToList();
        var fitnessRows = db.Fitness.AsNoTracking().IgnoreQueryFilters([ScopeFilter.Name]).Where(f => f.SchoolYear == year && !f.Exempt);
        var visionRows = db.Vision.AsNoTracking().IgnoreQueryFilters([ScopeFilter.Name]).Where(v => v.SchoolYear == year);
        if (ids is not null)
        {
            fitnessRows = fitnessRows.Where(f => ids.Contains(f.OrgUnitId));
            visionRows = visionRows.Where(v => ids.Contains(v.OrgUnitId));
        }
        var fitness = await fitnessRows
            .GroupBy(f => f.OrgUnitId)
            .Select(g => new
            {
                School = g.Key, Tested = g.Count(), Passed = g.Count(f => f.Level >= FitnessLevel.Pass), Good = g.Count(f => f.Level >= FitnessLevel.Good),
                Excellent = g.Count(f => f.Level == FitnessLevel.Excellent),
            })
            .ToListAsync(ct);
        var vision = await visionRows
            .GroupBy(v => v.OrgUnitId)
            .Select(g => new { School = g.Key, Screened = g.Count(), Poor = g.Count(v => v.PoorVision), Myopic = g.Count(v => v.Myopic) })
            .ToListAsync(ct);
        var counts = fitness.ToDictionary(f => f.School, f => new HealthCounts(f.Tested, f.Passed, f.Good, f.Excellent, 0, 0, 0));
        foreach (var v in vision)
        {
            counts[v.School] = counts.GetValueOrDefault(v.School, HealthCounts.None) with { Screened = v.Screened, PoorVision = v.Poor, Myopic = v.Myopic };
        }
        return counts;
    }

    /// <summary>One school's counts per class (by the class the student was in when tested; no class: an empty name).</summary>
    public async Task<IReadOnlyDictionary<string, HealthCounts>> ByClassAsync(int schoolId, int year, CancellationToken ct)
    {
        var fitness = await db.Fitness.AsNoTracking().Where(f => f.OrgUnitId == schoolId && f.SchoolYear == year && !f.Exempt)
            .GroupBy(f => f.ClassName)
            .Select(g => new
            {
                Class = g.Key, Tested = g.Count(), Passed = g.Count(f => f.Level >= FitnessLevel.Pass), Good = g.Count(f => f.Level >= FitnessLevel.Good),
                Excellent = g.Count(f => f.Level == FitnessLevel.Excellent),
            })
            .ToListAsync(ct);
        var vision = await db.Vision.AsNoTracking().Where(v => v.OrgUnitId == schoolId && v.SchoolYear == year)
            .GroupBy(v => v.ClassName)
            .Select(g => new { Class = g.Key, Screened = g.Count(), Poor = g.Count(v => v.PoorVision), Myopic = g.Count(v => v.Myopic) })
            .ToListAsync(ct);
        var counts = fitness.ToDictionary(f => f.Class ?? "", f => new HealthCounts(f.Tested, f.Passed, f.Good, f.Excellent, 0, 0, 0), StringComparer.Ordinal);
        foreach (var v in vision)
        {
            counts[v.Class ?? ""] = counts.GetValueOrDefault(v.Class ?? "", HealthCounts.None) with { Screened = v.Screened, PoorVision = v.Poor, Myopic = v.Myopic };
        }
        return counts;
    }
}
