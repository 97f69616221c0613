using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using static OpenIddict.Abstractions.OpenIddictConstants;
using OidcPermissions = OpenIddict.Abstractions.OpenIddictConstants.Permissions;
using QeduPermissions = Qedu.Kernel.Access.Permissions;

namespace Qedu.Kernel.DemoCity;

/// <summary>The kernel's part of the demo city: the org tree with its closure, the demo accounts (staff and the demo parent) and the demo clients.</summary>
internal sealed class KernelDemoSeedStep(
    KernelDb db,
    UserManager<QeduUser> users,
    IOpenIddictApplicationManager applications,
    TimeProvider clock) : IDemoSeedStep
{
    public int Order => 0;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        context.Progress?.Report($"org units: {context.Orgs.Count}");
        var byCode = new Dictionary<string, OrgUnit>(StringComparer.Ordinal);
        foreach (var o in context.Orgs)
        {
            var unit = new OrgUnit
            {
                Code = o.Code,
                Name = o.Name,
                NameEn = o.NameEn,
                Kind = o.Kind,
                Parent = o.ParentCode is null ? null : byCode[o.ParentCode],
                DivisionCode = o.DivisionCode,
                SchoolTypeCode = o.SchoolTypeCode,
                OwnershipCode = o.OwnershipCode,
                KindergartenCategoryCode = o.KindergartenCategoryCode,
                UrbanRuralCode = o.UrbanRuralCode,
                OpenedOn = o.OpenedOn,
                SortOrder = o.SortOrder,
            };
            byCode[o.Code] = unit;
            db.OrgUnits.Add(unit);
        }
        await db.SaveChangesAsync(ct);
        db.OrgClosure.AddRange(OrgTree.ClosureOf(byCode.Values));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        context.Progress?.Report($"demo accounts: {DemoAccounts.Users.Count}");
        foreach (var account in DemoAccounts.Users)
        {
            var user = new QeduUser
            {
                UserName = account.UserName,
                DisplayName = account.DisplayName,
                StaffNumber = account.StaffNumber,
                HomeOrgUnitId = byCode[account.HomeCode].Id,
                CreatedAt = clock.GetUtcNow(),
            };
            user.Assignments.Add(new RoleAssignment
            {
                Role = account.Role,
                OrgUnitId = byCode[account.ScopeCode].Id,
                GrantedAt = clock.GetUtcNow(),
                GrantedBy = "seed",
            });
            var result = await users.CreateAsync(user, DemoAccounts.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.UserName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }

        // The demo parent: their account exists from the start, so a module's demo data can hang their children on it.
        db.ParentAccounts.Add(new ParentAccount { Id = Guid.CreateVersion7(clock.GetUtcNow()), Phone = DemoAccounts.ParentPhone, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        context.Progress?.Report($"demo clients: {DemoAccounts.Clients.Count + 1}");
        foreach (var client in DemoAccounts.Clients)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = client.ClientId,
                ClientSecret = DemoAccounts.ClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = client.DisplayName,
                Permissions = { OidcPermissions.Endpoints.Token, OidcPermissions.GrantTypes.ClientCredentials },
            };
            foreach (var scope in client.Scopes)
            {
                descriptor.Permissions.Add(OidcPermissions.Prefixes.Scope + scope);
            }
            descriptor.Properties[QeduClaims.ClientOrgProperty] = System.Text.Json.JsonSerializer.SerializeToElement(client.OrgCode);
            await applications.CreateAsync(descriptor, ct);
        }

        var portal = new OpenIddictApplicationDescriptor
        {
            ClientId = DemoAccounts.PortalClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "演示门户 (Demo portal)",
            Permissions =
            {
                OidcPermissions.Endpoints.Authorization,
                OidcPermissions.Endpoints.Token,
                OidcPermissions.Endpoints.EndSession,
                OidcPermissions.GrantTypes.AuthorizationCode,
                OidcPermissions.GrantTypes.RefreshToken,
                OidcPermissions.ResponseTypes.Code,
                OidcPermissions.Scopes.Profile,
                OidcPermissions.Prefixes.Scope + QeduPermissions.OrgRead,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in DemoAccounts.PortalRedirectUris)
        {
            portal.RedirectUris.Add(new Uri(uri));
        }
        await applications.CreateAsync(portal, ct);
    }
}
