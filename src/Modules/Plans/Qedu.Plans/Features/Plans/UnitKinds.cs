using Qedu.Kernel.OrgUnits;
using Qedu.PlanDocuments;

namespace Qedu.Plans.Features.Plans;

/// <summary>The parser's unit kinds and the org tree's, at the one seam where they meet (matching printed names to units).</summary>
internal static class UnitKinds
{
    public static UnitKind ToDocumentKind(this OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.City => UnitKind.City,
        OrgUnitKind.District => UnitKind.District,
        OrgUnitKind.School => UnitKind.School,
        OrgUnitKind.Department => UnitKind.Department,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Plans name no units of this kind."),
    };

    public static OrgUnitKind ToOrgUnitKind(this UnitKind kind) => kind switch
    {
        UnitKind.City => OrgUnitKind.City,
        UnitKind.District => OrgUnitKind.District,
        UnitKind.School => OrgUnitKind.School,
        UnitKind.Department => OrgUnitKind.Department,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
