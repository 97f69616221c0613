using Qedu.Growth.Retention;

namespace Qedu.Growth;

/// <summary>
/// What hosts other than the web (the <c>qedu</c> command line, a scheduled job) may ask of the growth module: with
/// <see cref="GrowthModule"/>, its whole public surface for hosts.
/// </summary>
public sealed class GrowthOperations
{
    private readonly GrowthRetention _retention;

    internal GrowthOperations(GrowthRetention retention) => _retention = retention;

    /// <summary>Deletes the children's data the retention rules no longer keep (docs/growth.md, "Retention").</summary>
    public Task<GrowthRetentionResult> ApplyRetentionAsync(CancellationToken ct = default) => _retention.RunAsync(ct);
}
