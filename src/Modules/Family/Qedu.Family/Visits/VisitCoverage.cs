using Microsoft.EntityFrameworkCore;
using Qedu.Family.Data;
using Qedu.Family.Domain;
using Qedu.Registry.Contracts;

namespace Qedu.Family.Visits;

/// <summary>A class's home-visit coverage in a school year: students on its roll now, of those visited at least once.</summary>
internal sealed record ClassCoverage(long ClassId, int SchoolId, string Name, string GradeCode, int Students, int Visited)
{
    public decimal? Share => VisitShare.Of(Visited, Students);
}

internal static class VisitShare
{
    /// <summary>Visited ÷ on the roll × 100, one decimal rounded as the indicators round; null for no students.</summary>
    public static decimal? Of(int visited, int students) => students == 0 ? null : Math.Round(100m * visited / students, 1, MidpointRounding.AwayFromZero);
}

/// <summary>The school year (1 September – 31 August) the visits are counted in, named by the year it begins.</summary>
internal static class VisitYear
{
    public static int Of(DateOnly day) => Kernel.Calendar.CityDate.SchoolYearOf(day);

    public static DateOnly Starts(int year) => Kernel.Calendar.CityDate.SchoolYearStarts(year);

    public static DateOnly Ends(int year) => Starts(year + 1).AddDays(-1);
}

/// <summary>
/// Home-visit coverage, one rule for the page, the API and the indicator: per class the registry's roll now (the classes
/// the caller reads), and the students with at least one visit done in the school year counted under the class they were
/// in when it was planned (at most the roll). Schools and districts add up their classes.
/// </summary>
internal sealed class VisitCoverage(FamilyDb db, IStudentRoster roster)
{
    public async Task<IReadOnlyList<ClassCoverage>> ClassesAsync(IReadOnlyCollection<int> schoolIds, int year, CancellationToken ct)
    {
        if (schoolIds.Count == 0)
        {
            return [];
        }
        var classes = await roster.ClassesAsync(schoolIds, ct);
        var (from, to) = (VisitYear.Starts(year), VisitYear.Ends(year));
        var wanted = classes.Select(c => c.ClassId).ToHashSet();
        // Done visits of the year, one row per child and class (a child visited twice counts once).
        var done = await db.HomeVisits.AsNoTracking()
            .Where(v => v.Status == VisitStatus.Done && v.VisitedOn >= from && v.VisitedOn <= to && v.ClassId != null)
            .Select(v => new { ClassId = v.ClassId!.Value, v.StudentId }).Distinct().ToListAsync(ct);
        var visited = done.Where(d => wanted.Contains(d.ClassId)).GroupBy(d => d.ClassId).ToDictionary(g => g.Key, g => g.Count());
        return [.. classes.Select(c => new ClassCoverage(c.ClassId, c.SchoolId, c.Name, c.GradeCode, c.Students, Math.Min(c.Students, visited.GetValueOrDefault(c.ClassId))))];
    }
}
