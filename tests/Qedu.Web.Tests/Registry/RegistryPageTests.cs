using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Web.Tests.Infrastructure;

using static Qedu.Web.Tests.Registry.RegistryPages;

namespace Qedu.Web.Tests.Registry;

/// <summary>The registry pages: students within scope, masking unless pii.view (and the audit when unmasked), classes with sizes.</summary>
[Collection(WebCollection.Name)]
public sealed class RegistryPageTests(WebApp app)
{

    [Fact]
    public async Task A_district_admin_lists_only_its_schools_students_with_ids_masked()
    {
        var client = await app.ClientAsync("shinan.admin");
        var html = await PageAsync(client, "/registry/students");

        var ids = Cells(html, "resident-id");
        Assert.Equal(50, ids.Count);
        Assert.All(ids, id => Assert.Matches(MaskedId(), id));
        // Schools by name, grades by name, and how many students the list holds in all.
        var schools = Cells(html, "student-school").Distinct().ToList();
        var shinanSchools = await app.KernelAsync(db => db.OrgUnits.Where(o => o.DivisionCode == TestWorld.Shinan).Select(o => new { o.Id, o.Name }).ToListAsync());
        Assert.NotEmpty(schools);
        Assert.All(schools, s => Assert.Contains(s, shinanSchools.Select(u => u.Name)));
        Assert.All(Cells(html, "student-grade"), g => Assert.DoesNotMatch("^[A-Z][0-9]", g));
        Assert.NotEmpty(Cells(html, "student-grade"));
        // The district admin's scope is the district's subtree (a city-run school located in the district is not in it).
        var unitIds = await app.KernelAsync(db => db.OrgUnits.Where(o => o.Parent!.Code == TestWorld.Shinan).Select(o => o.Id).ToListAsync());
        var total = await app.RegistryAsync(db => db.Students.IgnoreQueryFilters().CountAsync(s => unitIds.Contains(s.OrgUnitId)));
        Assert.Contains(string.Format(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), "共 {0:N0} 名学生", total), Cells(html, "student-total"));
        Assert.Contains("rel=\"next\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_students_list_counts_up_to_its_cap_and_then_says_at_least()
    {
        var (all, capped, exact) = await app.AsSystemAsync(async sp =>
        {
            var queries = sp.GetRequiredService<Qedu.Registry.Features.Students.StudentQueries>();
            var all = await sp.GetRequiredService<RegistryDb>().Students.CountAsync();
            var capped = await queries.ListingAsync(new Qedu.Registry.Features.Students.StudentFilter(), 0, 10, countUpTo: 100);
            var exact = await queries.ListingAsync(new Qedu.Registry.Features.Students.StudentFilter(), 0, 10, countUpTo: all);
            return (all, capped, exact);
        });
        Assert.True(all > 100, "the test city holds more than the cap");
        Assert.Equal((100, true), (capped.Total, capped.TotalIsAtLeast));
        Assert.Equal((all, false), (exact.Total, exact.TotalIsAtLeast));
        Assert.Equal(10, capped.Page.Items.Count);
    }

    [Fact]
    public async Task A_school_outside_the_scope_reads_as_unknown_not_as_an_error()
    {
        var client = await app.ClientAsync("shinan.admin");
        var outside = app.World.Role(Kernel.Access.Roles.DistrictAdmin).OutSchool;
        var html = await PageAsync(client, $"/registry/students?school={outside}");

        Assert.Contains(outside, html, StringComparison.Ordinal);
        Assert.Empty(Cells(html, "resident-id"));
        Assert.DoesNotContain(app.World.Names[outside], html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_by_name_prefix_and_by_status_narrows_the_list()
    {
        var client = await app.ClientAsync("city.admin");
        var student = await app.RegistryAsync(db => db.Students.AsNoTracking().OrderBy(s => s.Id).FirstAsync());
        var surname = student.Name[..1];
        var html = await PageAsync(client, $"/registry/students?q={Uri.EscapeDataString(surname)}&school={TestWorld.AnchorSchool}");
        var names = Regex.Matches(html, "<td>([^<]+)</td>\\s*<td>(男|女)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.StartsWith(surname, n, StringComparison.Ordinal));

        var byNumber = await PageAsync(client, $"/registry/students?q={student.ResidentId}");
        Assert.Single(Cells(byNumber, "resident-id"));
    }

    [Fact]
    public async Task A_student_page_shows_guardians_and_history_unmasked_for_pii_view_and_audits_the_read()
    {
        var id = app.World.StudentAt(TestWorld.AnchorSchool);
        var (student, guardians) = await app.RegistryAsync(async db => (
            await db.Students.AsNoTracking().SingleAsync(s => s.Id == id),
            await db.Guardians.AsNoTracking().Where(g => g.StudentId == id).ToListAsync()));
        var before = await app.KernelAsync(db => db.AuditEntries.CountAsync(e => e.Action == "pii.read" && e.ActorName == "school.admin"));

        var html = await PageAsync(await app.ClientAsync("school.admin"), $"/registry/students/{id}");

        Assert.Equal([student.ResidentId!], Cells(html, "resident-id"));
        Assert.Equal(guardians.Select(g => g.Phone ?? "").Order(), Cells(html, "guardian-phone").Order());
        Assert.Contains("data-testid=\"enrolments\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"masked\"", html, StringComparison.Ordinal);
        var after = await app.KernelAsync(db => db.AuditEntries.Where(e => e.Action == "pii.read" && e.ActorName == "school.admin")
            .OrderByDescending(e => e.Sequence).Take(2).Select(e => e.EntityType).ToListAsync());
        Assert.True(await app.KernelAsync(db => db.AuditEntries.CountAsync(e => e.Action == "pii.read" && e.ActorName == "school.admin")) >= before + 2);
        Assert.Contains("Student", after);
        Assert.Contains("Guardian", after);
    }

    [Fact]
    public async Task Without_pii_view_the_student_page_masks_the_id_phones_and_address()
    {
        var id = app.World.StudentAt(TestWorld.AnchorSchool);
        var student = await app.RegistryAsync(db => db.Students.AsNoTracking().SingleAsync(s => s.Id == id));
        var html = await PageAsync(await app.ClientAsync("shinan.admin"), $"/registry/students/{id}");

        Assert.Matches(MaskedId(), Assert.Single(Cells(html, "resident-id")));
        Assert.All(Cells(html, "guardian-phone"), p => Assert.Contains("****", p, StringComparison.Ordinal));
        Assert.Contains("data-testid=\"masked\"", html, StringComparison.Ordinal);
        if (student.Address is { Length: > 0 } address)
        {
            Assert.DoesNotContain(address, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_classes_page_counts_enrolled_pupils_per_class_and_flags_oversized_ones()
    {
        var client = await app.ClientAsync("city.admin");
        var school = await app.KernelAsync(db => db.OrgUnits.SingleAsync(o => o.Code == TestWorld.AnchorSchool));
        var expected = await app.RegistryAsync(async db =>
        {
            var sizes = await db.Students.Where(s => s.OrgUnitId == school.Id && s.StatusCode == "01" && s.ClassId != null)
                .GroupBy(s => s.ClassId).Select(g => g.Count()).ToListAsync();
            var classes = await db.Classes.CountAsync(c => c.OrgUnitId == school.Id);
            return (Classes: classes, Sizes: sizes);
        });

        var html = await PageAsync(client, $"/registry/classes?school={TestWorld.AnchorSchool}");

        var shown = Cells(html, "class-size").Select(int.Parse).ToList();
        Assert.Equal(expected.Classes, shown.Count);
        Assert.Equal(expected.Sizes.Sum(), shown.Sum());
        Assert.Equal(shown.Count(s => s >= 56), Regex.Count(html, "class=\"badge (warn|bad)\">"));

        // The page's export link gives the same school's classes as a spreadsheet.
        var export = Regex.Match(html, "data-testid=\"export-xlsx\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.Contains($"school={TestWorld.AnchorSchool}", export, StringComparison.Ordinal);
        using var file = await client.GetAsync(export);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("PK"u8.ToArray(), (await file.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Fact]
    public async Task The_classes_page_opens_on_a_school_administrators_own_school_and_asks_a_bureau_for_one()
    {
        var own = await PageAsync(await app.ClientAsync("school.admin"), "/registry/classes");
        var bureau = await PageAsync(await app.ClientAsync("shinan.admin"), "/registry/classes");

        // No code to type for a school's own people: the school is filled in and its classes listed.
        Assert.Contains("data-testid=\"classes\"", own, StringComparison.Ordinal);
        Assert.Contains($"name=\"school\" value=\"{TestWorld.AnchorSchool}\"", own, StringComparison.Ordinal);
        // A district sees many schools: it still chooses one.
        Assert.DoesNotContain("data-testid=\"classes\"", bureau, StringComparison.Ordinal);
        Assert.Contains(app.Text<Qedu.Registry.Resources.RegistryText>("Classes.Choose"), bureau, StringComparison.Ordinal);

        // It picks the school from suggestions (name or code), which hold its own district's schools and no other's.
        var schools = await app.AsSystemAsync(async sp =>
        {
            var tree = sp.GetRequiredService<OrgTree>();
            var all = await tree.OfKindPastScopeAsync([OrgUnitKind.School]);
            var shinan = (await tree.FindAsync(TestWorld.Shinan))!;
            var inShinan = (await tree.BelowPastScopeAsync(shinan.Id, OrgUnitKind.School)).Select(s => s.Code).ToHashSet();
            return (In: inShinan, Out: all.Select(s => s.Code).Where(c => !inShinan.Contains(c)).ToList());
        });
        var suggested = Regex.Matches(bureau, "<option value=\"([0-9]{10})\"").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("list=\"school-options\"", bureau, StringComparison.Ordinal);
        Assert.Equal(schools.In.Order(), suggested.Order());
        Assert.DoesNotContain(schools.Out, suggested.Contains);
    }

    [Fact]
    public async Task A_school_page_links_to_its_classes_and_staff_for_registry_readers_only()
    {
        var reader = await PageAsync(await app.ClientAsync("city.admin"), $"/org/{TestWorld.AnchorSchool}");
        Assert.Contains($"href=\"/registry/classes?school={TestWorld.AnchorSchool}\"", reader, StringComparison.Ordinal);
        Assert.Contains($"href=\"/registry/staff?school={TestWorld.AnchorSchool}\"", reader, StringComparison.Ordinal);

        var auditor = await PageAsync(await app.ClientAsync("auditor"), $"/org/{TestWorld.AnchorSchool}");
        Assert.DoesNotContain("data-testid=\"school-classes\"", auditor, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"school-staff\"", auditor, StringComparison.Ordinal);
    }

}
