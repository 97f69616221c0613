using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Localization;
using Qedu.Kernel.Web;
using Qedu.Web.Resources;

namespace Qedu.Web.Features.MyAccount;

public sealed record SessionLine(Guid Id, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt, string? ClientAddress, string? UserAgent, string Methods, bool IsCurrent);

public sealed record AccountSummary(
    string UserName,
    string DisplayName,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset? PasswordChangedAt,
    bool MustChangePassword,
    bool TwoFactorEnabled,
    bool TwoFactorRequired,
    int RecoveryCodesLeft,
    IReadOnlyList<SessionLine> Sessions,
    IReadOnlyList<FailedSignIn> FailedSignIns);

/// <summary>The second-factor page's state: whether it is on, whether a role requires it, the recovery codes left.</summary>
public sealed record TwoFactorState(bool Enabled, bool Required, int RecoveryCodesLeft);

/// <summary>The enrolment page's content: the key to add to an authenticator app, as a QR code's text and typed.</summary>
public sealed record Enrolment(string Key, string KeyUri);

/// <summary>
/// What a signed-in person does to their own account: see it and its sessions, end sessions, change the password, turn
/// the second factor on (or off, where no role of theirs requires it) and renew recovery codes. Only ever the caller's
/// own account: there is no id to pass.
/// </summary>
internal sealed class MyAccount(
    UserManager<QeduUser> users,
    SignInManager<QeduUser> signIn,
    UserSessions sessions,
    SignInThrottling throttling,
    SignInRecords records,
    AuditTrail audit,
    ICurrentAccess access,
    IHttpContextAccessor http,
    IOptions<AccountSecurityOptions> security,
    IStringLocalizer<WebText> t,
    IStringLocalizer<KernelText> k)
{
    public const int RecoveryCodeCount = 10;

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("A person's own account needs a request.");

    private Guid? CurrentSession => SessionCookieEvents.SessionOf(Context.User);

    public async Task<QeduUser?> UserAsync() =>
        Guid.TryParse(access.Current.ActorId, out var id) && access.Current.Kind == ActorKind.User ? await users.FindByIdAsync(id.ToString()) : null;

    public async Task<AccountSummary?> SummaryAsync(CancellationToken ct = default)
    {
        var user = await UserAsync();
        if (user is null)
        {
            return null;
        }
        var current = CurrentSession;
        var live = await sessions.ActiveAsync(user.Id, ct);
        var failures = await records.RecentFailuresAsync(user.UserName ?? "", ct: ct);
        var roles = await records.RolesAsync(user.Id, ct);
        return new AccountSummary(
            user.UserName ?? "",
            user.DisplayName,
            user.LastSignInAt,
            user.PasswordChangedAt,
            user.MustChangePassword,
            user.TwoFactorEnabled,
            security.Value.TwoFactor.IsRequiredFor(roles),
            user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0,
            live.Select(s => new SessionLine(s.Id, s.StartedAt, s.LastSeenAt, s.ClientAddress, s.UserAgent, s.Methods, s.Id == current)).ToList(),
            failures);
    }

    /// <summary>What the second-factor page needs, without the sessions and failures the account page lists.</summary>
    public async Task<TwoFactorState?> TwoFactorStateAsync()
    {
        var user = await UserAsync();
        return user is null
            ? null
            : new TwoFactorState(
                user.TwoFactorEnabled,
                security.Value.TwoFactor.IsRequiredFor(await records.RolesAsync(user.Id)),
                user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0);
    }

    public async Task<Outcome<bool>> EndSessionAsync(Guid sessionId, CancellationToken ct = default)
    {
        var user = await UserAsync();
        if (user is null || await sessions.EndAsync(user.Id, sessionId, SessionEndReasons.EndedByUser, ct) == 0)
        {
            return Outcome<bool>.NotFound(t["Account.SessionNotFound"]);
        }
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<int>> EndOtherSessionsAsync(CancellationToken ct = default)
    {
        var user = await UserAsync();
        return user is null
            ? Outcome<int>.NotFound(t["Account.SessionNotFound"])
            : Outcome<int>.Ok(await sessions.EndAllAsync(user.Id, SessionEndReasons.EndedByUser, CurrentSession, ct));
    }

    /// <summary>
    /// Changes the caller's password after checking the current one: every other session ends, this one continues under
    /// a fresh cookie, and an administrator's "change at first sign-in" is satisfied.
    /// </summary>
    public async Task<Outcome<bool>> ChangePasswordAsync(string? current, string? next, string? confirm)
    {
        var errors = new InputErrors();
        if (string.IsNullOrEmpty(current))
        {
            errors.Add("current", string.Format(k["Field.Required"], t["Account.CurrentPassword"]));
        }
        if (string.IsNullOrEmpty(next))
        {
            errors.Add("next", string.Format(k["Field.Required"], t["Account.NewPassword"]));
        }
        else if (next != confirm)
        {
            errors.Add("confirm", t["Account.PasswordsDiffer"]);
        }
        if (errors.Any)
        {
            return Outcome<bool>.Invalid(errors);
        }
        var user = await UserAsync();
        if (user is null)
        {
            return Outcome<bool>.NotFound(t["Account.SessionNotFound"]);
        }
        var account = user.NormalizedUserName ?? "";
        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        // Guessing the current password from a session left open is throttled like signing in.
        var state = await throttling.CheckAsync(account, address);
        if (state.Verdict != ThrottleVerdict.Allowed)
        {
            return Outcome<bool>.Invalid(errors.Add("current", t["Account.TooManyAttempts"]));
        }
        var wasForced = user.MustChangePassword;
        user.MustChangePassword = false;
        var result = await users.ChangePasswordAsync(user, current!, next!);
        if (!result.Succeeded)
        {
            user.MustChangePassword = wasForced;
            foreach (var e in result.Errors)
            {
                if (e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                {
                    await throttling.FailedAsync(account, address);
                    await audit.RecordAsync("account.password-change-failed", "User", user.UserName, user.HomeOrgUnitId, "wrong current password", AuditOutcome.Failed);
                    errors.Add("current", t["Account.CurrentPasswordWrong"]);
                }
                else
                {
                    errors.Add("next", e.Description);
                }
            }
            return Outcome<bool>.Invalid(errors);
        }
        await throttling.SucceededAsync(account, address);
        await signIn.RefreshSignInAsync(user);
        var fresh = Context.Items[UserSessions.ClaimType] as Guid?;
        await sessions.EndAllAsync(user.Id, SessionEndReasons.PasswordChanged, fresh);
        await audit.RecordAsync("account.password-changed", "User", user.UserName, user.HomeOrgUnitId, wasForced ? "required change" : null);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>The key for an authenticator app: a new one unless an enrolment has already begun.</summary>
    public async Task<Enrolment?> BeginTwoFactorAsync()
    {
        var user = await UserAsync();
        if (user is null || user.TwoFactorEnabled)
        {
            return null;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        return new Enrolment(Grouped(key!), TotpAuthenticatorProvider.KeyUri(security.Value.TwoFactor.Issuer, user.UserName!, key!));
    }

    /// <summary>Turns the second factor on once the app shows a right code; returns the recovery codes (shown once).</summary>
    public async Task<Outcome<IReadOnlyList<string>>> ConfirmTwoFactorAsync(string? code)
    {
        var user = await UserAsync();
        if (user is null || user.TwoFactorEnabled)
        {
            return Outcome<IReadOnlyList<string>>.Conflict("code", t["Account.TwoFactor.AlreadyOn"]);
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code ?? ""))
        {
            return Outcome<IReadOnlyList<string>>.Invalid(new InputErrors().Add("code", t["Account.TwoFactor.CodeWrong"]));
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await KeepThisSessionAsync(user);
        await audit.RecordAsync("account.two-factor-enabled", "User", user.UserName, user.HomeOrgUnitId);
        return Outcome<IReadOnlyList<string>>.Ok(codes);
    }

    /// <summary>Turns the second factor off, with a current code; refused while a role of the person requires it.</summary>
    public async Task<Outcome<bool>> DisableTwoFactorAsync(string? code)
    {
        var user = await UserAsync();
        if (user is null || !user.TwoFactorEnabled)
        {
            return Outcome<bool>.Conflict("code", t["Account.TwoFactor.AlreadyOff"]);
        }
        var roles = await records.RolesAsync(user.Id);
        if (security.Value.TwoFactor.IsRequiredFor(roles))
        {
            return Outcome<bool>.Forbidden(t["Account.TwoFactor.Required"]);
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code ?? ""))
        {
            return Outcome<bool>.Invalid(new InputErrors().Add("code", t["Account.TwoFactor.CodeWrong"]));
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await KeepThisSessionAsync(user);
        await audit.RecordAsync("account.two-factor-disabled", "User", user.UserName, user.HomeOrgUnitId);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>New recovery codes (the old ones stop working), with a current code.</summary>
    public async Task<Outcome<IReadOnlyList<string>>> NewRecoveryCodesAsync(string? code)
    {
        var user = await UserAsync();
        if (user is null || !user.TwoFactorEnabled)
        {
            return Outcome<IReadOnlyList<string>>.Conflict("code", t["Account.TwoFactor.AlreadyOff"]);
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code ?? ""))
        {
            return Outcome<IReadOnlyList<string>>.Invalid(new InputErrors().Add("code", t["Account.TwoFactor.CodeWrong"]));
        }
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await audit.RecordAsync("account.recovery-codes-renewed", "User", user.UserName, user.HomeOrgUnitId);
        return Outcome<IReadOnlyList<string>>.Ok(codes);
    }

    /// <summary>A change to how the person signs in ends their other sessions; this one goes on under a fresh cookie.</summary>
    private async Task KeepThisSessionAsync(QeduUser user)
    {
        await signIn.RefreshSignInAsync(user);
        await sessions.EndAllAsync(user.Id, SessionEndReasons.TwoFactorChanged, Context.Items[UserSessions.ClaimType] as Guid?);
    }

    /// <summary>The key in groups of four, as people type it.</summary>
    private static string Grouped(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
}
