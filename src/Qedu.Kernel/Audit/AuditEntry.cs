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

    /// <summary>What changed (property names, never values: the log must not become a copy of personal data).</summary>
    public string? Details { get; set; }

    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

/// <summary>The single row that holds the end of the chain; updating it serialises appenders.</summary>
public sealed class AuditChainHead
{
    public int Id { get; set; }
    public long LastSequence { get; set; }
    public required string LastHash { get; set; }
}
