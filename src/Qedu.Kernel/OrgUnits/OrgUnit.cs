using Qedu.Kernel.Audit;

namespace Qedu.Kernel.OrgUnits;

/// <summary>The five levels of the education system (001 task 3) plus the departments (处室) of a bureau.</summary>
public enum OrgUnitKind
{
    Ministry = 1,
    Province = 2,
    City = 3,
    District = 4,
    School = 5,
    Department = 9,
}

/// <summary>
/// An organisation: the ministry, a province, a city or district bureau, a school or kindergarten, or a bureau's department.
/// Codes are the public identifiers: GB/T 2260 division codes for bureaus, the 10-digit 学校标识码 for schools,
/// "{bureau code}-{abbreviation}" for departments.
/// </summary>
public sealed class OrgUnit
{
    public int Id { get; set; }
    public required string Code { get; set; }
    [AuditedValue]
    public required string Name { get; set; }
    [AuditedValue]
    public string? NameEn { get; set; }
    [AuditedValue]
    public OrgUnitKind Kind { get; set; }
    [AuditedValue]
    public int? ParentId { get; set; }
    public OrgUnit? Parent { get; set; }

    /// <summary>GB/T 2260 code of the division the unit sits in (its own code for a bureau).</summary>
    public string? DivisionCode { get; set; }

    /// <summary>学校办学类型 (JY/T 1001 XXBXLXM), schools only.</summary>
    [AuditedValue]
    public string? SchoolTypeCode { get; set; }

    /// <summary>办别: 21 公办, 22 民办 ..., schools only.</summary>
    [AuditedValue]
    public string? OwnershipCode { get; set; }

    /// <summary>Kindergartens only: 1 公办园, 2 普惠性民办园, 3 其他民办园.</summary>
    public string? KindergartenCategoryCode { get; set; }

    /// <summary>所在地城乡类型 (统计用城乡划分), schools only.</summary>
    [AuditedValue]
    public string? UrbanRuralCode { get; set; }

    [AuditedValue]

    public DateOnly? OpenedOn { get; set; }
    [AuditedValue]
    public DateOnly? ClosedOn { get; set; }
    public int SortOrder { get; set; }

    public bool IsBureau => Kind is OrgUnitKind.Ministry or OrgUnitKind.Province or OrgUnitKind.City or OrgUnitKind.District;

    public string DisplayName(bool english) => english && !string.IsNullOrEmpty(NameEn) ? NameEn : Name;
}

/// <summary>
/// Ancestor–descendant pairs of the org tree (a unit is its own ancestor at depth 0), so that every scope check is one
/// indexed join: "is X under any of my scope roots?".
/// </summary>
public sealed class OrgClosure
{
    public int AncestorId { get; set; }
    public int DescendantId { get; set; }
    public int Depth { get; set; }
}
