namespace Qedu.Kernel.Identity;

/// <summary>
/// Failed sign-ins against one user name from one client address. Attempts slow down and then stop for that pair only,
/// so a stranger who knows a user name cannot lock its owner out from everywhere (or end their sessions). Kept by the
/// name typed, whether or not such an account exists, so the answers do not tell a guesser which names are real.
/// </summary>
public sealed class SignInThrottle
{
    public long Id { get; set; }

    /// <summary>The user name as Identity normalises it (upper case).</summary>
    public required string Account { get; set; }

    public required string ClientAddress { get; set; }

    /// <summary>Failures in the current window (reset by a success from this address, or when the window passes).</summary>
    public int Failures { get; set; }

    public DateTimeOffset FirstFailureAt { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }

    /// <summary>No attempt from this address is checked before this time (the slow-down).</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Locked for this address until then.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
}
