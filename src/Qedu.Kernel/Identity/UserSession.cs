namespace Qedu.Kernel.Identity;

/// <summary>
/// One signed-in session of a person: the browser's cookie names it, and the server decides whether it is still alive.
/// Ending the row (sign-out, idle or absolute limit, a password change, an administrator) ends the session at once,
/// whatever cookie the browser still holds.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The last request seen (updated at most once a minute): the idle limit counts from here.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The absolute limit: the session ends then, however active.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Why it ended (<see cref="SessionEndReasons"/>).</summary>
    public string? EndReason { get; set; }

    public string? ClientAddress { get; set; }
    public string? UserAgent { get; set; }

    /// <summary>How the person proved who they are: "pwd", or "pwd+otp" with a second factor.</summary>
    public required string Methods { get; set; }
}

/// <summary>Why a session ended, as stored and shown.</summary>
public static class SessionEndReasons
{
    public const string SignedOut = "signed-out";
    public const string Idle = "idle";
    public const string Expired = "expired";
    public const string EndedByUser = "ended-by-user";
    public const string PasswordChanged = "password-changed";
    public const string TwoFactorChanged = "two-factor-changed";
    public const string Disabled = "disabled";
    public const string RolesChanged = "roles-changed";
    public const string EndedByAdministrator = "ended-by-administrator";
}
