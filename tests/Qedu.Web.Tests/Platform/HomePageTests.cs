using System.Net;
using System.Text.RegularExpressions;
using Qedu.Kernel.Access;
using Qedu.Testing;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Platform;

/// <summary>The home page and the navigation show each person what their roles allow, and nothing else.</summary>
[Collection(WebCollection.Name)]
public sealed partial class HomePageTests(WebApp app)
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

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task The_leader_overview_and_the_API_reference_are_offered_to_bureau_roles_only(string role)
    {
        var caller = app.World.Role(role);
        var client = await app.ClientAsync(caller.UserName);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/"));

        // A school's roles (school administrator, teacher, parent, and the counsellor, who may hold a school) have neither,
        // in the menu or among the shortcuts.
        var bureau = Roles.IsBureauRole(role);
        Assert.Equal(bureau && caller.Has(Permissions.IndicatorsRead), html.Contains("href=\"/indicators/overview\"", StringComparison.Ordinal));
        Assert.Equal(bureau, html.Contains("href=\"/scalar/v1\"", StringComparison.Ordinal));
        Assert.Equal(!bureau, role is Roles.SchoolAdmin or Roles.Teacher or Roles.Parent or Roles.Counsellor);
    }

    [Theory]
    [InlineData("city.admin", "/indicators/forms", "/indicators/forms")]
    [InlineData("city.admin", "/indicators/overview", "/indicators/overview")]
    [InlineData("city.admin", "/indicators/370200", "/indicators")]
    [InlineData("city.admin", "/plans/workload", "/plans/workload")]
    [InlineData("city.admin", "/", "/")]
    [InlineData("jjc.staff", "/plans/mine", "/plans/mine")]
    public async Task One_menu_entry_is_highlighted_the_one_nearest_to_the_page(string user, string page, string highlighted)
    {
        var client = await app.ClientAsync(user);

        var html = await client.GetStringAsync(page);

        // "/plans/mine" lies under "/plans" too, and "/indicators/forms" under "/indicators": only the nearer entry lights.
        var current = CurrentEntry().Matches(html).Select(m => m.Groups["href"].Value).ToList();
        Assert.Equal([highlighted], current);
    }

    [Fact]
    public async Task Pages_carry_Chinese_as_UTF8_text_not_as_character_references()
    {
        using var response = await app.Anonymous().GetAsync("/login");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("登录", body, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x767B;", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_home_page_puts_the_work_list_before_the_shortcuts_and_everyday_pages_before_administration()
    {
        var html = await (await app.ClientAsync("city.admin")).GetStringAsync("/");

        var work = html.IndexOf("data-testid=\"work\"", StringComparison.Ordinal);
        var shortcuts = html.IndexOf("data-testid=\"shortcuts\"", StringComparison.Ordinal);
        Assert.True(work > 0 && shortcuts > work, "the work list comes first");
        var tiles = html[shortcuts..];
        Assert.True(tiles.IndexOf("href=\"/plans\"", StringComparison.Ordinal) < tiles.IndexOf("href=\"/accounts\"", StringComparison.Ordinal),
            "plans (everyday work) before account management");
        Assert.True(tiles.IndexOf("href=\"/registry/students\"", StringComparison.Ordinal) < tiles.IndexOf("href=\"/scalar/v1\"", StringComparison.Ordinal),
            "students before the API reference");
    }

    [Fact]
    public async Task Forms_to_fill_in_returns_to_review_and_returns_sent_back_are_on_the_home_pages_of_those_who_must_act()
    {
        // A round of its own (a period no other test uses), so the demo data's own returns do not matter.
        var city = await app.ClientAsync("city.admin");
        var district = await app.ClientAsync("shinan.admin");
        var schoolUnit = (await Forms.OtherSchoolsAsync(app, TestWorld.Shinan))[^1];
        var school = await Forms.SchoolAdminAsync(app, "home.work.school", schoolUnit.Code);
        var (round, _) = await Forms.SendAsync(city, new { form = "campus-network", period = "2013", deadline = Forms.Date(Forms.Today.AddDays(3)) });
        var mine = await Forms.MyReturnAsync(school, round);

        // The school must fill it in: one click to its return.
        Assert.Contains(("FormDue", $"/indicators/forms/returns/{mine}"), await WorkAsync(school));

        // Handed in: it waits for the district (the school's reviewer), not for the city above it.
        await Forms.Expect(HttpStatusCode.NoContent, await school.PostAsync($"/api/indicators/forms/returns/{mine}/submit",
            Http.Json(new { values = new Dictionary<string, object> { ["compliant"] = true, ["bandwidth"] = 1000, ["wireless"] = true } })));
        Assert.DoesNotContain(await WorkAsync(school), i => i.Href == $"/indicators/forms/returns/{mine}");
        Assert.Contains(("ReviewPending", $"/indicators/forms/rounds/{round}"), await WorkAsync(district));
        Assert.DoesNotContain(await WorkAsync(city), i => i.Href == $"/indicators/forms/rounds/{round}");

        // Sent back: the school corrects it.
        await Forms.Expect(HttpStatusCode.NoContent, await district.PostAsync($"/api/indicators/forms/returns/{mine}/send-back", Http.Json(new { comment = "带宽请核实" })));
        Assert.Contains(("FormReturned", $"/indicators/forms/returns/{mine}"), await WorkAsync(school));
        Assert.DoesNotContain(await WorkAsync(district), i => i.Href == $"/indicators/forms/rounds/{round}");

        // Every line opens its page.
        foreach (var (_, href) in await WorkAsync(school))
        {
            using var target = await school.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, target.StatusCode);
        }
    }

    private static async Task<List<(string Kind, string Href)>> WorkAsync(HttpClient client) =>
        [.. WorkLine().Matches(await client.GetStringAsync("/")).Select(m => (m.Groups["kind"].Value, m.Groups["href"].Value))];

    [Fact]
    public async Task A_teacher_with_no_work_is_told_so()
    {
        var html = await (await app.ClientAsync("teacher")).GetStringAsync("/");

        Assert.Contains("data-testid=\"work-none\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<a href=\"(?<href>[^\"]*)\" class=\"active\" aria-current=\"page\"")]
    private static partial Regex CurrentEntry();

    [GeneratedRegex("data-testid=\"work-item\" data-kind=\"(?<kind>\\w+)\"[^>]*>\\s*<span[^>]*>[^<]*</span>\\s*<a href=\"(?<href>[^\"]*)\"")]
    private static partial Regex WorkLine();
}
