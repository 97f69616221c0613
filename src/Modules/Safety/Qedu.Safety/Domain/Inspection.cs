using Qedu.Kernel.Access;

namespace Qedu.Safety.Domain;

/// <summary>Who checked: the school itself (自查), its district (随机督导检查) or the city.</summary>
internal enum InspectionKind
{
    Self,
    District,
    City,
}

/// <summary>
/// One safety check of one school against one or more checklists, scoped by the school. A school writes its own
/// self-inspections (safety.manage); a district's or the city's inspection is written by the inspecting unit
/// (safety.inspect over the school). Each failed item is a hazard, kept as a rectification in the shared module.
/// </summary>
internal sealed class Inspection : IOrgScoped
{
    public long Id { get; set; }

    /// <summary>The school inspected.</summary>
    public int OrgUnitId { get; set; }
    public InspectionKind Kind { get; set; }

    /// <summary>The unit that inspected (the school for a self-inspection).</summary>
    public int InspectorUnitId { get; set; }

    /// <summary>The sampling draw that chose the school, when a random inspection did.</summary>
    public long? DrawId { get; set; }
    public DateOnly InspectedOn { get; set; }

    /// <summary>The checklists covered, comma-separated codes.</summary>
    public required string Checklists { get; set; }
    public int Items { get; set; }
    public int Failed { get; set; }
    public string? Summary { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>A failed item of an inspection (passed items are counted on the inspection, not stored one by one).</summary>
internal sealed class InspectionFinding : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long InspectionId { get; set; }
    public required string ItemCode { get; set; }
    public required string ChecklistCode { get; set; }
    public required string Note { get; set; }
    public bool Serious { get; set; }

    /// <summary>The hazard's rectification in the shared module.</summary>
    public long? RectificationId { get; set; }
}

/// <summary>
/// A random draw of schools to inspect (双随机): the district, the seed and the schools drawn, so anyone can recompute it
/// (each school ranked by SHA-256 of "seed|school code", the smallest first: the admissions lottery's rule).
/// </summary>
internal sealed class SamplingDraw : IOrgScoped
{
    public long Id { get; set; }

    /// <summary>The district (or city) whose schools were drawn from.</summary>
    public int OrgUnitId { get; set; }
    public required string Seed { get; set; }
    public int Population { get; set; }

    /// <summary>The codes of the schools drawn, in draw order, comma-separated.</summary>
    public required string Schools { get; set; }
    public required string Purpose { get; set; }
    public DateTimeOffset DrawnAt { get; set; }
    public required string DrawnBy { get; set; }
}
