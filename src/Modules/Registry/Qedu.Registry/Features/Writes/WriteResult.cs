using Qedu.Registry.Domain;

namespace Qedu.Registry.Features.Writes;

/// <summary>How a write on one record ended: done, no such record in scope, the caller's copy was stale, or refused by a rule.</summary>
internal sealed record WriteResult<T>(T? Record, WriteStatus Status, long CurrentRevision = 0, string? Problem = null)
    where T : class, IRegistryRecord
{
    public static WriteResult<T> Done(T record) => new(record, WriteStatus.Done);
    public static WriteResult<T> Missing() => new(default, WriteStatus.NotFound);
    public static WriteResult<T> Stale(long current) => new(default, WriteStatus.Stale, current);

    /// <summary>The record is as the caller read it, but a rule forbids the write (a class that still has students).</summary>
    public static WriteResult<T> Refused(string problem) => new(default, WriteStatus.Conflict, Problem: problem);
}

internal enum WriteStatus
{
    Done,
    NotFound,
    Stale,
    Conflict,
}
