namespace Qedu.Registry.Domain;

/// <summary>
/// Every registry row: it has an id, belongs to an org unit, and carries the change-feed version of its last write
/// (<see cref="Revision"/>), which doubles as its ETag and optimistic-concurrency token.
/// </summary>
internal interface IRegistryRecord
{
    long Id { get; }
    int OrgUnitId { get; }
    long Revision { get; set; }
}
