using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Data;
using Qedu.Kernel.Localization;
using Qedu.Kernel.Messaging;
using Qedu.Kernel.Secrets;

namespace Qedu.Kernel.Identity;

public enum CodeIssueStatus
{
    /// <summary>A new code was sent; any earlier code for the same number and purpose no longer works.</summary>
    Sent,

    /// <summary>Not a mainland mobile number; nothing was sent.</summary>
    InvalidPhone,

    /// <summary>A code was sent to this number less than a minute ago, or five within the hour; see NextAllowedAt.</summary>
    TooSoon,

    /// <summary>The SMS sender refused the message; the code was ended unsent.</summary>
    NotSent,
}

/// <summary>What asking for a code came to. <see cref="Message"/> (Chinese or English, by the request's culture) is for the person.</summary>
public sealed record CodeIssueResult(CodeIssueStatus Status, string? Message, DateTimeOffset? NextAllowedAt = null)
{
    public bool IsSent => Status == CodeIssueStatus.Sent;
}

public enum CodeCheckStatus
{
    /// <summary>The code was right; it is now used up.</summary>
    Verified,

    /// <summary>The code was wrong; AttemptsLeft more tries remain (none: the code has ended).</summary>
    Wrong,

    /// <summary>No code is open for this number and purpose: none was asked for, or it expired, was used or replaced.</summary>
    NoCode,
}

public sealed record CodeCheckResult(CodeCheckStatus Status, string? Message, int AttemptsLeft = 0)
{
    public bool IsVerified => Status == CodeCheckStatus.Verified;
}

/// <summary>
/// Six-digit codes sent by text message to prove a person holds a mobile number (parents signing in, issue 18). For a
/// number and a purpose (a short name like <c>parent-sign-in</c>): a code lives <see cref="Lifetime"/>; a new one may
/// be asked for once a minute and <see cref="PerHour"/> times an hour per number (whatever the purpose: texts cost
/// money and a stranger must not flood a phone); <see cref="MaxAttempts"/> wrong tries end it; the right one ends it
/// too (single use); a new code replaces the last one. Only an HMAC of each code is stored, with a key outside the
/// database (<see cref="KeyName"/>), so the table alone gives no usable code. docs/messaging.md.
/// </summary>
public sealed class OneTimeCodes(
    KernelDb db,
    ISmsSender sms,
    SecretKeys keys,
    TimeProvider clock,
    AuditTrail audit,
    IStringLocalizer<KernelText> t,
    ILogger<OneTimeCodes> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    public const int PerHour = 5;
    public const int MaxAttempts = 5;

    /// <summary>The key file (<see cref="SecretKeys"/>) the codes' HMAC uses. Losing it only ends the codes open at the time.</summary>
    public const string KeyName = "one-time-codes";

    /// <summary>The message, always in Chinese (the sender adds the signature 【Qedu】 in front).</summary>
    public const string SmsText = "您的验证码是 {0}，5 分钟内有效。如非本人操作，请忽略。";

    private static readonly CompositeFormat SmsFormat = CompositeFormat.Parse(SmsText);

    /// <summary>China Standard Time, in which messages name the time a new code may be asked for.</summary>
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Sends a new code to <paramref name="phone"/> (as typed: normalised here) for <paramref name="purpose"/>.</summary>
    public async Task<CodeIssueResult> IssueAsync(string phone, string purpose, CancellationToken ct = default)
    {
        CheckPurpose(purpose);
        var number = MobilePhone.Normalize(phone);
        if (number is null)
        {
            return new(CodeIssueStatus.InvalidPhone, string.Format(CultureInfo.CurrentCulture, t["OneTimeCode.InvalidPhone"], phone));
        }
        // Each code sent clears out what expired a day ago (two indexed deletes), as failed sign-ins are forgotten, so the
        // tables stay small with no job to schedule.
        await RemoveOldAsync(ct);
        var now = clock.GetUtcNow();
        await EnsurePhoneRowAsync(number, ct);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var row = new OneTimeCode
        {
            Phone = number,
            Purpose = purpose,
            CodeHash = Convert.ToHexStringLower(Hash(number, purpose, code)),
            IssuedAt = now,
            ExpiresAt = now + Lifetime,
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // The once-a-minute claim: one conditional update, so of two requests at the same moment only one matches
            // (PostgreSQL re-checks the condition after waiting for the other's row lock; SQLite runs one writer at a time).
            var minuteAgo = now - MinInterval;
            var claimed = await db.OneTimeCodePhones
                .Where(p => p.Phone == number && (p.LastIssuedAt == null || p.LastIssuedAt <= minuteAgo))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastIssuedAt, (DateTimeOffset?)now), ct);
            if (claimed == 0 || await RecentIssuesAsync(number, now, ct) is { Count: >= PerHour })
            {
                await tx.RollbackAsync(ct);
                return await TooSoonAsync(number, now, ct);
            }
            await db.OneTimeCodes
                .Where(c => c.Phone == number && c.Purpose == purpose && c.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.EndedAt, (DateTimeOffset?)now).SetProperty(c => c.EndReason, "replaced"), ct);
            db.OneTimeCodes.Add(row);
            await db.SaveChangesAsync(ct);
            db.Entry(row).State = EntityState.Detached;
            await audit.RecordAsync("otp.issued", "Phone", MobilePhone.Mask(number), details: $"purpose={purpose}", ct: ct);
            await tx.CommitAsync(ct);
        }
        // Sent after the commit: no database lock is held while the gateway answers.
        try
        {
            await sms.SendAsync(number, string.Format(CultureInfo.InvariantCulture, SmsFormat, code), ct);
        }
        catch (SmsSendException e)
        {
            logger.LogWarning("A one-time code to {Phone} was not sent: {Reason}", MobilePhone.Mask(number), e.Message);
            await db.OneTimeCodes.Where(c => c.Id == row.Id && c.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.EndedAt, (DateTimeOffset?)now).SetProperty(c => c.EndReason, "not-sent"), CancellationToken.None);
            await audit.RecordAsync("otp.not-sent", "Phone", MobilePhone.Mask(number), details: $"purpose={purpose}; {e.Message}",
                outcome: AuditOutcome.Failed, ct: CancellationToken.None);
            return new(CodeIssueStatus.NotSent, t["OneTimeCode.NotSent"]);
        }
        return new(CodeIssueStatus.Sent, null, now + MinInterval);
    }

    /// <summary>
    /// Checks <paramref name="code"/> against the open code for <paramref name="phone"/> and <paramref name="purpose"/>.
    /// Right: the code is used up and cannot verify again. Wrong: counted, and the fifth wrong try ends the code.
    /// </summary>
    public async Task<CodeCheckResult> VerifyAsync(string phone, string purpose, string? code, CancellationToken ct = default)
    {
        CheckPurpose(purpose);
        var number = MobilePhone.Normalize(phone);
        if (number is null)
        {
            return new(CodeCheckStatus.NoCode, t["OneTimeCode.NoCode"]);
        }
        var now = clock.GetUtcNow();
        var open = await db.OneTimeCodes.AsNoTracking()
            .Where(c => c.Phone == number && c.Purpose == purpose && c.EndedAt == null && c.ExpiresAt > now)
            .OrderByDescending(c => c.Id)
            .FirstOrDefaultAsync(ct);
        if (open is null)
        {
            await FailedAsync(number, purpose, "no open code", ct);
            return new(CodeCheckStatus.NoCode, t["OneTimeCode.NoCode"]);
        }
        var candidate = (code ?? "").Trim();
        // Both hashes are always computed and compared whole, so the answer's timing says nothing about the code.
        var right = CryptographicOperations.FixedTimeEquals(Hash(number, purpose, candidate), Convert.FromHexString(open.CodeHash));
        if (right)
        {
            // Conditional, so a code used (or ended by wrong tries) a moment ago by another request does not verify twice.
            var used = await db.OneTimeCodes
                .Where(c => c.Id == open.Id && c.EndedAt == null && c.FailedAttempts < MaxAttempts && c.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.EndedAt, (DateTimeOffset?)now).SetProperty(c => c.EndReason, "used"), ct);
            if (used == 1)
            {
                return new(CodeCheckStatus.Verified, null);
            }
            await FailedAsync(number, purpose, "code ended meanwhile", ct);
            return new(CodeCheckStatus.NoCode, t["OneTimeCode.NoCode"]);
        }
        // Counted in the database (not from what was read), so wrong tries at the same moment are all counted.
        await db.OneTimeCodes
            .Where(c => c.Id == open.Id && c.EndedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1)
                .SetProperty(c => c.EndedAt, c => c.FailedAttempts + 1 >= MaxAttempts ? (DateTimeOffset?)now : c.EndedAt)
                .SetProperty(c => c.EndReason, c => c.FailedAttempts + 1 >= MaxAttempts ? "too-many-attempts" : c.EndReason), ct);
        var failures = await db.OneTimeCodes.Where(c => c.Id == open.Id).Select(c => c.FailedAttempts).FirstAsync(ct);
        await FailedAsync(number, purpose, $"wrong code, failed attempts={failures}", ct);
        var left = Math.Max(0, MaxAttempts - failures);
        return left > 0
            ? new(CodeCheckStatus.Wrong, string.Format(CultureInfo.CurrentCulture, t["OneTimeCode.Wrong"], left), left)
            : new(CodeCheckStatus.Wrong, t["OneTimeCode.TooManyAttempts"], 0);
    }

    /// <summary>
    /// Deletes codes that expired more than a day ago, and numbers sent nothing for a day (the limits look back an
    /// hour, so nothing they need goes). Every <see cref="IssueAsync"/> runs it; a retention job or command may too.
    /// Returns the codes deleted.
    /// </summary>
    public async Task<int> RemoveOldAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(1);
        var codes = await db.OneTimeCodes.Where(c => c.ExpiresAt < cutoff).ExecuteDeleteAsync(ct);
        await db.OneTimeCodePhones.Where(p => p.LastIssuedAt < cutoff).ExecuteDeleteAsync(ct);
        return codes;
    }

    private async Task EnsurePhoneRowAsync(string number, CancellationToken ct)
    {
        if (await db.OneTimeCodePhones.AnyAsync(p => p.Phone == number, ct))
        {
            return;
        }
        var row = new OneTimeCodePhone { Phone = number };
        db.OneTimeCodePhones.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A request for the same number made the row a moment ago: the claim below decides between the two.
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>When codes were sent to the number within the hour, newest first (at most <see cref="PerHour"/>).</summary>
    private Task<List<DateTimeOffset>> RecentIssuesAsync(string number, DateTimeOffset now, CancellationToken ct)
    {
        var hourAgo = now - Hour;
        return db.OneTimeCodes.Where(c => c.Phone == number && c.IssuedAt > hourAgo)
            .OrderByDescending(c => c.IssuedAt).Select(c => c.IssuedAt).Take(PerHour).ToListAsync(ct);
    }

    private async Task<CodeIssueResult> TooSoonAsync(string number, DateTimeOffset now, CancellationToken ct)
    {
        var last = await db.OneTimeCodePhones.Where(p => p.Phone == number).Select(p => p.LastIssuedAt).FirstOrDefaultAsync(ct);
        var next = (last ?? now) + MinInterval;
        var recent = await RecentIssuesAsync(number, now, ct);
        if (recent.Count >= PerHour && recent[PerHour - 1] + Hour > next)
        {
            // The fifth-newest code leaves the hour's window then.
            next = recent[PerHour - 1] + Hour;
        }
        if (next < now)
        {
            // Another request's claim was rolled back meanwhile: asking again now will do.
            next = now;
        }
        var at = next.ToOffset(Beijing).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return new(CodeIssueStatus.TooSoon, string.Format(CultureInfo.CurrentCulture, t["OneTimeCode.TooSoon"], at), next);
    }

    private Task FailedAsync(string number, string purpose, string why, CancellationToken ct) =>
        audit.RecordAsync("otp.verify-failed", "Phone", MobilePhone.Mask(number), details: $"purpose={purpose}; {why}", outcome: AuditOutcome.Failed, ct: ct);

    private byte[] Hash(string number, string purpose, string code) =>
        HMACSHA256.HashData(keys.Get(KeyName), Encoding.UTF8.GetBytes($"{purpose}\n{number}\n{code}"));

    private static void CheckPurpose(string purpose)
    {
        if (purpose.Length is 0 or > MaxPurposeLength || purpose.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            throw new ArgumentException($"A purpose is 1 to {MaxPurposeLength} lower-case letters, digits and hyphens (parent-sign-in).", nameof(purpose));
        }
    }

    public const int MaxPurposeLength = 32;
}
