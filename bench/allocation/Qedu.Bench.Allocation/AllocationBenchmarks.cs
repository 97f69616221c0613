using BenchmarkDotNet.Attributes;
using Qedu.Allocation;

namespace Qedu.Bench.Allocation;

/// <summary>The allocation step alone, on the benchmark instance built in memory.</summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    private AllocationProblem _problem = null!;

    [Params(Mechanism.DeferredAcceptance, Mechanism.ImmediateAcceptance, Mechanism.SerialDictatorship)]
    public Mechanism Mechanism { get; set; }

    [Params(TieBreaking.Single, TieBreaking.Multiple)]
    public TieBreaking TieBreaking { get; set; }

    [GlobalSetup]
    public void Setup() => _problem = Instance.Default.Build();

    [Benchmark]
    public int Allocate() => Allocator.Run(_problem, new AllocationOptions(Mechanism, "bench", TieBreaking)).PlacedCount;
}
