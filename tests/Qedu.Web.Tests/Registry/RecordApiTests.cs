using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Registry.Data;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Registry;

/// <summary>Lists and reads of the other record kinds: scope, keyset paging, masking of staff data and the audit of unmasked reads.</summary>
[Collection(WebCollection.Name)]
public sealed class RecordApiTests(WebApp app)
{
    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task A_district_admin_pages_through_its_districts_classes_only()
    {
        var client = await app.ClientAsync("shinan.admin");
        var seen = new List<long>();
        string? url = "/api/registry/classes?limit=10";
        while (url is not null)
        {
            var page = await (await client.GetAsync(url)).JsonAsync();
            var ids = Items(page).Select(c => c.GetProperty("id").GetInt64()).ToList();
            Assert.True(ids.Count <= 10);
            Assert.True(seen.Count == 0 || ids.Count == 0 || ids.Min() > seen.Max(), "pages follow each other without overlap");
            seen.AddRange(ids);
            url = page.GetProperty("next").ValueKind == JsonValueKind.Number ? $"/api/registry/classes?limit=10&after={page.GetProperty("next").GetInt64()}" : null;
        }

        var expected = await app.AsSystemAsync(async sp =>
        {
            // The district's scope is its bureau's subtree (a city-run school sited in the district is not in it).
            var kernel = sp.GetRequiredService<Kernel.Data.KernelDb>();
            var bureau = await kernel.OrgUnits.Where(o => o.Code == TestWorld.Shinan).Select(o => o.Id).SingleAsync();
            var schools = await kernel.OrgClosure.Where(c => c.AncestorId == bureau).Select(c => c.DescendantId).ToListAsync();
            return await sp.GetRequiredService<RegistryDb>().Classes.Where(c => schools.Contains(c.OrgUnitId)).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        });
        Assert.True(expected.Count > 10);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Staff_ids_and_phones_are_masked_without_pii_view_and_audited_when_shown()
    {
        var masked = Items(await (await (await app.ClientAsync("shinan.admin")).GetAsync($"/api/registry/staff?school={TestWorld.AnchorSchool}&limit=5")).JsonAsync());
        Assert.Equal(5, masked.Count);
        Assert.All(masked, s =>
        {
            Assert.True(s.GetProperty("masked").GetBoolean());
            Assert.Contains("*", s.GetProperty("residentId").GetString() ?? "*", StringComparison.Ordinal);
        });

        var open = Items(await (await (await app.ClientAsync("school.admin")).GetAsync($"/api/registry/staff?school={TestWorld.AnchorSchool}&limit=5")).JsonAsync());
        Assert.All(open, s => Assert.False(s.GetProperty("masked").GetBoolean()));
        var audited = await app.KernelAsync(db => db.AuditEntries.Where(e => e.Action == "pii.read" && e.ActorName == "school.admin" && e.EntityType == "Staff")
            .OrderByDescending(e => e.Sequence).Select(e => e.Details).FirstAsync());
        Assert.All(open, s => Assert.Contains(s.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), audited!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_class_carries_its_revision_as_etag_and_another_districts_class_is_not_found()
    {
        var role = app.World.Role(Kernel.Access.Roles.DistrictAdmin);
        var (inside, outside) = await app.AsSystemAsync(async sp =>
        {
            var kernel = sp.GetRequiredService<Kernel.Data.KernelDb>();
            var ids = await kernel.OrgUnits.Where(o => o.Code == role.InSchool || o.Code == role.OutSchool).ToDictionaryAsync(o => o.Code, o => o.Id);
            var classes = sp.GetRequiredService<RegistryDb>().Classes.AsNoTracking();
            return (await classes.FirstAsync(c => c.OrgUnitId == ids[role.InSchool]), await classes.FirstAsync(c => c.OrgUnitId == ids[role.OutSchool]));
        });
        var client = await app.ClientAsync("shinan.admin");

        using var found = await client.GetAsync($"/api/registry/classes/{inside.Id}");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal($"\"{inside.Revision}\"", found.Headers.ETag?.ToString());
        Assert.Equal(inside.Code, (await found.JsonAsync()).GetProperty("code").GetString());

        using var hidden = await client.GetAsync($"/api/registry/classes/{outside.Id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain(outside.Code, await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_kind_is_a_404_naming_the_kinds_there_are()
    {
        using var response = await (await app.ClientAsync("city.admin")).GetAsync("/api/registry/pupils");
        var problem = await response.ProblemAsync();
        Assert.Equal(404, problem.Status);
        Assert.Contains("classes", problem.Detail, StringComparison.Ordinal);
    }
}
