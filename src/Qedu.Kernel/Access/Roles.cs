using Qedu.Kernel.OrgUnits;

namespace Qedu.Kernel.Access;

/// <summary>A role: the permissions it carries, the kinds of unit it may be scoped to, and the roles its holder may grant.</summary>
public sealed record RoleDefinition(
    string Name,
    string NameZh,
    string NameEn,
    IReadOnlySet<string> Permissions,
    IReadOnlySet<OrgUnitKind> ScopeKinds,
    IReadOnlySet<string> MayGrant);

public static class Roles
{
    public const string CityAdmin = "CityAdmin";
    public const string DepartmentStaff = "DepartmentStaff";
    public const string DistrictAdmin = "DistrictAdmin";
    public const string SchoolAdmin = "SchoolAdmin";
    public const string Teacher = "Teacher";
    public const string Parent = "Parent";
    public const string Auditor = "Auditor";

    private static HashSet<string> Set(params string[] items) => [.. items];
    private static HashSet<OrgUnitKind> Kinds(params OrgUnitKind[] items) => [.. items];

    /// <summary>
    /// The role catalogue. Auditors read the audit log and nothing personal; only a city administrator grants auditor
    /// and department roles, so no one can audit themselves into a department's data.
    /// </summary>
    public static readonly IReadOnlyList<RoleDefinition> All =
    [
        new(CityAdmin, "市级管理员", "City administrator",
            Set(Permissions.OrgRead, Permissions.OrgManage, Permissions.AccountsManage, Permissions.RegistryRead, Permissions.RegistryWrite,
                Permissions.PlansRead, Permissions.PlansManage, Permissions.IndicatorsRead, Permissions.IndicatorsManage),
            Kinds(OrgUnitKind.City, OrgUnitKind.Province),
            Set(CityAdmin, DepartmentStaff, DistrictAdmin, SchoolAdmin, Teacher, Parent, Auditor)),
        new(DepartmentStaff, "处室工作人员", "Department staff",
            Set(Permissions.OrgRead, Permissions.RegistryRead, Permissions.PlansRead, Permissions.PlansReport, Permissions.IndicatorsRead),
            Kinds(OrgUnitKind.City, OrgUnitKind.District),
            Set()),
        new(DistrictAdmin, "区(市)管理员", "District administrator",
            Set(Permissions.OrgRead, Permissions.OrgManage, Permissions.AccountsManage, Permissions.RegistryRead, Permissions.RegistryWrite,
                Permissions.PlansRead, Permissions.PlansManage, Permissions.PlansReport,
                Permissions.IndicatorsRead, Permissions.IndicatorsManage, Permissions.IndicatorsReport),
            Kinds(OrgUnitKind.District),
            Set(DistrictAdmin, SchoolAdmin, Teacher, Parent)),
        new(SchoolAdmin, "学校管理员", "School administrator",
            Set(Permissions.OrgRead, Permissions.AccountsManage, Permissions.RegistryRead, Permissions.RegistryWrite, Permissions.PiiView,
                Permissions.IndicatorsRead, Permissions.IndicatorsReport),
            Kinds(OrgUnitKind.School),
            Set(SchoolAdmin, Teacher, Parent)),
        new(Teacher, "教师", "Teacher",
            Set(Permissions.OrgRead, Permissions.RegistryRead, Permissions.PiiView),
            Kinds(OrgUnitKind.School),
            Set()),
        new(Parent, "家长", "Parent",
            Set(Permissions.OrgRead),
            Kinds(OrgUnitKind.School),
            Set()),
        new(Auditor, "审计员", "Auditor",
            Set(Permissions.OrgRead, Permissions.AuditRead),
            Kinds(OrgUnitKind.City, OrgUnitKind.District),
            Set()),
    ];

    private static readonly Dictionary<string, RoleDefinition> ByName = All.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static RoleDefinition? Find(string? name) => name is not null && ByName.TryGetValue(name, out var r) ? r : null;
}
