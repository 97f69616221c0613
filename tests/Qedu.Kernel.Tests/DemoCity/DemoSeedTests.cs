using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Data;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Tests.Support;

namespace Qedu.Kernel.Tests.DemoCity;

/// <summary>What <c>DemoSeeder</c> leaves in the database: the small city, its accounts bound to scopes, clients, profiles.</summary>
public class DemoSeedTests(SeededCity fixture) : IClassFixture<SeededCity>
{
    private KernelHost Host => fixture.Host;

    [Fact]
    public async Task Every_generated_unit_is_stored_under_its_parent()
    {
        var expected = DemoCityGenerator.Generate(DemoScale.Small, 1);
        await using var scope = Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
        var stored = await db.OrgUnits.Select(o => new { o.Code, o.Name, o.Kind, Parent = o.Parent!.Code, o.SchoolTypeCode }).ToListAsync();

        Assert.Equal(expected.Count, stored.Count);
        var byCode = stored.ToDictionary(o => o.Code);
        Assert.All(expected, e =>
        {
            var s = byCode[e.Code];
            Assert.Equal((e.Name, e.Kind, e.ParentCode, e.SchoolTypeCode), (s.Name, s.Kind, s.Parent, s.SchoolTypeCode));
        });
        Assert.True(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().HasDataAsync());
    }

    [Fact]
    public async Task Every_school_gets_a_registry_profile()
    {
        var ids = await Host.OrgIdsAsync();
        var schools = DemoCityGenerator.Generate(DemoScale.Small, 1).Where(o => o.Kind == OrgUnitKind.School).Select(o => ids[o.Code]).ToHashSet();
        await using var scope = Host.Scope(AccessContext.System("test"));

        var profiles = await RegistryData.ProfilesAsync(scope.ServiceProvider);

        Assert.True(schools.SetEquals(profiles.Select(p => p.OrgUnitId)));
    }

    [Fact]
    public async Task The_demo_accounts_exist_with_their_role_bound_to_their_scope()
    {
        var ids = await Host.OrgIdsAsync();
        await using var scope = Host.Scope(AccessContext.System("test"));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<QeduUser>>();
        var db = scope.ServiceProvider.GetRequiredService<KernelDb>();

        foreach (var account in DemoAccounts.Users)
        {
            var user = await users.FindByNameAsync(account.UserName);
            Assert.NotNull(user);
            Assert.Equal(account.DisplayName, user.DisplayName);
            Assert.Equal(ids[account.HomeCode], user.HomeOrgUnitId);
            Assert.True(user.IsActive);
            Assert.True(await users.CheckPasswordAsync(user, DemoAccounts.Password), account.UserName);
            Assert.False(await users.CheckPasswordAsync(user, DemoAccounts.Password + "x"));

            var assignment = Assert.Single(await db.RoleAssignments.Where(a => a.UserId == user.Id).ToListAsync());
            Assert.Equal(account.Role, assignment.Role);
            Assert.Equal(ids[account.ScopeCode], assignment.OrgUnitId);
        }
    }

    [Theory]
    [InlineData("city.admin", Roles.CityAdmin, DemoCityGenerator.CityCode)]
    [InlineData("shinan.admin", Roles.DistrictAdmin, "370202")]
    [InlineData("school.admin", Roles.SchoolAdmin, DemoCityGenerator.AnchorSchoolCode)]
    [InlineData("auditor", Roles.Auditor, DemoCityGenerator.CityCode)]
    public async Task Signing_in_as_a_demo_account_resolves_to_its_scope(string userName, string role, string scopeCode)
    {
        Guid id;
        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            id = (await scope.ServiceProvider.GetRequiredService<UserManager<QeduUser>>().FindByNameAsync(userName))!.Id;
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString())], "test"));

        // With production's settings administrators and auditors hold nothing until they have a second factor.
        AccessContext access;
        await using (var scope = Host.Scope(AccessContext.Anonymous))
        {
            access = await scope.ServiceProvider.GetRequiredService<AccessResolver>().ResolveAsync(principal, CancellationToken.None);
        }
        Assert.Equal(AccountStep.EnrolTwoFactor, access.PendingStep);
        Assert.Empty(access.Grants);
        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<QeduUser>>();
            await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(id.ToString()))!, true);
        }
        await using (var scope = Host.Scope(AccessContext.Anonymous))
        {
            access = await scope.ServiceProvider.GetRequiredService<AccessResolver>().ResolveAsync(principal, CancellationToken.None);
        }
        Assert.Equal(AccountStep.None, access.PendingStep);

        Assert.Equal(ActorKind.User, access.Kind);
        Assert.Equal(userName, access.ActorName);
        var grant = Assert.Single(access.Grants);
        Assert.Equal(scopeCode, grant.OrgUnitCode);
        Assert.Equal(role, grant.Role);
        Assert.True(Roles.Find(role)!.Permissions.SetEquals(grant.Permissions));

        // And the resolved context sees exactly that subtree.
        var subtree = await Host.SubtreeAsync(scopeCode);
        await using var user = Host.Scope(access);
        var visible = await user.ServiceProvider.GetRequiredService<KernelDb>().OrgUnits.Select(o => o.Code).ToListAsync();
        Assert.True(subtree.SetEquals(visible));
    }

    [Fact]
    public async Task The_demo_clients_are_registered_with_their_scopes()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        foreach (var client in DemoAccounts.Clients)
        {
            var app = await applications.FindByClientIdAsync(client.ClientId);
            Assert.NotNull(app);
            Assert.True(await applications.ValidateClientSecretAsync(app, DemoAccounts.ClientSecret));
            var permissions = await applications.GetPermissionsAsync(app);
            Assert.All(client.Scopes, s => Assert.Contains(OpenIddictConstants.Permissions.Prefixes.Scope + s, permissions));
            var properties = await applications.GetPropertiesAsync(app);
            Assert.Equal(client.OrgCode, properties[QeduClaims.ClientOrgProperty].GetString());
        }
        Assert.NotNull(await applications.FindByClientIdAsync(DemoAccounts.PortalClientId));
    }

    [Fact]
    public async Task Seeding_is_audited_and_the_chain_is_intact()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<KernelDb>();

        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();

        Assert.True(result.IsIntact, result.Problem);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "create" && e.EntityType == nameof(QeduUser) && e.ActorName == "test-seed"));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityKey == DemoCityGenerator.AnchorSchoolCode && e.ActorScope == "*"));
    }
}
