using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Tests.Support;

namespace Qedu.Kernel.Tests.OrgUnits;

/// <summary>
/// The closure table is what every scope check joins on, so it must match the parent links exactly. Tests here add
/// units with codes of their own and never count the whole tree after another test may have added to it.
/// </summary>
public class OrgTreeTests(SeededCity fixture) : IClassFixture<SeededCity>
{
    private KernelHost Host => fixture.Host;

    [Fact]
    public async Task The_seeded_closure_matches_the_parent_links_row_for_row()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
        var units = await db.OrgUnits.IgnoreQueryFilters().Select(o => new { o.Id, o.ParentId }).ToListAsync();
        var closure = await db.OrgClosure.Select(c => new { c.AncestorId, c.DescendantId, c.Depth }).ToListAsync();

        var parentOf = units.ToDictionary(u => u.Id, u => u.ParentId);
        var expected = new HashSet<(int, int, int)>();
        foreach (var unit in units)
        {
            var depth = 0;
            for (int? id = unit.Id; id is int current; id = parentOf[current])
            {
                expected.Add((current, unit.Id, depth++));
            }
        }
        var actual = closure.Select(c => (c.AncestorId, c.DescendantId, c.Depth)).ToHashSet();
        Assert.Equal(closure.Count, actual.Count); // no duplicates
        Assert.True(expected.SetEquals(actual), $"closure differs: {expected.Except(actual).Count()} missing, {actual.Except(expected).Count()} extra");
        Assert.True(units.Count > 50);
    }

    [Fact]
    public async Task Adding_units_records_every_ancestor_at_its_depth()
    {
        var ids = await Host.OrgIdsAsync();
        await using var scope = Host.Scope(AccessContext.System("test"));
        var tree = scope.ServiceProvider.GetRequiredService<OrgTree>();
        var db = scope.ServiceProvider.GetRequiredService<KernelDb>();

        var district = await tree.AddAsync(Demo.Unit("370298", OrgUnitKind.District, ids[Demo.City], "测试新区"));
        var school = await tree.AddAsync(Demo.Unit("2137098001", OrgUnitKind.School, district.Id, "测试新区第一小学"));

        var ancestors = await db.OrgClosure.Where(c => c.DescendantId == school.Id)
            .Join(db.OrgUnits.IgnoreQueryFilters(), c => c.AncestorId, o => o.Id, (c, o) => new { o.Code, c.Depth })
            .OrderBy(x => x.Depth).Select(x => x.Code).ToListAsync();
        Assert.Equal(["2137098001", "370298", Demo.City, DemoCityGenerator.ProvinceCode, DemoCityGenerator.MinistryCode], ancestors);

        var path = await tree.PathAsync(school.Id);
        Assert.Equal([DemoCityGenerator.MinistryCode, DemoCityGenerator.ProvinceCode, Demo.City, "370298", "2137098001"], path.Select(o => o.Code));

        // The new units are descendants of the city and the province, and the city's subtree grew by exactly two.
        var underCity = await db.OrgClosure.Where(c => c.AncestorId == ids[Demo.City]).Select(c => c.DescendantId).ToListAsync();
        Assert.Contains(district.Id, underCity);
        Assert.Contains(school.Id, underCity);
        Assert.True(await tree.IsUnderAsync([ids[DemoCityGenerator.ProvinceCode]], school.Id));
        Assert.True(await tree.IsUnderAsync([district.Id], school.Id));
        Assert.False(await tree.IsUnderAsync([ids[Demo.Shinan]], school.Id));
        Assert.False(await tree.IsUnderAsync([school.Id], district.Id)); // ancestry is one-way
    }

    [Fact]
    public async Task What_a_caller_creates_belongs_to_their_grant_nearest_the_root()
    {
        var ids = await Host.OrgIdsAsync();
        await using var scope = Host.Scope(AccessContext.System("test"));
        var tree = scope.ServiceProvider.GetRequiredService<OrgTree>();
        Grant Grant(string code, string permission) => new(ids[code], code, new HashSet<string> { permission }, null);
        // A district's grant listed first, the city's second: the city is nearer the root.
        var both = AccessContext.ForUser(Guid.NewGuid(), "both", [Grant(Demo.Shinan, Permissions.ExamsManage), Grant(Demo.City, Permissions.ExamsManage)]);
        Assert.Equal(ids[Demo.City], await tree.HighestGrantAsync(both, Permissions.ExamsManage));
        var district = AccessContext.ForUser(Guid.NewGuid(), "district", [Grant(Demo.Shinan, Permissions.ExamsManage), Grant(Demo.City, Permissions.RegistryRead)]);
        Assert.Equal(ids[Demo.Shinan], await tree.HighestGrantAsync(district, Permissions.ExamsManage));
        Assert.Null(await tree.HighestGrantAsync(district, Permissions.TeachersManage));
        Assert.Equal(ids[Demo.City], await tree.HighestGrantAsync(AccessContext.System("test"), Permissions.TeachersManage));
    }

    [Fact]
    public async Task Each_unit_maps_to_its_nearest_ancestor_of_a_kind_whatever_the_caller_sees()
    {
        var ids = await Host.OrgIdsAsync();
        await using (var setup = Host.Scope(AccessContext.System("test")))
        {
            var tree = setup.ServiceProvider.GetRequiredService<OrgTree>();
            var district = await tree.AddAsync(Demo.Unit("370297", OrgUnitKind.District, ids[Demo.City], "最近区"));
            await tree.AddAsync(Demo.Unit("2137097001", OrgUnitKind.School, district.Id, "最近区第一小学"));
        }
        var units = await Host.OrgIdsAsync();
        // A caller who sees only another district still gets the whole tree's mapping: ids only, for whole-tree figures.
        await using var scope = Host.Scope(await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan));
        var districtOf = await scope.ServiceProvider.GetRequiredService<OrgTree>().NearestAboveOfKindAsync(OrgUnitKind.District);

        Assert.Equal(units["370297"], districtOf[units["2137097001"]]);
        Assert.False(districtOf.ContainsKey(units["370297"])); // a district is not above itself
        Assert.False(districtOf.ContainsKey(units[Demo.City])); // nor is there one above the city
        var provinceOf = await scope.ServiceProvider.GetRequiredService<OrgTree>().NearestAboveOfKindAsync(OrgUnitKind.Province);
        Assert.Equal(units[DemoCityGenerator.ProvinceCode], provinceOf[units["2137097001"]]);
    }

    [Fact]
    public async Task A_failed_add_leaves_neither_the_unit_nor_closure_rows()
    {
        var ids = await Host.OrgIdsAsync();
        await using var scope = Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
        var before = await db.OrgClosure.CountAsync();

        // The code is taken (unique index): the first save fails and the add's own transaction rolls back.
        var duplicate = Demo.Unit(Demo.AnchorSchool, OrgUnitKind.School, ids[Demo.Shinan]);
        await Assert.ThrowsAsync<DbUpdateException>(() => scope.ServiceProvider.GetRequiredService<OrgTree>().AddAsync(duplicate));

        await using var check = Host.Scope(AccessContext.System("test"));
        var fresh = check.ServiceProvider.GetRequiredService<KernelDb>();
        Assert.Equal(before, await fresh.OrgClosure.CountAsync());
        Assert.Equal(1, await fresh.OrgUnits.IgnoreQueryFilters().CountAsync(o => o.Code == Demo.AnchorSchool));
    }

    [Fact]
    public async Task An_add_inside_the_callers_transaction_rolls_back_with_it()
    {
        var ids = await Host.OrgIdsAsync();
        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<OrgTree>().AddAsync(Demo.Unit("370202-TMP", OrgUnitKind.Department, ids[Demo.Shinan]));
            Assert.True(await db.OrgUnits.AnyAsync(o => o.Code == "370202-TMP")); // visible inside the transaction
            await tx.RollbackAsync();
        }
        var after = await Host.OrgIdsAsync();
        Assert.False(after.ContainsKey("370202-TMP"));
    }

    [Fact]
    public async Task Reads_through_the_tree_are_limited_to_the_callers_scope()
    {
        var ids = await Host.OrgIdsAsync();
        var shinanAdmin = await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan);
        await using var scope = Host.Scope(shinanAdmin);
        var tree = scope.ServiceProvider.GetRequiredService<OrgTree>();

        // Ancestors above the caller's scope are not shown, even on the path to a unit it may see.
        var path = await tree.PathAsync(ids[Demo.AnchorSchool]);
        Assert.Equal([Demo.Shinan, Demo.AnchorSchool], path.Select(o => o.Code));

        Assert.NotNull(await tree.FindAsync(Demo.AnchorSchool));
        Assert.Null(await tree.FindAsync(Demo.Shibei));
        Assert.Null(await tree.FindAsync(Demo.City));
    }

    [Fact]
    public void The_bulk_closure_of_a_chain_lists_each_ancestor_once()
    {
        var units = new[]
        {
            new OrgUnit { Id = 1, Code = "A", Name = "A", Kind = OrgUnitKind.City },
            new OrgUnit { Id = 2, Code = "B", Name = "B", Kind = OrgUnitKind.District, ParentId = 1 },
            new OrgUnit { Id = 3, Code = "C", Name = "C", Kind = OrgUnitKind.School, ParentId = 2 },
            new OrgUnit { Id = 4, Code = "D", Name = "D", Kind = OrgUnitKind.School, ParentId = 1 },
        };

        var rows = OrgTree.ClosureOf(units).Select(c => (c.AncestorId, c.DescendantId, c.Depth)).Order().ToList();

        Assert.Equal([(1, 1, 0), (1, 2, 1), (1, 3, 2), (1, 4, 1), (2, 2, 0), (2, 3, 1), (3, 3, 0), (4, 4, 0)], rows);
    }

    [Fact]
    public async Task Modules_see_only_their_scope_through_the_tree_and_past_it_only_through_the_named_reads()
    {
        // Modules read org units only through OrgTree: its scoped reads must keep a district to itself, and its
        // ...PastScope reads must see the whole city (duplicate checks, code look-ups), or either kind of caller breaks.
        var ids = await Host.OrgIdsAsync();
        var shinan = await Host.SubtreeAsync(Demo.Shinan);
        var shibeiUnit = ids[Demo.Shibei];
        await using var scope = Host.Scope(await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan));
        var tree = scope.ServiceProvider.GetRequiredService<OrgTree>();

        var schools = await tree.OfKindAsync([OrgUnitKind.School]);
        var allSchools = await tree.OfKindPastScopeAsync([OrgUnitKind.School]);
        Assert.NotEmpty(schools);
        Assert.All(schools, s => Assert.Contains(s.Code, shinan));
        Assert.True(allSchools.Count > schools.Count);
        Assert.Contains(allSchools, s => !shinan.Contains(s.Code));

        Assert.Null(await tree.FindAsync(Demo.Shibei));
        Assert.Null(await tree.FindAsync(shibeiUnit));
        Assert.Equal(Demo.Shibei, (await tree.FindPastScopeAsync(Demo.Shibei))!.Code);
        Assert.Equal(Demo.Shibei, (await tree.FindPastScopeAsync(shibeiUnit))!.Code);

        Assert.Empty(await tree.VisibleAsync([shibeiUnit]));
        Assert.Equal(Demo.Shibei, (await tree.CodesOfAsync([shibeiUnit]))[shibeiUnit]);

        var subtree = await tree.SubtreeIdsAsync([ids[Demo.Shinan]]);
        Assert.Equal(shinan.Select(code => ids[code]).ToHashSet(), subtree.ToHashSet());
    }
}
