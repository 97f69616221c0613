using Qedu.Kernel.OrgUnits;

namespace Qedu.Kernel.Access;

/// <summary>A role: the permissions it carries, the kinds of unit it may be scoped to, and the roles its holder may grant.</summary>
public sealed record RoleDefinition(
    string Name,
    string NameZh,
    string NameEn,
    IReadOnlySet<string> Permissions,
    IReadOnlySet<OrgUnitKind> ScopeKinds,
    IReadOnlySet<string> MayGrant)
{
    /// <summary>
    /// The role reads students (and their guardians and enrolments) only in the classes its holder heads or teaches,
    /// not the whole school of its scope: a teacher's view (least privilege, PIPL's rules for minors). The holder's
    /// account names their staff record (教职工号) so the registry knows which classes those are.
    /// </summary>
    public bool OwnClassesOnly { get; init; }
}

public static class Roles
{
    public const string CityAdmin = "CityAdmin";
    public const string DepartmentStaff = "DepartmentStaff";
    public const string DistrictAdmin = "DistrictAdmin";
    public const string SchoolAdmin = "SchoolAdmin";
    public const string Teacher = "Teacher";
    public const string Parent = "Parent";
    public const string Auditor = "Auditor";
    public const string ReportOfficer = "ReportOfficer";
    public const string Counsellor = "Counsellor";
    public const string Inspector = "Inspector";

    private static HashSet<string> Set(params string[] items) => [.. items];
    private static HashSet<OrgUnitKind> Kinds(params OrgUnitKind[] items) => [.. items];

    /// <summary>
    /// The role catalogue. Auditors read the audit log and nothing personal; only a city administrator grants auditor
    /// and department roles, so no one can audit themselves into a department's data. The duties are separated as MLPS
    /// level 3 asks (系统管理员, 安全管理员, 审计管理员): administrators manage units, accounts and grants; auditors read
    /// the log; no account holds both (<see cref="IncompatibleWith"/>), no one grants themselves a role, and every
    /// grant of either kind is shown to the holders of the other (accounts.review).
    /// </summary>
    public static readonly IReadOnlyList<RoleDefinition> All =
    [
        new(CityAdmin, "市级管理员", "City administrator",
            Set(Permissions.OrgRead, Permissions.OrgManage, Permissions.AccountsManage, Permissions.AccountsReview, Permissions.RegistryRead,
                Permissions.RegistryWrite, Permissions.RegistryExport, Permissions.PlansRead, Permissions.PlansManage, Permissions.IndicatorsRead,
                Permissions.IndicatorsManage, Permissions.AdmissionsManage, Permissions.AdmissionsReview, Permissions.StatusChangesReview,
                Permissions.ServiceCatalogueManage, Permissions.ExamsRead, Permissions.ExamsManage, Permissions.SurveysRead, Permissions.SurveysManage,
                Permissions.TeachersRead, Permissions.TeachersManage, Permissions.TeachersEthics, Permissions.TeachersReportsHandle, Permissions.GrowthRead, Permissions.GrowthPractice,
                Permissions.RectificationRead, Permissions.SafetyRead, Permissions.SafetyInspect, Permissions.InspectionRead, Permissions.InspectionManage,
                Permissions.InspectionVisit, Permissions.FacilitiesRead, Permissions.FacilitiesManage, Permissions.CareRead,
                Permissions.CreditsManage, Permissions.CreditsRecord, Permissions.FamilySchoolRead, Permissions.FamilySchoolManage, Permissions.VisitsRead, Permissions.ResourcesRead, Permissions.ResourcesContribute,
                Permissions.ResourcesReview, Permissions.ResourcesManage),
            Kinds(OrgUnitKind.City, OrgUnitKind.Province),
            Set(CityAdmin, DepartmentStaff, DistrictAdmin, SchoolAdmin, Teacher, Parent, Auditor, ReportOfficer, Counsellor, Inspector)),
        new(DepartmentStaff, "处室工作人员", "Department staff",
            Set(Permissions.OrgRead, Permissions.RegistryRead, Permissions.RegistryExport, Permissions.PlansRead, Permissions.PlansReport,
                Permissions.IndicatorsRead, Permissions.ExamsRead, Permissions.SurveysRead, Permissions.TeachersRead, Permissions.GrowthRead,
                Permissions.RectificationRead, Permissions.SafetyRead, Permissions.InspectionRead, Permissions.FacilitiesRead, Permissions.CareRead,
                Permissions.FamilySchoolRead, Permissions.VisitsRead, Permissions.ResourcesRead),
            Kinds(OrgUnitKind.City, OrgUnitKind.District),
            Set()),
        new(DistrictAdmin, "区(市)管理员", "District administrator",
            Set(Permissions.OrgRead, Permissions.OrgManage, Permissions.AccountsManage, Permissions.AccountsReview, Permissions.RegistryRead,
                Permissions.RegistryWrite, Permissions.RegistryExport, Permissions.PlansRead, Permissions.PlansManage, Permissions.PlansReport,
                Permissions.IndicatorsRead, Permissions.IndicatorsManage, Permissions.IndicatorsReport, Permissions.AdmissionsManage,
                Permissions.AdmissionsReview, Permissions.StatusChangesReview, Permissions.ExamsRead, Permissions.ExamsManage, Permissions.ExamsSupportList,
                Permissions.SurveysRead, Permissions.SurveysManage, Permissions.TeachersRead, Permissions.TeachersManage,
                Permissions.TeachersEthics, Permissions.TeachersReportsHandle, Permissions.GrowthRead, Permissions.GrowthHealth, Permissions.GrowthPractice, Permissions.GrowthAid,
                Permissions.GrowthCare, Permissions.RectificationRead, Permissions.SafetyRead, Permissions.SafetyManage, Permissions.SafetyInspect,
                Permissions.InspectionRead, Permissions.InspectionManage, Permissions.InspectionVisit, Permissions.InspectionRespond, Permissions.FacilitiesRead, Permissions.FacilitiesManage,
                Permissions.CareRead, Permissions.CreditsManage, Permissions.CreditsRecord, Permissions.FamilySchoolRead, Permissions.FamilySchoolManage, Permissions.VisitsRead, Permissions.ResourcesRead, Permissions.ResourcesContribute,
                Permissions.ResourcesReview, Permissions.ResourcesManage),
            Kinds(OrgUnitKind.District),
            Set(DistrictAdmin, SchoolAdmin, Teacher, Parent, Counsellor, Inspector)),
        new(SchoolAdmin, "学校管理员", "School administrator",
            Set(Permissions.OrgRead, Permissions.AccountsManage, Permissions.AccountsReview, Permissions.RegistryRead, Permissions.RegistryWrite,
                Permissions.RegistryExport, Permissions.PiiView, Permissions.IndicatorsRead, Permissions.IndicatorsReport, Permissions.AdmissionsReview, Permissions.StatusChangesReview,
                Permissions.ExamsRead, Permissions.ExamsSupportList, Permissions.ExamsScoreReports, Permissions.SurveysRead, Permissions.SurveysDistribute,
                Permissions.TeachersRead, Permissions.TeachersManage, Permissions.TeachersEthics, Permissions.GrowthRead, Permissions.GrowthHealth, Permissions.GrowthPractice, Permissions.GrowthAid,
                Permissions.GrowthRecord, Permissions.GrowthRecordConfirm, Permissions.GrowthCare, Permissions.RectificationRead, Permissions.SafetyRead,
                Permissions.SafetyManage, Permissions.InspectionRead, Permissions.InspectionRespond, Permissions.CareRead, Permissions.CareManage,
                Permissions.CareAttend, Permissions.CreditsRecord, Permissions.FamilySchoolRead, Permissions.FamilySchoolManage, Permissions.VisitsRead, Permissions.VisitsRecord, Permissions.ResourcesRead, Permissions.ResourcesContribute,
                Permissions.ResourcesReview, Permissions.ResourcesManage),
            Kinds(OrgUnitKind.School),
            Set(SchoolAdmin, Teacher, Parent, Counsellor)),
        // Least privilege: the students of their own classes, their guardians' phone numbers, no resident IDs (no
        // pii.view: a school administrator's), no bulk export.
        new(Teacher, "教师", "Teacher",
            Set(Permissions.OrgRead, Permissions.RegistryRead, Permissions.GuardianContacts, Permissions.GrowthRecord, Permissions.CareAttend,
                Permissions.FamilySchoolRead, Permissions.VisitsRead, Permissions.VisitsRecord, Permissions.ResourcesRead, Permissions.ResourcesContribute),
            Kinds(OrgUnitKind.School),
            Set()) { OwnClassesOnly = true },
        new(Parent, "家长", "Parent",
            Set(Permissions.OrgRead),
            Kinds(OrgUnitKind.School),
            Set()),
        // The report channel's officer: handles the bureau's reports like its administrators and alone opens a reporter's
        // contact (with a reason, audited). Granted only by a city administrator, so no district can give itself the key.
        new(ReportOfficer, "举报受理专员", "Report officer",
            Set(Permissions.OrgRead, Permissions.TeachersReportsHandle, Permissions.TeachersReportsContact),
            Kinds(OrgUnitKind.City, OrgUnitKind.District),
            Set()),
        // The school's (or a district centre's) counsellor: the only role that records mental-health screenings and opens a
        // flagged child's case (with a reason, audited). Its holders see the health figures like an administrator, and
        // nothing else of the registry; an administrator appoints them but cannot read a case.
        new(Counsellor, "心理健康教师", "School counsellor",
            Set(Permissions.OrgRead, Permissions.GrowthRead, Permissions.GrowthMental),
            Kinds(OrgUnitKind.School, OrgUnitKind.District),
            Set()),
        // The responsible inspector (责任督学, 挂牌督导): inspects the schools of a district (or the city) and follows what
        // the visits find to its rectification; reads safety and rectifications, no student and no account.
        new(Inspector, "督学", "Inspector",
            Set(Permissions.OrgRead, Permissions.SafetyRead, Permissions.SafetyInspect, Permissions.RectificationRead, Permissions.InspectionRead,
                Permissions.InspectionVisit, Permissions.FacilitiesRead),
            Kinds(OrgUnitKind.City, OrgUnitKind.District),
            Set()),
        new(Auditor, "审计员", "Auditor",
            Set(Permissions.OrgRead, Permissions.AuditRead, Permissions.AccountsReview),
            Kinds(OrgUnitKind.City, OrgUnitKind.District),
            Set()),
    ];

    private static readonly Dictionary<string, RoleDefinition> ByName = All.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static RoleDefinition? Find(string? name) => name is not null && ByName.TryGetValue(name, out var r) ? r : null;

    /// <summary>An administrator role: it manages accounts (and so grants roles).</summary>
    public static bool IsAdministrator(string role) => Find(role)?.Permissions.Contains(Permissions.AccountsManage) == true;

    /// <summary>
    /// A bureau's role: held over a city, district or province (administrators, department staff, auditors), not over a
    /// school (school administrators, teachers, parents). The shell shows bureau-only entries to these alone.
    /// </summary>
    public static bool IsBureauRole(string role) => Find(role) is { } definition && !definition.ScopeKinds.Contains(OrgUnitKind.School);

    /// <summary>Administrator and auditor roles: their grants are audited on their own and shown to the other duty.</summary>
    public static bool IsPrivileged(string role) => role == Auditor || IsAdministrator(role);

    /// <summary>
    /// The first role among <paramref name="held"/> that may not sit on one account with <paramref name="role"/>: the
    /// auditor role beside any administrator role, either way round (separation of duties).
    /// </summary>
    public static string? IncompatibleWith(string role, IEnumerable<string> held) =>
        role == Auditor ? held.FirstOrDefault(IsAdministrator)
        : IsAdministrator(role) ? held.FirstOrDefault(h => h == Auditor)
        : null;
}
