using Qedu.Kernel.Access;

namespace Qedu.Facilities.Domain;

/// <summary>
/// A planning zone (学区): an area whose children go to the same schools, kept by its district (<see cref="OrgUnitId"/>).
/// The schools serving it for grade one and for grade seven are org-unit ids, comma-separated.
/// </summary>
internal sealed class PlanningZone : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string GradeOneSchools { get; set; } = "";
    public string GradeSevenSchools { get; set; } = "";

    public static IReadOnlyList<int> Ids(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];

    public static string List(IEnumerable<int> ids) => string.Join(",", ids.Distinct().Order());
}

/// <summary>Children born in a zone in a calendar year, as the health authorities reported them (<see cref="Source"/>).</summary>
internal sealed class ZoneBirths : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long ZoneId { get; set; }
    public int Year { get; set; }
    public int Births { get; set; }
    public required string Source { get; set; }
}

/// <summary>Pupils of one grade (1–9) in a zone's schools in a school year (named by the year of its September).</summary>
internal sealed class ZoneEnrolment : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long ZoneId { get; set; }
    public int Year { get; set; }
    public int Grade { get; set; }
    public int Pupils { get; set; }
}

/// <summary>Dwellings completed in a zone, ready for families before the school year of <see cref="Year"/>.</summary>
internal sealed class ZoneHousing : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long ZoneId { get; set; }
    public int Year { get; set; }
    public int Dwellings { get; set; }
}

/// <summary>
/// A planner's net migration adjustment (机动调整) for a zone's entry grade (1 or 7) in a school year: children expected to
/// move in (or, negative, out) beyond what births and the past ratios show, e.g. a resettled village or a closing factory.
/// </summary>
internal sealed class ZoneMigration : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long ZoneId { get; set; }
    public int Year { get; set; }
    public int Grade { get; set; }
    public int Children { get; set; }
}
