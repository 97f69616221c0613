using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Localization;
using Qedu.Organisation.Resources;
using Qedu.Web.Resources;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Platform;

/// <summary>
/// What the app does with input it cannot use: unknown codes, malformed identifiers, bodies too large or not JSON, fields
/// that break the rules. Always a 4xx with a message in the caller's language (Chinese unless the API caller asks for
/// English), never a 500, and nothing half-written.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BadInputTests(WebApp app)
{
    private const string CityAdmin = "city.admin";

    [Theory]
    [InlineData("/api/org-units/999999", "999999")]
    [InlineData("/api/org-units/999999/children", "999999")]
    [InlineData("/api/registry/schools/2137999999", "2137999999")]
    [InlineData("/api/registry/schools/370202", "370202")] // a unit, but not a school
    public async Task An_unknown_org_code_is_a_404_with_a_message_in_chinese_by_default(string url, string code)
    {
        var client = await app.ClientAsync(CityAdmin);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(string.Format(app.Text<KernelText>("OrgUnit.NotFound"), code), problem.Detail);
        Assert.Contains("未找到", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_caller_may_ask_for_english_messages()
    {
        var client = await app.ClientAsync(CityAdmin);

        using var response = await client.SendAsync(Http.Request(HttpMethod.Get, "/api/org-units/999999", language: "en"));

        var problem = await response.ProblemAsync();
        Assert.Equal(string.Format(app.Text<KernelText>("OrgUnit.NotFound", english: true), "999999"), problem.Detail);
        Assert.Contains("not found", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_in_a_browser_gets_chinese_whatever_the_browser_language_until_they_switch()
    {
        var client = app.Anonymous();

        using var browser = await client.SendAsync(Http.Request(HttpMethod.Get, "/login", language: "en"));
        using var switched = await client.GetAsync("/culture?c=en&returnUrl=/login");
        using var english = await client.GetAsync("/login");

        Assert.Contains("<html lang=\"zh-CN\"", await browser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/login", switched.RedirectPath());
        var html = WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains(app.Text<WebText>("Login.Submit", english: true), html, StringComparison.Ordinal);
    }

    /// <summary>Malformed identifiers in the route: the API says 400 (with the reason), pages and typed routes 404.</summary>
    [Theory]
    [InlineData("/api/org-units/abc!!", HttpStatusCode.BadRequest)]
    [InlineData("/api/org-units/abc!!/children", HttpStatusCode.BadRequest)]
    [InlineData("/api/org-units/1'%20OR%20'1'='1", HttpStatusCode.BadRequest)]
    [InlineData("/api/org-units/%E4%B8%AD%E6%96%87", HttpStatusCode.BadRequest)]
    [InlineData("/api/org-units/-leading-hyphen", HttpStatusCode.BadRequest)]
    [InlineData("/api/org-units/123456789012345678901234567890123", HttpStatusCode.BadRequest)]
    [InlineData("/api/registry/schools/abc!!", HttpStatusCode.BadRequest)]
    [InlineData("/org/abc!!", HttpStatusCode.NotFound)]
    [InlineData("/org/abc!!/edit", HttpStatusCode.NotFound)]
    [InlineData("/org/abc!!/new", HttpStatusCode.NotFound)]
    [InlineData("/accounts/not-a-guid", HttpStatusCode.NotFound)]
    [InlineData("/accounts/00000000-0000-0000-0000-000000000000", HttpStatusCode.NotFound)]
    public async Task A_malformed_identifier_is_a_client_error_not_a_crash(string url, HttpStatusCode expected)
    {
        var client = await app.ClientAsync(CityAdmin);

        using var response = await client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        if (url.StartsWith("/api/", StringComparison.Ordinal))
        {
            var problem = await response.ProblemAsync();
            Assert.Contains("格式不正确", problem.Detail, StringComparison.Ordinal);
        }
    }

    /// <summary>Query parameters that do not parse or are out of range: 400 naming the parameter.</summary>
    [Theory]
    [InlineData(CityAdmin, "/api/org-units/370202/children?limit=0", "limit")]
    [InlineData(CityAdmin, "/api/org-units/370202/children?limit=100000", "limit")]
    [InlineData(CityAdmin, "/api/org-units/370202/children?limit=abc", "limit")]
    [InlineData(CityAdmin, "/api/org-units/370202/children?kind=Planet", "kind")]
    [InlineData(CityAdmin, "/api/org-units/370202/children?after=bad!!", "after")]
    [InlineData("auditor", "/api/audit?limit=0", "limit")]
    [InlineData("auditor", "/api/audit?limit=many", "limit")]
    [InlineData("auditor", "/api/audit?from=yesterday", "from")]
    [InlineData("auditor", "/api/audit?before=latest", "before")]
    public async Task A_bad_query_parameter_is_a_400_naming_it(string user, string url, string parameter)
    {
        var client = await app.ClientAsync(user);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains(parameter, problem.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed to bind", problem.AllText, StringComparison.Ordinal); // the framework's English never reaches the caller
    }

    [Fact]
    public async Task A_body_over_the_api_limit_is_refused_with_413_before_it_is_read()
    {
        var client = await app.ClientAsync(CityAdmin);
        var limit = app.Services.GetRequiredService<IConfiguration>().GetValue("Security:MaxApiBodyBytes", 1024L * 1024);
        var padding = new string('x', (int)limit);
        var body = $"{{\"parentCode\":\"370202\",\"kind\":\"Department\",\"code\":\"370202-BIG\",\"name\":\"{padding}\"}}";

        using var zh = await client.PostAsync("/api/org-units", Http.RawJson(body));
        using var en = await client.SendAsync(Http.Request(HttpMethod.Post, "/api/org-units", Http.RawJson(body), "en"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, zh.StatusCode);
        Assert.Equal(1024 * 1024, limit);
        Assert.Equal(string.Format(app.Text<KernelText>("Request.TooLarge"), "1 MB"), (await zh.ProblemAsync()).Detail);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, en.StatusCode);
        Assert.Equal(string.Format(app.Text<KernelText>("Request.TooLarge", english: true), "1 MB"), (await en.ProblemAsync()).Detail);
        Assert.False(await ExistsAsync("370202-BIG"));
    }

    [Theory]
    [InlineData("{\"parentCode\": \"370202\", \"kind\": ", null)]
    [InlineData("{\"parentCode\": \"370202\", \"openedOn\": \"not-a-date\"}", "openedOn")]
    [InlineData("{\"parentCode\": [1, 2]}", "parentCode")]
    [InlineData("[1, 2, 3]", null)]
    [InlineData("not json at all", null)]
    public async Task Malformed_json_is_a_400_that_says_what_is_wrong(string body, string? field)
    {
        var client = await app.ClientAsync(CityAdmin);

        using var response = await client.PostAsync("/api/org-units", Http.RawJson(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.StartsWith(string.Format(app.Text<KernelText>("Request.Malformed"), ""), problem.Detail, StringComparison.Ordinal);
        if (field is not null)
        {
            Assert.Contains(field, problem.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_malformed_json_message_comes_in_english_when_the_api_caller_asks()
    {
        var client = await app.ClientAsync(CityAdmin);

        using var response = await client.SendAsync(Http.Request(HttpMethod.Post, "/api/org-units",
            Http.RawJson("{\"parentCode\": \"370202\", \"openedOn\": 12}"), "en"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.ProblemAsync()).Detail;
        Assert.StartsWith(string.Format(app.Text<KernelText>("Request.Malformed", english: true), ""), detail, StringComparison.Ordinal);
        Assert.Contains("openedOn", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_at_all_is_refused_by_media_type()
    {
        var client = await app.ClientAsync(CityAdmin);

        using var response = await client.PostAsync("/api/org-units", new StringContent("parentCode=370202", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    /// <summary>Invalid fields on create: 400 naming every field at fault, and not a row, closure link or audit line written.</summary>
    [Theory]
    [InlineData(CityAdmin, "370202", "Department", "370202-abc", "code")]
    [InlineData(CityAdmin, "370202", "Department", "370203-QXZ", "code")]
    [InlineData(CityAdmin, "370202", "School", "9937990001", "code")]
    [InlineData(CityAdmin, "370202", "School", "2137990002", "schoolTypeCode")]
    [InlineData(CityAdmin, "370202", "Planet", "370202-QXY", "kind")]
    [InlineData(CityAdmin, "370202", "District", "370299", "kind")]
    [InlineData(CityAdmin, "999999", "Department", "999999-QXZ", "parentCode")]
    [InlineData(CityAdmin, "370100", "Department", "370100-QXZ", "parentCode")]
    [InlineData("shinan.admin", "370203", "Department", "370203-QXZ", "parentCode")]
    [InlineData("shinan.admin", "370200", "Department", "370200-QXZ", "parentCode")]
    public async Task Invalid_fields_on_create_are_a_400_naming_them_and_nothing_is_written(
        string user, string parentCode, string kind, string code, string field)
    {
        var client = await app.ClientAsync(user);
        var auditBefore = await AuditCountAsync();

        using var response = await client.PostAsync("/api/org-units", Http.Json(new
        {
            parentCode,
            kind,
            code,
            name = "无效输入测试",
            schoolTypeCode = kind == "School" ? "999" : null,
            ownershipCode = kind == "School" ? "21" : null,
            urbanRuralCode = kind == "School" ? "111" : null,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains(field, problem.Errors.Keys);
        Assert.All(problem.Errors.Values.SelectMany(v => v), message => Assert.Matches("[\u4e00-\u9fff]", message));
        if (app.World.Names.TryGetValue(parentCode, out var parentName))
        {
            Assert.DoesNotContain(parentName, problem.AllText, StringComparison.Ordinal);
        }
        Assert.False(await ExistsAsync(code));
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task Field_errors_come_in_english_when_the_api_caller_asks()
    {
        var client = await app.ClientAsync(CityAdmin);

        using var response = await client.SendAsync(Http.Request(HttpMethod.Post, "/api/org-units",
            Http.Json(new { parentCode = "370202", kind = "Department", code = "370202-ENG" }), "en"));

        var problem = await response.ProblemAsync();
        Assert.Equal(string.Format(app.Text<KernelText>("Field.Required", english: true), app.Text<OrgText>("Field.Name", english: true)),
            Assert.Single(problem.Errors["name"]));
        Assert.False(await ExistsAsync("370202-ENG"));
    }

    [Fact]
    public async Task A_code_already_taken_is_a_409_and_the_existing_unit_is_untouched()
    {
        var client = await app.ClientAsync(CityAdmin);
        var before = await app.KernelAsync(db => db.OrgUnits.AsNoTracking().SingleAsync(o => o.Code == "370203"));

        using var response = await client.PostAsync("/api/org-units",
            Http.Json(new { parentCode = "370200", kind = "District", code = "370203", name = "重复的市北区" }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("code", (await response.ProblemAsync()).Errors.Keys);
        var after = await app.KernelAsync(db => db.OrgUnits.AsNoTracking().Where(o => o.Code == "370203").ToListAsync());
        Assert.Equal(before.Name, Assert.Single(after).Name);
    }

    [Fact]
    public async Task A_valid_create_writes_the_unit_its_closure_links_and_its_audit_line_together()
    {
        var client = await app.ClientAsync(CityAdmin);
        var code = "370202-" + Letters(6);

        using var response = await client.PostAsync("/api/org-units",
            Http.Json(new { parentCode = "370202", kind = "Department", code, name = "输入测试处" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/org-units/{code}", response.Headers.Location?.OriginalString);
        var (closure, audit) = await app.KernelAsync(async db =>
        {
            var id = await db.OrgUnits.Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
            return (await db.OrgClosure.CountAsync(c => c.DescendantId == id),
                await db.AuditEntries.CountAsync(e => e.Action == "create" && e.EntityType == "OrgUnit" && e.EntityKey == code));
        });
        Assert.Equal(5, closure); // itself, district, city, province, ministry
        Assert.Equal(1, audit);
    }

    private Task<bool> ExistsAsync(string code) =>
        app.KernelAsync(db => db.OrgUnits.AnyAsync(o => o.Code == code));

    private Task<int> AuditCountAsync() =>
        app.KernelAsync(db => db.AuditEntries.CountAsync(e => e.Action == "create"));

    private static string Letters(int n) => new(Enumerable.Range(0, n).Select(_ => (char)('A' + Random.Shared.Next(26))).ToArray());
}
