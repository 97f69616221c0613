using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Tests.Support;
using Qedu.Registry.Contracts;

namespace Qedu.Kernel.Tests.Access;

/// <summary>
/// The read side of scoping. EF Core builds the model once per context type (and caches compiled queries across
/// instances), while the filter must read the scope of the context running each query; these tests fail if a scope
/// leaks from the context that built the model or first ran a query into another.
/// </summary>
public class ScopeFilterTests(SeededCity fixture) : IClassFixture<SeededCity>
{
    private KernelHost Host => fixture.Host;

    /// <summary>One query shape, used by every test, so that the second run hits EF Core's compiled-query cache.</summary>
    private static Task<List<string>> VisibleCodesAsync(KernelDb db) =>
        db.OrgUnits.OrderBy(o => o.Code).Select(o => o.Code).ToListAsync();

    [Fact]
    public async Task A_district_user_sees_exactly_the_district_subtree()
    {
        var expected = await Host.SubtreeAsync(Demo.Shinan);
        await using var scope = Host.Scope(await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan));
        var db = scope.ServiceProvider.GetRequiredService<KernelDb>();

        var visible = await VisibleCodesAsync(db);

        Assert.Equal(expected.Order(StringComparer.Ordinal), visible);
        Assert.Contains(Demo.AnchorSchool, visible);
        Assert.DoesNotContain(Demo.City, visible);
        Assert.DoesNotContain(Demo.Shibei, visible);
        Assert.True(expected.Count >= 5);
        // Lookups by key and counts go through the same filter.
        Assert.Null(await db.OrgUnits.FirstOrDefaultAsync(o => o.Code == Demo.Shibei));
        Assert.Equal(expected.Count, await db.OrgUnits.CountAsync());
    }

    [Fact]
    public async Task Two_contexts_with_different_scopes_each_see_their_own_through_the_same_cached_query()
    {
        var shinan = await Host.SubtreeAsync(Demo.Shinan);
        var shibei = await Host.SubtreeAsync(Demo.Shibei);
        Assert.Empty(shinan.Intersect(shibei));

        // The system runs the query shape first, so the compiled query and the model both come from an unrestricted context.
        await using var system = Host.Scope(AccessContext.System("test"));
        var all = await VisibleCodesAsync(system.ServiceProvider.GetRequiredService<KernelDb>());

        await using var a = Host.Scope(await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan));
        await using var b = Host.Scope(await Host.UserAsync(Roles.DistrictAdmin, Demo.Shibei));
        var dbA = a.ServiceProvider.GetRequiredService<KernelDb>();
        var dbB = b.ServiceProvider.GetRequiredService<KernelDb>();

        // Interleaved on two live contexts: A, B, A again, B again.
        Assert.Equal(shinan.Order(StringComparer.Ordinal), await VisibleCodesAsync(dbA));
        Assert.Equal(shibei.Order(StringComparer.Ordinal), await VisibleCodesAsync(dbB));
        Assert.Equal(shinan.Order(StringComparer.Ordinal), await VisibleCodesAsync(dbA));
        Assert.Equal(shibei.Order(StringComparer.Ordinal), await VisibleCodesAsync(dbB));

        // And the unrestricted context was not narrowed by the ones that came after it.
        Assert.Equal(all, await VisibleCodesAsync(system.ServiceProvider.GetRequiredService<KernelDb>()));
        Assert.True(all.Count > shinan.Count + shibei.Count);
    }

    [Fact]
    public async Task A_pooled_context_taken_again_by_another_scope_acts_as_that_scope_s_caller()
    {
        var shinan = (await Host.SubtreeAsync(Demo.Shinan)).Order(StringComparer.Ordinal).ToList();
        var shibei = (await Host.SubtreeAsync(Demo.Shibei)).Order(StringComparer.Ordinal).ToList();
        var callers = new[]
        {
            (Access: AccessContext.System("test"), Expected: (List<string>?)null),
            (Access: await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan), Expected: shinan),
            (Access: await Host.UserAsync(Roles.DistrictAdmin, Demo.Shibei), Expected: shibei),
        };

        // Contexts are pooled: one a scope gave back serves a later scope, and must act as that scope's caller. Scopes in
        // turn normally get the same few back, but the pool does not promise it (a CI run on PostgreSQL once saw twenty
        // fresh ones), so the loop goes on until contexts have served at least twenty scopes more than once, under all
        // three callers, and fails only if the pool never gives one back.
        var instances = new HashSet<KernelDb>(ReferenceEqualityComparer.Instance);
        var reused = 0;
        for (var i = 0; i < 600 && reused < 20; i++)
        {
            var (access, expected) = callers[i % callers.Length];
            await using var scope = Host.Scope(access);
            var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
            if (!instances.Add(db))
            {
                reused++;
            }
            var visible = await VisibleCodesAsync(db);
            Assert.Equal(access.ActorId, db.Access.ActorId);
            if (expected is null)
            {
                Assert.True(visible.Count > shinan.Count + shibei.Count);
            }
            else
            {
                Assert.Equal(expected, visible);
            }
        }
        Assert.True(reused >= 20, $"the pool gave {instances.Count} contexts and only {reused} again: pooled contexts were hardly reused");
    }

    [Fact]
    public async Task Scopes_taking_and_returning_pooled_contexts_at_once_never_share_one()
    {
        var shinan = (await Host.SubtreeAsync(Demo.Shinan)).Order(StringComparer.Ordinal).ToList();
        var shibei = (await Host.SubtreeAsync(Demo.Shibei)).Order(StringComparer.Ordinal).ToList();
        var callers = new[]
        {
            (Access: await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan), Expected: shinan),
            (Access: await Host.UserAsync(Roles.DistrictAdmin, Demo.Shibei), Expected: shibei),
        };

        // A context given back twice (a scope disposing it once per registration that handed it out) goes to two
        // scopes at once: one scope's query then runs as another's caller, or on a context already disposed.
        var inUse = new System.Collections.Concurrent.ConcurrentDictionary<KernelDb, int>(ReferenceEqualityComparer.Instance);
        await Parallel.ForAsync(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var (access, expected) = callers[i % callers.Length];
            await using var scope = Host.Scope(access);
            var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
            Assert.True(inUse.TryAdd(db, i), "a context handed to two scopes at once");
            try
            {
                Assert.Equal(expected, await VisibleCodesAsync(db));
                Assert.Equal(access.ActorId, db.Access.ActorId);
            }
            finally
            {
                inUse.TryRemove(db, out var _);
            }
        });
    }

    [Fact]
    public async Task A_parameterised_query_run_under_one_scope_and_then_another_is_rebound()
    {
        var ids = await Host.OrgIdsAsync();
        async Task<int> SchoolsAsync(AccessContext access)
        {
            await using var scope = Host.Scope(access);
            var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
            var kind = OrgUnitKind.School;
            return await db.OrgUnits.CountAsync(o => o.Kind == kind && o.ParentId != null);
        }

        var shinanSubtree = await Host.SubtreeAsync(Demo.Shinan);
        var shibeiSubtree = await Host.SubtreeAsync(Demo.Shibei);
        var shinan = await SchoolsAsync(await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan));
        var shibei = await SchoolsAsync(await Host.UserAsync(Roles.DistrictAdmin, Demo.Shibei));
        var both = await SchoolsAsync(await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan, Demo.Shibei));
        var school = await SchoolsAsync(await Host.UserAsync(Roles.SchoolAdmin, Demo.AnchorSchool));

        Assert.Equal(shinanSubtree.Count - 1, shinan); // the subtree less the district bureau itself
        Assert.Equal(shibeiSubtree.Count - 1, shibei);
        Assert.Equal(shinan + shibei, both);
        Assert.Equal(1, school);
        Assert.True(shinan > 0);
        Assert.True(ids.Count > both);
    }

    [Fact]
    public async Task Contexts_with_different_scopes_running_concurrently_do_not_see_each_others_rows()
    {
        var codes = Demo.Districts.Take(6).ToList();
        var expected = new Dictionary<string, HashSet<string>>();
        foreach (var code in codes)
        {
            expected[code] = await Host.SubtreeAsync(code);
        }
        var users = new Dictionary<string, AccessContext>();
        foreach (var code in codes)
        {
            users[code] = await Host.UserAsync(Roles.DistrictAdmin, code);
        }

        var runs = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            var code = codes[i % codes.Count];
            await using var scope = Host.Scope(users[code]);
            var visible = await VisibleCodesAsync(scope.ServiceProvider.GetRequiredService<KernelDb>());
            return (code, visible);
        }));

        foreach (var (code, visible) in await Task.WhenAll(runs))
        {
            Assert.Equal(expected[code].Order(StringComparer.Ordinal), visible);
        }
    }

    [Fact]
    public async Task Anonymous_callers_see_nothing_and_the_filter_is_the_named_OrgScope_filter()
    {
        await using var scope = Host.Scope(AccessContext.Anonymous);
        var db = scope.ServiceProvider.GetRequiredService<KernelDb>();

        Assert.Empty(await VisibleCodesAsync(db));
        // Turning off exactly the named filter shows every unit: it is the one doing the work.
        var all = await db.OrgUnits.IgnoreQueryFilters([ScopeFilter.Name]).CountAsync();
        Assert.Equal((await Host.OrgIdsAsync()).Count, all);

        var filters = db.Model.FindEntityType(typeof(OrgUnit))!.GetDeclaredQueryFilters();
        Assert.Contains(filters, f => f.Key == ScopeFilter.Name);
    }

    [Fact]
    public async Task Module_data_is_filtered_by_the_same_scope_and_rebound_per_context()
    {
        var ids = await Host.OrgIdsAsync();
        var shinan = (await Host.SubtreeAsync(Demo.Shinan)).Select(c => ids[c]).ToHashSet();
        var shibei = (await Host.SubtreeAsync(Demo.Shibei)).Select(c => ids[c]).ToHashSet();

        await using var system = Host.Scope(AccessContext.System("test"));
        var allProfiles = await RegistryData.ProfilesAsync(system.ServiceProvider);
        await using var a = Host.Scope(await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan));
        await using var b = Host.Scope(await Host.UserAsync(Roles.DistrictAdmin, Demo.Shibei));

        var seenByA = await RegistryData.ProfilesAsync(a.ServiceProvider);
        var seenByB = await RegistryData.ProfilesAsync(b.ServiceProvider);
        var seenByAAgain = await RegistryData.ProfilesAsync(a.ServiceProvider);

        Assert.Equal(allProfiles.Where(p => shinan.Contains(p.OrgUnitId)).Select(p => p.Id).Order(), seenByA.Select(p => p.Id).Order());
        Assert.Equal(allProfiles.Where(p => shibei.Contains(p.OrgUnitId)).Select(p => p.Id).Order(), seenByB.Select(p => p.Id).Order());
        Assert.Equal(seenByA.Select(p => p.Id).Order(), seenByAAgain.Select(p => p.Id).Order());
        Assert.NotEmpty(seenByA);
        Assert.NotEmpty(seenByB);

        // Through the module's public contract too.
        var anchor = ids[Demo.AnchorSchool];
        Assert.NotNull(await a.ServiceProvider.GetRequiredService<ISchoolProfiles>().FindAsync(anchor, Demo.AnchorSchool));
        Assert.Null(await b.ServiceProvider.GetRequiredService<ISchoolProfiles>().FindAsync(anchor, Demo.AnchorSchool));
    }

    [Fact]
    public async Task A_second_service_provider_over_the_same_database_does_not_inherit_a_scope()
    {
        // EF Core shares its internal service provider (and with it the model) between application service providers.
        await using var other = KernelHost.Build(Host.Database.Settings, Host.KeyDirectory);
        var shibei = await Host.SubtreeAsync(Demo.Shibei);
        await using var first = Host.Scope(await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan));
        await VisibleCodesAsync(first.ServiceProvider.GetRequiredService<KernelDb>());

        await using var scope = other.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(await Host.UserAsync(Roles.DistrictAdmin, Demo.Shibei));
        Assert.Equal(shibei.Order(StringComparer.Ordinal), await VisibleCodesAsync(scope.ServiceProvider.GetRequiredService<KernelDb>()));
    }
}
