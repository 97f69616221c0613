using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Identity;

/// <summary>
/// Server-side sessions (ASVS 7.2–7.4): a session is a row, the cookie only names it. Every request checks the row, so
/// signing out, the idle and absolute limits, a password change or an administrator end a session at once.
/// </summary>
public sealed class UserSessions(KernelDb db, AuditTrail audit, TimeProvider clock, IOptions<AccountSecurityOptions> options, IOpenIddictTokenManager tokens)
{
    /// <summary>The claim in the cookie that names the session.</summary>
    public const string ClaimType = "qedu_sid";

    /// <summary>Activity is written at most this often, so a busy page does not write on every request.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private AccountSecurityOptions.SessionSettings Settings => options.Value.Sessions;

    public TimeSpan IdleLimit => TimeSpan.FromMinutes(Settings.IdleMinutes);

    public async Task<UserSession> StartAsync(Guid userId, string methods, string? clientAddress, string? userAgent, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            StartedAt = now,
            LastSeenAt = now,
            ExpiresAt = now.AddHours(Settings.AbsoluteHours),
            Methods = methods,
            ClientAddress = clientAddress,
            UserAgent = userAgent is { Length: > 256 } ? userAgent[..256] : userAgent,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        // A person's sessions that could not live any more a month ago are of no use to anyone: the audit log keeps
        // every sign-in and ending. Pruned here, per person, so no job is needed and the table stays small.
        var forgotten = now.AddDays(-30);
        await db.UserSessions.Where(s => s.UserId == userId && s.ExpiresAt < forgotten).ExecuteDeleteAsync(ct);
        return session;
    }

    /// <summary>
    /// Whether the session is alive for this user; ends it (with the reason) when a limit has passed, and notes the
    /// activity otherwise.
    /// </summary>
    public async Task<bool> CheckAsync(Guid sessionId, Guid userId, CancellationToken ct = default)
    {
        var session = await db.UserSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || session.UserId != userId || session.EndedAt is not null)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        var reason = now >= session.ExpiresAt ? SessionEndReasons.Expired
            : now - session.LastSeenAt > IdleLimit ? SessionEndReasons.Idle
            : null;
        if (reason is not null)
        {
            await EndWhereAsync(db.UserSessions.Where(s => s.Id == sessionId), reason, session.UserId, ct);
            return false;
        }
        if (now - session.LastSeenAt >= TouchInterval)
        {
            await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
        }
        return true;
    }

    /// <summary>The sessions of the account that are still alive, newest first.</summary>
    public async Task<IReadOnlyList<UserSession>> ActiveAsync(Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var idleSince = now - IdleLimit;
        return await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now && s.LastSeenAt >= idleSince)
            .OrderByDescending(s => s.StartedAt)
            .ToListAsync(ct);
    }

    /// <summary>Ends one session of the account (a person ending one of their own, or signing out).</summary>
    public Task<int> EndAsync(Guid userId, Guid sessionId, string reason, CancellationToken ct = default) =>
        EndWhereAsync(db.UserSessions.Where(s => s.UserId == userId && s.Id == sessionId && s.EndedAt == null), reason, userId, ct);

    /// <summary>
    /// Ends every session of the account but <paramref name="except"/> (the one the person is using), and revokes the
    /// refresh tokens other systems hold for the person (single sign-on), so they cannot mint new access tokens.
    /// </summary>
    public async Task<int> EndAllAsync(Guid userId, string reason, Guid? except = null, CancellationToken ct = default)
    {
        await tokens.RevokeBySubjectAsync(userId.ToString(), ct);
        return await EndWhereAsync(db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null && s.Id != except), reason, userId, ct);
    }

    private async Task<int> EndWhereAsync(IQueryable<UserSession> sessions, string reason, Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ended = await sessions.ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason), ct);
        if (ended > 0)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.UserName, u.HomeOrgUnitId }).FirstOrDefaultAsync(ct);
            await audit.RecordAsync("auth.session-ended", "User", user?.UserName ?? userId.ToString(), user?.HomeOrgUnitId,
                $"{reason}; sessions: {ended}", ct: ct);
        }
        return ended;
    }
}
