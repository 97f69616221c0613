using Qedu.Kernel.Access;

namespace Qedu.Kernel.DemoCity;

public sealed record DemoAccount(string UserName, string DisplayName, string Role, string ScopeCode, string HomeCode, string? StaffNumber = null);

public sealed record DemoClient(string ClientId, string DisplayName, string OrgCode, IReadOnlyList<string> Scopes);

/// <summary>
/// The demo accounts and clients. They exist only in a demo database (<c>qedu seed</c>, or the first start in
/// development) and the login page lists them only when the development configuration says so.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Zhanqiao#2026";
    public const string ClientSecret = "demo-secret";
    public const string PortalClientId = "demo-portal";
    public const string MirrorClientId = "demo-mirror";

    /// <summary>The demo teacher's staff record at the anchor school (the registry's demo data makes it: 周婷, a head teacher).</summary>
    public const string TeacherStaffNumber = "T2137000001-ZT";

    /// <summary>
    /// The demo parent's mobile number: a parent account made by the demo seed, signing in at /parent/login with the code
    /// the page shows in development (texts go to the development outbox, never to a phone).
    /// </summary>
    public const string ParentPhone = "13900000001";

    /// <summary>Where the demo portal (a web app using single sign-on) may be sent back to after sign-in.</summary>
    public static readonly IReadOnlyList<string> PortalRedirectUris =
        ["http://localhost:5090/signin-oidc", "http://127.0.0.1:5090/signin-oidc"];

    public static readonly IReadOnlyList<DemoAccount> Users =
    [
        new("city.admin", "王建国", Roles.CityAdmin, DemoCityGenerator.CityCode, DemoCityGenerator.CityCode),
        new("shinan.admin", "李敏", Roles.DistrictAdmin, "370202", "370202"),
        new("school.admin", "陈静", Roles.SchoolAdmin, DemoCityGenerator.AnchorSchoolCode, DemoCityGenerator.AnchorSchoolCode),
        new("auditor", "孙立", Roles.Auditor, DemoCityGenerator.CityCode, DemoCityGenerator.CityCode),
        new("jjc.staff", "刘洋", Roles.DepartmentStaff, DemoCityGenerator.CityCode, DemoCityGenerator.CityCode + "-JJC"),
        new("teacher", "周婷", Roles.Teacher, DemoCityGenerator.AnchorSchoolCode, DemoCityGenerator.AnchorSchoolCode, TeacherStaffNumber),
        // The report channel's officer (举报受理专员): the only account that opens a reporter's contact.
        new("report.officer", "赵倩", Roles.ReportOfficer, DemoCityGenerator.CityCode, DemoCityGenerator.CityCode),
        // The anchor school's counsellor (心理健康教师): the only demo account that records screenings and opens a case.
        new("school.counsellor", "林晓", Roles.Counsellor, DemoCityGenerator.AnchorSchoolCode, DemoCityGenerator.AnchorSchoolCode),
        // 市南区's responsible inspector (责任督学): inspects the district's schools and verifies what they put right.
        new("shinan.inspector", "郑伟", Roles.Inspector, "370202", "370202"),
    ];

    public static readonly IReadOnlyList<DemoClient> Clients =
    [
        new("demo-city", "青岛市数据交换(演示)", DemoCityGenerator.CityCode, [Permissions.OrgRead, Permissions.RegistryRead, Permissions.RegistryWrite, Permissions.RegistryExport]),
        new("demo-shinan", "市南区数据交换(演示)", "370202", [Permissions.OrgRead, Permissions.RegistryRead, Permissions.RegistryExport]),
        // A second Qedu mirroring this one needs people's data unmasked; a client of its own keeps pii.view away from
        // demo-city, whose other users (district systems, scripts) have no need to see it.
        new(MirrorClientId, "青岛市注册数据镜像(演示)", DemoCityGenerator.CityCode, [Permissions.RegistryRead, Permissions.RegistryExport, Permissions.PiiView]),
    ];
}
