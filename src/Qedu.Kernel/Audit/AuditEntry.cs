using Qedu.Kernel.Access;

namespace Qedu.Kernel.Audit;

/// <summary>
/// One line of the append-only audit log: who did what to which record, when, from where, within which scope.
/// Each line carries the hash of the line before it in its chain, so removing or editing any line breaks the chain
/// (<c>qedu audit verify</c>). The database refuses UPDATE and DELETE on this table.
/// </summary>
/// <remarks>
/// The log is <see cref="AuditChains.Count"/> chains, not one: an append locks one chain's head until its transaction
/// commits, and with a single head every audited write in the city waited for the one before it to reach the disk
/// (ADR 3). A line's <see cref="Sequence"/> orders the whole log; <see cref="Chain"/> and <see cref="Position"/> place it
/// in its chain.
/// </remarks>
public sealed class AuditEntry
{
    /// <summary>The line's number in the whole log (increasing in the order lines were appended; hashed).</summary>
    public long Sequence { get; set; }

    /// <summary>The chain the line belongs to (1..<see cref="AuditChains.Count"/>).</summary>
    public int Chain { get; set; }

    /// <summary>The line's place in its chain: 1, 2, 3… without gaps.</summary>
    public long Position { get; set; }

    public DateTimeOffset At { get; set; }
    public ActorKind ActorKind { get; set; }
    public string? ActorId { get; set; }
    public string? ActorName { get; set; }

    /// <summary>The caller's scope roots (org codes), "*" for the system.</summary>
    public string? ActorScope { get; set; }

    public required string Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityKey { get; set; }
    public int? OrgUnitId { get; set; }
    public string? ClientAddress { get; set; }

    /// <summary>
    /// What changed: property names, with old and new values only for properties marked <see cref="AuditedValueAttribute"/>
    /// (never personal data or secrets: the log must not become a copy of them).
    /// </summary>
    public string? Details { get; set; }

    /// <summary>
    /// Whether what the line records succeeded, was refused (a 403 or 404 on personal data, a throttled sign-in) or
    /// failed (a wrong password). Null only on lines written before outcomes were recorded (unkeyed lines).
    /// </summary>
    public AuditOutcome? Outcome { get; set; }

    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

/// <summary>What became of what a line records.</summary>
public enum AuditOutcome
{
    Succeeded,
    Denied,
    Failed,
}

/// <summary>
/// The row that holds the end of one chain (<see cref="Id"/> is the chain's number); updating it serialises that chain's
/// appenders. It also says from which line the chain is keyed (and with which key), and up to which line it has been
/// archived out of the database. Positions here are positions in the chain (<see cref="AuditEntry.Position"/>).
/// </summary>
public sealed class AuditChainHead
{
    public int Id { get; set; }

    /// <summary>The position of the chain's last line (0: none yet).</summary>
    public long LastPosition { get; set; }

    public required string LastHash { get; set; }

    /// <summary>The first line hashed with the audit-chain key (HMAC); lines before it are a log begun before keying (SHA-256).</summary>
    public long? KeyedFrom { get; set; }

    /// <summary>The fingerprint of the key the chain is keyed with (<see cref="Secrets.SecretKeys.Fingerprint"/>).</summary>
    public string? KeyFingerprint { get; set; }

    /// <summary>Lines up to this sequence were archived to a file and removed from the database (0: none).</summary>
    public long ArchivedThrough { get; set; }

    /// <summary>The hash of line <see cref="ArchivedThrough"/>, which the first line left in the database follows.</summary>
    public string? ArchivedHash { get; set; }
}

/// <summary>How many chains the log has. Fixed by the kernel's migrations, which create one head row per chain.</summary>
public static class AuditChains
{
    /// <summary>
    /// Enough that concurrent appenders seldom wait (the write path admits 64 at once and each holds a head only from its
    /// append to its commit), few enough that a checkpoint line stays small.
    /// </summary>
    public const int Count = 32;
}
