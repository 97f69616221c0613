using Qedu.Admissions.Retention;

namespace Qedu.Admissions;

/// <summary>
/// What hosts other than the web (the <c>qedu</c> command line, a scheduled job) may ask of the admissions module: with
/// <see cref="AdmissionsModule"/>, the module's whole public surface for hosts. Built by the module.
/// </summary>
public sealed class AdmissionsOperations
{
    private readonly AdmissionsRetention _retention;

    internal AdmissionsOperations(AdmissionsRetention retention) => _retention = retention;

    /// <summary>Deletes what seasons closed past their retention no longer need (see docs/admissions.md, "Retention").</summary>
    public Task<RetentionResult> ApplyRetentionAsync(CancellationToken ct = default) => _retention.RunAsync(ct);
}

/// <summary>What one pass of the retention deleted: in how many seasons, how many applications and proof files.</summary>
public sealed record RetentionResult(int Seasons, int Applications, int Materials);
