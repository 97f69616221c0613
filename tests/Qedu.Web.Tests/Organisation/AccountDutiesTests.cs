using System.Net;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Organisation.Resources;
using Qedu.Testing;
using Qedu.Web.Resources;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Organisation;

/// <summary>
/// Account takeover and separated duties through the real account pages: what a district administrator probing today's
/// main found (resetting a city administrator's password), a city administrator granting themselves the auditor role,
/// the auditor role beside an administrator role, and privileged grants shown to the other duty.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AccountDutiesTests(WebApp app)
{
    private const string AttackerPassword = "Taken over by Shinan 2026";

    [Fact]
    public async Task A_district_admin_cannot_take_over_a_city_admin_who_works_in_the_district()
    {
        var victim = NewUserName("victim");
        var id = await app.CreateAccountAsync(victim, Roles.CityAdmin, TestWorld.City, homeCode: TestWorld.Shinan);
        var attacker = await app.ClientAsync("shinan.admin");
        var path = $"/accounts/{id}";

        using var page = await attacker.GetAsync(path);
        var html = await page.TextAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode); // the account is in the district's list: it may be seen, not managed
        Assert.Contains(string.Format(app.Text<OrgText>("Accounts.Error.TargetOutranks"), "市级管理员"), html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"_handler\" value=\"reset-password\"", html, StringComparison.Ordinal);

        // The forms are not there, so the attacker crafts the posts.
        var posts = new[]
        {
            ("reset-password", new Dictionary<string, string> { ["Reset.Password"] = AttackerPassword }),
            ("status", new Dictionary<string, string>()),
            ("unlock", new Dictionary<string, string>()),
            ("grant", new Dictionary<string, string> { ["Grant.Role"] = Roles.Teacher, ["Grant.ScopeCode"] = TestWorld.AnchorSchool }),
        };
        foreach (var (form, fields) in posts)
        {
            using var post = await PageForms.SubmitAsync(attacker, path, form, fields);
            Assert.False(post.IsRedirect(), $"{form}: {(int)post.StatusCode} → {post.Headers.Location}");
        }

        using var asAttacker = await QeduApp.PostLoginAsync(app.Anonymous(), victim, AttackerPassword);
        Assert.Contains(app.Text<WebText>("Login.Failed"), await asAttacker.TextAsync(), StringComparison.Ordinal);
        var account = await app.KernelAsync(db => db.Users.Include(u => u.Assignments).SingleAsync(u => u.Id == id));
        Assert.True(account.IsActive);
        Assert.Equal([Roles.CityAdmin], account.Assignments.Select(a => a.Role));
        using var asOwner = await QeduApp.PostLoginAsync(app.Anonymous(), victim, DemoAccounts.Password);
        Assert.Equal("/", asOwner.RedirectPath());
    }

    [Fact]
    public async Task A_city_admin_cannot_grant_themselves_the_auditor_role_nor_read_the_audit_log()
    {
        var admin = await app.ClientAsync("city.admin");
        var self = await app.KernelAsync(db => db.Users.Where(u => u.UserName == "city.admin").Select(u => u.Id).SingleAsync());

        using var page = await admin.GetAsync($"/accounts/{self}");
        Assert.Contains(app.Text<OrgText>("Accounts.Error.Self"), await page.TextAsync(), StringComparison.Ordinal);
        using var post = await PageForms.SubmitAsync(admin, $"/accounts/{self}", "grant",
            new Dictionary<string, string> { ["Grant.Role"] = Roles.Auditor, ["Grant.ScopeCode"] = TestWorld.City });

        Assert.False(post.IsRedirect());
        Assert.Equal([Roles.CityAdmin], await app.KernelAsync(db => db.RoleAssignments.Where(a => a.UserId == self).Select(a => a.Role).ToListAsync()));
        using var audit = await admin.GetAsync("/api/audit/");
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
    }

    [Theory]
    [InlineData(Roles.DistrictAdmin, TestWorld.Shinan, Roles.Auditor, TestWorld.City)]
    [InlineData(Roles.Auditor, TestWorld.City, Roles.DistrictAdmin, TestWorld.Shinan)]
    [InlineData(Roles.SchoolAdmin, TestWorld.AnchorSchool, Roles.Auditor, TestWorld.City)]
    public async Task The_auditor_role_never_sits_beside_an_administrator_role(string held, string heldAt, string granted, string grantedAt)
    {
        var userName = NewUserName("duties");
        var id = await app.CreateAccountAsync(userName, held, heldAt, homeCode: TestWorld.AnchorSchool);
        var admin = await app.ClientAsync("city.admin");

        using var post = await PageForms.SubmitAsync(admin, $"/accounts/{id}", "grant",
            new Dictionary<string, string> { ["Grant.Role"] = granted, ["Grant.ScopeCode"] = grantedAt });

        var errors = await post.FieldErrorsAsync();
        Assert.False(post.IsRedirect());
        var names = new Dictionary<string, string> { [Roles.Auditor] = "审计员", [Roles.DistrictAdmin] = "区(市)管理员", [Roles.SchoolAdmin] = "学校管理员" };
        Assert.Equal(string.Format(app.Text<OrgText>("Accounts.Error.DutiesSeparated"), names[granted], names[held]), errors.GetValueOrDefault("role"));
        Assert.Equal([held], await app.KernelAsync(db => db.RoleAssignments.Where(a => a.UserId == id).Select(a => a.Role).ToListAsync()));
    }

    [Fact]
    public async Task A_grant_of_an_administrator_role_is_audited_and_shown_to_the_auditor_and_the_district()
    {
        var userName = NewUserName("promoted");
        var id = await app.CreateAccountAsync(userName, Roles.Teacher, TestWorld.AnchorSchool);
        var admin = await app.ClientAsync("city.admin");

        using var post = await PageForms.SubmitAsync(admin, $"/accounts/{id}", "grant",
            new Dictionary<string, string> { ["Grant.Role"] = Roles.SchoolAdmin, ["Grant.ScopeCode"] = TestWorld.AnchorSchool });
        Assert.True(post.IsRedirect(), $"{(int)post.StatusCode}");

        var line = await app.KernelAsync(db => db.AuditEntries.Where(e => e.Action == "account.privileged-role-granted" && e.EntityKey == userName).SingleAsync());
        Assert.Equal("city.admin", line.ActorName);
        Assert.Equal($"role={Roles.SchoolAdmin}; scope={TestWorld.AnchorSchool}", line.Details);
        foreach (var watcher in new[] { "auditor", "shinan.admin", "school.admin" })
        {
            var html = await (await (await app.ClientAsync(watcher)).GetAsync("/privileged-roles")).TextAsync();
            var changes = html[html.IndexOf("data-testid=\"privileged-changes\"", StringComparison.Ordinal)..];
            Assert.Contains($"<code>{userName}</code>", changes, StringComparison.Ordinal);
        }
        // A teacher is no duty holder: the page is not theirs.
        using var teacher = await (await app.ClientAsync("teacher")).GetAsync("/privileged-roles");
        Assert.Equal("/access-denied", teacher.RedirectPath());
    }

    [Fact]
    public async Task A_grant_outside_a_districts_scope_is_not_shown_to_that_district()
    {
        var userName = NewUserName("elsewhere");
        var shibeiSchool = app.World.Role(Roles.DistrictAdmin).OutSchool;
        var id = await app.CreateAccountAsync(userName, Roles.Teacher, shibeiSchool);
        var admin = await app.ClientAsync("city.admin");

        using var post = await PageForms.SubmitAsync(admin, $"/accounts/{id}", "grant",
            new Dictionary<string, string> { ["Grant.Role"] = Roles.SchoolAdmin, ["Grant.ScopeCode"] = shibeiSchool });
        Assert.True(post.IsRedirect());

        var shinan = await (await (await app.ClientAsync("shinan.admin")).GetAsync("/privileged-roles")).TextAsync();
        var auditor = await (await (await app.ClientAsync("auditor")).GetAsync("/privileged-roles")).TextAsync();
        Assert.DoesNotContain(userName, shinan, StringComparison.Ordinal);
        Assert.Contains(userName, auditor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_edits_an_accounts_name_and_home_and_a_home_outside_the_scope_is_refused()
    {
        var userName = await app.NewAccountAsync("duty.edit");
        var id = await app.KernelAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        var admin = await app.ClientAsync("shinan.admin");
        var shibeiSchool = app.World.Role(Roles.DistrictAdmin).OutSchool;

        using var outside = await PageForms.SubmitAsync(admin, $"/accounts/{id}", "edit",
            new Dictionary<string, string> { ["Edit.DisplayName"] = "改名", ["Edit.HomeOrgCode"] = shibeiSchool });
        using var blank = await PageForms.SubmitAsync(admin, $"/accounts/{id}", "edit",
            new Dictionary<string, string> { ["Edit.DisplayName"] = " ", ["Edit.HomeOrgCode"] = TestWorld.Shinan });

        Assert.Equal(string.Format(app.Text<Kernel.Localization.KernelText>("OrgUnit.NotFound"), shibeiSchool), (await outside.FieldErrorsAsync()).GetValueOrDefault("homeOrgCode"));
        Assert.True((await blank.FieldErrorsAsync()).ContainsKey("displayName"));
        var unchanged = await app.KernelAsync(db => db.Users.SingleAsync(u => u.Id == id));
        Assert.Equal($"测试 {userName}", unchanged.DisplayName);

        using var edited = await PageForms.SubmitAsync(admin, $"/accounts/{id}", "edit",
            new Dictionary<string, string> { ["Edit.DisplayName"] = "周老师", ["Edit.HomeOrgCode"] = TestWorld.Shinan });

        Assert.True(edited.IsRedirect());
        var account = await app.KernelAsync(db => db.Users.SingleAsync(u => u.Id == id));
        Assert.Equal("周老师", account.DisplayName);
        Assert.Equal(await app.KernelAsync(db => db.OrgUnits.Where(o => o.Code == TestWorld.Shinan).Select(o => o.Id).SingleAsync()), account.HomeOrgUnitId);
    }

    [Fact]
    public async Task An_administrator_ends_every_session_of_an_account()
    {
        var userName = await app.NewAccountAsync("duty.sessions");
        var id = await app.KernelAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        var person = await app.SignInAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/me")).StatusCode);

        using var ended = await PageForms.SubmitAsync(await app.ClientAsync("school.admin"), $"/accounts/{id}", "end-sessions");

        Assert.True(ended.IsRedirect());
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/api/me")).StatusCode);
    }

    private static string NewUserName(string hint) => $"duty.{hint}.{Guid.NewGuid().ToString("N")[..8]}";
}
