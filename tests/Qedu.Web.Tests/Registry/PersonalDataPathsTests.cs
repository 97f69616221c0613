using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Data;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Writes;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Registry;

/// <summary>
/// One masking rule on every path a child's data leaves by: a student with distinctive data, read through every registry
/// read endpoint and page by a caller without pii.view (a district administrator), never shows the whole resident ID,
/// 学籍号, birth date, home address or guardian's phone and ID; and the same reads by a caller with pii.view do. The list
/// of paths comes from the running app: a new read path without a line here fails.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PersonalDataPathsTests(WebApp app)
{
    /// <summary>Registry reads that carry no child's personal data (what this test's canary is), with the reason.</summary>
    private static readonly Dictionary<string, string> NoPersonalData = new(StringComparer.Ordinal)
    {
        ["GET /registry/staff"] = "staff, never a child: their own resident IDs and phones are masked as the staff API's (StaffPageTests)",
        ["GET /registry/staff/{Id:long}"] = "a member of staff, never a child: masked as the staff API (StaffPageTests); class names only",
        ["GET /api/registry/templates/{kind}"] = "templates: headers, code lists and a made-up example row",
        ["GET /api/registry/schools/{code}"] = "a school's profile",
        ["GET /api/registry/import-jobs/{id:guid}"] = "the uploader's own file's report",
        ["GET /api/registry/import-jobs/{id:guid}/report.xlsx"] = "the uploader's own file's report",
        ["GET /registry/classes"] = "classes: names and counts",
        ["GET /registry/import"] = "the upload form",
        ["GET /registry/students/new"] = "an empty form (the school's classes and the code lists)",
    };

    private const string StudentName = "隐私金丝雀";
    private const string GuardianName = "金丝雀家长";

    /// <summary>The given name: OneRoster splits a name into family and given names, every other path shows it whole.</summary>
    private const string StudentMarker = "私金丝雀";

    private sealed record Canary(
        long Id, string ResidentId, string StudentNumber, string BirthDate, string Address, string GuardianPhone, string GuardianId, long GuardianRecord, long Version)
    {
        /// <summary>What must never be seen whole without pii.view, in the forms it could be written in.</summary>
        public IEnumerable<string> Secrets =>
            [ResidentId, StudentNumber, BirthDate, BirthDate.Replace('-', '/'), "香港中路99号", GuardianPhone, GuardianId];
    }

    [Fact]
    public async Task Without_pii_view_no_read_path_shows_the_whole_of_a_childs_identifying_data_and_with_it_every_one_does()
    {
        var canary = await CanaryAsync();
        var paths = Paths(canary);
        var mapped = RegistryReads();
        var missing = mapped.Where(k => !NoPersonalData.ContainsKey(k) && paths.All(p => p.Key != k)).ToList();
        Assert.True(missing.Count == 0, $"Read paths with no line in {nameof(PersonalDataPathsTests)} (walk them, or say why they carry no personal data):\n  {string.Join("\n  ", missing)}");

        var masked = await app.ClientAsync("shinan.admin");
        var open = await app.ClientAsync("school.admin");
        var leaks = new List<string>();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, url, marker) in paths)
        {
            var hidden = await ReadAsync(masked, url);
            leaks.AddRange(canary.Secrets.Where(s => hidden.Contains(s, StringComparison.Ordinal)).Select(s => $"{key} ({url}) shows {s}"));
            Assert.True(hidden.Contains(marker, StringComparison.Ordinal), $"{url} did not show the canary at all"); // it was there, masked
            var seen = await ReadAsync(open, url);
            shown.UnionWith(canary.Secrets.Where(s => seen.Contains(s, StringComparison.Ordinal)));
        }
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        // The positive control: with pii.view the same paths show each of them somewhere.
        Assert.Contains(canary.ResidentId, shown);
        Assert.Contains(canary.StudentNumber, shown);
        Assert.Contains(canary.BirthDate, shown);
        Assert.Contains(canary.GuardianPhone, shown);
    }

    [Fact]
    public async Task A_masked_birth_date_is_its_year_and_the_masked_number_matches_the_masked_id()
    {
        var canary = await CanaryAsync();
        var masked = await app.ClientAsync("shinan.admin");

        var student = await (await masked.GetAsync($"/api/registry/students/{canary.Id}")).JsonAsync();

        Assert.Equal(canary.BirthDate[..4], student.GetProperty("birthDate").GetString());
        Assert.Equal(ResidentId.Mask(canary.ResidentId), student.GetProperty("residentId").GetString());
        Assert.Equal("G" + ResidentId.Mask(canary.ResidentId), student.GetProperty("studentNumber").GetString());
        Assert.True(student.GetProperty("masked").GetBoolean());
    }

    /// <summary>Each read path with the canary in it, and the name that shows it was there.</summary>
    private static List<(string Key, string Url, string Marker)> Paths(Canary c)
    {
        var school = TestWorld.AnchorSchool;
        return
        [
            ("GET /api/registry/students/", $"/api/registry/students/?school={school}&after={c.Id - 1}&limit=1", StudentMarker),
            ("GET /api/registry/students/{id:long}", $"/api/registry/students/{c.Id}", StudentMarker),
            ("GET /api/registry/changes", $"/api/registry/changes?since={c.Version}&limit=100", StudentMarker),
            ("GET /api/registry/export/{kind}", $"/api/registry/export/students?format=csv&school={school}&purpose=测试核对", StudentMarker),
            ("GET /api/registry/export/{kind}", $"/api/registry/export/students?format=xlsx&school={school}&purpose=测试核对", StudentMarker),
            ("GET /api/registry/oneroster.zip", $"/api/registry/oneroster.zip?school={school}&purpose=测试核对", StudentMarker),
            ("GET /api/registry/{kind}", $"/api/registry/guardians?school={school}&after={c.GuardianRecord - 1}&limit=1", GuardianName),
            ("GET /api/registry/{kind}/{id:long}", $"/api/registry/guardians/{c.GuardianRecord}", GuardianName),
            ("GET /registry/students", $"/registry/students?school={school}&after={c.Id - 1}", StudentMarker),
            ("GET /registry/students/{Id:long}", $"/registry/students/{c.Id}", GuardianName),
            // The edit form: masked values read-only without pii.view, whole values in the fields with it.
            ("GET /registry/students/{Id:long}/edit", $"/registry/students/{c.Id}/edit", GuardianName),
        ];
    }

    /// <summary>The answer's text: JSON or a page as is (entities decoded), a spreadsheet's or a zip's files concatenated.</summary>
    private static async Task<string> ReadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length > 2 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            var text = new StringBuilder();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                text.Append(WebUtility.HtmlDecode(await reader.ReadToEndAsync())).Append('\n');
            }
            return text.ToString();
        }
        return WebUtility.HtmlDecode(Encoding.UTF8.GetString(bytes));
    }

    private List<string> RegistryReads() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get]).Contains(HttpMethods.Get))
            .Select(e => "GET /" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(k => k.StartsWith("GET /api/registry/", StringComparison.Ordinal) || k.StartsWith("GET /registry/", StringComparison.Ordinal))
            .Distinct()
            .ToList();

    private static int _sequence;

    /// <summary>A student at the anchor school with data no other record shares, and the feed version before it.</summary>
    private Task<Canary> CanaryAsync() => app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<RegistryDb>();
        var version = await db.Changes.MaxAsync(c => (long?)c.Version) ?? 0;
        var school = await sp.GetRequiredService<KernelDb>().OrgUnits.SingleAsync(o => o.Code == TestWorld.AnchorSchool);
        var n = 600 + Interlocked.Increment(ref _sequence) * 2 + 1;
        var birth = new DateOnly(2018, 7, 23);
        var id = ResidentId.Compose("370202", birth, n);
        var guardianId = ResidentId.Compose("370203", new DateOnly(1986, 2, 14), n);
        var phone = $"1391234{n:0000}";
        var student = new Student
        {
            OrgUnitId = school.Id, StudentNumber = "G" + id, Name = StudentName, GenderCode = "1", ResidentId = id, BirthDate = birth,
            Address = $"青岛市市南区香港中路99号{n}单元502室", StatusCode = "01",
        };
        var guardian = new Guardian { OrgUnitId = school.Id, Name = GuardianName, RelationCode = "11", Phone = phone, ResidentId = guardianId };
        var created = await sp.GetRequiredService<StudentCommands>().CreateAsync(student, [guardian]);
        var guardianRecord = await db.Guardians.Where(g => g.StudentId == created.Id).Select(g => g.Id).SingleAsync();
        return new Canary(created.Id, id, "G" + id, "2018-07-23", student.Address, phone, guardianId, guardianRecord, version);
    });
}
