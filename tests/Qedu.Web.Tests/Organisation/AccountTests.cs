using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Localization;
using Qedu.Testing;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Organisation;

/// <summary>
/// Account management by a district administrator (shinan.admin, 370202) through the real "new account" form: inside
/// the district it works; at another district, or with a role the district administrator may not grant
/// (<see cref="RoleDefinition.MayGrant"/>), it is refused with the field at fault and nothing is created.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class AccountTests(WebApp app)
{
    private const string Admin = "shinan.admin";

    private static readonly RoleDefinition DistrictAdmin = Roles.Find(Roles.DistrictAdmin)!;

    public static TheoryData<string> AllRoles() => new(Roles.All.Select(r => r.Name));

    [Fact]
    public async Task A_district_admin_creates_a_teacher_for_a_school_in_the_district()
    {
        var userName = NewUserName("teacher");

        var (response, errors) = await CreateAsync(userName, Roles.Teacher, scope: TestWorld.AnchorSchool, home: TestWorld.AnchorSchool);

        Assert.True(response.IsRedirect(), $"expected the new account's page, got {(int)response.StatusCode}: {Describe(errors)}");
        Assert.Matches("^/accounts/[0-9a-f-]{36}$", response.RedirectPath());
        var account = await app.KernelAsync(db => db.Users.AsNoTracking().Include(u => u.Assignments).SingleAsync(u => u.UserName == userName));
        var assignment = Assert.Single(account.Assignments);
        Assert.Equal(Roles.Teacher, assignment.Role);
        Assert.Equal(Admin, assignment.GrantedBy);
        Assert.Equal(await IdOfAsync(TestWorld.AnchorSchool), assignment.OrgUnitId);
        Assert.Equal(await IdOfAsync(TestWorld.AnchorSchool), account.HomeOrgUnitId);

        // The administrator chose the password, so the person must choose their own before anything else.
        Assert.True(account.MustChangePassword);
        var teacher = await app.SignInAsync(userName);
        using var first = await teacher.GetAsync("/");
        Assert.Equal("/account/password", first.RedirectPath());
        using var changed = await PageForms.ChangePasswordAsync(teacher, DemoAccounts.Password, "Chalk on a green board 2026");
        Assert.True(changed.IsRedirect(), string.Join("; ", (await changed.FieldErrorsAsync()).Select(e => $"{e.Key}: {e.Value}")));

        // Then the account works, with exactly the role and scope it was given.
        using var me = await teacher.GetAsync("/api/me");
        var json = await me.JsonAsync();
        Assert.Equal([TestWorld.AnchorSchool], json.GetProperty("scopeCodes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(Roles.Teacher, json.GetProperty("roles")[0].GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_district_admin_cannot_create_an_account_in_another_district()
    {
        var userName = NewUserName("shibei");
        var shibeiSchool = app.World.Role(Roles.DistrictAdmin).OutSchool;

        var (response, errors) = await CreateAsync(userName, Roles.Teacher, scope: shibeiSchool, home: shibeiSchool);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, with the reasons
        // The other district is out of sight: the same message as for a code that does not exist.
        var notFound = string.Format(app.Text<KernelText>("OrgUnit.NotFound"), shibeiSchool);
        Assert.Equal(notFound, errors.GetValueOrDefault("scopeCode"));
        Assert.Equal(notFound, errors.GetValueOrDefault("homeOrgCode"));
        Assert.False(await ExistsAsync(userName));
    }

    [Fact]
    public async Task A_district_admin_cannot_grant_a_role_at_the_district_next_door_even_for_a_local_account()
    {
        var userName = NewUserName("split");

        var (_, errors) = await CreateAsync(userName, Roles.DistrictAdmin, scope: TestWorld.Shibei, home: TestWorld.AnchorSchool);

        Assert.Equal(string.Format(app.Text<KernelText>("OrgUnit.NotFound"), TestWorld.Shibei), errors.GetValueOrDefault("scopeCode"));
        Assert.False(errors.ContainsKey("homeOrgCode"));
        Assert.False(await ExistsAsync(userName));
    }

    /// <summary>
    /// Every role of the catalogue, offered at a unit inside the district of a kind the role may be scoped to: created
    /// exactly when the district administrator's role lists it as grantable.
    /// </summary>
    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task A_district_admin_grants_exactly_the_roles_its_role_may_grant(string role)
    {
        var definition = Roles.Find(role)!;
        var scope = definition.ScopeKinds.Contains(OrgUnitKind.School) ? TestWorld.AnchorSchool : TestWorld.Shinan;
        var scopeKind = scope == TestWorld.Shinan ? OrgUnitKind.District : OrgUnitKind.School;
        var expected = DistrictAdmin.MayGrant.Contains(role) && definition.ScopeKinds.Contains(scopeKind);
        var userName = NewUserName(role);

        var (response, errors) = await CreateAsync(userName, role, scope, home: TestWorld.AnchorSchool);

        Assert.True(expected == response.IsRedirect(), $"{role} at {scope}: expected {(expected ? "created" : "refused")}, got {(int)response.StatusCode} {Describe(errors)}");
        Assert.Equal(expected, await ExistsAsync(userName));
        if (!expected)
        {
            Assert.True(errors.ContainsKey("role") || errors.ContainsKey("scopeCode"), Describe(errors));
            Assert.False(errors.ContainsKey("homeOrgCode"));
        }
    }

    [Fact]
    public async Task The_form_offers_only_the_roles_the_district_admin_may_grant()
    {
        var client = await app.ClientAsync(Admin);

        var html = await client.GetStringAsync("/accounts/new");

        var offered = RoleOption().Matches(html).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(DistrictAdmin.MayGrant.Order(), offered.Order());
    }

    [Fact]
    public async Task The_unit_fields_offer_the_units_the_admin_may_give_by_name()
    {
        var html = WebUtility.HtmlDecode(await (await app.ClientAsync(Admin)).GetStringAsync("/accounts/new"));

        // Home unit and scope pick from the district's units (names shown, codes sent), none from another district.
        Assert.Equal(2, Regex.Count(html, "list=\"account-units\""));
        var offered = UnitOption().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(TestWorld.Shinan, offered);
        Assert.Contains(TestWorld.AnchorSchool, offered);
        Assert.DoesNotContain(TestWorld.Shibei, offered);
        Assert.DoesNotContain(TestWorld.City, offered);
        Assert.Contains("<option value=\"2137000001\">青岛市市南区实验小学</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_district_admin_sees_the_districts_accounts_and_not_the_others()
    {
        var client = await app.ClientAsync(Admin);
        var role = app.World.Role(Roles.DistrictAdmin);

        using var inside = await client.GetAsync($"/accounts/{role.InAccount}");
        using var outside = await client.GetAsync($"/accounts/{role.OutAccount}");
        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/accounts"));

        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Contains(">teacher<", list, StringComparison.Ordinal);
        Assert.DoesNotContain(">city.admin<", list, StringComparison.Ordinal);
        Assert.DoesNotContain($">{TestWorld.ProbeUserName(role.OutUnit)}<", list, StringComparison.Ordinal);
    }

    /// <summary>Posts the "new account" form as a browser would; returns the answer and the field errors it shows.</summary>
    private async Task<(HttpResponseMessage Response, Dictionary<string, string> Errors)> CreateAsync(string userName, string role, string scope, string home)
    {
        var client = await app.ClientAsync(Admin);
        var (token, _) = await QeduApp.FormAsync(client, "/accounts/new");
        var response = await client.PostAsync("/accounts/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "new-account",
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = "测试账号",
            ["Input.HomeOrgCode"] = home,
            ["Input.Role"] = role,
            ["Input.ScopeCode"] = scope,
            ["Input.Password"] = DemoAccounts.Password,
        }));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var errors = FieldError().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        return (response, errors);
    }

    private Task<bool> ExistsAsync(string userName) => app.KernelAsync(db => db.Users.AnyAsync(u => u.UserName == userName));

    private Task<int> IdOfAsync(string code) => app.KernelAsync(db => db.OrgUnits.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());

    private static string NewUserName(string hint) => $"acct.{hint.ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..8]}";

    private static string Describe(Dictionary<string, string> errors) => string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}"));

    [GeneratedRegex("<span class=\"field-error\" data-field=\"([^\"]+)\">([^<]*)</span>")]
    private static partial Regex FieldError();

    [GeneratedRegex("<option value=\"([A-Za-z]+)\"")]
    private static partial Regex RoleOption();

    [GeneratedRegex("<option value=\"([0-9]{6,10})\">")]
    private static partial Regex UnitOption();
}
