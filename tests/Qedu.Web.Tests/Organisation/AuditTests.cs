using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Organisation;

/// <summary>The audit log as an auditor reads it over the API: every write appears with who, what and from where; the chain verifies.</summary>
[Collection(WebCollection.Name)]
public sealed class AuditTests(WebApp app)
{
    public static TheoryData<string> RolesWithoutAuditRead() =>
        new(Roles.All.Where(r => !r.Permissions.Contains(Permissions.AuditRead)).Select(r => r.Name));

    [Fact]
    public async Task A_write_through_the_api_appears_in_the_audit_log_with_actor_action_and_client_address()
    {
        var admin = await app.ClientAsync("city.admin");
        var code = $"{TestWorld.Shinan}-AUD{Letters(4)}";
        using var create = await SendAsync(admin, HttpMethod.Post, "/api/org-units", new { parentCode = TestWorld.Shinan, kind = "Department", code, name = "审计测试处" });
        using var update = await SendAsync(admin, HttpMethod.Put, $"/api/org-units/{code}", new { name = "审计测试处", nameEn = "Audit test division" });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        var auditor = await app.ClientAsync("auditor");
        using var response = await auditor.GetAsync($"/api/audit?actor=city.admin&entity={code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var created = Assert.Single(lines, l => l.GetProperty("action").GetString() == "create");
        var updated = Assert.Single(lines, l => l.GetProperty("action").GetString() == "update");
        foreach (var line in new[] { created, updated })
        {
            Assert.Equal("city.admin", line.GetProperty("actorName").GetString());
            Assert.Equal("User", line.GetProperty("actorKind").GetString());
            Assert.Equal(TestWorld.City, line.GetProperty("actorScope").GetString());
            Assert.Equal("OrgUnit", line.GetProperty("entityType").GetString());
            Assert.Equal(code, line.GetProperty("entityKey").GetString());
            Assert.Equal(code, line.GetProperty("orgCode").GetString());
            Assert.Equal(ClientAddress, line.GetProperty("clientAddress").GetString());
        }
        Assert.Contains("NameEn", updated.GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.True(updated.GetProperty("sequence").GetInt64() > created.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task The_audit_chain_verifies_intact()
    {
        var auditor = await app.ClientAsync("auditor");

        using var response = await auditor.GetAsync("/api/audit/verify");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.True(json.GetProperty("isIntact").GetBoolean(), json.ToString());
        Assert.True(json.GetProperty("entries").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("brokenAt").ValueKind);
    }

    [Fact]
    public async Task Reading_the_audit_log_is_itself_audited()
    {
        var auditor = await app.ClientAsync("auditor");
        using var first = await auditor.GetAsync("/api/audit?limit=5");

        var read = await app.KernelAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "audit.read" && e.ActorName == "auditor")
            .OrderByDescending(e => e.Sequence).FirstAsync());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("rows=5", read.Details);
    }

    [Theory]
    [MemberData(nameof(RolesWithoutAuditRead))]
    public async Task Roles_without_audit_read_get_403_from_both_audit_endpoints(string role)
    {
        var client = await app.ClientAsync(app.World.Role(role).UserName);

        using var log = await client.GetAsync("/api/audit");
        using var verify = await client.GetAsync("/api/audit/verify");

        Assert.Equal(HttpStatusCode.Forbidden, log.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, verify.StatusCode);
    }

    [Fact]
    public async Task A_district_auditor_sees_only_lines_about_units_in_the_district()
    {
        await app.CreateAccountAsync("audit.shibei", Roles.Auditor, TestWorld.Shibei);
        var auditor = await app.SignInAsync("audit.shibei");
        var shibei = await app.KernelAsync(db =>
            (from c in db.OrgClosure
             join a in db.OrgUnits on c.AncestorId equals a.Id
             join d in db.OrgUnits on c.DescendantId equals d.Id
             where a.Code == TestWorld.Shibei
             select d.Code).ToListAsync());

        using var response = await auditor.GetAsync("/api/audit?limit=1000");

        var orgs = (await response.JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(l => l.GetProperty("orgCode").GetString()).ToList();
        Assert.NotEmpty(orgs); // the demo seed created the district's units
        Assert.All(orgs, o => Assert.Contains(o, shibei));
    }

    private const string ClientAddress = "203.0.113.45";

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = Http.Json(body) };
        request.Headers.Add(WebApp.ClientAddressHeader, ClientAddress);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await client.SendAsync(request);
    }

    private static string Letters(int n) => new(Enumerable.Range(0, n).Select(_ => (char)('A' + Random.Shared.Next(26))).ToArray());
}
