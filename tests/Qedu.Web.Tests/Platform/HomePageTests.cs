using System.Net;
using Qedu.Kernel.Access;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Platform;

/// <summary>The home page and the navigation show each person what their roles allow, and nothing else.</summary>
[Collection(WebCollection.Name)]
public sealed class HomePageTests(WebApp app)
{
    public static TheoryData<string> AllRoles() => new(Roles.All.Select(r => r.Name));

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task The_home_page_offers_exactly_what_the_role_permits(string role)
    {
        var caller = app.World.Role(role);
        var client = await app.ClientAsync(caller.UserName);

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(caller.Has(Permissions.AccountsManage), html.Contains("href=\"/accounts\"", StringComparison.Ordinal));
        Assert.Equal(caller.Has(Permissions.AuditRead), html.Contains("href=\"/audit\"", StringComparison.Ordinal));
        Assert.Equal(caller.Has(Permissions.OrgRead), html.Contains("href=\"/org\"", StringComparison.Ordinal));
        Assert.Equal(caller.Has(Permissions.OrgRead), html.Contains("data-testid=\"overview\"", StringComparison.Ordinal));
        // The person's own role, named in Chinese, with the unit it covers.
        Assert.Contains(caller.Role.NameZh, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/org/{caller.ScopeCode}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_city_admin_sees_account_management_and_a_teacher_does_not()
    {
        var admin = WebUtility.HtmlDecode(await (await app.ClientAsync("city.admin")).GetStringAsync("/"));
        var teacher = WebUtility.HtmlDecode(await (await app.ClientAsync("teacher")).GetStringAsync("/"));

        Assert.Contains("href=\"/accounts\"", admin, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/accounts\"", teacher, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/audit\"", teacher, StringComparison.Ordinal);
    }
}
