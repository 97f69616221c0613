namespace Qedu.Resources.Contracts;

/// <summary>
/// A rural school's urban–rural pairing (城乡学校结对) and synchronous classroom (同步课堂) in a year: whether it has a
/// pairing in force in that year, and how many sync sessions it held with its partner that year.
/// </summary>
public sealed record RuralSyncFigures(int SchoolId, bool Paired, int HeldSessions);

/// <summary>Resources and classrooms aggregates for the indicators module: whole-city figures (the recomputation runs as the system).</summary>
public interface IResourcesStatistics
{
    /// <summary>Each school that is the rural side of a pairing in force during <paramref name="year"/>, with its held sessions that year.</summary>
    Task<IReadOnlyList<RuralSyncFigures>> RuralSyncAsync(int year, CancellationToken ct = default);
}
