using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Localization;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Organisation.Resources;

namespace Qedu.Organisation.Features.Accounts;

public sealed class AccountInput
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? HomeOrgCode { get; set; }
    public string? Password { get; set; }
    public string? Role { get; set; }
    public string? ScopeCode { get; set; }
}

/// <summary>
/// Managing accounts inside one's scope. A caller may grant a role only where one of their own account-managing roles
/// covers the scope and lists that role as grantable (a district administrator cannot make a city administrator).
/// </summary>
public sealed partial class AccountCommands(
    KernelDb db,
    UserManager<QeduUser> users,
    AccountDirectory directory,
    OrgTree tree,
    ICurrentAccess access,
    TimeProvider clock,
    IStringLocalizer<OrgText> t,
    IStringLocalizer<KernelText> k)
{
    [GeneratedRegex("^[A-Za-z0-9._@-]{3,64}$")]
    private static partial Regex UserNamePattern();

    public async Task<Outcome<Guid>> CreateAsync(AccountInput input, CancellationToken ct = default)
    {
        var errors = new InputErrors();
        var userName = input.UserName?.Trim() ?? "";
        if (!UserNamePattern().IsMatch(userName))
        {
            errors.Add("userName", t["Accounts.Error.UserNameFormat"]);
        }
        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            errors.Add("displayName", string.Format(k["Field.Required"], t["Accounts.DisplayName"]));
        }
        else if (input.DisplayName.Trim().Length > 100)
        {
            errors.Add("displayName", string.Format(k["Field.TooLong"], t["Accounts.DisplayName"], 100));
        }
        var home = await ManagedUnitAsync(input.HomeOrgCode, "homeOrgCode", errors, ct);
        var scope = await CheckGrantAsync(input.Role, input.ScopeCode, errors, ct);
        if (string.IsNullOrEmpty(input.Password))
        {
            errors.Add("password", string.Format(k["Field.Required"], t["Accounts.Password"]));
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, new QeduUser { DisplayName = "", UserName = userName }, input.Password);
                foreach (var e in result.Errors)
                {
                    errors.Add("password", e.Description);
                }
            }
        }
        if (errors.Any)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        if (await users.FindByNameAsync(userName) is not null)
        {
            return Outcome<Guid>.Conflict("userName", string.Format(t["Accounts.Error.UserNameTaken"], userName));
        }
        var user = new QeduUser
        {
            UserName = userName,
            DisplayName = input.DisplayName!.Trim(),
            HomeOrgUnitId = home!.Id,
            CreatedAt = clock.GetUtcNow(),
        };
        user.Assignments.Add(new RoleAssignment
        {
            Role = input.Role!.Trim(),
            OrgUnitId = scope!.Id,
            GrantedAt = clock.GetUtcNow(),
            GrantedBy = access.Current.ActorName,
        });
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors)
            {
                errors.Add(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName", e.Description);
            }
            return Outcome<Guid>.Invalid(errors);
        }
        return Outcome<Guid>.Ok(user.Id);
    }

    public async Task<Outcome<Guid>> GrantAsync(Guid userId, string? role, string? scopeCode, CancellationToken ct = default)
    {
        var user = await ManagedUserAsync(userId, ct);
        if (user is null)
        {
            return Outcome<Guid>.NotFound(t["Accounts.NotFound"]);
        }
        var errors = new InputErrors();
        var scope = await CheckGrantAsync(role, scopeCode, errors, ct);
        if (errors.Any)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        if (user.Assignments.Any(a => a.Role == role!.Trim() && a.OrgUnitId == scope!.Id))
        {
            return Outcome<Guid>.Conflict("role", t["Accounts.Error.AlreadyGranted"]);
        }
        var assignment = new RoleAssignment
        {
            UserId = user.Id,
            Role = role!.Trim(),
            OrgUnitId = scope!.Id,
            GrantedAt = clock.GetUtcNow(),
            GrantedBy = access.Current.ActorName,
        };
        db.RoleAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Ok(assignment.Id);
    }

    public async Task<Outcome<bool>> RevokeAsync(Guid userId, Guid assignmentId, CancellationToken ct = default)
    {
        var user = await ManagedUserAsync(userId, ct);
        var assignment = user?.Assignments.FirstOrDefault(a => a.Id == assignmentId);
        if (assignment is null)
        {
            return Outcome<bool>.NotFound(t["Accounts.NotFound"]);
        }
        if (!await MayGrantAsync(assignment.Role, assignment.OrgUnitId, ct))
        {
            return Outcome<bool>.Forbidden(string.Format(t["Accounts.Error.RoleNotGrantable"], RoleName(assignment.Role)));
        }
        db.RoleAssignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<bool>> SetActiveAsync(Guid userId, bool active, CancellationToken ct = default)
    {
        var user = await ManagedUserAsync(userId, ct);
        if (user is null)
        {
            return Outcome<bool>.NotFound(t["Accounts.NotFound"]);
        }
        if (!active && user.Id.ToString() == access.Current.ActorId)
        {
            return Outcome<bool>.Invalid(new InputErrors().Add("active", t["Accounts.Error.Self"]));
        }
        user.IsActive = active;
        await users.UpdateSecurityStampAsync(user);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<bool>> UnlockAsync(Guid userId, CancellationToken ct = default)
    {
        var user = await ManagedUserAsync(userId, ct);
        if (user is null)
        {
            return Outcome<bool>.NotFound(t["Accounts.NotFound"]);
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<bool>> ResetPasswordAsync(Guid userId, string? password, CancellationToken ct = default)
    {
        var user = await ManagedUserAsync(userId, ct);
        if (user is null)
        {
            return Outcome<bool>.NotFound(t["Accounts.NotFound"]);
        }
        if (string.IsNullOrEmpty(password))
        {
            return Outcome<bool>.Invalid(new InputErrors().Add("password", string.Format(k["Field.Required"], t["Accounts.NewPassword"])));
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            var errors = new InputErrors();
            foreach (var e in result.Errors)
            {
                errors.Add("password", e.Description);
            }
            return Outcome<bool>.Invalid(errors);
        }
        return Outcome<bool>.Ok(true);
    }

    /// <summary>The roles the caller may grant somewhere (for the form's choices).</summary>
    public IReadOnlyList<RoleDefinition> GrantableRoles()
    {
        var caller = access.Current;
        if (caller.IsSystem)
        {
            return Roles.All;
        }
        var names = caller.Grants.Where(g => g.Permissions.Contains(Permissions.AccountsManage))
            .SelectMany(g => Roles.Find(g.Role)?.MayGrant ?? new HashSet<string>()).ToHashSet();
        return Roles.All.Where(r => names.Contains(r.Name)).ToList();
    }

    private async Task<QeduUser?> ManagedUserAsync(Guid id, CancellationToken ct) =>
        await directory.Managed().Include(u => u.Assignments).FirstOrDefaultAsync(u => u.Id == id, ct);

    private async Task<OrgUnit?> ManagedUnitAsync(string? code, string field, InputErrors errors, CancellationToken ct)
    {
        code = code?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(field, string.Format(k["Field.Required"], t["Accounts.HomeOrg"]));
            return null;
        }
        if (!OrgUnitRules.IsWellFormedCode(code))
        {
            errors.Add(field, string.Format(k["OrgUnit.CodeMalformed"], code));
            return null;
        }
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
        if (unit is null)
        {
            errors.Add(field, string.Format(k["OrgUnit.NotFound"], code));
            return null;
        }
        var caller = access.Current;
        if (!caller.IsSystem && !await tree.IsUnderAsync(caller.RootsFor(Permissions.AccountsManage).ToList(), unit.Id, ct))
        {
            errors.Add(field, t["Accounts.Error.NotManaged"]);
            return null;
        }
        return unit;
    }

    private async Task<OrgUnit?> CheckGrantAsync(string? role, string? scopeCode, InputErrors errors, CancellationToken ct)
    {
        var definition = Roles.Find(role?.Trim());
        if (definition is null)
        {
            errors.Add("role", string.IsNullOrWhiteSpace(role)
                ? string.Format(k["Field.Required"], t["Accounts.Role"])
                : string.Format(t["Accounts.Error.UnknownRole"], role));
        }
        var scope = await ManagedUnitAsync(scopeCode, "scopeCode", errors, ct);
        if (definition is null || scope is null)
        {
            return null;
        }
        if (!definition.ScopeKinds.Contains(scope.Kind))
        {
            errors.Add("scopeCode", string.Format(t["Accounts.Error.ScopeKind"], RoleName(definition.Name),
                string.Join("、", definition.ScopeKinds.Select(kind => t[$"Kind.{kind}"].Value))));
            return null;
        }
        if (!await MayGrantAsync(definition.Name, scope.Id, ct))
        {
            errors.Add("role", string.Format(t["Accounts.Error.RoleNotGrantable"], RoleName(definition.Name)));
            return null;
        }
        return scope;
    }

    private async Task<bool> MayGrantAsync(string role, int orgUnitId, CancellationToken ct)
    {
        var caller = access.Current;
        if (caller.IsSystem)
        {
            return true;
        }
        foreach (var grant in caller.Grants.Where(g => g.Permissions.Contains(Permissions.AccountsManage)))
        {
            if (Roles.Find(grant.Role)?.MayGrant.Contains(role) == true && await tree.IsUnderAsync([grant.OrgUnitId], orgUnitId, ct))
            {
                return true;
            }
        }
        return false;
    }

    private static string RoleName(string role) =>
        Qedu.Kernel.Codes.CodeBook.IsEnglish ? Roles.Find(role)?.NameEn ?? role : Roles.Find(role)?.NameZh ?? role;
}
