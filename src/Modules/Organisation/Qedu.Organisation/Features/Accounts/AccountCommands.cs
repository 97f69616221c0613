using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
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

    /// <summary>The person's staff record (教职工号), for staff: a teacher sees the classes it heads or teaches.</summary>
    public string? StaffNumber { get; set; }
    public string? Password { get; set; }
    public string? Role { get; set; }
    public string? ScopeCode { get; set; }
}

/// <summary>
/// Managing accounts inside one's scope. A caller may grant a role only where one of their own account-managing roles
/// covers the scope and lists that role as grantable (a district administrator cannot make a city administrator). Every
/// action on an existing account (grant, revoke, reset the password, disable, enable, unlock, end its sessions, reset
/// its second factor) also needs the caller to be able to grant every role the account already holds, at the scope it
/// holds it: a district administrator cannot take over a city administrator who happens to work in the district. No
/// one manages their own account here (that is "my account"), and the auditor role never sits beside an administrator
/// role on one account.
/// </summary>
public sealed partial class AccountCommands(
    KernelDb db,
    UserManager<QeduUser> users,
    AccountDirectory directory,
    OrgTree tree,
    UserSessions sessions,
    SignInThrottling throttling,
    AuditTrail audit,
    ICurrentAccess access,
    TimeProvider clock,
    IStringLocalizer<OrgText> t,
    IStringLocalizer<KernelText> k)
{
    [GeneratedRegex("^[A-Za-z0-9._@-]{3,64}$")]
    private static partial Regex UserNamePattern();

    /// <summary>A 教职工号 as the registry writes it (letters, digits and hyphens, at most 32), or empty for none.</summary>
    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$")]
    private static partial Regex StaffNumberPattern();

    private string? CheckStaffNumber(string? value, InputErrors errors)
    {
        var number = value?.Trim();
        if (string.IsNullOrEmpty(number))
        {
            return null;
        }
        if (!StaffNumberPattern().IsMatch(number))
        {
            errors.Add("staffNumber", t["Accounts.Error.StaffNumberFormat"]);
        }
        return number;
    }

    /// <summary>Creates an account with one role. Its password is the administrator's choice, so the person must change it.</summary>
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
        var staffNumber = CheckStaffNumber(input.StaffNumber, errors);
        var scope = await CheckGrantAsync(input.Role, input.ScopeCode, errors, ct);
        if (string.IsNullOrEmpty(input.Password))
        {
            errors.Add("password", string.Format(k["Field.Required"], t["Accounts.Password"]));
        }
        else
        {
            var candidate = new QeduUser { DisplayName = input.DisplayName?.Trim() ?? "", UserName = userName };
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, candidate, input.Password);
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
            StaffNumber = staffNumber,
            CreatedAt = clock.GetUtcNow(),
            MustChangePassword = true,
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
        await RecordPrivilegedAsync("account.privileged-role-granted", user, user.Assignments[0].Role, scope, ct);
        return Outcome<Guid>.Ok(user.Id);
    }

    public async Task<Outcome<Guid>> GrantAsync(Guid userId, string? role, string? scopeCode, CancellationToken ct = default)
    {
        var target = await ManageableAsync(userId, ct);
        if (!target.IsOk)
        {
            return Fail<Guid>(target);
        }
        var user = target.Value!;
        var errors = new InputErrors();
        var scope = await CheckGrantAsync(role, scopeCode, errors, ct);
        if (errors.Any)
        {
            return Outcome<Guid>.Invalid(errors);
        }
        var name = role!.Trim();
        if (user.Assignments.Any(a => a.Role == name && a.OrgUnitId == scope!.Id))
        {
            return Outcome<Guid>.Conflict("role", t["Accounts.Error.AlreadyGranted"]);
        }
        if (Roles.IncompatibleWith(name, user.Assignments.Select(a => a.Role)) is { } held)
        {
            return Outcome<Guid>.Invalid(new InputErrors().Add("role", string.Format(t["Accounts.Error.DutiesSeparated"], RoleName(name), RoleName(held))));
        }
        var assignment = new RoleAssignment
        {
            UserId = user.Id,
            Role = name,
            OrgUnitId = scope!.Id,
            GrantedAt = clock.GetUtcNow(),
            GrantedBy = access.Current.ActorName,
        };
        db.RoleAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        await RecordPrivilegedAsync("account.privileged-role-granted", user, name, scope, ct);
        await sessions.EndAllAsync(user.Id, SessionEndReasons.RolesChanged, ct: ct);
        return Outcome<Guid>.Ok(assignment.Id);
    }

    public async Task<Outcome<bool>> RevokeAsync(Guid userId, Guid assignmentId, CancellationToken ct = default)
    {
        var target = await ManageableAsync(userId, ct);
        if (!target.IsOk)
        {
            return Fail<bool>(target);
        }
        var user = target.Value!;
        var assignment = user.Assignments.FirstOrDefault(a => a.Id == assignmentId);
        if (assignment is null)
        {
            return Outcome<bool>.NotFound(t["Accounts.NotFound"]);
        }
        db.RoleAssignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        var scope = await tree.UnitsOfAsync([assignment.OrgUnitId], ct);
        await RecordPrivilegedAsync("account.privileged-role-revoked", user, assignment.Role, scope.GetValueOrDefault(assignment.OrgUnitId), ct);
        await sessions.EndAllAsync(user.Id, SessionEndReasons.RolesChanged, ct: ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Changes the person's name or home unit (they moved school); the new home must be inside the caller's scope too.</summary>
    public async Task<Outcome<bool>> EditAsync(Guid userId, AccountInput input, CancellationToken ct = default)
    {
        var target = await ManageableAsync(userId, ct);
        if (!target.IsOk)
        {
            return Fail<bool>(target);
        }
        var user = target.Value!;
        var errors = new InputErrors();
        var name = input.DisplayName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("displayName", string.Format(k["Field.Required"], t["Accounts.DisplayName"]));
        }
        else if (name.Length > 100)
        {
            errors.Add("displayName", string.Format(k["Field.TooLong"], t["Accounts.DisplayName"], 100));
        }
        var home = await ManagedUnitAsync(input.HomeOrgCode, "homeOrgCode", errors, ct);
        var staffNumber = CheckStaffNumber(input.StaffNumber, errors);
        if (errors.Any)
        {
            return Outcome<bool>.Invalid(errors);
        }
        user.DisplayName = name!;
        user.HomeOrgUnitId = home!.Id;
        user.StaffNumber = staffNumber;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Disables (every session ends at once) or enables an account.</summary>
    public async Task<Outcome<bool>> SetActiveAsync(Guid userId, bool active, CancellationToken ct = default)
    {
        var target = await ManageableAsync(userId, ct);
        if (!target.IsOk)
        {
            return Fail<bool>(target);
        }
        var user = target.Value!;
        user.IsActive = active;
        await users.UpdateSecurityStampAsync(user);
        if (!active)
        {
            await sessions.EndAllAsync(user.Id, SessionEndReasons.Disabled, ct: ct);
        }
        await audit.RecordAsync(active ? "account.enabled" : "account.disabled", "User", user.UserName, user.HomeOrgUnitId, ct: ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Lets every address try again after failed sign-ins locked some out.</summary>
    public async Task<Outcome<bool>> UnlockAsync(Guid userId, CancellationToken ct = default)
    {
        var target = await ManageableAsync(userId, ct);
        if (!target.IsOk)
        {
            return Fail<bool>(target);
        }
        var user = target.Value!;
        await throttling.ClearAsync(user.NormalizedUserName ?? "", ct);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync("account.unlocked", "User", user.UserName, user.HomeOrgUnitId, ct: ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// Sets a password the administrator chose and tells the person it: they must change it at their next sign-in, and
    /// every session they have ends.
    /// </summary>
    public async Task<Outcome<bool>> ResetPasswordAsync(Guid userId, string? password, CancellationToken ct = default)
    {
        var target = await ManageableAsync(userId, ct);
        if (!target.IsOk)
        {
            return Fail<bool>(target);
        }
        var user = target.Value!;
        if (string.IsNullOrEmpty(password))
        {
            return Outcome<bool>.Invalid(new InputErrors().Add("password", string.Format(k["Field.Required"], t["Accounts.NewPassword"])));
        }
        user.MustChangePassword = true;
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
        await sessions.EndAllAsync(user.Id, SessionEndReasons.EndedByAdministrator, ct: ct);
        await audit.RecordAsync("account.password-reset", "User", user.UserName, user.HomeOrgUnitId, ct: ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Ends every session of the account (a lost laptop, a shared computer left signed in).</summary>
    public async Task<Outcome<int>> EndSessionsAsync(Guid userId, CancellationToken ct = default)
    {
        var target = await ManageableAsync(userId, ct);
        return target.IsOk
            ? Outcome<int>.Ok(await sessions.EndAllAsync(target.Value!.Id, SessionEndReasons.EndedByAdministrator, ct: ct))
            : Fail<int>(target);
    }

    /// <summary>
    /// Removes the person's second factor (a lost phone and lost recovery codes): they enrol again at their next sign-in
    /// where their role requires it. Every session ends.
    /// </summary>
    public async Task<Outcome<bool>> ResetTwoFactorAsync(Guid userId, CancellationToken ct = default)
    {
        var target = await ManageableAsync(userId, ct);
        if (!target.IsOk)
        {
            return Fail<bool>(target);
        }
        var user = target.Value!;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await sessions.EndAllAsync(user.Id, SessionEndReasons.TwoFactorChanged, ct: ct);
        await audit.RecordAsync("account.two-factor-reset", "User", user.UserName, user.HomeOrgUnitId, ct: ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// Whether the caller may act on the account: it is in their scope, it is not their own, and they could grant every
    /// role it holds where it holds it. Null when they may; otherwise why not (for the page to say before anyone tries).
    /// </summary>
    public async Task<string?> WhyNotManageableAsync(Guid userId, CancellationToken ct = default)
    {
        var target = await ManageableAsync(userId, ct);
        return target.IsOk ? null : target.Message;
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

    /// <summary>The account, if the caller may act on it (see <see cref="WhyNotManageableAsync"/>).</summary>
    private async Task<Outcome<QeduUser>> ManageableAsync(Guid userId, CancellationToken ct)
    {
        var user = await ManagedUserAsync(userId, ct);
        if (user is null)
        {
            return Outcome<QeduUser>.NotFound(t["Accounts.NotFound"]);
        }
        if (user.Id.ToString() == access.Current.ActorId)
        {
            return Outcome<QeduUser>.Forbidden(t["Accounts.Error.Self"]);
        }
        foreach (var assignment in user.Assignments)
        {
            if (!await MayGrantAsync(assignment.Role, assignment.OrgUnitId, ct))
            {
                return Outcome<QeduUser>.Forbidden(string.Format(t["Accounts.Error.TargetOutranks"], RoleName(assignment.Role)));
            }
        }
        return Outcome<QeduUser>.Ok(user);
    }

    private static Outcome<T> Fail<T>(Outcome<QeduUser> refusal) => new(refusal.Kind, default, refusal.Errors, refusal.Message);

    /// <summary>Grants and revocations of administrator and auditor roles get a line of their own, which accounts.review shows.</summary>
    private async Task RecordPrivilegedAsync(string action, QeduUser user, string role, OrgUnit? scope, CancellationToken ct)
    {
        if (Roles.IsPrivileged(role))
        {
            await audit.RecordAsync(action, "User", user.UserName, scope?.Id, $"role={role}; scope={scope?.Code}", ct: ct);
        }
    }

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
