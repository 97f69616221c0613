namespace Qedu.Registry.Domain;

/// <summary>
/// One line of the change feed: which record changed, at which version. Versions are handed out under the row lock
/// of <see cref="ChangeHead"/>, held until commit, so version order is commit order and a reader that has seen
/// version N has seen every change before it. A delete leaves a tombstone line.
/// </summary>
internal sealed class Change : Qedu.Kernel.Access.IOrgScoped
{
    public long Version { get; set; }
    public required string EntityType { get; set; }
    public long EntityId { get; set; }
    public int OrgUnitId { get; set; }
    public bool Deleted { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>The single row holding the last version handed out.</summary>
internal sealed class ChangeHead
{
    public int Id { get; set; }
    public long LastVersion { get; set; }
}

/// <summary>
/// How far this instance has mirrored another's feed (<c>qedu registry mirror</c>): the last source version applied, per
/// source and client (a client's scope decides which lines it sees, so each client has a cursor of its own). Written
/// in the same transaction as the page it follows, so a cursor never runs ahead of the data.
/// </summary>
internal sealed class MirrorCursor
{
    /// <summary>The source's base address, normalised (lower-case scheme and host, no trailing slash).</summary>
    public required string Source { get; set; }
    public required string ClientId { get; set; }
    public long LastVersion { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
