using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Codes;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Registry;

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
            // One shape with the change feed: the address is there, masked like the rest.
            Assert.True(s.GetProperty("address").ValueKind == JsonValueKind.Null || s.GetProperty("address").GetString()!.Contains('*', StringComparison.Ordinal));
        });
        var schools = await app.KernelAsync(db => db.OrgUnits.Where(o => o.DivisionCode == TestWorld.Shinan).Select(o => o.Code).ToListAsync());
        Assert.All(items, s => Assert.Contains(s.GetProperty("orgCode").GetString()!, schools));
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

    private static int _calls;

    /// <summary>At the anchor school: a student changed twice, one created then deleted, a guardian; returns the version before them.</summary>
    private async Task<(long Before, long Changed, long Gone, long Guardian)> ChangeAnchorSchoolAsync()
    {
        return await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegistryDb>();
            var before = await db.Changes.MaxAsync(c => c.Version);
            var school = await app.KernelAsync(k => k.OrgUnits.Where(o => o.Code == TestWorld.AnchorSchool).Select(o => o.Id).SingleAsync());
            // A division code no demo person has, and a birth date of its own per call: unique ids and numbers.
            var born = new DateOnly(2019, 1, 1).AddDays(Interlocked.Increment(ref _calls));
            Student New(int k) => new()
            {
                OrgUnitId = school, StudentNumber = "G" + ResidentId.Compose("370198", born, 2 * k + 1), Name = $"动态学生{k}", GenderCode = "1",
                ResidentId = ResidentId.Compose("370198", born, 2 * k + 1), BirthDate = born, StatusCode = "01", Address = "青岛市市南区香港中路100号",
            };
            var changed = New(0);
            var gone = New(1);
            db.AddRange(changed, gone);
            await db.SaveChangesAsync();
            var guardian = new Guardian { OrgUnitId = school, StudentId = changed.Id, Name = "动态家长", RelationCode = "11", Phone = "13912345678" };
            db.Add(guardian);
            changed.Name = "动态学生（改一）";
            await db.SaveChangesAsync();
            changed.Name = "动态学生（改二）";
            await db.SaveChangesAsync();
            db.Remove(gone);
            await db.SaveChangesAsync();
            return (before, changed.Id, gone.Id, guardian.Id);
        });
    }

    [Fact]
    public async Task Feed_lines_carry_the_records_latest_data_and_a_deleted_record_shows_none_then_its_tombstone()
    {
        var (before, changed, gone, guardian) = await ChangeAnchorSchoolAsync();
        var client = await app.ClientAsync("city.admin");

        var lines = Items(await (await client.GetAsync($"/api/registry/changes?since={before}&limit=100")).JsonAsync());

        var changedLines = lines.Where(l => l.GetProperty("entityId").GetInt64() == changed).ToList();
        Assert.Equal(3, changedLines.Count); // created, renamed, renamed again
        var revision = await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Students.Where(s => s.Id == changed).Select(s => s.Revision).SingleAsync());
        Assert.All(changedLines, l =>
        {
            var data = l.GetProperty("data");
            Assert.Equal(changed, data.GetProperty("id").GetInt64());
            Assert.Equal("动态学生（改二）", data.GetProperty("name").GetString());
            Assert.Equal(revision, data.GetProperty("revision").GetInt64());
            Assert.Equal(TestWorld.AnchorSchool, data.GetProperty("orgCode").GetString());
        });
        var goneLines = lines.Where(l => l.GetProperty("entityId").GetInt64() == gone).ToList();
        Assert.Equal([false, true], goneLines.Select(l => l.GetProperty("deleted").GetBoolean()));
        Assert.All(goneLines, l => Assert.Equal(JsonValueKind.Null, l.GetProperty("data").ValueKind));
        var guardianData = lines.Single(l => l.GetProperty("entityId").GetInt64() == guardian).GetProperty("data");
        Assert.Equal(changed, guardianData.GetProperty("studentId").GetInt64());
    }

    [Fact]
    public async Task Feed_data_is_masked_without_pii_view_and_unmasked_reads_with_it_are_audited()
    {
        var (before, changed, _, guardian) = await ChangeAnchorSchoolAsync();

        var masked = Items(await (await (await app.ClientAsync("shinan.admin")).GetAsync($"/api/registry/changes?since={before}&limit=100")).JsonAsync());
        var open = Items(await (await (await app.ClientAsync("school.admin")).GetAsync($"/api/registry/changes?since={before}&limit=100")).JsonAsync());

        var student = await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Students.AsNoTracking().SingleAsync(s => s.Id == changed));
        var (residentId, number) = (student.ResidentId!, student.StudentNumber);
        JsonElement DataOf(List<JsonElement> page, long id) => page.First(l => l.GetProperty("entityId").GetInt64() == id).GetProperty("data");

        var hidden = DataOf(masked, changed);
        Assert.True(hidden.GetProperty("masked").GetBoolean());
        Assert.Equal(ResidentId.Mask(residentId), hidden.GetProperty("residentId").GetString());
        Assert.NotEqual(number, hidden.GetProperty("studentNumber").GetString());
        Assert.Equal("青岛市市南区****", hidden.GetProperty("address").GetString());
        Assert.Equal("139****5678", DataOf(masked, guardian).GetProperty("phone").GetString());

        var shown = DataOf(open, changed);
        Assert.False(shown.GetProperty("masked").GetBoolean());
        Assert.Equal(residentId, shown.GetProperty("residentId").GetString());
        Assert.Equal(number, shown.GetProperty("studentNumber").GetString());
        Assert.Equal("13912345678", DataOf(open, guardian).GetProperty("phone").GetString());

        var audited = await app.KernelAsync(db => db.AuditEntries
            .Where(e => e.Action == "pii.read" && e.ActorName == "school.admin" && (e.EntityType == "Student" || e.EntityType == "Guardian"))
            .OrderByDescending(e => e.Sequence).Take(2).Select(e => (e.Details ?? "") + "|" + e.EntityKey).ToListAsync());
        Assert.Contains(audited, a => a.Contains(changed.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Contains(audited, a => a.Contains(guardian.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.False(await app.KernelAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "pii.read" && e.ActorName == "shinan.admin")));
    }

    [Fact]
    public async Task A_district_admins_feed_carries_data_only_from_its_district()
    {
        var client = await app.ClientAsync("shinan.admin");
        var page = await (await client.GetAsync("/api/registry/changes?since=0&limit=5000")).JsonAsync();
        var schools = await app.KernelAsync(db => db.OrgUnits.Where(o => o.DivisionCode == TestWorld.Shinan).Select(o => o.Code).ToListAsync());

        var data = Items(page).Where(l => l.GetProperty("data").ValueKind == JsonValueKind.Object).Select(l => l.GetProperty("data")).ToList();
        Assert.NotEmpty(data);
        Assert.All(data, d => Assert.Contains(d.GetProperty("orgCode").GetString()!, schools));
    }
}
