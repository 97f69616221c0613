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
