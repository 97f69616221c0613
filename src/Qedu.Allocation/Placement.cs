using Qedu.Allocation.Internal;

namespace Qedu.Allocation;

/// <summary>A point on a projected plane, e.g. metres east and north of a city origin. Planar coordinates keep
/// distances exact IEEE arithmetic, so a re-run on any machine picks the same nearest program.</summary>
/// <param name="X">East.</param>
/// <param name="Y">North.</param>
public readonly record struct Location(double X, double Y);

/// <summary>An applicant placed by <see cref="Placement.PlaceUnplaced"/>.</summary>
/// <param name="Applicant">Applicant index.</param>
/// <param name="Program">Program index.</param>
/// <param name="Distance">Straight-line distance from the applicant to the program.</param>
public sealed record PlacedApplicant(int Applicant, int Program, double Distance);

/// <summary>The assignment after placing the unplaced.</summary>
public sealed class PlacementResult
{
    private readonly int[] _program;

    internal PlacementResult(int[] program, IReadOnlyList<PlacedApplicant> placed)
    {
        _program = program;
        Placed = placed;
    }

    /// <summary>The applicants placed by this step, in the order they were placed.</summary>
    public IReadOnlyList<PlacedApplicant> Placed { get; }

    /// <summary>The final program of an applicant (from the allocation or from placement), or -1.</summary>
    public int GetProgram(int applicant) => _program[applicant];
}

/// <summary>
/// Placement of the unplaced (统筹): a separate step after an allocation that gives each applicant the allocation
/// left without a seat the nearest program that still has one.
/// </summary>
public static class Placement
{
    /// <summary>
    /// Places unplaced applicants one by one in the serial order (score, tie-break values, single lottery, id), each
    /// at the nearest open program with a free seat; equal distances go to the ordinally smaller program id.
    /// Applicants without a location stay unplaced.
    /// </summary>
    /// <param name="result">The allocation to complete.</param>
    /// <param name="programLocations">One location per program, in program order.</param>
    /// <param name="applicantLocations">One location per applicant, in applicant order; null when unknown.</param>
    /// <param name="isOpen">Which programs take placements (e.g. not quota seats); all when null.</param>
    public static PlacementResult PlaceUnplaced(
        AllocationResult result,
        IReadOnlyList<Location> programLocations,
        IReadOnlyList<Location?> applicantLocations,
        Func<int, bool>? isOpen = null)
    {
        AllocationProblem problem = result.Problem;
        if (programLocations.Count != problem.ProgramCount)
        {
            throw new ArgumentException("one location per program is needed", nameof(programLocations));
        }

        if (applicantLocations.Count != problem.ApplicantCount)
        {
            throw new ArgumentException("one location (or null) per applicant is needed", nameof(applicantLocations));
        }

        foreach (Location location in programLocations)
        {
            CheckFinite(location, nameof(programLocations));
        }

        foreach (Location? location in applicantLocations)
        {
            if (location is Location l)
            {
                CheckFinite(l, nameof(applicantLocations));
            }
        }

        int[] program = result.ToProgramArray();
        int[] free = (int[])problem.Capacities.Clone();
        foreach (int p in program)
        {
            if (p >= 0)
            {
                free[p]--;
            }
        }

        var open = new List<int>();
        for (int p = 0; p < problem.ProgramCount; p++)
        {
            if (free[p] > 0 && (isOpen is null || isOpen(p)))
            {
                open.Add(p);
            }
        }

        Ranking serial = result.Ranking.Mode == TieBreaking.Single
            ? result.Ranking
            : Ranking.Create(problem, result.Options.Seed, TieBreaking.Single, result.Ranking.Draw);
        var placed = new List<PlacedApplicant>();
        foreach (int a in serial.Order)
        {
            if (open.Count == 0)
            {
                break;
            }

            if (program[a] >= 0 || applicantLocations[a] is not Location from)
            {
                continue;
            }

            int best = -1;
            double bestSquared = double.PositiveInfinity;
            for (int k = 0; k < open.Count; k++)
            {
                Location to = programLocations[open[k]];
                double dx = to.X - from.X, dy = to.Y - from.Y;
                double squared = dx * dx + dy * dy;
                if (best < 0 || squared < bestSquared || (squared == bestSquared
                    && string.CompareOrdinal(problem.ProgramIds[open[k]], problem.ProgramIds[open[best]]) < 0))
                {
                    best = k;
                    bestSquared = squared;
                }
            }

            int chosen = open[best];
            program[a] = chosen;
            placed.Add(new PlacedApplicant(a, chosen, Math.Sqrt(bestSquared)));
            if (--free[chosen] == 0)
            {
                open.RemoveAt(best);
            }
        }

        return new PlacementResult(program, placed);
    }

    private static void CheckFinite(Location location, string parameter)
    {
        if (!double.IsFinite(location.X) || !double.IsFinite(location.Y))
        {
            throw new ArgumentException($"location {location} is not finite", parameter);
        }
    }
}
