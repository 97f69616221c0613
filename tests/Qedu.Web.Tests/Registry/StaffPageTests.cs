using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Qedu.Web.Tests.Infrastructure;

using static Qedu.Web.Tests.Registry.RegistryPages;

namespace Qedu.Web.Tests.Registry;

/// <summary>The staff pages: staff within scope, resident IDs and phones masked unless pii.view (and the audit when not), the classes a teacher heads.</summary>
[Collection(WebCollection.Name)]
public sealed class StaffPageTests(WebApp app)
{

    [Fact]
    public async Task A_district_admin_lists_its_districts_staff_with_ids_masked_and_counted()
    {
        var html = await PageAsync(await app.ClientAsync("shinan.admin"), "/registry/staff");

        var ids = Cells(html, "resident-id").Where(id => id.Length > 0).ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Matches(MaskedId(), id));
        var shinanSchools = await app.KernelAsync(db => db.OrgUnits.Where(o => o.Parent!.Code == TestWorld.Shinan).Select(o => new { o.Id, o.Name }).ToListAsync());
        var schools = Cells(html, "staff-school").Distinct().ToList();
        Assert.NotEmpty(schools);
        Assert.All(schools, s => Assert.Contains(s, shinanSchools.Select(u => u.Name)));
        var unitIds = shinanSchools.Select(u => u.Id).ToList();
        var total = await app.RegistryAsync(db => db.Staff.IgnoreQueryFilters().CountAsync(s => unitIds.Contains(s.OrgUnitId)));
        Assert.Contains(string.Format(CultureInfo.GetCultureInfo("zh-CN"), "共 {0:N0} 名教职工", total), Cells(html, "staff-total"));
    }

    [Fact]
    public async Task Searching_by_staff_number_finds_one_and_a_school_outside_the_scope_reads_as_unknown()
    {
        var school = await app.KernelAsync(db => db.OrgUnits.Where(o => o.Code == TestWorld.AnchorSchool).Select(o => o.Id).SingleAsync());
        var number = await app.RegistryAsync(db => db.Staff.IgnoreQueryFilters().Where(s => s.OrgUnitId == school).OrderBy(s => s.Id).Select(s => s.StaffNumber).FirstAsync());
        var client = await app.ClientAsync("shinan.admin");

        Assert.Equal([number], Cells(await PageAsync(client, $"/registry/staff?q={number}"), "staff-number"));
        var shibeiSchool = await app.KernelAsync(db => db.OrgUnits.Where(o => o.Parent!.Code == TestWorld.Shibei).Select(o => o.Code).FirstAsync());
        var html = await PageAsync(client, $"/registry/staff?school={shibeiSchool}");
        Assert.Contains($"{shibeiSchool}", html, StringComparison.Ordinal);
        Assert.Empty(Cells(html, "staff-number"));
    }

    [Fact]
    public async Task A_resident_id_finds_its_member_of_staff_by_the_blind_index_and_the_post_filter_narrows_the_list()
    {
        var school = await app.KernelAsync(db => db.OrgUnits.Where(o => o.Code == TestWorld.AnchorSchool).Select(o => o.Id).SingleAsync());
        var staff = await app.RegistryAsync(db => db.Staff.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.OrgUnitId == school && s.ResidentId != null).OrderBy(s => s.Id).FirstAsync());
        var client = await app.ClientAsync("school.admin");

        Assert.Equal([staff.StaffNumber], Cells(await PageAsync(client, $"/registry/staff?q={staff.ResidentId}"), "staff-number"));
        var samePost = Cells(await PageAsync(client, $"/registry/staff?school={TestWorld.AnchorSchool}&post={staff.PostCode}&q={staff.StaffNumber}"), "staff-number");
        Assert.Equal([staff.StaffNumber], samePost);
        var otherPost = await app.RegistryAsync(db => db.Staff.IgnoreQueryFilters().Where(s => s.PostCode != staff.PostCode).Select(s => s.PostCode).FirstAsync());
        Assert.Empty(Cells(await PageAsync(client, $"/registry/staff?school={TestWorld.AnchorSchool}&post={otherPost}&q={staff.StaffNumber}"), "staff-number"));
    }

    [Fact]
    public async Task A_school_admin_reads_a_teachers_page_unmasked_with_the_classes_they_head_and_the_read_is_audited()
    {
        var school = await app.KernelAsync(db => db.OrgUnits.Where(o => o.Code == TestWorld.AnchorSchool).Select(o => o.Id).SingleAsync());
        var (staff, classes) = await app.RegistryAsync(async db =>
        {
            var head = await db.Classes.IgnoreQueryFilters().Where(c => c.OrgUnitId == school && c.HeadTeacherId != null).Select(c => c.HeadTeacherId!.Value).FirstAsync();
            return (await db.Staff.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == head),
                await db.Classes.IgnoreQueryFilters().Where(c => c.HeadTeacherId == head).Select(c => c.Name).ToListAsync());
        });
        var before = await app.KernelAsync(db => db.AuditEntries.CountAsync(e => e.Action == "pii.read" && e.ActorName == "school.admin" && e.EntityType == "Staff"));

        var html = await PageAsync(await app.ClientAsync("school.admin"), $"/registry/staff/{staff.Id}");

        Assert.Equal([staff.ResidentId ?? ""], Cells(html, "resident-id"));
        Assert.DoesNotContain("data-testid=\"masked\"", html, StringComparison.Ordinal);
        Assert.All(classes, name => Assert.Contains(name, html, StringComparison.Ordinal));
        Assert.NotEmpty(classes);
        Assert.Contains($"href=\"/teachers/{staff.Id}\" data-testid=\"professional-record\"", html, StringComparison.Ordinal);
        var audited = await app.KernelAsync(db => db.AuditEntries.Where(e => e.Action == "pii.read" && e.ActorName == "school.admin" && e.EntityType == "Staff")
            .OrderByDescending(e => e.Sequence).Select(e => e.EntityKey).FirstAsync());
        Assert.True(await app.KernelAsync(db => db.AuditEntries.CountAsync(e => e.Action == "pii.read" && e.ActorName == "school.admin" && e.EntityType == "Staff")) > before);
        Assert.Equal(staff.Id.ToString(CultureInfo.InvariantCulture), audited); // one record read: its id is the entry's

        // Another district's administrator finds no such page; this district's sees it masked.
        var shibei = await app.NewAccountAsync("staff.shibei", Kernel.Access.Roles.DistrictAdmin, TestWorld.Shibei);
        using var outside = await (await app.ClientAsync(shibei)).GetAsync($"/registry/staff/{staff.Id}");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        var masked = await PageAsync(await app.ClientAsync("shinan.admin"), $"/registry/staff/{staff.Id}");
        Assert.Contains("data-testid=\"masked\"", masked, StringComparison.Ordinal);
        if (staff.ResidentId is { } residentId)
        {
            Assert.DoesNotContain(residentId, masked, StringComparison.Ordinal);
        }
        if (staff.Phone is { } phone)
        {
            Assert.DoesNotContain(phone, masked, StringComparison.Ordinal);
        }
    }

}
