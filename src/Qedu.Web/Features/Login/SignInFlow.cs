using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Identity.Passwords;
using Qedu.Kernel.Web;

namespace Qedu.Web.Features.Login;

public enum SignInStatus
{
    SignedIn,
    SecondFactorNeeded,
    Failed,

    /// <summary>Too many failures from this address: wait until <see cref="SignInAttempt.Until"/> (a few seconds).</summary>
    Wait,

    /// <summary>This address is locked out of this account until <see cref="SignInAttempt.Until"/>.</summary>
    Locked,
    Disabled,

    /// <summary>The second-factor step was reached without a password step (or it took too long).</summary>
    Expired,
}

public sealed record SignInAttempt(SignInStatus Status, DateTimeOffset? Until = null);

/// <summary>
/// Signing a person in: the password, then the second factor when the account has one. Failures are counted per user
/// name and client address (<see cref="SignInThrottling"/>), never per account alone, and never touch sessions that are
/// already open. Every attempt is audited; a success remembers how many failures came before it, to tell the person.
/// </summary>
internal sealed class SignInFlow(
    SignInManager<QeduUser> signIn,
    UserManager<QeduUser> users,
    SignInThrottling throttling,
    SignInRecords records,
    AuditTrail audit,
    IHttpContextAccessor http,
    IEnumerable<IPasswordValidator<QeduUser>> validators)
{
    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("Signing in needs a request.");

    private string Address => Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public async Task<SignInAttempt> PasswordAsync(string userName, string password)
    {
        var name = userName.Trim();
        var account = users.NormalizeName(name);
        var state = await throttling.CheckAsync(account, Address);
        if (state.Verdict != ThrottleVerdict.Allowed)
        {
            await audit.RecordAsync("auth.sign-in-refused", "User", name, details: $"throttled until {state.Until:O}", outcome: AuditOutcome.Denied);
            return Refused(state);
        }
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            return await FailedAsync(account, name, null, "unknown user");
        }
        if (!user.IsActive)
        {
            // Only someone who knows the password learns that the account is disabled.
            if (!await users.CheckPasswordAsync(user, password))
            {
                return await FailedAsync(account, name, user, "wrong password");
            }
            await audit.RecordAsync(SignInRecords.FailedAction, "User", user.UserName, user.HomeOrgUnitId, "disabled", AuditOutcome.Failed);
            return new SignInAttempt(SignInStatus.Disabled);
        }
        Context.Items[SessionCookieEvents.FailedBeforeItem] = user.AccessFailedCount;
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.RequiresTwoFactor)
        {
            await audit.RecordAsync("auth.password-accepted", "User", user.UserName, user.HomeOrgUnitId, "second factor next");
            return new SignInAttempt(SignInStatus.SecondFactorNeeded);
        }
        if (!result.Succeeded)
        {
            return await FailedAsync(account, name, user, "wrong password");
        }
        await SignedInAsync(user, account, "password");
        await RequireChangeIfWeakAsync(user, password);
        return new SignInAttempt(SignInStatus.SignedIn);
    }

    /// <summary>The second step: a code from the authenticator app, or one of the recovery codes.</summary>
    public async Task<SignInAttempt> SecondFactorAsync(string code, bool recoveryCode)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null || !user.IsActive)
        {
            return new SignInAttempt(SignInStatus.Expired);
        }
        var account = user.NormalizedUserName ?? users.NormalizeName(user.UserName) ?? "";
        var state = await throttling.CheckAsync(account, Address);
        if (state.Verdict != ThrottleVerdict.Allowed)
        {
            await audit.RecordAsync("auth.sign-in-refused", "User", user.UserName, user.HomeOrgUnitId, $"throttled until {state.Until:O}", AuditOutcome.Denied);
            return Refused(state);
        }
        var accepted = recoveryCode
            ? (await users.RedeemTwoFactorRecoveryCodeAsync(user, code ?? "")).Succeeded
            : await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code ?? "");
        if (!accepted)
        {
            return await FailedAsync(account, user.UserName!, user, recoveryCode ? "wrong recovery code" : "wrong authenticator code");
        }
        Context.Items[SessionCookieEvents.FailedBeforeItem] = user.AccessFailedCount;
        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SessionCookieEvents.MethodClaim, "mfa")]);
        await SignedInAsync(user, account, recoveryCode ? $"password + recovery code ({await users.CountRecoveryCodesAsync(user)} left)" : "password + authenticator");
        return new SignInAttempt(SignInStatus.SignedIn);
    }

    /// <summary>Whether a password step is waiting for its second factor (the short-lived two-factor cookie).</summary>
    public async Task<bool> SecondFactorPendingAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    private async Task SignedInAsync(QeduUser user, string account, string how)
    {
        await throttling.SucceededAsync(account, Address);
        await records.SucceededAsync(user.Id);
        await audit.RecordAsync("auth.sign-in", "User", user.UserName, user.HomeOrgUnitId, how);
    }

    private async Task<SignInAttempt> FailedAsync(string account, string name, QeduUser? user, string why)
    {
        var state = await throttling.FailedAsync(account, Address);
        if (user is not null)
        {
            // Counted on the account too, so its owner is told at their next sign-in.
            await records.FailedAsync(user.Id);
        }
        var locked = state.Verdict == ThrottleVerdict.Locked;
        await audit.RecordAsync(SignInRecords.FailedAction, "User", user?.UserName ?? name, user?.HomeOrgUnitId,
            locked ? $"{why}; locked out for this address until {state.Until:O}" : why, AuditOutcome.Failed);
        return locked ? Refused(state) : new SignInAttempt(SignInStatus.Failed);
    }

    private static SignInAttempt Refused(ThrottleState state) =>
        new(state.Verdict == ThrottleVerdict.Locked ? SignInStatus.Locked : SignInStatus.Wait, state.Until);

    /// <summary>A password that the policy would refuse today (it was set before the policy, or the list grew) must be changed.</summary>
    private async Task RequireChangeIfWeakAsync(QeduUser user, string password)
    {
        var policy = validators.OfType<PolicyPasswordValidator>().FirstOrDefault();
        if (user.MustChangePassword || policy is null || (await policy.ValidateAsync(users, user, password)).Succeeded)
        {
            return;
        }
        await records.RequirePasswordChangeAsync(user.Id);
        await audit.RecordAsync("auth.password-change-required", "User", user.UserName, user.HomeOrgUnitId, "the password no longer meets the policy");
    }
}
