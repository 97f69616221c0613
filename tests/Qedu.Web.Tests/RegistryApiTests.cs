using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests;

/// <summary>The registry exchange API: scope, masking of identifying data, the audit of unmasked reads, paging, ETags.</summary>
[Collection(WebCollection.Name)]
public sealed class RegistryApiTests(WebApp app)
{
    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task A_district_admin_sees_only_its_districts_students_with_resident_ids_masked()
    {
        var client = await app.ClientAsync("shinan.admin");
        using var response = await client.GetAsync("/api/registry/students?limit=1000");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = Items(await response.JsonAsync());

        Assert.NotEmpty(items);
        Assert.All(items, s =>
        {
            Assert.True(s.GetProperty("masked").GetBoolean());
            Assert.Matches("^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$", s.GetProperty("residentId").GetString()!);
            Assert.Contains("********", s.GetProperty("studentNumber").GetString()!, StringComparison.Ordinal);
        });
        var schools = await app.KernelAsync(db => db.OrgUnits.Where(o => o.DivisionCode == TestWorld.Shinan).Select(o => o.Code).ToListAsync());
        Assert.All(items, s => Assert.Contains(s.GetProperty("schoolCode").GetString()!, schools));
    }

    [Fact]
    public async Task A_school_admin_with_pii_view_sees_full_ids_and_the_read_is_audited()
    {
        var client = await app.ClientAsync("school.admin");
        using var response = await client.GetAsync($"/api/registry/students?school={TestWorld.AnchorSchool}&limit=5");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = Items(await response.JsonAsync());

        Assert.Equal(5, items.Count);
        Assert.All(items, s =>
        {
            Assert.False(s.GetProperty("masked").GetBoolean());
            Assert.Matches("^[0-9]{17}[0-9X]$", s.GetProperty("residentId").GetString()!);
        });
        var ids = items.Select(s => s.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var audited = await app.KernelAsync(db => db.AuditEntries
            .Where(e => e.Action == "pii.read" && e.ActorName == "school.admin")
            .OrderByDescending(e => e.Sequence).Select(e => e.Details).FirstAsync());
        Assert.All(ids, id => Assert.Contains(id, audited!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keyset_pages_follow_each_other_without_overlap()
    {
        var client = await app.ClientAsync("city.admin");
        var first = await (await client.GetAsync("/api/registry/students?limit=50")).JsonAsync();
        var next = first.GetProperty("next").GetInt64();
        var second = await (await client.GetAsync($"/api/registry/students?limit=50&after={next}")).JsonAsync();

        var a = Items(first).Select(s => s.GetProperty("id").GetInt64()).ToList();
        var b = Items(second).Select(s => s.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(50, a.Count);
        Assert.Equal(a.Order(), a);
        Assert.True(b.Min() > a.Max());
    }

    [Fact]
    public async Task One_student_carries_its_revision_as_etag_and_another_districts_student_is_not_found()
    {
        var client = await app.ClientAsync("shinan.admin");
        var inside = app.World.StudentAt(TestWorld.AnchorSchool);
        using var response = await client.GetAsync($"/api/registry/students/{inside}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var revision = (await response.JsonAsync()).GetProperty("revision").GetInt64();
        Assert.Equal($"\"{revision}\"", response.Headers.ETag?.ToString());

        var outside = app.World.StudentAt(app.World.Role(Kernel.Access.Roles.DistrictAdmin).OutSchool);
        using var refused = await client.GetAsync($"/api/registry/students/{outside}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("residentId", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_change_feed_pages_in_version_order_and_says_where_to_continue()
    {
        var client = await app.ClientAsync("city.admin");
        var page = await (await client.GetAsync("/api/registry/changes?since=0&limit=100")).JsonAsync();
        var versions = Items(page).Select(c => c.GetProperty("version").GetInt64()).ToList();

        Assert.Equal(100, versions.Count);
        Assert.Equal(versions.Order(), versions);
        Assert.True(page.GetProperty("hasMore").GetBoolean());
        var last = page.GetProperty("lastVersion").GetInt64();
        Assert.Equal(versions[^1], last);
        var next = await (await client.GetAsync($"/api/registry/changes?since={last}&limit=10")).JsonAsync();
        Assert.True(Items(next).All(c => c.GetProperty("version").GetInt64() > last));
    }

    [Theory]
    [InlineData("/api/registry/students?limit=0", "limit")]
    [InlineData("/api/registry/students?limit=5000", "limit")]
    [InlineData("/api/registry/changes?since=-1", "since")]
    public async Task Bad_paging_gets_400_naming_the_field(string url, string field)
    {
        var client = await app.ClientAsync("city.admin");
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).Errors.ContainsKey(field));
    }

    [Fact]
    public async Task A_malformed_school_code_is_400_and_an_unknown_one_404_both_naming_the_code()
    {
        var client = await app.ClientAsync("city.admin");
        using var malformed = await client.GetAsync("/api/registry/students?school=abc!!");
        using var unknown = await client.GetAsync("/api/registry/students?school=2137999999");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("abc!!", (await malformed.ProblemAsync()).Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("2137999999", (await unknown.ProblemAsync()).Detail, StringComparison.Ordinal);
    }
}
