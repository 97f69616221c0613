using Qedu.Allocation.Internal;

namespace Qedu.Allocation;

/// <summary>Runs an allocation. Pure and deterministic: the same problem and options always give the same result.</summary>
public static class Allocator
{
    /// <summary>Allocates seats to applicants with the chosen mechanism.</summary>
    public static AllocationResult Run(AllocationProblem problem, AllocationOptions options) => Run(problem, options, null);

    /// <summary>Runs with a substitute lottery (tests only: see <see cref="Ranking.Create"/>).</summary>
    internal static AllocationResult Run(AllocationProblem problem, AllocationOptions options, LotteryDraw? draw)
    {
        ArgumentNullException.ThrowIfNull(options.Seed);
        switch (options.Mechanism)
        {
            case Mechanism.DeferredAcceptance:
            {
                var ranking = Ranking.Create(problem, options.Seed, options.TieBreaking, draw);
                return new AllocationResult(problem, options, DeferredAcceptance.Run(problem, ranking), ranking, null);
            }

            case Mechanism.ImmediateAcceptance:
            {
                var ranking = Ranking.Create(problem, options.Seed, options.TieBreaking, draw);
                (int[] assigned, int[] filledRound) = ImmediateAcceptance.Run(problem, ranking);
                return new AllocationResult(problem, options, assigned, ranking, filledRound);
            }

            case Mechanism.SerialDictatorship:
            {
                // The serial order always uses the single lottery, whatever the tie-breaking option says.
                var ranking = Ranking.Create(problem, options.Seed, TieBreaking.Single, draw);
                return new AllocationResult(problem, options, SerialDictatorship.Run(problem, ranking), ranking, null);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Mechanism, "unknown mechanism");
        }
    }
}
