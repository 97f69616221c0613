using Qedu.Kernel.Access;

namespace Qedu.Kernel.Audit;

/// <summary>
/// One line of the append-only audit log: who did what to which record, when, from where, within which scope.
/// Each line carries the hash of the line before it, so removing or editing any line breaks the chain
/// (<c>qedu audit verify</c>). The database refuses UPDATE and DELETE on this table.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }
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
/// The single row that holds the end of the chain; updating it serialises appenders. It also says from which line
/// the chain is keyed (and with which key), and up to which line it has been archived out of the database.
/// </summary>
public sealed class AuditChainHead
{
    public int Id { get; set; }
    public long LastSequence { get; set; }
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
