using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Web.Resources;
using Qedu.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Qedu.Web.Tests.Platform;

/// <summary>
/// Every endpoint the app maps (API endpoints, Razor component pages, protocol and platform endpoints) × every role (and
/// anonymous) × a value inside and just outside the role's scope, checked against the rule written down for the
/// endpoint below. The list of endpoints comes from the running app, so an endpoint added without a rule fails here.
/// Expectations follow from the rule and the role's permissions (<see cref="Roles"/>), never from what the app answered.
/// A signed-in parent (a separate kind of account, its own cookie) is one more caller: to every staff endpoint it is
/// anonymous, and parents' endpoints answer only it (everyone else is sent to the parent sign-in).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AuthorizationMatrixTests(WebApp app, ITestOutputHelper output)
{
    /// <summary>What the rule's route parameter (or body field) names, and so how in-scope and out-of-scope values are picked.</summary>
    private enum Target
    {
        None,

        /// <summary>Any org unit: the role's scope unit / a sibling of it.</summary>
        Unit,

        /// <summary>A school: one inside the scope / one inside the sibling.</summary>
        School,

        /// <summary>An account: one at home inside the scope / one at home in the sibling.</summary>
        Account,

        /// <summary>A student (registry id): one at the school inside the scope / one at the school in the sibling.</summary>
        Student,
    }

    private enum Access
    {
        /// <summary>Anyone, signed in or not; the answer is <see cref="Rule.Status"/> whoever asks.</summary>
        Public,

        /// <summary>Any signed-in caller, whatever their roles.</summary>
        SignedIn,

        /// <summary>A caller holding <see cref="Rule.Permission"/>; if the rule has a target, only within their scope.</summary>
        Permission,

        /// <summary>A state-changing form post: a signed-in caller must send the form's antiforgery token (the matrix sends none).</summary>
        Antiforgery,

        /// <summary>A parent signed in with the parent scheme, and nobody else: staff and anonymous callers go to the parent sign-in.</summary>
        Parent,
    }

    private sealed record Rule(Access Access, string? Permission = null, Target Target = Target.None, int Status = 200)
    {
        /// <summary>The target is a body field (a create's parent), not a route parameter: out of scope is a field error, not a 404.</summary>
        public string? BodyField { get; init; }

        /// <summary>The target is this query parameter (a page's <c>?school=</c>), not a route parameter: out of scope is still a 404.</summary>
        public string? Query { get; init; }

        public Func<WebApp, string, Task<HttpContent>>? Body { get; init; }

        /// <summary>Turns the target value into the route value (a school into a fresh student there, for a delete).</summary>
        public Func<WebApp, string, Task<string>>? Prepare { get; init; }

        /// <summary>The If-Match header an update or delete needs (the record's current ETag).</summary>
        public Func<WebApp, string, Task<string>>? IfMatch { get; init; }

        /// <summary>Route values that are not about scope (which OpenAPI document, which file).</summary>
        public Dictionary<string, string> Fixed { get; init; } = [];

        /// <summary>
        /// The endpoint changes the session it is called in (signs the caller out, or sets the language cookie that then
        /// outranks an API caller's Accept-Language), so signed-in callers use a session of their own for it and the
        /// clients other tests share stay as they were.
        /// </summary>
        public bool EndsSession { get; init; }

        /// <summary>A bureau's page (<see cref="Qedu.Kernel.Web.RequireBureauRoleAttribute"/>): a school's roles are refused even with the permission.</summary>
        public bool BureauOnly { get; init; }

        /// <summary>An <see cref="Access.Antiforgery"/> post about a parent's session (the parent sign-out), not a staff one.</summary>
        public bool ForParents { get; init; }

        public static Rule Public(int status = 200) => new(Access.Public, Status: status);
        public static Rule SignedIn() => new(Access.SignedIn);
        public static Rule Needs(string permission) => new(Access.Permission, permission);
        public static Rule Scoped(string permission, Target target, int status = 200) => new(Access.Permission, permission, target, status);

        public override string ToString() => Access switch
        {
            Access.Public => $"public ({Status})",
            Access.SignedIn => "signed in",
            Access.Antiforgery => ForParents ? "antiforgery token (parent session)" : "antiforgery token",
            Access.Parent => "a parent",
            _ when Target == Target.None => $"needs {Permission}",
            _ => $"needs {Permission} over the {Target.ToString().ToLowerInvariant()} in the {(BodyField is not null ? "body" : Query is not null ? "query" : "route")}",
        };
    }

    private static Dictionary<string, string> NoSuchId => new() { ["Id"] = "0" };

    /// <summary>A teachers' route names a member of staff: an existing one at the school (not a new one: other tests count a school's staff).</summary>
    private static async Task<string> TeacherAt(WebApp app, string school) => Records.Text(await Records.StaffAtAsync(app, school));

    private static string ThisYear => DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>A report number no case has: who may act on reports gets 404, everyone else is refused first.</summary>
    private static Rule NoSuchReport(string permission) =>
        Rule.Needs(permission) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["number"] = "JB-2026-000000" } };

    /// <summary>A course code no course has: who may act on courses gets 404, everyone else is refused first.</summary>
    private static Rule NoSuchCourse(string permission) =>
        Rule.Needs(permission) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["code"] = "NO-SUCH" } };

    /// <summary>A body with no fields: the use case runs (a scope refusal is its 404) and refuses the missing fields (400).</summary>
    private static Task<HttpContent> EmptyObject(WebApp app, string value) => Task.FromResult<HttpContent>(Http.Json(new { }));

    /// <summary>An empty list, for an endpoint whose body is one (scores).</summary>
    private static Task<HttpContent> EmptyArray(WebApp app, string value) => Task.FromResult<HttpContent>(Http.RawJson("[]"));

    private static Dictionary<string, string> NoSuchPlanId => new() { ["id"] = "0" };
    private static Dictionary<string, string> NoSuchTaskId => new() { ["taskId"] = "0" };

    /// <summary>The smallest plan document: one section, one task with a lead unit.</summary>
    private static ByteArrayContent PlanDocumentBody()
    {
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("权限矩阵测试规划\n一、重点任务\n1. 完善制度。责任处室：基教处\n"));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    /// <summary>
    /// The rule of every endpoint, by "METHOD /route pattern" (the route as mapped; pages are tested with GET).
    /// Static web assets (files with a <see cref="StaticAssetDescriptor"/>) are public and need no line here.
    /// </summary>
    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        // Pages (Razor components).
        ["GET /"] = Rule.SignedIn(),
        ["GET /login"] = Rule.Public(),
        // Parents: the sign-in (the same form for everyone) and the hub, only a parent's.
        ["GET /parent/login"] = Rule.Public(),
        ["GET /parent"] = new Rule(Access.Parent),
        // Admissions, the family's side: only a parent's; an application or file that is not theirs (0 here) is 404.
        ["GET /parent/admissions"] = new Rule(Access.Parent),
        ["GET /parent/admissions/apply/{SeasonId:long}"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = new() { ["SeasonId"] = "0" } },
        ["GET /parent/admissions/{Id:long}"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = NoSuchId },
        ["GET /parent/admissions/{Id:long}/edit"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = NoSuchId },
        ["GET /parent/admissions/{id:long}/letter.pdf"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = new() { ["id"] = "0" } },
        ["GET /parent/admissions/materials/{materialId:long}"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = new() { ["materialId"] = "0" } },
        ["POST /parent/admissions/{id:long}/materials"] = new Rule(Access.Antiforgery) with { ForParents = true, Fixed = new() { ["id"] = "0" } },
        ["POST /parent/admissions/materials/{materialId:long}/remove"] = new Rule(Access.Antiforgery) with { ForParents = true, Fixed = new() { ["materialId"] = "0" } },
        // The parents' API: a parent's own applications only (SubmissionApiTests); without a key the submission is refused.
        ["POST /api/admissions/applications"] = new Rule(Access.Parent, Status: StatusCodes.Status400BadRequest),
        ["GET /api/admissions/applications/{id:long}"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = new() { ["id"] = "0" } },
        // Student services, the guardian's side: only a parent's; a change that is not theirs (0 here) is 404; no body is 400.
        ["GET /parent/services"] = new Rule(Access.Parent),
        ["GET /parent/exams"] = new Rule(Access.Parent),
        ["GET /parent/exams/{code}/{studentId:long}/report.pdf"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = new() { ["code"] = "0", ["studentId"] = "0" } },
        ["GET /parent/services/{Id:long}"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = NoSuchId },
        ["GET /parent/services/{id:long}/letter.pdf"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = new() { ["id"] = "0" } },
        ["GET /parent/services/apply/{StudentId:long}"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = new() { ["StudentId"] = "0" } },
        ["GET /api/services/my/children"] = new Rule(Access.Parent),
        ["GET /parent/practice"] = new Rule(Access.Parent),
        ["GET /api/parent/practice/"] = new Rule(Access.Parent),
        ["POST /api/parent/practice/check-in"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Body = EmptyObject },
        ["GET /parent/growth"] = new Rule(Access.Parent),
        ["GET /api/parent/growth/"] = new Rule(Access.Parent),
        ["GET /api/parent/growth/{studentId:long}"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = new() { ["studentId"] = "0" } },
        // An upload without its multipart body is refused before the child is looked for.
        ["POST /api/parent/growth/{studentId:long}/evidence"] = new Rule(Access.Parent, Status: StatusCodes.Status400BadRequest) with { Fixed = new() { ["studentId"] = "0" } },
        ["GET /parent/growth/evidence/{id:long}/file"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = new() { ["id"] = "0" } },
        ["GET /parent/growth/{studentId:long}/handbook.pdf"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = new() { ["studentId"] = "0" } },
        ["GET /api/services/my/changes"] = new Rule(Access.Parent),
        ["POST /api/services/my/changes"] = new Rule(Access.Parent, Status: StatusCodes.Status400BadRequest),
        ["GET /api/services/my/changes/{id:long}"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = new() { ["id"] = "0" } },
        ["POST /api/services/my/changes/{id:long}/answer"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = new() { ["id"] = "0" } },
        // A change's files: a file nobody has is 404; the page forms need their token (a parent's session).
        // An upload without its multipart body is refused before the change is looked for.
        ["POST /api/services/my/changes/{id:long}/materials"] = new Rule(Access.Parent, Status: StatusCodes.Status400BadRequest) with { Fixed = new() { ["id"] = "0" } },
        ["GET /api/services/my/materials/{materialId:long}"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = new() { ["materialId"] = "0" } },
        ["DELETE /api/services/my/materials/{materialId:long}"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = new() { ["materialId"] = "0" } },
        ["GET /parent/services/materials/{materialId:long}"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = new() { ["materialId"] = "0" } },
        ["POST /parent/services/{id:long}/materials"] = new Rule(Access.Antiforgery) with { ForParents = true, Fixed = new() { ["id"] = "0" } },
        ["POST /parent/services/materials/{materialId:long}/remove"] = new Rule(Access.Antiforgery) with { ForParents = true, Fixed = new() { ["materialId"] = "0" } },
        // A rating without a body is refused before the change is looked for.
        ["POST /api/services/my/changes/{id:long}/rating"] = new Rule(Access.Parent, Status: StatusCodes.Status400BadRequest) with { Fixed = new() { ["id"] = "0" } },
        // The 一次办好 catalogue is everyone's, without a sign-in (items and counts, no child).
        ["GET /service-guide"] = Rule.Public(),
        // A survey's one-time link: anyone holding it, no sign-in; an unknown link says so on a page of its own.
        ["GET /survey/{Link}"] = Rule.Public() with { Fixed = new() { ["Link"] = "0000-0000-0000" } },
        ["GET /api/surveys/respond/{link}"] = Rule.Public() with { Fixed = new() { ["link"] = "0000-0000-0000" } },
        ["POST /api/surveys/respond/{link}"] = Rule.Public(StatusCodes.Status400BadRequest) with { Fixed = new() { ["link"] = "0000-0000-0000" } },
        ["GET /service-guide/{Code}"] = Rule.Public() with { Fixed = new() { ["Code"] = "QDJY-XJ-001" } },
        ["GET /api/service-guide/"] = Rule.Public(),
        ["GET /api/service-guide/{code}"] = Rule.Public() with { Fixed = new() { ["code"] = "QDJY-XJ-001" } },
        ["GET /api/service-guide/{code}/figures"] = Rule.Public() with { Fixed = new() { ["code"] = "QDJY-XJ-001" } },
        ["GET /access-denied"] = Rule.Public(StatusCodes.Status403Forbidden),
        ["GET /not-found"] = Rule.Public(),
        ["GET /org"] = Rule.Needs(Permissions.OrgRead),
        ["GET /org/{Code}"] = Rule.Scoped(Permissions.OrgRead, Target.Unit),
        ["GET /org/{Code}/edit"] = Rule.Scoped(Permissions.OrgManage, Target.Unit),
        ["GET /org/{Code}/new"] = Rule.Scoped(Permissions.OrgManage, Target.Unit),
        ["GET /accounts"] = Rule.Needs(Permissions.AccountsManage),
        ["GET /accounts/new"] = Rule.Needs(Permissions.AccountsManage),
        ["GET /accounts/{Id:guid}"] = Rule.Scoped(Permissions.AccountsManage, Target.Account),
        ["GET /privileged-roles"] = Rule.Needs(Permissions.AccountsReview),
        // A person's own account: their sessions, password and second factor; there is no one else's to ask for.
        ["GET /account"] = Rule.SignedIn(),
        ["GET /account/password"] = Rule.SignedIn(),
        ["GET /account/two-factor"] = Rule.SignedIn(),
        // The second sign-in step without a first one: back to the login form, whoever asks.
        ["GET /login/two-factor"] = Rule.Public(StatusCodes.Status302Found),
        ["GET /audit"] = Rule.Needs(Permissions.AuditRead),
        ["GET /registry/students"] = Rule.Needs(Permissions.RegistryRead),
        ["GET /registry/students/{Id:long}"] = Rule.Scoped(Permissions.RegistryRead, Target.Student),
        ["GET /registry/staff"] = Rule.Needs(Permissions.RegistryRead),
        ["GET /registry/staff/{Id:long}"] = Rule.Scoped(Permissions.RegistryRead, Target.School) with
        {
            Prepare = async (app, school) => Records.Text(await Records.StaffAtAsync(app, school)),
        },
        // A school's registrar adds and edits its own students (a bureau's writer those of its schools); out of the write
        // scope (another school's student, another school) is the not-found page, naming nothing.
        ["GET /registry/students/new"] = Rule.Scoped(Permissions.RegistryWrite, Target.School) with { Query = "school" },
        ["GET /registry/students/{Id:long}/edit"] = Rule.Scoped(Permissions.RegistryWrite, Target.Student),
        ["GET /registry/classes"] = Rule.Needs(Permissions.RegistryRead),
        ["GET /registry/import"] = Rule.Needs(Permissions.RegistryWrite),
        ["GET /plans"] = Rule.Needs(Permissions.PlansRead),
        ["GET /plans/import"] = Rule.Needs(Permissions.PlansManage),
        // Plan and task 0 never exist (ids start at 1): holders learn that, others may not ask. Scope and drafts: PlanApiTests.
        ["GET /plans/{Id:long}"] = new Rule(Access.Permission, Permissions.PlansRead, Status: StatusCodes.Status404NotFound) with { Fixed = NoSuchId },
        ["GET /plans/tasks/{Id:long}/edit"] = new Rule(Access.Permission, Permissions.PlansManage, Status: StatusCodes.Status404NotFound) with { Fixed = NoSuchId },

        // The JSON API.
        ["GET /api/me"] = Rule.SignedIn(),
        ["GET /api/org-units/{code}"] = Rule.Scoped(Permissions.OrgRead, Target.Unit),
        ["GET /api/org-units/{code}/children"] = Rule.Scoped(Permissions.OrgRead, Target.Unit),
        ["POST /api/org-units/"] = Rule.Scoped(Permissions.OrgManage, Target.Unit, StatusCodes.Status201Created) with
        {
            BodyField = "parentCode",
            Body = NewDepartmentAsync,
        },
        ["PUT /api/org-units/{code}"] = Rule.Scoped(Permissions.OrgManage, Target.Unit) with { Body = SameValuesAsync },
        ["GET /api/registry/schools/{code}"] = Rule.Scoped(Permissions.RegistryRead, Target.School),
        ["GET /api/registry/students/"] = Rule.Needs(Permissions.RegistryRead),
        ["GET /api/registry/students/{id:long}"] = Rule.Scoped(Permissions.RegistryRead, Target.Student),
        ["GET /api/registry/changes"] = Rule.Needs(Permissions.RegistryExport),
        ["GET /api/registry/templates/{kind}"] = Rule.Needs(Permissions.RegistryRead) with { Fixed = new Dictionary<string, string> { ["kind"] = "students" } },
        ["GET /api/registry/export/{kind}"] = Rule.Needs(Permissions.RegistryExport) with { Fixed = new Dictionary<string, string> { ["kind"] = "classes" } },
        // The school is a cell of the uploaded file: out of scope is a row error naming the field, not a 404.
        ["POST /api/registry/import/{kind}"] = Rule.Scoped(Permissions.RegistryWrite, Target.School) with
        {
            BodyField = "schoolCode",
            Body = NewClassFileAsync,
            Fixed = new Dictionary<string, string> { ["kind"] = "classes" },
        },
        ["POST /api/registry/students/"] = Rule.Scoped(Permissions.RegistryWrite, Target.School, StatusCodes.Status201Created) with
        {
            BodyField = "schoolCode",
            Body = async (app, school) => Http.Json(await Students.NewAsync(app, school, "权限矩阵学生")),
        },
        ["PUT /api/registry/students/{id:long}"] = Rule.Scoped(Permissions.RegistryWrite, Target.Student) with
        {
            Body = async (app, id) => Http.Json(await Students.CurrentAsync(app, long.Parse(id, CultureInfo.InvariantCulture))),
            IfMatch = (app, id) => Students.ETagAsync(app, long.Parse(id, CultureInfo.InvariantCulture)),
        },
        ["DELETE /api/registry/students/{id:long}"] = Rule.Scoped(Permissions.RegistryWrite, Target.School, StatusCodes.Status204NoContent) with
        {
            Prepare = async (app, school) => Students.Text(await Students.CreateAsync(app, school)),
            IfMatch = (app, id) => Students.ETagAsync(app, long.Parse(id, CultureInfo.InvariantCulture)),
        },
        ["POST /api/registry/students/bulk"] = Rule.Scoped(Permissions.RegistryWrite, Target.School) with
        {
            BodyField = "items[0].schoolCode",
            Body = async (app, school) => Http.Json(new { items = new[] { await Students.NewAsync(app, school, "权限矩阵批量") } }),
        },
        // Classes, staff and assets: the same shape as the students' writes. The record changed or deleted is a fresh one
        // at the school (inside the scope, or in the sibling, where it is out of sight: 404).
        ["POST /api/registry/classes/"] = Rule.Scoped(Permissions.RegistryWrite, Target.School, StatusCodes.Status201Created) with
        {
            BodyField = "schoolCode",
            Body = (_, school) => Task.FromResult<HttpContent>(Http.Json(Records.New(Records.Classes, school, "权限矩阵"))),
        },
        ["PUT /api/registry/classes/{id:long}"] = Rule.Scoped(Permissions.RegistryWrite, Target.School) with
        {
            Prepare = async (app, school) => Records.Text(await Records.CreateAsync(app, Records.Classes, school)),
            Body = async (app, id) => Http.Json(await Records.CurrentAsync(app, Records.Classes, Records.Id(id))),
            IfMatch = (app, id) => Records.ETagAsync(app, Records.Classes, Records.Id(id)),
        },
        ["DELETE /api/registry/classes/{id:long}"] = Rule.Scoped(Permissions.RegistryWrite, Target.School, StatusCodes.Status204NoContent) with
        {
            Prepare = async (app, school) => Records.Text(await Records.CreateAsync(app, Records.Classes, school)),
            IfMatch = (app, id) => Records.ETagAsync(app, Records.Classes, Records.Id(id)),
        },
        ["POST /api/registry/classes/bulk"] = Rule.Scoped(Permissions.RegistryWrite, Target.School) with
        {
            BodyField = "items[0].schoolCode",
            Body = (_, school) => Task.FromResult<HttpContent>(Http.Json(new { items = new[] { Records.New(Records.Classes, school, "权限矩阵批量") } })),
        },
        ["POST /api/registry/staff/"] = Rule.Scoped(Permissions.RegistryWrite, Target.School, StatusCodes.Status201Created) with
        {
            BodyField = "schoolCode",
            Body = (_, school) => Task.FromResult<HttpContent>(Http.Json(Records.New(Records.Staff, school, "权限矩阵"))),
        },
        ["PUT /api/registry/staff/{id:long}"] = Rule.Scoped(Permissions.RegistryWrite, Target.School) with
        {
            Prepare = async (app, school) => Records.Text(await Records.CreateAsync(app, Records.Staff, school)),
            Body = async (app, id) => Http.Json(await Records.CurrentAsync(app, Records.Staff, Records.Id(id))),
            IfMatch = (app, id) => Records.ETagAsync(app, Records.Staff, Records.Id(id)),
        },
        ["DELETE /api/registry/staff/{id:long}"] = Rule.Scoped(Permissions.RegistryWrite, Target.School, StatusCodes.Status204NoContent) with
        {
            Prepare = async (app, school) => Records.Text(await Records.CreateAsync(app, Records.Staff, school)),
            IfMatch = (app, id) => Records.ETagAsync(app, Records.Staff, Records.Id(id)),
        },
        ["POST /api/registry/staff/bulk"] = Rule.Scoped(Permissions.RegistryWrite, Target.School) with
        {
            BodyField = "items[0].schoolCode",
            Body = (_, school) => Task.FromResult<HttpContent>(Http.Json(new { items = new[] { Records.New(Records.Staff, school, "权限矩阵批量") } })),
        },
        ["POST /api/registry/assets/"] = Rule.Scoped(Permissions.RegistryWrite, Target.School, StatusCodes.Status201Created) with
        {
            BodyField = "schoolCode",
            Body = (_, school) => Task.FromResult<HttpContent>(Http.Json(Records.New(Records.Assets, school, "权限矩阵"))),
        },
        ["PUT /api/registry/assets/{id:long}"] = Rule.Scoped(Permissions.RegistryWrite, Target.School) with
        {
            Prepare = async (app, school) => Records.Text(await Records.CreateAsync(app, Records.Assets, school)),
            Body = async (app, id) => Http.Json(await Records.CurrentAsync(app, Records.Assets, Records.Id(id))),
            IfMatch = (app, id) => Records.ETagAsync(app, Records.Assets, Records.Id(id)),
        },
        ["DELETE /api/registry/assets/{id:long}"] = Rule.Scoped(Permissions.RegistryWrite, Target.School, StatusCodes.Status204NoContent) with
        {
            Prepare = async (app, school) => Records.Text(await Records.CreateAsync(app, Records.Assets, school)),
            IfMatch = (app, id) => Records.ETagAsync(app, Records.Assets, Records.Id(id)),
        },
        ["POST /api/registry/assets/bulk"] = Rule.Scoped(Permissions.RegistryWrite, Target.School) with
        {
            BodyField = "items[0].schoolCode",
            Body = (_, school) => Task.FromResult<HttpContent>(Http.Json(new { items = new[] { Records.New(Records.Assets, school, "权限矩阵批量") } })),
        },
        // A job id nobody started: writers learn it does not exist, others may not ask.
        ["GET /api/registry/import-jobs/{id:guid}"] = new Rule(Access.Permission, Permissions.RegistryWrite, Status: StatusCodes.Status404NotFound)
            with { Fixed = new Dictionary<string, string> { ["id"] = Guid.Empty.ToString() } },
        ["GET /api/registry/import-jobs/{id:guid}/report.xlsx"] = new Rule(Access.Permission, Permissions.RegistryWrite, Status: StatusCodes.Status404NotFound)
            with { Fixed = new Dictionary<string, string> { ["id"] = Guid.Empty.ToString() } },
        ["GET /api/registry/{kind}"] = Rule.Needs(Permissions.RegistryRead) with { Fixed = new Dictionary<string, string> { ["kind"] = "classes" } },
        // Record 0 never exists (ids start at 1): readers learn that, others may not ask. Scope: RecordApiTests.
        ["GET /api/registry/{kind}/{id:long}"] = new Rule(Access.Permission, Permissions.RegistryRead, Status: StatusCodes.Status404NotFound)
            with { Fixed = new Dictionary<string, string> { ["kind"] = "classes", ["id"] = "0" } },
        // Callers who may export learn the bundle needs a purpose (the world's scopes hold more people than the threshold).
        ["GET /api/registry/oneroster.zip"] = new Rule(Access.Permission, Permissions.RegistryExport, Status: StatusCodes.Status400BadRequest),
        ["GET /api/plans/"] = Rule.Needs(Permissions.PlansRead),
        // Into the caller's own bureau (the only one where a plan manager holds plans.manage).
        ["POST /api/plans/import"] = Rule.Needs(Permissions.PlansManage) with { Status = StatusCodes.Status201Created, Body = (_, _) => Task.FromResult<HttpContent>(PlanDocumentBody()) },
        ["GET /api/plans/{id:long}"] = new Rule(Access.Permission, Permissions.PlansRead, Status: StatusCodes.Status404NotFound) with { Fixed = NoSuchPlanId },
        ["PUT /api/plans/{id:long}"] = new Rule(Access.Permission, Permissions.PlansManage, Status: StatusCodes.Status404NotFound)
            with { Fixed = NoSuchPlanId, Body = (_, _) => Task.FromResult<HttpContent>(Http.Json(new { title = "规划" })) },
        ["DELETE /api/plans/{id:long}"] = new Rule(Access.Permission, Permissions.PlansManage, Status: StatusCodes.Status404NotFound) with { Fixed = NoSuchPlanId },
        ["POST /api/plans/{id:long}/publish"] = new Rule(Access.Permission, Permissions.PlansManage, Status: StatusCodes.Status404NotFound) with { Fixed = NoSuchPlanId },
        ["POST /api/plans/{id:long}/unit-mappings"] = new Rule(Access.Permission, Permissions.PlansManage, Status: StatusCodes.Status404NotFound)
            with { Fixed = NoSuchPlanId, Body = (_, _) => Task.FromResult<HttpContent>(Http.Json(new { printedName = "某单位" })) },
        ["GET /api/plans/tasks/{taskId:long}"] = new Rule(Access.Permission, Permissions.PlansRead, Status: StatusCodes.Status404NotFound) with { Fixed = NoSuchTaskId },
        ["PUT /api/plans/tasks/{taskId:long}"] = new Rule(Access.Permission, Permissions.PlansManage, Status: StatusCodes.Status404NotFound)
            with { Fixed = NoSuchTaskId, Body = (_, _) => Task.FromResult<HttpContent>(Http.Json(new { number = "1", title = "任务" })) },
        // Plan 0 never exists: readers learn that, others may not ask. Drafts and scope: PlanExportTests.
        ["GET /api/plans/{id:long}/tasks.xlsx"] = new Rule(Access.Permission, Permissions.PlansRead, Status: StatusCodes.Status404NotFound)
            with { Fixed = NoSuchPlanId },
        ["GET /api/plans/{id:long}/report.pdf"] = new Rule(Access.Permission, Permissions.PlansRead, Status: StatusCodes.Status404NotFound)
            with { Fixed = NoSuchPlanId },
        // Indicators: dashboards, values, export, recomputation.
        ["GET /indicators"] = new Rule(Access.Permission, Permissions.IndicatorsRead, Status: StatusCodes.Status302Found),
        ["GET /indicators/overview"] = Rule.Needs(Permissions.IndicatorsRead) with { BureauOnly = true },
        ["GET /indicators/{OrgCode}"] = Rule.Scoped(Permissions.IndicatorsRead, Target.Unit),
        ["GET /api/indicators/definitions"] = Rule.Needs(Permissions.IndicatorsRead),
        ["GET /api/indicators/{org}/values"] = Rule.Scoped(Permissions.IndicatorsRead, Target.Unit),
        ["GET /api/indicators/{org}/export.xlsx"] = Rule.Scoped(Permissions.IndicatorsRead, Target.Unit),
        ["POST /api/indicators/compute"] = Rule.Needs(Permissions.IndicatorsManage),
        // The school is a row of the bundle's orgs.csv: out of scope is an error naming that cell, not a 404.
        ["POST /api/registry/oneroster"] = Rule.Scoped(Permissions.RegistryWrite, Target.School) with
        {
            BodyField = "orgs.csv:2:identifier",
            Body = NewClassBundleAsync,
        },
        ["GET /api/audit/"] = Rule.Needs(Permissions.AuditRead),
        ["GET /api/audit/verify"] = Rule.Needs(Permissions.AuditRead),
        ["GET /api/audit/export.csv"] = Rule.Needs(Permissions.AuditRead),

        // Rectifications (整改), whatever raised them. Reading needs rectification.read; fixing and verifying need the
        // permission the raiser named on the item (RectificationTests and the raising modules' tests try real items).
        ["GET /rectifications"] = Rule.Needs(Permissions.RectificationRead),
        ["GET /rectifications/{Id:long}"] = Rule.Needs(Permissions.RectificationRead) with { Fixed = new() { ["Id"] = "0" } },
        ["GET /api/rectifications/"] = Rule.Needs(Permissions.RectificationRead),
        ["GET /api/rectifications/{id:long}"] = Rule.Needs(Permissions.RectificationRead) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" } },
        ["GET /api/rectifications/files/{fileId:long}"] = Rule.Needs(Permissions.RectificationRead) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["fileId"] = "0" } },
        ["POST /api/rectifications/{id:long}/fix"] = Rule.SignedIn() with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject },
        ["POST /api/rectifications/{id:long}/verify"] = Rule.SignedIn() with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject },
        ["POST /api/rectifications/{id:long}/recheck"] = Rule.SignedIn() with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject },

        // Campus safety. Which school an inspection may name, and who fixes and verifies its hazards, is SafetyTests' subject.
        ["GET /safety"] = Rule.Needs(Permissions.SafetyRead),
        ["GET /safety/inspections/new"] = Rule.Needs(Permissions.SafetyRead),
        ["GET /safety/inspections/{Id:long}"] = Rule.Needs(Permissions.SafetyRead) with { Fixed = new() { ["Id"] = "0" } },
        ["GET /safety/sampling"] = Rule.Needs(Permissions.SafetyInspect),
        ["GET /safety/readiness"] = Rule.Needs(Permissions.SafetyManage),
        ["GET /api/safety/"] = Rule.Needs(Permissions.SafetyRead),
        ["POST /api/safety/inspections"] = Rule.Needs(Permissions.SafetyRead) with { Status = StatusCodes.Status404NotFound, Body = EmptyObject },
        ["GET /api/safety/inspections/{id:long}"] = Rule.Needs(Permissions.SafetyRead) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" } },
        ["POST /api/safety/sampling/"] = Rule.Needs(Permissions.SafetyInspect) with { Status = StatusCodes.Status400BadRequest, Body = EmptyObject },
        ["GET /api/safety/sampling/"] = Rule.Needs(Permissions.SafetyInspect),
        ["POST /api/safety/drills"] = Rule.Scoped(Permissions.SafetyManage, Target.School, StatusCodes.Status400BadRequest) with { Query = "school", Body = EmptyObject },
        ["PUT /api/safety/teams"] = Rule.Scoped(Permissions.SafetyManage, Target.School, StatusCodes.Status400BadRequest) with { Query = "school", Body = EmptyObject },
        ["POST /api/safety/canteens"] = Rule.Scoped(Permissions.SafetyManage, Target.School, StatusCodes.Status400BadRequest) with { Query = "school", Body = EmptyObject },

        // Education inspection (督导). Which school a visit, an assignment or an evaluation may name is InspectionTests' subject.
        ["GET /inspection"] = Rule.Needs(Permissions.InspectionRead),
        ["GET /inspection/visits/new"] = Rule.Needs(Permissions.InspectionVisit),
        ["GET /inspection/visits/{Id:long}"] = Rule.Needs(Permissions.InspectionRead) with { Fixed = new() { ["Id"] = "0" } },
        ["GET /inspection/evaluations"] = Rule.Needs(Permissions.InspectionRead),
        ["GET /inspection/evaluations/{Id:long}"] = Rule.Needs(Permissions.InspectionRead) with { Fixed = new() { ["Id"] = "0" } },
        ["GET /inspection/experts"] = Rule.Needs(Permissions.InspectionRead),
        ["GET /api/inspection/"] = Rule.Needs(Permissions.InspectionRead),
        ["POST /api/inspection/assignments"] = Rule.Needs(Permissions.InspectionManage) with { Status = StatusCodes.Status404NotFound, Body = EmptyObject },
        ["GET /api/inspection/visits/"] = Rule.Needs(Permissions.InspectionRead),
        ["POST /api/inspection/visits/"] = Rule.Needs(Permissions.InspectionRead) with { Status = StatusCodes.Status404NotFound, Body = EmptyObject },
        ["GET /api/inspection/visits/{id:long}"] = Rule.Needs(Permissions.InspectionRead) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" } },
        ["GET /api/inspection/evaluations/"] = Rule.Needs(Permissions.InspectionRead),
        ["POST /api/inspection/evaluations/"] = Rule.Needs(Permissions.InspectionManage) with { Status = StatusCodes.Status400BadRequest, Body = EmptyObject },
        ["GET /api/inspection/evaluations/{id:long}"] = Rule.Needs(Permissions.InspectionRead) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" } },
        ["PUT /api/inspection/evaluations/{id:long}/scores"] = Rule.Needs(Permissions.InspectionRead) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyArray },
        ["GET /api/inspection/experts/"] = Rule.Needs(Permissions.InspectionRead),
        ["POST /api/inspection/experts/"] = Rule.Needs(Permissions.InspectionManage) with { Status = StatusCodes.Status400BadRequest, Body = EmptyObject },

        // Facilities and seats. Which district's zone a caller may touch is FacilitiesTests' subject; without ?district= the
        // caller's highest grant is the area (a city's caller must name a district to add a zone or a project: 400).
        ["GET /facilities/zones"] = Rule.Needs(Permissions.FacilitiesRead),
        ["GET /facilities/seats"] = Rule.Needs(Permissions.FacilitiesRead),
        ["GET /facilities/projects"] = Rule.Needs(Permissions.FacilitiesRead),
        ["GET /facilities/births/import"] = Rule.Needs(Permissions.FacilitiesManage),
        ["GET /api/facilities/zones"] = Rule.Needs(Permissions.FacilitiesRead),
        ["GET /api/facilities/seats"] = Rule.Needs(Permissions.FacilitiesRead),
        ["GET /api/facilities/projects"] = Rule.Needs(Permissions.FacilitiesRead),
        ["POST /api/facilities/zones"] = Rule.Needs(Permissions.FacilitiesManage) with { Status = StatusCodes.Status400BadRequest, Body = EmptyObject },
        ["PUT /api/facilities/zones/{code}/history"] = Rule.Needs(Permissions.FacilitiesManage) with
        {
            Status = StatusCodes.Status404NotFound, Body = EmptyObject, Fixed = new() { ["code"] = "NO-SUCH" },
        },
        ["POST /api/facilities/births/import"] = Rule.Needs(Permissions.FacilitiesManage) with
        {
            Status = StatusCodes.Status400BadRequest, Body = (_, _) => Task.FromResult<HttpContent>(new MultipartFormDataContent { { new StringContent("true"), "dryRun" } }),
        },
        ["POST /api/facilities/projects"] = Rule.Needs(Permissions.FacilitiesManage) with { Status = StatusCodes.Status400BadRequest, Body = EmptyObject },

        // Family: after-school care. Offer ids nobody has (0); a school administrator's offer without fields is a 400.
        ["GET /family/care"] = Rule.Needs(Permissions.CareRead),
        ["GET /api/family/care/"] = Rule.Needs(Permissions.CareRead),
        ["GET /api/family/care/offers/{id:long}"] = Rule.Needs(Permissions.CareRead) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" } },
        ["GET /api/family/care/offers/{id:long}/statement"] = Rule.Needs(Permissions.CareRead) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" } },
        ["POST /api/family/care/offers"] = Rule.Needs(Permissions.CareManage) with { Status = StatusCodes.Status400BadRequest, Body = EmptyObject },
        ["PUT /api/family/care/offers/{id:long}/register"] = Rule.Needs(Permissions.CareAttend) with
        {
            Status = StatusCodes.Status404NotFound, Body = EmptyObject, Fixed = new() { ["id"] = "0" },
        },
        ["GET /parent/care"] = new Rule(Access.Parent),
        ["GET /api/parent/care/"] = new Rule(Access.Parent),
        ["POST /api/parent/care/enrol"] = new Rule(Access.Parent, Status: StatusCodes.Status400BadRequest) with { Body = EmptyObject },
        ["POST /api/parent/care/withdraw"] = new Rule(Access.Parent, Status: StatusCodes.Status400BadRequest) with { Body = EmptyObject },

        // Family: the credit bank. A provider nobody has: who may record learns it does not exist; the public check answers anyone.
        ["GET /credits"] = Rule.Needs(Permissions.CreditsRecord),
        ["GET /api/credits/"] = Rule.Needs(Permissions.CreditsRecord),
        ["POST /api/credits/providers"] = Rule.Needs(Permissions.CreditsManage) with { Status = StatusCodes.Status404NotFound, Body = EmptyObject },
        ["POST /api/credits/outcomes"] = Rule.Needs(Permissions.CreditsRecord) with { Status = StatusCodes.Status404NotFound, Body = EmptyObject },
        ["GET /parent/credits"] = new Rule(Access.Parent),
        ["GET /api/parent/credits/"] = new Rule(Access.Parent),
        ["POST /api/parent/credits/transcripts"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound),
        ["GET /parent/credits/transcripts/{code}.pdf"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Fixed = new() { ["code"] = "NO-SUCH" } },
        ["GET /credits/verify"] = Rule.Public(),
        ["GET /api/public/credits/transcripts/{code}"] = Rule.Public(StatusCodes.Status404NotFound) with { Fixed = new() { ["code"] = "NO-SUCH" } },
        // Family: parent courses (家长大课堂) and parent committees. Session, material and committee ids nobody has (0); a
        // session without fields is a 400; a school's committees out of scope are a 404.
        ["GET /family/courses"] = Rule.Needs(Permissions.FamilySchoolRead),
        ["GET /api/family/courses/"] = Rule.Needs(Permissions.FamilySchoolRead),
        ["GET /api/family/courses/{id:long}"] = Rule.Needs(Permissions.FamilySchoolRead) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" } },
        ["GET /api/family/courses/{id:long}/materials/{material:long}"] = Rule.Needs(Permissions.FamilySchoolRead) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0", ["material"] = "0" },
        },
        ["POST /api/family/courses/"] = Rule.Needs(Permissions.FamilySchoolManage) with { Status = StatusCodes.Status400BadRequest, Body = EmptyObject },
        ["PUT /api/family/courses/{id:long}/attendance"] = Rule.Needs(Permissions.FamilySchoolManage) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject,
        },
        ["POST /api/family/courses/{id:long}/materials"] = Rule.Needs(Permissions.FamilySchoolManage) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" },
            Body = (_, _) => Task.FromResult<HttpContent>(new MultipartFormDataContent { { new StringContent("讲义"), "title" } }),
        },
        ["GET /parent/courses"] = new Rule(Access.Parent),
        ["GET /api/parent/courses/"] = new Rule(Access.Parent),
        ["POST /api/parent/courses/register"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Body = EmptyObject },
        ["POST /api/parent/courses/cancel"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with { Body = EmptyObject },
        ["GET /api/parent/courses/{id:long}/materials/{material:long}"] = new Rule(Access.Parent, Status: StatusCodes.Status404NotFound) with
        {
            Fixed = new() { ["id"] = "0", ["material"] = "0" },
        },
        ["GET /family/committees"] = Rule.Needs(Permissions.FamilySchoolRead),
        ["GET /api/family/committees"] = Rule.Scoped(Permissions.FamilySchoolRead, Target.School) with { Query = "school" },
        ["POST /api/family/committees/"] = Rule.Scoped(Permissions.FamilySchoolManage, Target.School, StatusCodes.Status400BadRequest) with { Query = "school", Body = EmptyObject },
        ["POST /api/family/committees/{id:long}/members"] = Rule.Needs(Permissions.FamilySchoolManage) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject,
        },
        ["POST /api/family/committees/{id:long}/members/{member:long}/stand-down"] = Rule.Needs(Permissions.FamilySchoolManage) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0", ["member"] = "0" },
        },
        ["POST /api/family/committees/{id:long}/meetings"] = Rule.Needs(Permissions.FamilySchoolManage) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject,
        },
        ["GET /parent/committees"] = new Rule(Access.Parent),
        ["GET /api/parent/committees"] = new Rule(Access.Parent),
        // Family: home visits. Coverage is counts for every reader; a student, class or visit nobody has (0) is 404 to those
        // allowed to ask (HomeVisitTests: who sees names and notes); a plan without fields is a 400.
        ["GET /family/visits"] = Rule.Needs(Permissions.VisitsRead),
        ["GET /family/visits/students/{StudentId:long}"] = Rule.Needs(Permissions.VisitsRead) with { Fixed = new() { ["StudentId"] = "0" } },
        ["GET /api/family/visits/"] = Rule.Needs(Permissions.VisitsRead),
        ["GET /api/family/visits/students/{studentId:long}"] = Rule.Needs(Permissions.VisitsRead) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["studentId"] = "0" } },
        ["GET /api/family/visits/classes/{classId:long}"] = Rule.Needs(Permissions.VisitsRecord) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["classId"] = "0" } },
        ["POST /api/family/visits/"] = Rule.Needs(Permissions.VisitsRecord) with { Status = StatusCodes.Status400BadRequest, Body = EmptyObject },
        ["POST /api/family/visits/{id:long}/record"] = Rule.Needs(Permissions.VisitsRecord) with
        {
            Status = StatusCodes.Status404NotFound, Body = EmptyObject, Fixed = new() { ["id"] = "0" },
        },
        ["POST /api/family/visits/{id:long}/cancel"] = Rule.Needs(Permissions.VisitsRecord) with
        {
            Status = StatusCodes.Status404NotFound, Body = EmptyObject, Fixed = new() { ["id"] = "0" },
        },
        // Resources and sync classrooms. Which item a caller may see or review by its reach and level, and which pairing
        // it may keep, is ResourcesTests' subject; ids nobody has (0) answer 404 to every holder.
        ["GET /resources"] = Rule.Needs(Permissions.ResourcesRead),
        ["GET /resources/new"] = Rule.Needs(Permissions.ResourcesContribute),
        ["GET /resources/items/{Id:long}"] = Rule.Needs(Permissions.ResourcesRead) with { Fixed = new() { ["Id"] = "0" } },
        ["GET /resources/review"] = Rule.Needs(Permissions.ResourcesReview),
        ["GET /resources/pairings"] = Rule.Needs(Permissions.ResourcesRead),
        ["GET /api/resources/items/"] = Rule.Needs(Permissions.ResourcesRead),
        ["POST /api/resources/items/"] = Rule.Needs(Permissions.ResourcesContribute) with
        {
            Status = StatusCodes.Status400BadRequest, Body = (_, _) => Task.FromResult<HttpContent>(new MultipartFormDataContent { { new StringContent(""), "title" } }),
        },
        ["GET /api/resources/items/{id:long}"] = Rule.Needs(Permissions.ResourcesRead) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" } },
        ["GET /api/resources/items/{id:long}/file"] = Rule.Needs(Permissions.ResourcesRead) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" } },
        ["GET /api/resources/items/{id:long}/open"] = Rule.Needs(Permissions.ResourcesRead) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" } },
        ["PUT /api/resources/items/{id:long}/rating"] = Rule.Needs(Permissions.ResourcesRead) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject },
        ["GET /api/resources/review"] = Rule.Needs(Permissions.ResourcesReview),
        ["POST /api/resources/items/{id:long}/review"] = Rule.Needs(Permissions.ResourcesReview) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject },
        ["POST /api/resources/items/{id:long}/retire"] = Rule.Needs(Permissions.ResourcesReview) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject },
        ["POST /api/resources/items/{id:long}/award"] = Rule.Needs(Permissions.ResourcesReview) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject },
        ["GET /api/resources/pairings/"] = Rule.Needs(Permissions.ResourcesRead),
        ["POST /api/resources/pairings/"] = Rule.Needs(Permissions.ResourcesManage) with { Status = StatusCodes.Status400BadRequest, Body = EmptyObject },
        ["POST /api/resources/pairings/{id:long}/slots"] = Rule.Needs(Permissions.ResourcesManage) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject },
        ["POST /api/resources/pairings/{id:long}/sessions"] = Rule.Needs(Permissions.ResourcesManage) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject },

        // Plan supervision. Ids nobody has (0): holders of the permission learn it does not exist, others may not ask.
        // Which unit may act on an existing task (named units, owners) is SupervisionApiTests' subject.
        ["GET /plans/tasks/{Id:long}"] = Rule.Scoped(Permissions.PlansRead, Target.Unit) with { Prepare = Supervision.TaskOwnedByAsync },
        ["GET /plans/mine"] = Rule.Needs(Permissions.PlansReport),
        ["GET /plans/workload"] = Rule.Needs(Permissions.PlansManage),
        ["GET /plans/overdue"] = Rule.Needs(Permissions.PlansManage),
        // No body: the report is JSON or nothing (415), whoever may report.
        ["POST /api/plans/reports"] = new Rule(Access.Permission, Permissions.PlansReport, Status: StatusCodes.Status415UnsupportedMediaType),
        ["POST /api/plans/tasks/{taskId:long}/accept"] = Rule.Scoped(Permissions.PlansManage, Target.Unit, StatusCodes.Status204NoContent) with { Prepare = Supervision.TaskOwnedByAsync },
        ["POST /api/plans/tasks/{taskId:long}/reopen"] = Supervision.Missing(Permissions.PlansManage, "taskId"),
        ["POST /api/plans/milestones/{milestoneId:long}/accept"] = Supervision.Missing(Permissions.PlansManage, "milestoneId"),
        ["POST /api/plans/milestones/{milestoneId:long}/reopen"] = Supervision.Missing(Permissions.PlansManage, "milestoneId"),
        ["POST /api/plans/tasks/{taskId:long}/notices"] = Supervision.Missing(Permissions.PlansManage, "taskId"),
        ["POST /api/plans/notices/{noticeId:long}/reply"] = Supervision.Missing(Permissions.PlansReport, "noticeId"),
        ["POST /api/plans/tasks/{taskId:long}/rectifications"] = Supervision.Missing(Permissions.PlansManage, "taskId"),
        ["GET /api/plans/evidence/{id:long}"] = Supervision.Missing(Permissions.PlansRead, "id"),
        ["GET /api/plans/mine"] = Rule.Needs(Permissions.PlansReport),
        ["GET /api/plans/reminders"] = Rule.Needs(Permissions.PlansRead),
        ["GET /api/plans/workload"] = Rule.Needs(Permissions.PlansManage),
        ["GET /api/plans/overdue"] = Rule.Needs(Permissions.PlansManage),

        // Admissions, the officers' side: seasons and queues that do not exist (0) are 404 to holders of the permission;
        // an application is opened only by reviewers whose scope holds its review unit (a school), as the use case decides.
        // Student services, the reviewers' side: a change that does not exist (0) is 404 to holders; asking without a body is 400.
        ["GET /services/changes"] = Rule.Needs(Permissions.StatusChangesReview),
        ["GET /services/changes/new"] = Rule.Scoped(Permissions.StatusChangesReview, Target.School) with { Query = "school" },
        ["GET /services/changes/{Id:long}"] = Supervision.Missing(Permissions.StatusChangesReview, "Id"),
        ["GET /services/changes/{id:long}/letter.pdf"] = Supervision.Missing(Permissions.StatusChangesReview, "id"),
        ["POST /api/services/changes/"] = Rule.Needs(Permissions.StatusChangesReview) with { Status = StatusCodes.Status400BadRequest },
        ["GET /api/services/changes/{id:long}"] = Supervision.Missing(Permissions.StatusChangesReview, "id"),
        ["POST /api/services/changes/{id:long}/decision"] = Supervision.Missing(Permissions.StatusChangesReview, "id"),
        ["POST /api/services/changes/{id:long}/answer"] = Supervision.Missing(Permissions.StatusChangesReview, "id"),
        ["GET /api/services/deadlines"] = Rule.Needs(Permissions.StatusChangesReview),
        ["GET /api/services/students"] = Rule.Scoped(Permissions.StatusChangesReview, Target.School) with { Query = "school" },
        ["GET /api/services/timeliness"] = Rule.Needs(Permissions.StatusChangesReview),
        ["GET /api/services/figures"] = Rule.Needs(Permissions.StatusChangesReview),
        ["GET /api/services/rating-cases"] = Rule.Needs(Permissions.StatusChangesReview),
        ["POST /api/services/rating-cases/{id:long}/answer"] = Supervision.Missing(Permissions.StatusChangesReview, "id"),
        ["GET /services/dashboard"] = Rule.Needs(Permissions.StatusChangesReview),
        ["GET /services/rating-cases/{Id:long}"] = Supervision.Missing(Permissions.StatusChangesReview, "Id"),
        // 转入: the receiving school registers the child (a school of the caller's own, by ?school=).
        ["GET /services/changes/incoming"] = Rule.Scoped(Permissions.StatusChangesReview, Target.School) with { Query = "school" },
        // A change's files, the reviewers' side: a file or change nobody has is 404 to holders.
        ["POST /api/services/changes/{id:long}/materials"] = Rule.Needs(Permissions.StatusChangesReview) with { Status = StatusCodes.Status400BadRequest, Fixed = new() { ["id"] = "0" } },
        ["GET /api/services/materials/{materialId:long}"] = Supervision.Missing(Permissions.StatusChangesReview, "materialId"),
        ["DELETE /api/services/materials/{materialId:long}"] = Supervision.Missing(Permissions.StatusChangesReview, "materialId"),
        ["GET /services/changes/materials/{materialId:long}"] = Supervision.Missing(Permissions.StatusChangesReview, "materialId"),
        // The page forms: holders without the form's token are refused (400).
        ["POST /services/changes/{id:long}/materials"] = Rule.Needs(Permissions.StatusChangesReview) with { Status = StatusCodes.Status400BadRequest, Fixed = new() { ["id"] = "0" } },
        ["POST /services/changes/materials/{materialId:long}/remove"] = Rule.Needs(Permissions.StatusChangesReview) with { Status = StatusCodes.Status400BadRequest, Fixed = new() { ["materialId"] = "0" } },
        // The 控辍保学 ledger: a case nobody has is 404 to holders; a report without a body is 400.
        ["GET /services/dropouts"] = Rule.Needs(Permissions.StatusChangesReview),
        ["GET /services/dropouts/new"] = Rule.Scoped(Permissions.StatusChangesReview, Target.School) with { Query = "school" },
        ["GET /services/dropouts/{Id:long}"] = Supervision.Missing(Permissions.StatusChangesReview, "Id"),
        ["GET /api/services/dropouts/"] = Rule.Needs(Permissions.StatusChangesReview),
        ["POST /api/services/dropouts/"] = Rule.Needs(Permissions.StatusChangesReview) with { Status = StatusCodes.Status400BadRequest },
        ["GET /api/services/dropouts/{id:long}"] = Supervision.Missing(Permissions.StatusChangesReview, "id"),
        ["POST /api/services/dropouts/{id:long}/follow-ups"] = Supervision.Missing(Permissions.StatusChangesReview, "id"),
        ["POST /api/services/dropouts/{id:long}/end"] = Supervision.Missing(Permissions.StatusChangesReview, "id"),
        // The catalogue's editing is the city bureau's: an item nobody has is 404 to it; a draft without a body is 400.
        // Exams: the figures are scoped rows, so an exam no unit of the caller sat is simply not there (404).
        ["GET /exams"] = Rule.Needs(Permissions.ExamsRead),
        ["GET /exams/import"] = Rule.Needs(Permissions.ExamsManage),
        ["GET /exams/{Code}"] = Supervision.Missing(Permissions.ExamsRead, "Code"),
        ["GET /exams/{Code}/value-added"] = Supervision.Missing(Permissions.ExamsRead, "Code"),
        ["GET /api/exams/"] = Rule.Needs(Permissions.ExamsRead),
        ["GET /api/exams/{code}"] = Supervision.Missing(Permissions.ExamsRead, "code"),
        ["GET /api/exams/{code}/report.xlsx"] = Supervision.Missing(Permissions.ExamsRead, "code"),
        ["POST /api/exams/import"] = Rule.Needs(Permissions.ExamsManage) with { Status = StatusCodes.Status400BadRequest },
        ["GET /api/exams/{code}/value-added/"] = Supervision.Missing(Permissions.ExamsRead, "code"),
        ["POST /api/exams/{code}/value-added/"] = Supervision.Missing(Permissions.ExamsManage, "code"),
        ["GET /exams/{Code}/support"] = Supervision.Missing(Permissions.ExamsSupportList, "Code"),
        ["GET /api/exams/{code}/support-list"] = Supervision.Missing(Permissions.ExamsSupportList, "code"),
        ["GET /api/exams/{code}/report.pdf"] = Supervision.Missing(Permissions.ExamsRead, "code"),
        ["GET /api/exams/{code}/score-reports.pdf"] = Supervision.Missing(Permissions.ExamsScoreReports, "code") with { Status = StatusCodes.Status400BadRequest },
        ["POST /api/exams/{code}/release"] = Supervision.Missing(Permissions.ExamsManage, "code"),
        ["POST /api/exams/{code}/items"] = Rule.Needs(Permissions.ExamsManage) with { Status = StatusCodes.Status400BadRequest, Fixed = new() { ["code"] = "0" } },
        ["PUT /api/exams/{code}/thresholds"] = Supervision.Missing(Permissions.ExamsManage, "code") with { Status = StatusCodes.Status400BadRequest },
        ["GET /teachers"] = Rule.Needs(Permissions.TeachersRead),
        ["GET /teachers/establishment"] = Rule.Needs(Permissions.TeachersRead),
        ["GET /teachers/{StaffId:long}"] = Rule.Scoped(Permissions.TeachersRead, Target.School) with { Prepare = TeacherAt },
        ["GET /api/teachers/overview"] = Rule.Needs(Permissions.TeachersRead),
        ["GET /api/teachers/establishment/"] = Rule.Needs(Permissions.TeachersRead),
        ["PUT /api/teachers/establishment/"] = Rule.Needs(Permissions.TeachersManage) with { Status = StatusCodes.Status400BadRequest },
        ["GET /api/teachers/{staffId:long}"] = Rule.Scoped(Permissions.TeachersRead, Target.School) with { Prepare = TeacherAt },
        ["POST /api/teachers/{staffId:long}/certificates"] = Rule.Scoped(Permissions.TeachersManage, Target.School, StatusCodes.Status400BadRequest) with { Prepare = TeacherAt, Body = EmptyObject },
        ["POST /api/teachers/{staffId:long}/certificates/{certificateId:long}/registrations"] =
            Rule.Scoped(Permissions.TeachersManage, Target.School, StatusCodes.Status400BadRequest) with { Prepare = TeacherAt, Body = EmptyObject, Fixed = new() { ["certificateId"] = "0" } },
        ["POST /api/teachers/{staffId:long}/titles"] = Rule.Scoped(Permissions.TeachersManage, Target.School, StatusCodes.Status400BadRequest) with { Prepare = TeacherAt, Body = EmptyObject },
        ["POST /api/teachers/{staffId:long}/backbone"] = Rule.Scoped(Permissions.TeachersManage, Target.School, StatusCodes.Status400BadRequest) with { Prepare = TeacherAt, Body = EmptyObject },
        ["POST /api/teachers/{staffId:long}/honours"] = Rule.Scoped(Permissions.TeachersManage, Target.School, StatusCodes.Status400BadRequest) with { Prepare = TeacherAt, Body = EmptyObject },
        ["POST /api/teachers/studios/"] = Rule.Needs(Permissions.TeachersManage) with { Status = StatusCodes.Status400BadRequest },
        ["POST /api/teachers/studios/{studioId:long}/members"] = Rule.Needs(Permissions.TeachersManage) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["studioId"] = "0" }, Body = EmptyObject,
        },
        ["GET /teachers/ethics"] = Rule.Needs(Permissions.TeachersEthics),
        ["GET /api/teachers/ethics"] = Rule.Needs(Permissions.TeachersEthics),
        ["PUT /api/teachers/{staffId:long}/ethics/{year:int}"] = Rule.Scoped(Permissions.TeachersEthics, Target.School, StatusCodes.Status400BadRequest) with
        {
            Prepare = TeacherAt, Body = EmptyObject, Fixed = new() { ["year"] = ThisYear },
        },
        ["POST /api/teachers/{staffId:long}/ethics/{year:int}/confirm"] = Rule.Scoped(Permissions.TeachersEthics, Target.School, StatusCodes.Status404NotFound) with
        {
            Prepare = TeacherAt, Fixed = new() { ["year"] = "2000" },
        },
        ["GET /teachers/training"] = Rule.Needs(Permissions.TeachersRead),
        ["GET /teachers/training/courses"] = Rule.Needs(Permissions.TeachersRead),
        ["GET /teachers/training/courses/{Code}"] = Rule.Needs(Permissions.TeachersRead) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["Code"] = "NO-SUCH" } },
        ["GET /teachers/{StaffId:long}/training"] = Rule.Scoped(Permissions.TeachersRead, Target.School) with { Prepare = TeacherAt },
        ["GET /api/teachers/training"] = Rule.Needs(Permissions.TeachersRead),
        ["GET /api/teachers/training/catalogue"] = Rule.Needs(Permissions.TeachersRead),
        ["GET /api/teachers/training/courses/{code}"] = NoSuchCourse(Permissions.TeachersRead),
        ["GET /api/teachers/{staffId:long}/training"] = Rule.Scoped(Permissions.TeachersRead, Target.School) with { Prepare = TeacherAt },
        ["POST /api/teachers/{staffId:long}/training"] = Rule.Scoped(Permissions.TeachersManage, Target.School, StatusCodes.Status400BadRequest) with { Prepare = TeacherAt, Body = EmptyObject },
        ["POST /api/teachers/training/import"] = Rule.Needs(Permissions.TeachersManage) with
        {
            Status = StatusCodes.Status400BadRequest, Body = (_, _) => Task.FromResult<HttpContent>(new MultipartFormDataContent { { new StringContent("true"), "dryRun" } }),
        },
        ["POST /api/teachers/training/providers"] = Rule.Needs(Permissions.TeachersManage) with { Status = StatusCodes.Status400BadRequest, Body = EmptyObject },
        ["POST /api/teachers/training/courses"] = Rule.Needs(Permissions.TeachersManage) with { Status = StatusCodes.Status400BadRequest, Body = EmptyObject },
        ["POST /api/teachers/training/courses/{code}/enrolments"] = NoSuchCourse(Permissions.TeachersManage) with { Status = StatusCodes.Status400BadRequest, Body = EmptyObject },
        ["PUT /api/teachers/training/courses/{code}/enrolments/{staffId:long}"] = NoSuchCourse(Permissions.TeachersManage) with
        {
            Body = EmptyObject, Fixed = new() { ["code"] = "NO-SUCH", ["staffId"] = "0" },
        },
        ["POST /api/teachers/training/courses/{code}/close"] = NoSuchCourse(Permissions.TeachersManage),
        ["GET /teachers/rotation"] = Rule.Needs(Permissions.TeachersRead),
        ["GET /teachers/rural"] = Rule.Needs(Permissions.TeachersRead),
        ["GET /api/teachers/rotation"] = Rule.Needs(Permissions.TeachersRead),
        ["GET /api/teachers/rural"] = Rule.Needs(Permissions.TeachersRead),
        ["POST /api/teachers/rotation/moves"] = Rule.Needs(Permissions.TeachersManage) with { Status = StatusCodes.Status404NotFound, Body = EmptyObject },
        ["POST /api/teachers/rotation/moves/{moveId:long}/approve"] = Rule.Needs(Permissions.TeachersManage) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["moveId"] = "0" },
        },
        ["POST /api/teachers/rotation/moves/{moveId:long}/withdraw"] = Rule.Needs(Permissions.TeachersManage) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["moveId"] = "0" },
        },
        ["POST /api/teachers/rotation/{district}/apply"] = Rule.Needs(Permissions.TeachersManage) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["district"] = "000000" },
        },
        ["GET /growth/health"] = Rule.Needs(Permissions.GrowthRead),
        ["GET /api/growth/health"] = Rule.Needs(Permissions.GrowthRead),
        ["GET /api/growth/health/standard"] = Rule.Needs(Permissions.GrowthRead),
        ["GET /growth/health/import"] = Rule.Needs(Permissions.GrowthHealth),
        ["GET /growth/health/{School}/classes/{ClassName}"] = Rule.Scoped(Permissions.GrowthHealth, Target.School) with { Fixed = new() { ["ClassName"] = "无此班" } },
        ["GET /api/growth/health/{school}/classes/{className}"] = Rule.Scoped(Permissions.GrowthHealth, Target.School) with { Fixed = new() { ["className"] = "无此班" } },
        ["POST /api/growth/fitness/import"] = Rule.Needs(Permissions.GrowthHealth) with
        {
            Status = StatusCodes.Status400BadRequest, Body = (_, _) => Task.FromResult<HttpContent>(new MultipartFormDataContent { { new StringContent("true"), "dryRun" } }),
        },
        ["POST /api/growth/vision/import"] = Rule.Needs(Permissions.GrowthHealth) with
        {
            Status = StatusCodes.Status400BadRequest, Body = (_, _) => Task.FromResult<HttpContent>(new MultipartFormDataContent { { new StringContent("true"), "dryRun" } }),
        },
        ["GET /growth/mental"] = Rule.Needs(Permissions.GrowthRead),
        ["GET /api/growth/mental"] = Rule.Needs(Permissions.GrowthRead),
        ["GET /growth/mental/cases/{Id:long}"] = Rule.Needs(Permissions.GrowthMental) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["Id"] = "0" } },
        ["GET /api/growth/mental/cases"] = Rule.Needs(Permissions.GrowthMental),
        ["POST /api/growth/mental/screenings"] = Rule.Needs(Permissions.GrowthMental) with { Status = StatusCodes.Status400BadRequest, Body = EmptyObject },
        ["POST /api/growth/mental/cases/{id:long}/open"] = Rule.Needs(Permissions.GrowthMental) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject,
        },
        ["POST /api/growth/mental/cases/{id:long}/entries"] = Rule.Needs(Permissions.GrowthMental) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject,
        },
        ["GET /growth/practice"] = Rule.Needs(Permissions.GrowthRead),
        ["GET /api/growth/practice"] = Rule.Needs(Permissions.GrowthRead),
        ["GET /growth/practice/sessions/{Id:long}/code"] = Rule.Needs(Permissions.GrowthPractice) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["Id"] = "0" } },
        ["POST /api/growth/practice/venues"] = Rule.Needs(Permissions.GrowthPractice) with { Status = StatusCodes.Status400BadRequest, Body = EmptyObject },
        ["POST /api/growth/practice/venues/{code}/approve"] = Rule.Needs(Permissions.GrowthPractice) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["code"] = "NO-SUCH" } },
        ["POST /api/growth/practice/venues/{code}/sessions"] = Rule.Needs(Permissions.GrowthPractice) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["code"] = "NO-SUCH" }, Body = EmptyObject,
        },
        ["POST /api/growth/practice/sessions/{id:long}/bookings"] = Rule.Needs(Permissions.GrowthPractice) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject,
        },
        ["GET /api/growth/practice/sessions/{id:long}/check-in-code"] = Rule.Needs(Permissions.GrowthPractice) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" } },
        ["GET /growth/practice/trips"] = Rule.Needs(Permissions.GrowthPractice),
        ["GET /api/growth/practice/trips"] = Rule.Needs(Permissions.GrowthPractice),
        ["POST /api/growth/practice/venues/{code}/courses"] = Rule.Needs(Permissions.GrowthPractice) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["code"] = "NO-SUCH" }, Body = EmptyObject,
        },
        ["POST /api/growth/practice/trips"] = Rule.Scoped(Permissions.GrowthPractice, Target.School, StatusCodes.Status400BadRequest) with { Query = "school", Body = EmptyObject },
        ["POST /api/growth/practice/trips/{id:long}/review"] = Rule.Needs(Permissions.GrowthPractice) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject,
        },
        ["POST /api/growth/practice/trips/{id:long}/done"] = Rule.Needs(Permissions.GrowthPractice) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" } },
        ["GET /growth/aid"] = Rule.Needs(Permissions.GrowthAid),
        ["GET /api/growth/aid/"] = Rule.Needs(Permissions.GrowthAid),
        ["POST /api/growth/aid/applications"] = Rule.Needs(Permissions.GrowthAid) with { Status = StatusCodes.Status400BadRequest, Body = EmptyObject },
        ["POST /api/growth/aid/applications/{id:long}/review"] = Rule.Needs(Permissions.GrowthAid) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject,
        },
        ["POST /api/growth/aid/applications/{id:long}/payments"] = Rule.Needs(Permissions.GrowthAid) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject,
        },
        // Growth records: a teacher's own classes and a school's (growth.record), the term's confirmation (growth.record-confirm).
        ["GET /growth/records"] = Rule.Needs(Permissions.GrowthRecord),
        ["GET /growth/records/classes/{ClassId:long}"] = Rule.Needs(Permissions.GrowthRecord) with { Fixed = new() { ["ClassId"] = "0" } },
        ["GET /growth/records/students/{StudentId:long}"] = Rule.Needs(Permissions.GrowthRecord) with { Fixed = new() { ["StudentId"] = "0" } },
        ["GET /api/growth/records/classes"] = Rule.Needs(Permissions.GrowthRecord),
        ["GET /api/growth/records/classes/{classId:long}"] = Rule.Needs(Permissions.GrowthRecord) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["classId"] = "0" } },
        ["POST /api/growth/records/classes/{classId:long}/confirm"] = Rule.Needs(Permissions.GrowthRecordConfirm) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["classId"] = "0" }, Body = EmptyObject,
        },
        ["GET /api/growth/records/students/{studentId:long}"] = Rule.Needs(Permissions.GrowthRecord) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["studentId"] = "0" } },
        ["POST /api/growth/records/students/{studentId:long}/entries"] = Rule.Needs(Permissions.GrowthRecord) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["studentId"] = "0" }, Body = EmptyObject,
        },
        ["DELETE /api/growth/records/entries/{entryId:long}"] = Rule.Needs(Permissions.GrowthRecord) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["entryId"] = "0" } },
        ["POST /api/growth/records/evidence/{id:long}/review"] = Rule.Needs(Permissions.GrowthRecord) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject,
        },
        ["GET /api/growth/records/evidence/{id:long}/file"] = Rule.Needs(Permissions.GrowthRecord) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" } },
        ["GET /api/growth/records/students/{studentId:long}/handbook.pdf"] = Rule.Needs(Permissions.GrowthRecord) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["studentId"] = "0" },
        },
        // Care for left-behind children (growth.care): a ledger nobody has is 404; the room of a school out of scope is 404.
        ["GET /growth/care"] = Rule.Needs(Permissions.GrowthCare),
        ["GET /growth/care/ledgers/{Id:long}"] = Rule.Needs(Permissions.GrowthCare) with { Fixed = new() { ["Id"] = "0" } },
        ["GET /api/growth/care/"] = Rule.Needs(Permissions.GrowthCare),
        ["PUT /api/growth/care/room"] = Rule.Scoped(Permissions.GrowthCare, Target.School, StatusCodes.Status400BadRequest) with { Query = "school", Body = EmptyObject },
        ["POST /api/growth/care/room/uses"] = Rule.Scoped(Permissions.GrowthCare, Target.School, StatusCodes.Status400BadRequest) with { Query = "school", Body = EmptyObject },
        ["POST /api/growth/care/ledgers"] = Rule.Needs(Permissions.GrowthCare) with { Status = StatusCodes.Status400BadRequest, Body = EmptyObject },
        ["GET /api/growth/care/ledgers/{id:long}"] = Rule.Needs(Permissions.GrowthCare) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" } },
        ["POST /api/growth/care/ledgers/{id:long}/contacts"] = Rule.Needs(Permissions.GrowthCare) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject,
        },
        ["POST /api/growth/care/ledgers/{id:long}/close"] = Rule.Needs(Permissions.GrowthCare) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" } },
        ["GET /growth/home-teaching"] = Rule.Needs(Permissions.GrowthCare),
        ["GET /api/growth/home-teaching/"] = Rule.Needs(Permissions.GrowthCare),
        ["POST /api/growth/home-teaching/plans"] = Rule.Needs(Permissions.GrowthCare) with { Status = StatusCodes.Status400BadRequest, Body = EmptyObject },
        ["POST /api/growth/home-teaching/plans/{id:long}/visits"] = Rule.Needs(Permissions.GrowthCare) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" }, Body = EmptyObject,
        },
        ["POST /api/growth/home-teaching/plans/{id:long}/end"] = Rule.Needs(Permissions.GrowthCare) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["id"] = "0" } },
        ["GET /report"] = Rule.Public(),
        ["GET /report/follow"] = Rule.Public(),
        ["POST /api/report/"] = Rule.Public(StatusCodes.Status400BadRequest) with { Body = (_, _) => Task.FromResult<HttpContent>(new MultipartFormDataContent()) },
        ["POST /api/report/follow"] = Rule.Public(StatusCodes.Status404NotFound) with
        {
            Body = (_, _) => Task.FromResult<HttpContent>(Http.Json(new { number = "JB-2026-000000", secret = "0000-0000-0000" })),
        },
        ["POST /api/report/follow/add"] = Rule.Public(StatusCodes.Status404NotFound) with
        {
            Body = (_, _) => Task.FromResult<HttpContent>(new MultipartFormDataContent
            {
                { new StringContent("JB-2026-000000"), "number" }, { new StringContent("0000-0000-0000"), "secret" }, { new StringContent("权限矩阵补充材料"), "text" },
            }),
        },
        ["GET /teachers/reports"] = Rule.Needs(Permissions.TeachersReportsHandle),
        ["GET /teachers/reports/{Number}"] = Rule.Needs(Permissions.TeachersReportsHandle) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["Number"] = "JB-2026-000000" } },
        ["GET /api/teachers/reports/"] = Rule.Needs(Permissions.TeachersReportsHandle),
        ["GET /api/teachers/reports/{number}"] = NoSuchReport(Permissions.TeachersReportsHandle),
        ["POST /api/teachers/reports/{number}/acknowledge"] = NoSuchReport(Permissions.TeachersReportsHandle),
        ["POST /api/teachers/reports/{number}/investigate"] = NoSuchReport(Permissions.TeachersReportsHandle),
        ["POST /api/teachers/reports/{number}/notes"] = NoSuchReport(Permissions.TeachersReportsHandle) with { Body = EmptyObject },
        ["POST /api/teachers/reports/{number}/conclude"] = NoSuchReport(Permissions.TeachersReportsHandle) with { Body = EmptyObject },
        ["POST /api/teachers/reports/{number}/contact"] = NoSuchReport(Permissions.TeachersReportsContact) with { Body = EmptyObject },
        ["GET /api/teachers/reports/files/{fileId:long}"] = Rule.Needs(Permissions.TeachersReportsHandle) with
        {
            Status = StatusCodes.Status404NotFound, Fixed = new() { ["fileId"] = "0" },
        },
        ["GET /surveys"] = Rule.Needs(Permissions.SurveysRead),
        ["GET /surveys/new"] = Rule.Needs(Permissions.SurveysManage),
        ["GET /surveys/{Code}"] = Supervision.Missing(Permissions.SurveysRead, "Code"),
        ["GET /surveys/{Code}/links"] = Supervision.Missing(Permissions.SurveysDistribute, "Code"),
        ["GET /api/surveys/"] = Rule.Needs(Permissions.SurveysRead),
        ["GET /api/surveys/questionnaires"] = Rule.Needs(Permissions.SurveysRead),
        ["POST /api/surveys/questionnaires"] = Rule.Needs(Permissions.SurveysManage) with { Status = StatusCodes.Status400BadRequest },
        ["POST /api/surveys/"] = Rule.Needs(Permissions.SurveysManage) with { Status = StatusCodes.Status400BadRequest },
        ["GET /api/surveys/{code}/results"] = Supervision.Missing(Permissions.SurveysRead, "code"),
        ["POST /api/surveys/{code}/close"] = Supervision.Missing(Permissions.SurveysManage, "code"),
        ["POST /api/surveys/{code}/links"] = Supervision.Missing(Permissions.SurveysDistribute, "code") with { Status = StatusCodes.Status400BadRequest },
        ["GET /services/catalogue"] = Rule.Needs(Permissions.ServiceCatalogueManage),
        ["GET /services/catalogue/edit"] = Rule.Needs(Permissions.ServiceCatalogueManage),
        ["GET /api/services/catalogue/"] = Rule.Needs(Permissions.ServiceCatalogueManage),
        ["GET /api/services/catalogue/{code}/versions"] = Rule.Needs(Permissions.ServiceCatalogueManage) with { Fixed = new() { ["code"] = "QDJY-XJ-001" } },
        ["PUT /api/services/catalogue/{code}/draft"] = Rule.Needs(Permissions.ServiceCatalogueManage) with { Status = StatusCodes.Status400BadRequest, Fixed = new() { ["code"] = "MATRIX-ITEM" } },
        ["POST /api/services/catalogue/{code}/publish"] = Rule.Needs(Permissions.ServiceCatalogueManage) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["code"] = "NO-SUCH-ITEM" } },
        ["POST /api/services/catalogue/{code}/withdraw"] = Rule.Needs(Permissions.ServiceCatalogueManage) with { Status = StatusCodes.Status404NotFound, Fixed = new() { ["code"] = "NO-SUCH-ITEM" } },
        ["GET /admissions"] = Rule.Needs(Permissions.AdmissionsReview),
        ["GET /admissions/seasons/{Id:long}"] = Supervision.Missing(Permissions.AdmissionsReview, "Id"),
        ["GET /admissions/seasons/{Id:long}/applications"] = Supervision.Missing(Permissions.AdmissionsReview, "Id"),
        // A season's public draw: the page and its package are everyone's (codes and digests, no child named); the demo
        // season is committed but not drawn, so its package is not there yet.
        ["GET /admissions/draws/{Code}"] = Rule.Public() with { Fixed = new() { ["Code"] = AdmissionsMatrix.DemoSeasonCode } },
        ["GET /admissions/draws/{code}/package.zip"] = Rule.Public(StatusCodes.Status404NotFound) with { Fixed = new() { ["code"] = AdmissionsMatrix.DemoSeasonCode } },
        ["GET /admissions/seasons/{Id:long}/allocation"] = Rule.Scoped(Permissions.AdmissionsManage, Target.Unit, StatusCodes.Status200OK) with { Prepare = AdmissionsMatrix.SeasonOfAsync },
        ["GET /admissions/seasons/new"] = Rule.Needs(Permissions.AdmissionsManage),
        ["GET /admissions/seasons/{Id:long}/coordination"] = Rule.Scoped(Permissions.AdmissionsManage, Target.Unit) with { Prepare = AdmissionsMatrix.SeasonOfAsync },
        ["GET /admissions/seasons/{Id:long}/setup"] = Rule.Scoped(Permissions.AdmissionsManage, Target.Unit) with { Prepare = AdmissionsMatrix.SeasonOfAsync },
        // Zones are published to families: any admissions officer may download any season's.
        ["GET /admissions/seasons/{id:long}/zones.xlsx"] = Supervision.Missing(Permissions.AdmissionsReview, "id"),
        // The intake page: GET, and its form POST on the same endpoint (IntakeTests posts with and without the form token; a school admin is refused).
        ["GET /admissions/seasons/{Id:long}/intake"] = Rule.Scoped(Permissions.AdmissionsManage, Target.Unit) with { Prepare = AdmissionsMatrix.SeasonOfAsync },
        // The exchange-file upload posts to the page itself (one endpoint, GET and POST): VerificationTests posts it as
        // a school administrator and another district's.
        ["GET /admissions/seasons/{Id:long}/verification"] = Rule.Scoped(Permissions.AdmissionsManage, Target.Unit) with { Prepare = AdmissionsMatrix.SeasonOfAsync },
        // The appeals (复核) page: its answer forms post to the page itself (AppealTests posts one; a school admin and another district are refused).
        ["GET /admissions/seasons/{Id:long}/appeals"] = Rule.Scoped(Permissions.AdmissionsManage, Target.Unit) with { Prepare = AdmissionsMatrix.SeasonOfAsync },
        ["GET /admissions/materials/{materialId:long}"] = Supervision.Missing(Permissions.AdmissionsReview, "materialId"),
        ["GET /admissions/applications/{Id:long}"] = Rule.Scoped(Permissions.AdmissionsReview, Target.School) with { Prepare = AdmissionsMatrix.ApplicationAtAsync },

        // Indicators: collection forms. Rounds and returns nobody has (0): holders of the permission learn they do not
        // exist, others may not ask. Which unit fills a return and which bureau reviews it is FormsApiTests' subject.
        ["GET /indicators/forms"] = Rule.Needs(Permissions.IndicatorsRead),
        ["GET /indicators/forms/rounds/{Id:long}"] = Supervision.Missing(Permissions.IndicatorsRead, "Id"),
        ["GET /indicators/forms/returns/{Id:long}"] = Supervision.Missing(Permissions.IndicatorsRead, "Id"),
        ["GET /api/indicators/forms/"] = Rule.Needs(Permissions.IndicatorsRead),
        ["GET /api/indicators/forms/rounds"] = Rule.Needs(Permissions.IndicatorsRead),
        // A round that names nothing: senders are told what is missing (400), others may not send.
        ["POST /api/indicators/forms/rounds"] = new Rule(Access.Permission, Permissions.IndicatorsManage, Status: StatusCodes.Status400BadRequest)
            with { Body = (_, _) => Task.FromResult<HttpContent>(Http.Json(new { })) },
        ["GET /api/indicators/forms/rounds/{id:long}"] = Supervision.Missing(Permissions.IndicatorsRead, "id"),
        ["GET /api/indicators/forms/mine"] = Rule.Needs(Permissions.IndicatorsReport),
        ["GET /api/indicators/forms/returns/{id:long}"] = Supervision.Missing(Permissions.IndicatorsRead, "id"),
        // indicators.read: a unit's reporters fill its return, a bureau's managers its own (市本级); the use case decides which.
        ["PUT /api/indicators/forms/returns/{id:long}"] = Supervision.Missing(Permissions.IndicatorsRead, "id"),
        ["POST /api/indicators/forms/returns/{id:long}/submit"] = Supervision.Missing(Permissions.IndicatorsRead, "id"),
        ["POST /api/indicators/forms/returns/{id:long}/approve"] = Supervision.Missing(Permissions.IndicatorsManage, "id"),
        ["POST /api/indicators/forms/returns/{id:long}/send-back"] = Supervision.Missing(Permissions.IndicatorsManage, "id"),

        // Signing in and out, the language switch, the OpenID Connect provider. The protocol endpoints answer a bare
        // request (no OAuth parameters, no token) with the protocol's own error, the same for everyone: 400
        // invalid_request, or 401 for the user-info endpoint, which wants a bearer token (RFC 6750).
        ["POST /logout"] = new Rule(Access.Antiforgery) with { EndsSession = true },
        ["POST /parent/logout"] = new Rule(Access.Antiforgery) with { ForParents = true, EndsSession = true },
        ["GET /culture"] = Rule.Public(StatusCodes.Status302Found) with { EndsSession = true },
        ["GET /connect/authorize"] = Rule.Public(StatusCodes.Status400BadRequest),
        ["POST /connect/token"] = Rule.Public(StatusCodes.Status400BadRequest),
        ["GET /connect/userinfo"] = Rule.Public(StatusCodes.Status401Unauthorized),
        ["GET /connect/endsession"] = Rule.Public(StatusCodes.Status302Found) with { EndsSession = true },

        // Platform: health, API description, framework plumbing, and the development-time fallback MapStaticAssets adds
        // for files that appeared after the build (tests run in Development, where it exists).
        ["GET /health"] = Rule.Public(),
        ["GET /openapi/{documentName}.json"] = Rule.Public() with { Fixed = new Dictionary<string, string> { ["documentName"] = "v1" } },
        ["GET /scalar/{documentName?}"] = Rule.Public() with { Fixed = new Dictionary<string, string> { ["documentName"] = "v1" } },
        ["GET /scalar/scalar.js"] = Rule.Public(),
        ["GET /scalar/scalar.aspnetcore.js"] = Rule.Public(),
        ["GET /scalar/favicon.svg"] = Rule.Public(),
        ["GET /_framework/opaque-redirect"] = Rule.Public(StatusCodes.Status400BadRequest),
        ["GET /{**path:file}"] = Rule.Public(StatusCodes.Status404NotFound) with { Fixed = new Dictionary<string, string> { ["path"] = "no-such-file.txt" } },
    };

    private static readonly Rule StaticAsset = Rule.Public();

    [Fact]
    public void Every_endpoint_has_a_rule_and_every_rule_an_endpoint()
    {
        var endpoints = Endpoints();
        var missing = endpoints.Where(e => e.Rule is null).Select(e => $"{e.Key} ({e.Endpoint.DisplayName})").ToList();
        var stale = Rules.Keys.Except(endpoints.Select(e => e.Key)).ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            (missing.Count > 0 ? $"Endpoints without a rule in {nameof(AuthorizationMatrixTests)}.{nameof(Rules)} (add one):\n  {string.Join("\n  ", missing)}\n" : "")
            + (stale.Count > 0 ? $"Rules for endpoints that no longer exist (remove them):\n  {string.Join("\n  ", stale)}" : ""));
    }

    [Fact]
    public async Task Every_endpoint_answers_every_role_in_and_out_of_scope_as_its_rule_says()
    {
        var endpoints = Endpoints().Where(e => e.Rule is not null).ToList();
        var failures = new List<string>();
        var checks = 0;
        var callers = new List<(RoleUnderTest? Role, bool Parent)> { (null, false), (null, true) };
        callers.AddRange(app.World.Roles.Select(r => ((RoleUnderTest?)r, false)));
        foreach (var (caller, parent) in callers)
        {
            var client = parent ? (await Parents.SignInAsync(app)).Client : caller is null ? app.Anonymous() : await app.ClientAsync(caller.UserName);
            foreach (var (key, endpoint, rule) in endpoints)
            {
                foreach (var inScope in rule!.Target == Target.None ? [true] : new[] { true, false })
                {
                    checks++;
                    var value = TargetValue(app.World, rule.Target, caller ?? app.World.Role(Roles.CityAdmin), inScope);
                    var expected = Expect(rule, caller, parent, inScope);
                    var session = !rule.EndsSession ? client
                        : parent ? (await Parents.SignInAsync(app)).Client
                        : caller is not null ? await app.SignInAsync(caller.UserName)
                        : client;
                    var errorsBefore = app.ServerErrors.All.Count;
                    var failure = await CheckAsync(session, key, endpoint, rule, value, expected);
                    if (failure is not null)
                    {
                        var errors = app.ServerErrors.All.Count > errorsBefore ? "\n" + app.ServerErrors.Since(errorsBefore) : "";
                        failures.Add($"{(parent ? "parent" : caller?.ToString() ?? "anonymous")}, {(inScope ? "in scope" : "out of scope")}: {failure}{errors}");
                    }
                }
            }
        }
        output.WriteLine($"{checks} checks over {endpoints.Count} endpoints and {callers.Count} callers; {failures.Count} mismatches.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checks} answers differ from the rules:\n{string.Join("\n", failures)}");
    }

    private enum Outcome
    {
        Allowed,
        SignInRequired,
        ParentSignInRequired,
        Forbidden,
        NotFound,
        FieldError,
        Exact,
    }

    /// <summary>What the rule and the role's permissions say the answer must be (and its status, when it is exact).</summary>
    private static (Outcome Outcome, int Status) Expect(Rule rule, RoleUnderTest? caller, bool parent, bool inScope) => rule.Access switch
    {
        Access.Public => (Outcome.Exact, rule.Status),
        // Without the token a caller with a session of that kind is refused; one without has no session to end: a no-op
        // redirect (staff), or the parent sign-in (the parent sign-out is behind the parent policy).
        Access.Antiforgery when rule.ForParents => parent ? (Outcome.Exact, StatusCodes.Status400BadRequest) : (Outcome.ParentSignInRequired, 0),
        Access.Antiforgery => caller is null ? (Outcome.Exact, StatusCodes.Status302Found) : (Outcome.Exact, StatusCodes.Status400BadRequest),
        Access.Parent => parent ? (Outcome.Allowed, rule.Status) : (Outcome.ParentSignInRequired, 0),
        // A parent is nobody to the staff scheme: signed out, whatever the endpoint.
        _ when caller is null => (Outcome.SignInRequired, 0),
        Access.SignedIn => (Outcome.Allowed, rule.Status),
        _ when !caller.Has(rule.Permission!) => (Outcome.Forbidden, 0),
        _ when rule.BureauOnly && !Roles.IsBureauRole(caller.Role.Name) => (Outcome.Forbidden, 0),
        // A teacher reads only the students of the classes their staff record heads or teaches. The matrix's teacher is
        // the demo teacher and its in-scope student the first of her school, in the class she heads; a student of her
        // school outside her classes is TeacherAccessTests' subject (404, as outside the scope).
        _ when inScope => (Outcome.Allowed, rule.Status),
        _ => (rule.BodyField is null ? Outcome.NotFound : Outcome.FieldError, 0),
    };

    private async Task<string?> CheckAsync(HttpClient client, string key, RouteEndpoint endpoint, Rule rule, string? value, (Outcome, int) expectation)
    {
        var (expected, expectedStatus) = expectation;
        var method = key[..key.IndexOf(' ', StringComparison.Ordinal)];
        if (rule.Prepare is not null && value is not null)
        {
            value = await rule.Prepare(app, value);
        }
        var url = Fill(endpoint.RoutePattern, rule, value);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (rule.Body is not null && (value is not null || rule.Target == Target.None))
        {
            request.Content = await rule.Body(app, value ?? "");
        }
        if (rule.IfMatch is not null && value is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", await rule.IfMatch(app, value));
        }
        using var response = await client.SendAsync(request);
        var isApi = url.StartsWith("/api/", StringComparison.Ordinal);
        var isPage = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null;
        // Pages escape markup characters (&amp;, &quot;, &#x27;) in names: decode, or a leaked name would go unseen.
        var body = await response.Content.ReadAsStringAsync();
        body = isPage ? WebUtility.HtmlDecode(body) : body;
        var status = (int)response.StatusCode;
        string? Problem(string what) =>
            $"{method} {url} [{rule}]: expected {what}, got {status}{(response.IsRedirect() ? " → " + response.Headers.Location : "")} {Http.Snippet(body, 160)}";

        switch (expected)
        {
            case Outcome.Exact:
                return status == expectedStatus ? null : Problem(expectedStatus.ToString(CultureInfo.InvariantCulture));

            case Outcome.SignInRequired:
                if (isApi)
                {
                    return status == 401 ? null : Problem("401");
                }
                return response.IsRedirect() && response.RedirectPath() == "/login" ? null : Problem("a redirect to /login");

            case Outcome.ParentSignInRequired:
                if (isApi)
                {
                    return status == 401 ? null : Problem("401");
                }
                return response.IsRedirect() && response.RedirectPath() == "/parent/login" ? null : Problem("a redirect to /parent/login");

            case Outcome.Forbidden:
                if (isApi)
                {
                    return status == 403 ? null : Problem("403");
                }
                return response.IsRedirect() && response.RedirectPath() == "/access-denied" ? null : Problem("a redirect to /access-denied");

            case Outcome.NotFound:
                if (Leaks(body, value))
                {
                    return Problem("a 404 that names nothing out of scope");
                }
                if (isApi)
                {
                    return status == 404 && response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? null : Problem("404 with a problem document");
                }
                return status == 404 && body.Contains(app.Text<WebText>("NotFound.Text"), StringComparison.Ordinal) ? null : Problem("the not-found page (404)");

            case Outcome.FieldError:
                return status == 400 && body.Contains($"\"{rule.BodyField}\"", StringComparison.Ordinal) && !Leaks(body, value)
                    ? null
                    : Problem($"400 naming the field {rule.BodyField}");

            case Outcome.Allowed:
                if (isPage && expectedStatus == StatusCodes.Status404NotFound)
                {
                    // A page about a record that does not exist (a fixed id): the not-found page for those allowed to ask.
                    return status == 404 && body.Contains(app.Text<WebText>("NotFound.Text"), StringComparison.Ordinal) ? null : Problem("the not-found page (404)");
                }
                if (isPage)
                {
                    // A page renders, or hands over to another page (the org index opens the caller's only scope).
                    var handsOver = response.IsRedirect() && response.RedirectPath() is not ("/login" or "/access-denied");
                    return status == 200 || handsOver ? null : Problem("the page (200)");
                }
                return status == expectedStatus ? null : Problem(expectedStatus.ToString(CultureInfo.InvariantCulture));

            default:
                throw new InvalidOperationException(expected.ToString());
        }
    }

    /// <summary>Does a refusal show the name of the out-of-scope unit (or account) it refused?</summary>
    private bool Leaks(string body, string? value) =>
        value is not null && app.World.Names.TryGetValue(value, out var name) && body.Contains(name, StringComparison.Ordinal);

    private static string? TargetValue(TestWorld world, Target target, RoleUnderTest role, bool inScope) => target switch
    {
        Target.Student => world.StudentAt(inScope ? role.InSchool : role.OutSchool).ToString(CultureInfo.InvariantCulture),
        Target.None => null,
        Target.Unit => inScope ? role.ScopeCode : role.OutUnit,
        Target.School => inScope ? role.InSchool : role.OutSchool,
        Target.Account => (inScope ? role.InAccount : role.OutAccount).ToString(),
        _ => throw new InvalidOperationException(target.ToString()),
    };

    /// <summary>The route with its parameters filled: scope-bearing ones with the target value, the others from the rule.</summary>
    private static string Fill(RoutePattern pattern, Rule rule, string? value)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        path.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        var filled = rule.Fixed.TryGetValue(parameter.Name, out var fixedValue) ? fixedValue
                            : rule.Target != Target.None && rule.BodyField is null && rule.Query is null ? value
                            : throw new InvalidOperationException($"{pattern.RawText}: the rule says nothing about {{{parameter.Name}}}.");
                        path.Append(Uri.EscapeDataString(filled!));
                        break;
                }
            }
        }
        if (path.Length == 0 || pattern.RawText?.EndsWith('/') == true)
        {
            path.Append('/');
        }
        if (rule.Query is not null && value is not null)
        {
            path.Append('?').Append(rule.Query).Append('=').Append(Uri.EscapeDataString(value));
        }
        return path.ToString();
    }

    /// <summary>Each endpoint once, keyed as in <see cref="Rules"/>, with its rule (null when the table has none).</summary>
    private List<(string Key, RouteEndpoint Endpoint, Rule? Rule)> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Key: Key(e), Endpoint: e))
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(e => (e.Key, e.Endpoint, e.Endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
                ? StaticAsset
                : Rules.GetValueOrDefault(e.Key)))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();

    private static string Key(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
        var method = methods.Count == 0 || methods.Contains(HttpMethods.Get) ? HttpMethods.Get : methods[0];
        var route = endpoint.RoutePattern.RawText ?? "";
        return $"{method} {(route.StartsWith('/') ? route : "/" + route)}";
    }

    /// <summary>A department under the parent; a code no one has used, so a create that is allowed succeeds.</summary>
    private static Task<HttpContent> NewDepartmentAsync(WebApp app, string parentCode)
    {
        var suffix = new string(Enumerable.Range(0, 6).Select(_ => (char)('A' + Random.Shared.Next(26))).ToArray());
        return Task.FromResult<HttpContent>(Http.Json(new
        {
            parentCode,
            kind = nameof(OrgUnitKind.Department),
            code = $"{parentCode}-MX{suffix}",
            name = "权限矩阵测试处",
        }));
    }

    /// <summary>A classes file with one class at the school, under a code no one has used, so an allowed import succeeds.</summary>
    private static Task<HttpContent> NewClassFileAsync(WebApp app, string schoolCode)
    {
        var suffix = new string(Enumerable.Range(0, 6).Select(_ => (char)('A' + Random.Shared.Next(26))).ToArray());
        var csv = $"学校标识码,班级代码,班级名称,年级,入学年份\r\n{schoolCode},MX-{suffix},权限矩阵测试班,一年级,2026\r\n";
        return Task.FromResult<HttpContent>(new StringContent(csv, Encoding.UTF8, "text/csv"));
    }

    /// <summary>A OneRoster bundle with one new class at the school (a code no one has used), so an allowed import succeeds.</summary>
    private static Task<HttpContent> NewClassBundleAsync(WebApp app, string schoolCode)
    {
        var suffix = new string(Enumerable.Range(0, 6).Select(_ => (char)('A' + Random.Shared.Next(26))).ToArray());
        var bundle = RosterZip.Of(
            ("orgs.csv", $"sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n{schoolCode},,,x,school,{schoolCode},\r\n"),
            ("classes.csv", $"sourcedId,status,dateLastModified,title,grades,classCode,schoolSourcedId\r\nc1,,,权限矩阵测试班,01,MXOR-{suffix},{schoolCode}\r\n"),
            ("users.csv", "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,identifier\r\n"));
        return Task.FromResult<HttpContent>(bundle.ToContent());
    }

    /// <summary>The unit's current values, so an allowed update changes nothing other tests rely on.</summary>
    private static async Task<HttpContent> SameValuesAsync(WebApp app, string code)
    {
        var unit = await app.KernelAsync(db => db.OrgUnits.AsNoTracking().SingleAsync(o => o.Code == code));
        return Http.Json(new
        {
            name = unit.Name,
            nameEn = unit.NameEn,
            ownershipCode = unit.OwnershipCode,
            kindergartenCategoryCode = unit.KindergartenCategoryCode,
            urbanRuralCode = unit.UrbanRuralCode,
            openedOn = unit.OpenedOn,
            closedOn = unit.ClosedOn,
        });
    }

    /// <summary>Rules and fixtures of the supervision routes.</summary>
    private static class AdmissionsMatrix
    {
        /// <summary>The demo season's code (AdmissionsDemoSeedStep: this year's 市南区 grade one).</summary>
        public static readonly string DemoSeasonCode = $"{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year}-370202-P1";

        /// <summary>A submitted application of the demo season whose review unit is the school with this code: its id.</summary>
        public static Task<string> ApplicationAtAsync(WebApp app, string schoolCode) => app.AsSystemAsync(async sp =>
        {
            var unit = await sp.GetRequiredService<Qedu.Kernel.Data.KernelDb>().OrgUnits.SingleAsync(o => o.Code == schoolCode);
            var db = sp.GetRequiredService<Qedu.Admissions.Data.AdmissionsDb>();
            var season = await db.Seasons.OrderBy(x => x.Id).FirstAsync();
            var key = Guid.NewGuid().ToString("N");
            var application = new Qedu.Admissions.Domain.Application
            {
                SeasonId = season.Id, ParentAccountId = Guid.NewGuid(), OrgUnitId = unit.Id, Number = key, ChildName = "矩阵测试",
                DocumentType = "passport", DocumentNumber = key[..12], ChildKey = key, BirthDate = season.BornFrom, GenderCode = "1",
                GuardianName = "矩阵", HomeCompound = "矩阵小区", Status = Qedu.Admissions.Domain.ApplicationStatus.Submitted,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow,
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            return application.Id.ToString(CultureInfo.InvariantCulture);
        });

        /// <summary>A season (not yet open) run by the bureau with this code: its id.</summary>
        public static Task<string> SeasonOfAsync(WebApp app, string unitCode) => app.AsSystemAsync(async sp =>
        {
            var unit = await sp.GetRequiredService<Qedu.Kernel.Data.KernelDb>().OrgUnits.SingleAsync(o => o.Code == unitCode);
            var db = sp.GetRequiredService<Qedu.Admissions.Data.AdmissionsDb>();
            var season = new Qedu.Admissions.Domain.Season
            {
                OrgUnitId = unit.Id, Code = $"M{Guid.NewGuid():N}"[..16], Name = "权限矩阵招生季", Stage = Qedu.Admissions.Domain.SeasonStage.PrimaryOne,
                OpensAt = DateTimeOffset.UtcNow.AddDays(30), ClosesAt = DateTimeOffset.UtcNow.AddDays(60),
                BornFrom = new DateOnly(2020, 9, 1), BornTo = new DateOnly(2021, 8, 31),
            };
            db.Seasons.Add(season);
            await db.SaveChangesAsync();
            return season.Id.ToString(CultureInfo.InvariantCulture);
        });
    }

    private static class Supervision
    {
        public static Rule Missing(string permission, string parameter) =>
            new Rule(Access.Permission, permission, Status: StatusCodes.Status404NotFound) with { Fixed = new Dictionary<string, string> { [parameter] = "0" } };

        /// <summary>A task of an active plan owned by the unit with this code, named on no unit: its id.</summary>
        public static Task<string> TaskOwnedByAsync(WebApp app, string unitCode) => app.AsSystemAsync(async sp =>
        {
            var unit = await sp.GetRequiredService<Qedu.Kernel.Data.KernelDb>().OrgUnits.SingleAsync(o => o.Code == unitCode);
            var db = sp.GetRequiredService<Qedu.Plans.Data.PlansDb>();
            var plan = new Qedu.Plans.Domain.Plan { OrgUnitId = unit.Id, Title = "权限矩阵规划", State = Qedu.Plans.Domain.PlanState.Active, ImportedAt = DateTimeOffset.UtcNow };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            var task = new Qedu.Plans.Domain.PlanTask { OrgUnitId = unit.Id, PlanId = plan.Id, Number = "1", Title = "权限矩阵任务" };
            db.Tasks.Add(task);
            await db.SaveChangesAsync();
            return task.Id.ToString(CultureInfo.InvariantCulture);
        });
    }
}
