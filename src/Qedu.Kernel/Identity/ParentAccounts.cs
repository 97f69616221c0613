using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Data;
using Qedu.Kernel.Localization;

namespace Qedu.Kernel.Identity;

public enum ParentSignInStatus
{
    /// <summary>The code was right and the account may sign in: <see cref="ParentSignInResult.Account"/>.</summary>
    SignedIn,

    /// <summary>The code was wrong (tries may remain), or no code is open for the number: see the message.</summary>
    CodeRefused,

    /// <summary>The code was right but the account is disabled.</summary>
    Disabled,
}

/// <summary>What a parent's sign-in came to. <see cref="Message"/> (Chinese or English, by the request's culture) is for the person.</summary>
public sealed record ParentSignInResult(ParentSignInStatus Status, string? Message, ParentAccount? Account = null, bool Created = false)
{
    public bool IsSignedIn => Status == ParentSignInStatus.SignedIn;
}

/// <summary>
/// Parents' accounts (issue 18): a code sent to the number, then the account for the number found or made on the right
/// code, once per number however many requests race (the number's unique index decides, the loser reads the winner's
/// row). Every sign-in is an audit line (<c>parent.sign-in</c>, number masked); a sign-out ends the account's sessions
/// everywhere. The cookie itself is the host's (<see cref="Web.ParentAuthentication"/>). docs/security.md, "Parents".
/// </summary>
public sealed class ParentAccounts(
    KernelDb db, OneTimeCodes codes, AuditTrail audit, TimeProvider clock, IStringLocalizer<KernelText> t, ParentSessionMemory sessions)
{
    /// <summary>The one-time codes' purpose: a code sent for another purpose never signs a parent in.</summary>
    public const string CodePurpose = "parent-sign-in";

    public const string SignInAction = "parent.sign-in";
    public const string SignInRefusedAction = "parent.sign-in-refused";
    public const string SignOutAction = "parent.sign-out";

    /// <summary>Sends a sign-in code to <paramref name="phone"/> (as typed), within the code rules (docs/messaging.md).</summary>
    public Task<CodeIssueResult> SendCodeAsync(string phone, CancellationToken ct = default) =>
        codes.IssueAsync(phone, CodePurpose, ct);

    /// <summary>
    /// Checks the code; when it is right, finds or makes the number's account and records the sign-in. A disabled
    /// account is told so only after a right code, so the answer says nothing about a number to whoever does not hold it.
    /// </summary>
    public async Task<ParentSignInResult> SignInAsync(string phone, string? code, CancellationToken ct = default)
    {
        var check = await codes.VerifyAsync(phone, CodePurpose, code, ct);
        if (!check.IsVerified)
        {
            return new(ParentSignInStatus.CodeRefused, check.Message);
        }
        var number = MobilePhone.Normalize(phone)!;
        var now = clock.GetUtcNow();
        var (account, created) = await FindOrCreateAsync(number, now, ct);
        if (account.Disabled)
        {
            await audit.RecordAsync(SignInRefusedAction, nameof(ParentAccount), account.Id.ToString(),
                details: $"phone={MobilePhone.Mask(number)}; disabled", outcome: AuditOutcome.Denied, ct: ct);
            return new(ParentSignInStatus.Disabled, t["Parent.Disabled"]);
        }
        // Bookkeeping, not a change anyone reviews: the audit line below is the record of the sign-in.
        await db.ParentAccounts.Where(a => a.Id == account.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSignInAt, (DateTimeOffset?)now), ct);
        account.LastSignInAt = now;
        await audit.RecordAsync(SignInAction, nameof(ParentAccount), account.Id.ToString(),
            details: $"phone={MobilePhone.Mask(number)}{(created ? "; new account" : "")}", ct: ct);
        return new(ParentSignInStatus.SignedIn, null, account, created);
    }

    /// <summary>
    /// The account of a normalised number, made now if there is none. Two first sign-ins of one number at the same
    /// moment both try to insert; the unique index lets one in, and the other reads the row it made.
    /// </summary>
    public async Task<(ParentAccount Account, bool Created)> FindOrCreateAsync(string number, DateTimeOffset now, CancellationToken ct = default)
    {
        if (!MobilePhone.IsValid(number))
        {
            throw new ArgumentException("A parent account's number is an 11-digit mainland mobile number (MobilePhone.Normalize).", nameof(number));
        }
        for (var attempt = 0; ; attempt++)
        {
            var existing = await db.ParentAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Phone == number, ct);
            if (existing is not null)
            {
                return (existing, false);
            }
            var account = new ParentAccount { Id = Guid.CreateVersion7(now), Phone = number, CreatedAt = now };
            db.ParentAccounts.Add(account);
            try
            {
                await db.SaveChangesAsync(ct);
                return (account, true);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another request made the account a moment ago (the unique index refused this one): read theirs.
            }
            finally
            {
                db.Entry(account).State = EntityState.Detached;
            }
        }
    }

    public Task<ParentAccount?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.ParentAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>The account of a number as typed, or null.</summary>
    public Task<ParentAccount?> FindByPhoneAsync(string phone, CancellationToken ct = default) =>
        MobilePhone.Normalize(phone) is { } number
            ? db.ParentAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Phone == number, ct)
            : Task.FromResult<ParentAccount?>(null);

    /// <summary>Whether a session issued under <paramref name="sessionVersion"/> is still good: the account exists, is enabled and has not moved on.</summary>
    public async Task<bool> IsSessionAliveAsync(Guid id, int sessionVersion, CancellationToken ct = default)
    {
        if (await sessions.RemembersAsync(db, id, sessionVersion, ct))
        {
            return true;
        }
        var alive = await SessionAlive(db, id, sessionVersion, ct);
        if (alive)
        {
            sessions.Remember(id, sessionVersion);
        }
        else
        {
            sessions.Forget(id);
        }
        return alive;
    }

    /// <summary>Every parent request asks it (when not remembered): compiled once, so a request skips EF Core's query pipeline.</summary>
    private static readonly Func<KernelDb, Guid, int, CancellationToken, Task<bool>> SessionAlive = EF.CompileAsyncQuery(
        (KernelDb db, Guid id, int version, CancellationToken ct) => db.ParentAccounts.Any(a => a.Id == id && !a.Disabled && a.SessionVersion == version));

    /// <summary>Ends every session of the account (its sign-out, on every device) and records it.</summary>
    public async Task EndSessionsAsync(Guid id, CancellationToken ct = default)
    {
        var ended = await db.ParentAccounts.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.SessionVersion, a => a.SessionVersion + 1)
                .SetProperty(a => a.SessionsChangedAt, DateTimeOffset.UtcNow), ct);
        sessions.Forget(id);
        if (ended == 1)
        {
            await audit.RecordAsync(SignOutAction, nameof(ParentAccount), id.ToString(), ct: ct);
        }
    }

    /// <summary>
    /// Disables (or enables again) the account of a number; disabling ends its sessions at once. Audited as a change of
    /// the account (Disabled: False → True). False when the number has no account.
    /// </summary>
    public async Task<bool> SetDisabledAsync(string phone, bool disabled, CancellationToken ct = default)
    {
        var number = MobilePhone.Normalize(phone);
        var account = number is null ? null : await db.ParentAccounts.FirstOrDefaultAsync(a => a.Phone == number, ct);
        if (account is null)
        {
            return false;
        }
        if (account.Disabled != disabled)
        {
            account.Disabled = disabled;
            account.SessionsChangedAt = DateTimeOffset.UtcNow;
            if (disabled)
            {
                account.SessionVersion++;
            }
            await db.SaveChangesAsync(ct);
            sessions.Forget(account.Id);
        }
        db.Entry(account).State = EntityState.Detached;
        return true;
    }
}
