using System.Diagnostics;
using BenchmarkDotNet.Running;
using Qedu.Allocation;
using Qedu.Bench.Allocation;

switch (args.FirstOrDefault())
{
    case "generate" when args.Length == 2:
        Instance.Default.WriteCsv(args[1]);
        return 0;
    case "time":
        // A quick in-process figure without BenchmarkDotNet: build once, then allocate a few times.
        var problem = Instance.Default.Build();
        foreach (Mechanism mechanism in Enum.GetValues<Mechanism>())
        {
            foreach (TieBreaking tieBreaking in Enum.GetValues<TieBreaking>())
            {
                var times = new List<double>();
                int placed = 0;
                for (int i = 0; i < 7; i++)
                {
                    var watch = Stopwatch.StartNew();
                    placed = Allocator.Run(problem, new AllocationOptions(mechanism, "bench", tieBreaking)).PlacedCount;
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                double first = times[0];
                times.Sort();
                Console.WriteLine($"{mechanism,-20} {tieBreaking,-8} placed {placed,7}  first {first,7:F1} ms  median {times[times.Count / 2],7:F1} ms  min {times[0],7:F1} ms");
            }
        }

        return 0;
    case "inner":
        BenchmarkRunner.Run<AllocationBenchmarks>(args: args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("usage: generate DIR | time | inner [BenchmarkDotNet options]");
        return 2;
}
