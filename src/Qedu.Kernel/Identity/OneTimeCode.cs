namespace Qedu.Kernel.Identity;

/// <summary>
/// One code sent by text message for one purpose (<c>parent-sign-in</c>, ...). Only its keyed hash is stored. A row
/// stays after its code ends (used, replaced, too many wrong tries, expired): the per-number hourly limit counts them,
/// and <see cref="OneTimeCodes.RemoveOldAsync"/> deletes them a day after they expired.
/// </summary>
public sealed class OneTimeCode
{
    public long Id { get; set; }

    /// <summary>The 11-digit mobile number (normalised).</summary>
    public required string Phone { get; set; }

    public required string Purpose { get; set; }

    /// <summary>HMAC-SHA256 of purpose, number and code with the key <c>one-time-codes</c> (outside the database), hex.</summary>
    public required string CodeHash { get; set; }

    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Wrong codes tried against this one.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>When the code stopped being usable before it expired; null while it may still be used.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>used, replaced, too-many-attempts or not-sent.</summary>
    public string? EndReason { get; set; }
}

/// <summary>
/// One row per mobile number that was sent a code: when the last one was sent. Issuing updates it only if that was
/// more than a minute ago, in one conditional statement, so two requests at the same moment cannot both send.
/// </summary>
public sealed class OneTimeCodePhone
{
    public required string Phone { get; set; }
    public DateTimeOffset? LastIssuedAt { get; set; }
}
