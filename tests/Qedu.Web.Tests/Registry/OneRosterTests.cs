using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Data;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Registry;

/// <summary>GET /api/registry/oneroster.zip: the OneRoster v1.2 CSV binding's files and headers, counts, references, masking, scope.</summary>
[Collection(WebCollection.Name)]
public sealed class OneRosterTests(WebApp app)
{
    /// <summary>The column lists of the 1EdTech OneRoster v1.2 CSV binding, written out here independently of the exporter.</summary>
    private static readonly Dictionary<string, string> SpecHeaders = new(StringComparer.Ordinal)
    {
        ["manifest.csv"] = "propertyName,value",
        ["orgs.csv"] = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
        ["academicSessions.csv"] = "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
        ["courses.csv"] = "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes",
        ["classes.csv"] = "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
        ["users.csv"] = "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns",
        ["roles.csv"] = "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId",
        ["enrollments.csv"] = "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate",
        ["demographics.csv"] = "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus",
    };

    private static readonly HashSet<string> Sexes = ["male", "female", "unspecified", "other"];

    private static readonly HashSet<string> CedsGrades = ["IT", "PR", "PK", "TK", "KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "PS", "UG", "Other"];

    private sealed record Bundle(Dictionary<string, string> Headers, Dictionary<string, List<Dictionary<string, string>>> Files)
    {
        public List<Dictionary<string, string>> this[string name] => Files[name];
    }

    private async Task<Bundle> ExportAsync(string userName, string query = "")
    {
        var client = await app.ClientAsync(userName);
        using var response = await client.GetAsync("/api/registry/oneroster.zip" + query + (query.Contains('?') ? "&" : "?") + "purpose=测试核对");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new Dictionary<string, List<Dictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            var rows = Csv.Parse(await reader.ReadToEndAsync());
            headers[entry.FullName] = string.Join(',', rows[0]);
            files[entry.FullName] = rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList();
        }
        return new Bundle(headers, files);
    }

    [Fact]
    public async Task The_bundle_holds_the_binding_files_with_exactly_its_headers_and_a_bulk_manifest()
    {
        var bundle = await ExportAsync("city.admin");

        Assert.Equal(SpecHeaders.Keys.Order(), bundle.Headers.Keys.Order());
        foreach (var (file, header) in SpecHeaders)
        {
            // The binding's columns in its order; after them only extension columns (metadata.*), which the binding allows.
            Assert.StartsWith(header, bundle.Headers[file], StringComparison.Ordinal);
            var extra = bundle.Headers[file][header.Length..];
            Assert.True(extra.Length == 0 || extra.Split(',').Skip(1).All(c => c.StartsWith("metadata.qedu.", StringComparison.Ordinal)), $"{file}: {extra}");
        }
        var manifest = bundle["manifest.csv"].ToDictionary(r => r["propertyName"], r => r["value"]);
        Assert.Equal("1.2", manifest["oneroster.version"]);
        foreach (var file in SpecHeaders.Keys.Where(f => f != "manifest.csv"))
        {
            Assert.Equal("bulk", manifest[$"file.{file[..^4]}"]);
        }
        Assert.Equal("absent", manifest["file.results"]);
        // A bulk file leaves status and dateLastModified empty.
        Assert.All(bundle.Files.Where(f => f.Key != "manifest.csv").SelectMany(f => f.Value), r => Assert.True(r["status"] == "" && r["dateLastModified"] == ""));
    }

    [Fact]
    public async Task Counts_match_the_registry_in_scope_and_every_reference_resolves()
    {
        var bundle = await ExportAsync("city.admin");

        var (students, staff, guardians, classes) = await app.AsSystemAsync(async sp =>
        {
            var city = await CitySchoolsAsync(sp, TestWorld.City);
            var db = sp.GetRequiredService<RegistryDb>();
            return (
                await db.Students.CountAsync(s => city.Contains(s.OrgUnitId)),
                await db.Staff.CountAsync(s => city.Contains(s.OrgUnitId)),
                await db.Guardians.CountAsync(g => city.Contains(g.OrgUnitId) && db.Students.Any(s => s.Id == g.StudentId && city.Contains(s.OrgUnitId))),
                await db.Classes.CountAsync(c => city.Contains(c.OrgUnitId)));
        });
        var users = bundle["users.csv"];
        var roles = bundle["roles.csv"].GroupBy(r => r["role"]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(students + staff + guardians, users.Count);
        Assert.Equal(students, roles["student"]);
        Assert.Equal(guardians, roles["guardian"]);
        Assert.Equal(staff, roles.Where(r => r.Key is "teacher" or "siteAdministrator" or "aide").Sum(r => r.Value));
        Assert.Equal(classes, bundle["classes.csv"].Count);
        Assert.DoesNotContain(users, u => u["primaryOrgSourcedId"] == TestWorld.OtherCitySchool); // the other city is outside city.admin's scope

        var userIds = users.Select(u => u["sourcedId"]).ToHashSet();
        var classIds = bundle["classes.csv"].Select(c => c["sourcedId"]).ToHashSet();
        var orgIds = bundle["orgs.csv"].Select(o => o["sourcedId"]).ToHashSet();
        var courseIds = bundle["courses.csv"].Select(c => c["sourcedId"]).ToHashSet();
        var sessionIds = bundle["academicSessions.csv"].Select(s => s["sourcedId"]).ToHashSet();
        Assert.Equal(userIds.Count, users.Count);
        Assert.NotEmpty(bundle["enrollments.csv"]);
        Assert.All(bundle["enrollments.csv"], e =>
        {
            Assert.Contains(e["classSourcedId"], classIds);
            Assert.Contains(e["userSourcedId"], userIds);
            Assert.Contains(e["schoolSourcedId"], orgIds);
        });
        Assert.Contains(bundle["enrollments.csv"], e => e["role"] == "teacher");
        Assert.Contains(bundle["enrollments.csv"], e => e["role"] == "student");
        Assert.All(bundle["classes.csv"], c =>
        {
            Assert.Contains(c["courseSourcedId"], courseIds);
            Assert.Contains(c["schoolSourcedId"], orgIds);
            Assert.All(c["termSourcedIds"].Split(','), t => Assert.Contains(t, sessionIds));
            Assert.Contains(c["grades"], CedsGrades);
        });
        Assert.All(bundle["roles.csv"], r => Assert.Contains(r["userSourcedId"], userIds));
        Assert.All(bundle["demographics.csv"], d => Assert.Contains(d["sourcedId"], userIds));
        Assert.All(users.Where(u => u["agentSourcedIds"] != ""), u => Assert.All(u["agentSourcedIds"].Split(','), a => Assert.Contains(a, userIds)));
        Assert.All(bundle["orgs.csv"].Where(o => o["parentSourcedId"] != ""), o => Assert.Contains(o["parentSourcedId"], orgIds));
        Assert.Equal(["district", "school"], bundle["orgs.csv"].Select(o => o["type"]).Distinct().Order());
        Assert.All(bundle["demographics.csv"], d => Assert.Contains(d["sex"], Sexes));
    }

    [Fact]
    public async Task Without_pii_view_identifying_data_is_masked_and_with_it_shown_and_audited()
    {
        var masked = await ExportAsync("shinan.admin", $"?school={TestWorld.AnchorSchool}");
        var open = await ExportAsync("school.admin", $"?school={TestWorld.AnchorSchool}");

        var numbers = await app.AsSystemAsync(async sp =>
        {
            var school = await sp.GetRequiredService<KernelDb>().OrgUnits.Where(o => o.Code == TestWorld.AnchorSchool).Select(o => o.Id).SingleAsync();
            return await sp.GetRequiredService<RegistryDb>().Students.Where(s => s.OrgUnitId == school)
                .ToDictionaryAsync(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.StudentNumber);
        });
        var hiddenStudents = masked["users.csv"].Where(u => numbers.ContainsKey(u["sourcedId"])).ToList();
        var shownStudents = open["users.csv"].Where(u => numbers.ContainsKey(u["sourcedId"])).ToList();
        Assert.Equal(numbers.Count, hiddenStudents.Count);
        Assert.All(hiddenStudents, u =>
        {
            Assert.NotEqual(numbers[u["sourcedId"]], u["identifier"]);
            Assert.Contains("****", u["identifier"], StringComparison.Ordinal);
            Assert.Equal("", u["username"]);
            Assert.DoesNotContain(numbers[u["sourcedId"]], string.Join(',', u.Values), StringComparison.Ordinal);
        });
        Assert.All(shownStudents, u => Assert.Equal(numbers[u["sourcedId"]], u["identifier"]));
        var guardianRoles = masked["roles.csv"].Where(r => r["role"] == "guardian").Select(r => r["userSourcedId"]).ToHashSet();
        Assert.All(masked["users.csv"].Where(u => guardianRoles.Contains(u["sourcedId"]) && u["phone"] != ""), u => Assert.Matches(@"^\d{3}\*+\d{4}$", u["phone"]));
        Assert.Contains(open["users.csv"], u => guardianRoles.Contains(u["sourcedId"]) && System.Text.RegularExpressions.Regex.IsMatch(u["phone"], @"^\d{11}$"));

        var audited = await app.KernelAsync(db => db.AuditEntries
            .Where(e => e.Action == "pii.read" && e.ActorName == "school.admin" && e.EntityType == "Student")
            .OrderByDescending(e => e.Sequence).Select(e => e.Details).FirstAsync());
        Assert.Contains(shownStudents[0]["sourcedId"], audited!, StringComparison.Ordinal);
        Assert.True(await app.KernelAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "export" && e.ActorName == "school.admin" && e.EntityType == "OneRoster")));
    }

    [Fact]
    public async Task A_district_admin_gets_only_its_district()
    {
        var bundle = await ExportAsync("shinan.admin");

        var (schools, students) = await app.AsSystemAsync(async sp =>
        {
            var ids = await CitySchoolsAsync(sp, TestWorld.Shinan);
            var codes = await sp.GetRequiredService<KernelDb>().OrgUnits.Where(o => ids.Contains(o.Id)).Select(o => o.Code).ToListAsync();
            return (codes.ToHashSet(), await sp.GetRequiredService<RegistryDb>().Students.CountAsync(s => ids.Contains(s.OrgUnitId)));
        });
        Assert.Equal([TestWorld.Shinan], bundle["orgs.csv"].Where(o => o["type"] == "district").Select(o => o["sourcedId"]));
        Assert.True(schools.SetEquals(bundle["orgs.csv"].Where(o => o["type"] == "school").Select(o => o["sourcedId"])));
        Assert.All(bundle["users.csv"], u => Assert.Contains(u["primaryOrgSourcedId"], schools));
        Assert.All(bundle["classes.csv"], c => Assert.Contains(c["schoolSourcedId"], schools));
        Assert.Equal(students, bundle["roles.csv"].Count(r => r["role"] == "student"));
    }

    [Fact]
    public async Task A_malformed_school_is_400_and_one_out_of_scope_or_unknown_is_404()
    {
        var client = await app.ClientAsync("shinan.admin");
        using var malformed = await client.GetAsync("/api/registry/oneroster.zip?school=abc!!");
        using var outside = await client.GetAsync($"/api/registry/oneroster.zip?school={app.World.Role(Kernel.Access.Roles.DistrictAdmin).OutSchool}");
        using var unknown = await client.GetAsync("/api/registry/oneroster.zip?school=2137999999");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("abc!!", (await malformed.ProblemAsync()).Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>The school ids under <paramref name="code"/>, by parent links (independent of the exporter's closure query).</summary>
    private static async Task<List<int>> CitySchoolsAsync(IServiceProvider sp, string code)
    {
        var units = await sp.GetRequiredService<KernelDb>().OrgUnits.Select(o => new { o.Id, o.Code, o.ParentId, o.Kind }).ToListAsync();
        var root = units.Single(u => u.Code == code).Id;
        var under = new HashSet<int> { root };
        bool grew;
        do
        {
            grew = false;
            foreach (var u in units.Where(u => u.ParentId is int p && under.Contains(p) && !under.Contains(u.Id)))
            {
                grew |= under.Add(u.Id);
            }
        }
        while (grew);
        return units.Where(u => under.Contains(u.Id) && u.Kind == OrgUnitKind.School).Select(u => u.Id).ToList();
    }
}
