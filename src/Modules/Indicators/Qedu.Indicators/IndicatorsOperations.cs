using Qedu.Indicators.Computation;

namespace Qedu.Indicators;

/// <summary>
/// What hosts other than the web (the <c>qedu</c> command line) may ask of the indicators module: with
/// <see cref="IndicatorsModule"/>, the module's whole public surface for hosts. Built by the module (its constructor
/// takes internal services); the command line keeps its own parsing and output.
/// </summary>
public sealed class IndicatorsOperations
{
    private readonly IndicatorComputation _computation;

    internal IndicatorsOperations(IndicatorComputation computation) => _computation = computation;

    /// <summary>A year (2026) or a month (2026-11).</summary>
    public static bool IsPeriod(string? period) => IndicatorComputation.IsPeriod(period);

    /// <summary>This year, in China Standard Time.</summary>
    public static string CurrentPeriod(TimeProvider clock) => IndicatorComputation.CurrentPeriod(clock);

    /// <summary>Recomputes every indicator for every org unit in the period and stores the snapshots the dashboards read.</summary>
    public async Task<IndicatorRun> RecomputeAsync(string period, CancellationToken ct = default)
    {
        var result = await _computation.ComputeAsync(period, store: true, ct);
        return new IndicatorRun(result.Period, [.. result.Values.Select(v => new IndicatorRunValue(v.OrgCode, v.IndicatorCode, v.Value))], result.Units, result.ElapsedMs);
    }
}

/// <summary>One recomputation: the period, every value, how many units, how long it took.</summary>
public sealed record IndicatorRun(string Period, IReadOnlyList<IndicatorRunValue> Values, int Units, long ElapsedMs);

/// <summary>One indicator's value for one org unit.</summary>
public sealed record IndicatorRunValue(string OrgCode, string IndicatorCode, decimal Value);
