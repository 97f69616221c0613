using Qedu.Indicators.Computation;
using Qedu.Kernel.DemoCity;

namespace Qedu.Indicators.DemoData;

/// <summary>Computes this year's indicators once the demo city's registry is filled, so the dashboards open with figures.</summary>
internal sealed class IndicatorsDemoSeedStep(IndicatorComputation computation, TimeProvider clock) : IDemoSeedStep
{
    public int Order => 90;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        var result = await computation.ComputeAsync(IndicatorComputation.CurrentPeriod(clock), store: true, ct);
        context.Progress?.Report($"indicators: {result.Values.Count} values for {result.Period}");
    }
}
