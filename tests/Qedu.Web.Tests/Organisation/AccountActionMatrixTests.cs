using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Web;
using Qedu.Organisation.Features.Accounts;
using Qedu.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Qedu.Web.Tests.Organisation;

/// <summary>
/// The authorization matrix's vertical dimension: every action one account takes on another (grant, revoke, reset the
/// password, disable, enable, unlock, edit, end its sessions, reset its second factor) × every caller role × a target
/// account holding each role, at home inside the caller's scope and outside it. An action may succeed only where the
/// caller could grant every role the target holds, at the scope it holds it (a district administrator resetting the
/// password of a city administrator who works in the district is an account takeover). Expectations come from the role
/// catalogue (<see cref="RoleDefinition.MayGrant"/>) and the org tree, never from what the app answered. The actions run
/// through the same use case the account pages call, as each caller resolved from their real account.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AccountActionMatrixTests(WebApp app, ITestOutputHelper output)
{
    private sealed record Target(string Role, string ScopeCode, string HomeCode, Guid Id, string UserName);

    private delegate Task<OutcomeKind> AccountAction(AccountCommands commands, Target target, Guid assignment);

    /// <summary>Each action, written so that an allowed call succeeds whatever the target's state.</summary>
    private static readonly Dictionary<string, AccountAction> Actions = new(StringComparer.Ordinal)
    {
        // A role every account-managing role may grant at the anchor school, and one the target does not hold there yet.
        ["grant"] = async (c, t, a) => (await c.GrantAsync(t.Id, t.Role == Roles.Parent ? Roles.Teacher : Roles.Parent, TestWorld.AnchorSchool)).Kind,
        ["revoke"] = async (c, t, a) => (await c.RevokeAsync(t.Id, a)).Kind,
        ["reset-password"] = async (c, t, a) => (await c.ResetPasswordAsync(t.Id, $"Matrix reset {Guid.NewGuid():N}")).Kind,
        ["disable"] = async (c, t, a) => (await c.SetActiveAsync(t.Id, false)).Kind,
        ["enable"] = async (c, t, a) => (await c.SetActiveAsync(t.Id, true)).Kind,
        ["unlock"] = async (c, t, a) => (await c.UnlockAsync(t.Id)).Kind,
        ["edit"] = async (c, t, a) => (await c.EditAsync(t.Id, new AccountInput { DisplayName = "矩阵测试账号", HomeOrgCode = t.HomeCode })).Kind,
        ["end-sessions"] = async (c, t, a) => (await c.EndSessionsAsync(t.Id)).Kind,
        ["reset-two-factor"] = async (c, t, a) => (await c.ResetTwoFactorAsync(t.Id)).Kind,
    };

    [Fact]
    public async Task Every_account_action_succeeds_only_where_the_caller_could_grant_every_role_of_the_target()
    {
        var targets = await TargetsAsync();
        var failures = new List<string>();
        var checks = 0;
        foreach (var caller in app.World.Roles)
        {
            foreach (var (target, inScope) in targets)
            {
                var expected = await ExpectAsync(caller, target, inScope);
                foreach (var (name, action) in Actions)
                {
                    checks++;
                    var assignment = await AssignmentAsync(target);
                    var answer = await AsCallerAsync(caller.UserName, sp => action(sp.GetRequiredService<AccountCommands>(), target, assignment));
                    if (answer != expected)
                    {
                        failures.Add($"{caller} {name} on {target.Role} @ {target.ScopeCode} (home {target.HomeCode}, {(inScope ? "in" : "out of")} scope): expected {expected}, got {answer}");
                    }
                    await RestoreAsync(target);
                }
            }
        }
        output.WriteLine($"{checks} checks; {failures.Count} mismatches.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checks} answers differ:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public async Task No_one_acts_on_their_own_account_in_account_management()
    {
        foreach (var caller in app.World.Roles.Where(r => r.Has(Permissions.AccountsManage)))
        {
            var self = await app.KernelAsync(db => db.Users.Include(u => u.Assignments).SingleAsync(u => u.UserName == caller.UserName));
            var target = new Target(caller.Role.Name, caller.ScopeCode, caller.ScopeCode, self.Id, caller.UserName);
            foreach (var (name, action) in Actions.Where(a => a.Key is "grant" or "reset-password" or "unlock" or "edit" or "end-sessions"))
            {
                var answer = await AsCallerAsync(caller.UserName, sp => action(sp.GetRequiredService<AccountCommands>(), target, Guid.Empty));
                Assert.True(answer == OutcomeKind.Forbidden, $"{caller} {name} on their own account: {answer}");
            }
            var roles = await app.KernelAsync(db => db.RoleAssignments.Where(a => a.UserId == self.Id).Select(a => a.Role).ToListAsync());
            Assert.Equal([caller.Role.Name], roles);
        }
    }

    /// <summary>
    /// For every role, an account at home at the anchor school (inside the scope of every account-managing demo role)
    /// holding that role where it is normally held, and one at home in another city (outside every scope).
    /// </summary>
    private async Task<List<(Target Target, bool InScope)>> TargetsAsync()
    {
        var list = new List<(Target, bool)>();
        foreach (var role in Roles.All)
        {
            var inside = role.Name switch
            {
                Roles.DistrictAdmin => TestWorld.Shinan,
                _ when role.ScopeKinds.Contains(Kernel.OrgUnits.OrgUnitKind.School) => TestWorld.AnchorSchool,
                _ => TestWorld.City,
            };
            var outside = role.ScopeKinds.Contains(Kernel.OrgUnits.OrgUnitKind.School) ? TestWorld.OtherCitySchool
                : role.ScopeKinds.Contains(Kernel.OrgUnits.OrgUnitKind.City) ? TestWorld.OtherCity
                : TestWorld.Shibei;
            list.Add((await TargetAsync(role.Name, inside, TestWorld.AnchorSchool), true));
            list.Add((await TargetAsync(role.Name, outside, TestWorld.OtherCitySchool), false));
        }
        return list;
    }

    private async Task<Target> TargetAsync(string role, string scope, string home)
    {
        var userName = $"vertical.{role.ToLowerInvariant()}.{home}.{Guid.NewGuid().ToString("N")[..6]}";
        var id = await app.CreateAccountAsync(userName, role, scope, home);
        return new Target(role, scope, home, id, userName);
    }

    /// <summary>What the catalogue and the tree say: found only in scope and with accounts.manage; allowed only if grantable.</summary>
    private async Task<OutcomeKind> ExpectAsync(RoleUnderTest caller, Target target, bool inScope)
    {
        if (!inScope || !caller.Has(Permissions.AccountsManage))
        {
            return OutcomeKind.NotFound;
        }
        var grantable = caller.Role.MayGrant.Contains(target.Role) && await IsUnderAsync(caller.ScopeCode, target.ScopeCode);
        return grantable ? OutcomeKind.Ok : OutcomeKind.Forbidden;
    }

    private Task<bool> IsUnderAsync(string ancestor, string descendant) => app.KernelAsync(db =>
        (from c in db.OrgClosure
         join a in db.OrgUnits on c.AncestorId equals a.Id
         join d in db.OrgUnits on c.DescendantId equals d.Id
         where a.Code == ancestor && d.Code == descendant
         select c).AnyAsync());

    /// <summary>Puts the target back as it was made (one role, active, no extra grant), whatever the action did.</summary>
    private Task<bool> RestoreAsync(Target target) => app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<KernelDb>();
        var user = await db.Users.Include(u => u.Assignments).SingleAsync(u => u.Id == target.Id);
        user.IsActive = true;
        db.RoleAssignments.RemoveRange(user.Assignments.Where(a => a.Role != target.Role));
        if (user.Assignments.All(a => a.Role != target.Role))
        {
            var scope = await db.OrgUnits.SingleAsync(o => o.Code == target.ScopeCode);
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = target.Role, OrgUnitId = scope.Id, GrantedAt = DateTimeOffset.UtcNow, GrantedBy = "tests" });
        }
        await db.SaveChangesAsync();
        return true;
    });

    private Task<Guid> AssignmentAsync(Target target) =>
        app.KernelAsync(db => db.RoleAssignments.Where(a => a.UserId == target.Id && a.Role == target.Role).Select(a => a.Id).SingleAsync());

    /// <summary>Runs <paramref name="work"/> as the account <paramref name="userName"/>, its access resolved as a request's would be.</summary>
    private async Task<T> AsCallerAsync<T>(string userName, Func<IServiceProvider, Task<T>> work)
    {
        var id = await app.KernelAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString())], "tests"));
        var access = await scope.ServiceProvider.GetRequiredService<AccessResolver>().ResolveAsync(principal, CancellationToken.None);
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(access);
        return await work(scope.ServiceProvider);
    }
}
