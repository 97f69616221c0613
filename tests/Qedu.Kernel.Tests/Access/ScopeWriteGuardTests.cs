using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Tests.Support;

namespace Qedu.Kernel.Tests.Access;

/// <summary>
/// The write side of scoping. School profiles are marked [ScopedWrite(registry.write)]; org units need org.manage.
/// A refused save must write nothing at all, not even its audit lines.
/// </summary>
public class ScopeWriteGuardTests(SeededCity fixture) : IClassFixture<SeededCity>
{
    private KernelHost Host => fixture.Host;

    private async Task<(ProfileRow Anchor, ProfileRow OtherDistrict)> ProfilesAsync()
    {
        var ids = await Host.OrgIdsAsync();
        var shibei = (await Host.SubtreeAsync(Demo.Shibei)).Select(c => ids[c]).ToHashSet();
        await using var scope = Host.Scope(AccessContext.System("test"));
        var rows = await RegistryData.ProfilesAsync(scope.ServiceProvider);
        return (rows.Single(r => r.OrgUnitId == ids[Demo.AnchorSchool]), rows.First(r => shibei.Contains(r.OrgUnitId)));
    }

    private async Task<ProfileRow> ReadAsync(int id)
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        return (await RegistryData.ProfilesAsync(scope.ServiceProvider)).Single(r => r.Id == id);
    }

    private async Task<long> AuditLinesAsync()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        return await scope.ServiceProvider.GetRequiredService<KernelDb>().AuditEntries.LongCountAsync();
    }

    [Fact]
    public async Task A_school_administrator_may_change_their_own_schools_profile()
    {
        var (anchor, _) = await ProfilesAsync();
        var admin = await Host.UserAsync(Roles.SchoolAdmin, Demo.AnchorSchool);
        var lines = await AuditLinesAsync();

        await using (var scope = Host.Scope(admin))
        {
            var db = RegistryData.Context(scope.ServiceProvider);
            var profile = RegistryData.Attach(db, anchor);
            db.Entry(profile).Property("Phone").CurrentValue = "0532-80000001";
            Assert.Equal(1, await db.SaveChangesAsync());
        }

        Assert.Equal("0532-80000001", (await ReadAsync(anchor.Id)).Phone);
        Assert.Equal(lines + 1, await AuditLinesAsync());
    }

    [Fact]
    public async Task Changing_a_profile_outside_the_callers_scope_throws_and_writes_nothing()
    {
        var (_, other) = await ProfilesAsync();
        var admin = await Host.UserAsync(Roles.SchoolAdmin, Demo.AnchorSchool);
        var lines = await AuditLinesAsync();

        await using (var scope = Host.Scope(admin))
        {
            var db = RegistryData.Context(scope.ServiceProvider);
            var profile = RegistryData.Attach(db, other);
            db.Entry(profile).Property("Phone").CurrentValue = "0532-89999999";
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
            // The synchronous path goes through the same check.
            Assert.Throws<ScopeViolationException>(() => db.SaveChanges());
        }

        Assert.Equal(other.Phone, (await ReadAsync(other.Id)).Phone);
        Assert.Equal(lines, await AuditLinesAsync());
    }

    [Fact]
    public async Task One_out_of_scope_change_refuses_the_whole_save()
    {
        var (anchor, other) = await ProfilesAsync();
        var admin = await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan);

        await using (var scope = Host.Scope(admin))
        {
            var db = RegistryData.Context(scope.ServiceProvider);
            db.Entry(RegistryData.Attach(db, anchor)).Property("Phone").CurrentValue = "0532-81111111";
            db.Entry(RegistryData.Attach(db, other)).Property("Phone").CurrentValue = "0532-82222222";
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(anchor.Phone, (await ReadAsync(anchor.Id)).Phone);
        Assert.Equal(other.Phone, (await ReadAsync(other.Id)).Phone);
    }

    [Fact]
    public async Task A_grant_without_the_declared_write_permission_is_not_enough()
    {
        var (anchor, _) = await ProfilesAsync();
        // A teacher may read the registry in their school but not write it.
        var teacher = await Host.UserAsync(Roles.Teacher, Demo.AnchorSchool);

        await using (var scope = Host.Scope(teacher))
        {
            Assert.Contains(await RegistryData.ProfilesAsync(scope.ServiceProvider), r => r.Id == anchor.Id); // can read it
        }
        await using (var scope = Host.Scope(teacher))
        {
            var db = RegistryData.Context(scope.ServiceProvider);
            db.Entry(RegistryData.Attach(db, anchor)).Property("Phone").CurrentValue = "0532-83333333";
            var error = await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
            Assert.Contains(Permissions.RegistryWrite, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(anchor.Phone, (await ReadAsync(anchor.Id)).Phone);
    }

    [Fact]
    public async Task Moving_a_profile_across_the_scope_boundary_either_way_and_deleting_one_outside_are_refused()
    {
        var (anchor, other) = await ProfilesAsync();
        var admin = await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan);

        await using (var scope = Host.Scope(admin))
        {
            var db = RegistryData.Context(scope.ServiceProvider);
            // The new org unit is the other district's school: the original one being in scope is not enough.
            db.Entry(RegistryData.Attach(db, anchor)).Property("OrgUnitId").CurrentValue = other.OrgUnitId;
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }
        await using (var scope = Host.Scope(admin))
        {
            var db = RegistryData.Context(scope.ServiceProvider);
            // Pulling another district's record into one's own scope is refused too: the original unit counts.
            db.Entry(RegistryData.Attach(db, other)).Property("OrgUnitId").CurrentValue = anchor.OrgUnitId;
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }
        await using (var scope = Host.Scope(admin))
        {
            var db = RegistryData.Context(scope.ServiceProvider);
            db.Remove(RegistryData.Attach(db, other));
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(anchor.OrgUnitId, (await ReadAsync(anchor.Id)).OrgUnitId);
        Assert.Equal(other, await ReadAsync(other.Id));
    }

    [Fact]
    public async Task Adding_a_profile_is_allowed_in_scope_and_refused_outside()
    {
        var ids = await Host.OrgIdsAsync();
        int newSchool;
        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            newSchool = (await scope.ServiceProvider.GetRequiredService<OrgTree>()
                .AddAsync(Demo.Unit("2137000901", OrgUnitKind.School, ids[Demo.Shinan]))).Id;
        }

        var shibeiAdmin = await Host.UserAsync(Roles.DistrictAdmin, Demo.Shibei);
        await using (var scope = Host.Scope(shibeiAdmin))
        {
            var db = RegistryData.Context(scope.ServiceProvider);
            RegistryData.Add(db, newSchool, "0532-84444444");
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }
        var shinanAdmin = await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan);
        await using (var scope = Host.Scope(shinanAdmin))
        {
            var db = RegistryData.Context(scope.ServiceProvider);
            RegistryData.Add(db, newSchool, "0532-85555555");
            await db.SaveChangesAsync();
        }

        await using var check = Host.Scope(AccessContext.System("test"));
        var profiles = (await RegistryData.ProfilesAsync(check.ServiceProvider)).Where(r => r.OrgUnitId == newSchool).ToList();
        Assert.Equal("0532-85555555", Assert.Single(profiles).Phone);
    }

    [Fact]
    public async Task Org_units_need_org_manage_over_the_parent()
    {
        var ids = await Host.OrgIdsAsync();
        var lines = await AuditLinesAsync();

        // A district administrator cannot add under another district.
        await using (var scope = Host.Scope(await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan)))
        {
            var tree = scope.ServiceProvider.GetRequiredService<OrgTree>();
            await Assert.ThrowsAsync<ScopeViolationException>(() => tree.AddAsync(Demo.Unit("370203-NOPE", OrgUnitKind.Department, ids[Demo.Shibei])));
        }
        // Department staff read the whole city but manage nothing.
        await using (var scope = Host.Scope(await Host.UserAsync(Roles.DepartmentStaff, Demo.City)))
        {
            var tree = scope.ServiceProvider.GetRequiredService<OrgTree>();
            await Assert.ThrowsAsync<ScopeViolationException>(() => tree.AddAsync(Demo.Unit("370200-NOPE", OrgUnitKind.Department, ids[Demo.City])));
        }
        // No one but the system creates a root.
        await using (var scope = Host.Scope(await Host.UserAsync(Roles.CityAdmin, Demo.City)))
        {
            var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
            db.OrgUnits.Add(new OrgUnit { Code = "ROOT2", Name = "另一个根", Kind = OrgUnitKind.Ministry });
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }
        // Renaming a unit outside the scope: the unit is loaded past the filter, as a careless feature might.
        await using (var scope = Host.Scope(await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan)))
        {
            var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
            var shibei = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(o => o.Code == Demo.Shibei);
            shibei.Name = "被改名的市北区";
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        }

        var after = await Host.OrgIdsAsync();
        Assert.False(after.ContainsKey("370203-NOPE"));
        Assert.False(after.ContainsKey("370200-NOPE"));
        Assert.False(after.ContainsKey("ROOT2"));
        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
            Assert.Equal("市北区教育和体育局", (await db.OrgUnits.SingleAsync(o => o.Code == Demo.Shibei)).Name);
        }
        Assert.Equal(lines, await AuditLinesAsync());

        // The same add inside the caller's own district goes through.
        await using (var scope = Host.Scope(await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan)))
        {
            await scope.ServiceProvider.GetRequiredService<OrgTree>().AddAsync(Demo.Unit("370202-YES", OrgUnitKind.Department, ids[Demo.Shinan]));
        }
        Assert.True((await Host.OrgIdsAsync()).ContainsKey("370202-YES"));
    }

    [Fact]
    public async Task Anonymous_callers_cannot_write_scoped_data()
    {
        var (anchor, _) = await ProfilesAsync();
        await using var scope = Host.Scope(AccessContext.Anonymous);
        var db = RegistryData.Context(scope.ServiceProvider);
        db.Entry(RegistryData.Attach(db, anchor)).Property("Phone").CurrentValue = "0532-86666666";

        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
    }
}
