using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.PersonalData;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Registry;

/// <summary>
/// Bulk exports of people's data (personal-data finding 4): above the threshold a purpose is required, every export
/// (masked or not) is one audit line with its purpose and counts, and the auditor finds it through the audit API.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BulkExportTests(WebApp app)
{
    private Task<long> LastSequenceAsync() => app.KernelAsync(db => db.AuditEntries.MaxAsync(e => e.Sequence));

    [Fact]
    public async Task An_export_of_more_people_than_the_threshold_without_a_purpose_is_refused_naming_the_field_and_nothing_is_logged_as_exported()
    {
        var client = await app.ClientAsync("school.admin");
        var before = await LastSequenceAsync();

        foreach (var url in new[]
                 {
                     $"/api/registry/export/students?format=csv&school={TestWorld.AnchorSchool}",
                     $"/api/registry/export/students?format=csv&school={TestWorld.AnchorSchool}&purpose=%20%20",
                     $"/api/registry/oneroster.zip?school={TestWorld.AnchorSchool}",
                 })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("purpose", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var tooLong = await client.GetAsync($"/api/registry/export/students?format=csv&school={TestWorld.AnchorSchool}&purpose={new string('x', PersonalDataExports.MaxPurposeLength + 1)}");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        Assert.Equal(0, await app.KernelAsync(db => db.AuditEntries.CountAsync(e => e.Sequence > before && e.Action == PersonalDataExports.Action && e.ActorName == "school.admin")));
    }

    [Fact]
    public async Task An_export_with_a_purpose_is_audited_with_it_masked_or_not_and_the_auditor_sees_it()
    {
        var before = await LastSequenceAsync();
        var purpose = $"学籍年报核对-{Guid.NewGuid():N}"[..20];

        using var open = await (await app.ClientAsync("school.admin")).GetAsync(
            $"/api/registry/export/students?format=csv&school={TestWorld.AnchorSchool}&purpose={Uri.EscapeDataString(purpose)}");
        using var masked = await (await app.ClientAsync("shinan.admin")).GetAsync(
            $"/api/registry/export/students?format=xlsx&school={TestWorld.AnchorSchool}&purpose={Uri.EscapeDataString(purpose)}");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(HttpStatusCode.OK, masked.StatusCode);

        var lines = await app.KernelAsync(db => db.AuditEntries
            .Where(e => e.Sequence > before && e.Action == PersonalDataExports.Action && e.EntityType == "Student")
            .OrderBy(e => e.Sequence).Select(e => new { e.ActorName, e.Details }).ToListAsync());
        var byActor = lines.ToDictionary(l => l.ActorName!, l => l.Details!);
        Assert.Contains(purpose, byActor["school.admin"], StringComparison.Ordinal);
        Assert.Contains("all unmasked", byActor["school.admin"], StringComparison.Ordinal);
        Assert.Contains(purpose, byActor["shinan.admin"], StringComparison.Ordinal);
        Assert.Contains("all masked", byActor["shinan.admin"], StringComparison.Ordinal);

        // The auditor's view of the log lists both exports with the purpose.
        var audit = await (await (await app.ClientAsync("auditor")).GetAsync($"/api/audit/?action={PersonalDataExports.Action}")).Content.ReadAsStringAsync();
        Assert.Contains(purpose, audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_students_page_asks_exporters_for_the_purpose_and_sends_it_with_the_export()
    {
        var html = await (await (await app.ClientAsync("school.admin")).GetAsync($"/registry/students?school={TestWorld.AnchorSchool}")).Content.ReadAsStringAsync();

        Assert.Matches("<form[^>]*action=\"/api/registry/export/students\"[^>]*data-testid=\"export-form\"", html);
        Assert.Matches("<input name=\"purpose\" required maxlength=\"200\"", html);
        Assert.Contains($"<input type=\"hidden\" name=\"school\" value=\"{TestWorld.AnchorSchool}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_export_needs_no_purpose_but_is_audited_all_the_same()
    {
        var before = await LastSequenceAsync();
        // A school with few staff, and the highest id: far from the anchor school, whose staff other tests add to.
        var (school, people) = await app.AsSystemAsync(async sp =>
        {
            var small = await sp.GetRequiredService<Qedu.Registry.Data.RegistryDb>().Staff.GroupBy(s => s.OrgUnitId)
                .Select(g => new { g.Key, Count = g.Count() }).Where(g => g.Count <= PersonalDataExports.DefaultThreshold)
                .OrderByDescending(g => g.Key).FirstAsync();
            var code = await sp.GetRequiredService<Qedu.Kernel.Data.KernelDb>().OrgUnits.Where(o => o.Id == small.Key).Select(o => o.Code).SingleAsync();
            return (code, small.Count);
        });
        Assert.InRange(people, 1, PersonalDataExports.DefaultThreshold);
        var userName = await app.NewAccountAsync("export.small", Qedu.Kernel.Access.Roles.SchoolAdmin, school);

        using var response = await (await app.ClientAsync(userName)).GetAsync($"/api/registry/export/staff?format=csv&school={school}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = await app.KernelAsync(db => db.AuditEntries
            .Where(e => e.Sequence > before && e.Action == PersonalDataExports.Action && e.EntityType == "Staff" && e.ActorName == userName)
            .Select(e => e.Details).SingleAsync());
        Assert.Contains("(none given)", line!, StringComparison.Ordinal);
    }
}
