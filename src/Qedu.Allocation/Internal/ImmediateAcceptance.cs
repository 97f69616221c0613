using System.Runtime.CompilerServices;

namespace Qedu.Allocation.Internal;

/// <summary>
/// Immediate acceptance (Boston, 志愿优先). Round k: every unplaced applicant applies to their k-th choice (as
/// listed); each program admits that round's applicants in rank order up to its remaining seats; admissions are
/// final.
/// </summary>
/// <remarks>
/// Round k is tied to the k-th listed choice, not the k-th eligible one: a choice without a priority row is
/// skipped in its own round, so an applicant who listed an ineligible first choice competes for their second
/// choice in round 2, with everyone else's second choices, as the rule 志愿优先 prescribes. Letting the second
/// choice move up to round 1 would favour applicants who list schools they cannot enter.
/// </remarks>
internal static class ImmediateAcceptance
{
    /// <summary>Round in which a program with seats never filled.</summary>
    public const int NeverFilled = int.MaxValue;

    /// <returns>The assigned slot of each applicant (or -1), and for each program the round (0-based) in which its
    /// last seat went (-1 for no seats, <see cref="NeverFilled"/> if seats are left).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int[] Assigned, int[] FilledRound) Run(AllocationProblem problem, Ranking ranking)
    {
        int n = problem.ApplicantCount;
        int programs = problem.ProgramCount;
        int[] choiceStart = problem.ChoiceStart;
        int[] slotProgram = problem.SlotProgram;
        int[] slotClass = problem.SlotClass;

        int[] remaining = (int[])problem.Capacities.Clone();
        int[] filledRound = new int[programs];
        for (int p = 0; p < programs; p++)
        {
            filledRound[p] = remaining[p] == 0 ? -1 : NeverFilled;
        }

        int[] assigned = new int[n];
        Array.Fill(assigned, -1);

        // Unplaced applicants who still have a choice at the current round.
        int[] active = new int[n];
        int activeCount = 0;
        for (int a = 0; a < n; a++)
        {
            if (choiceStart[a + 1] > choiceStart[a])
            {
                active[activeCount++] = a;
            }
        }

        int[] bucketStart = new int[programs + 1];
        var bucket = new RankEntry[n];
        var comparer = new RankEntryComparer(ranking);
        for (int round = 0; activeCount > 0; round++)
        {
            // Count this round's applications per program: eligible k-th choices with seats left.
            Array.Clear(bucketStart);
            int applications = 0;
            for (int k = 0; k < activeCount; k++)
            {
                int a = active[k];
                int s = choiceStart[a] + round;
                if (slotClass[s] >= 0 && remaining[slotProgram[s]] > 0)
                {
                    bucketStart[slotProgram[s] + 1]++;
                    applications++;
                }
            }

            for (int p = 0; p < programs; p++)
            {
                bucketStart[p + 1] += bucketStart[p];
            }

            // Counting sort of the applications by program (bucketStart[p] advances while filling).
            for (int k = 0; k < activeCount; k++)
            {
                int a = active[k];
                int s = choiceStart[a] + round;
                if (slotClass[s] >= 0 && remaining[slotProgram[s]] > 0)
                {
                    bucket[bucketStart[slotProgram[s]]++] = new RankEntry(ranking, s, a);
                }
            }

            int from = 0;
            for (int p = 0; p < programs && from < applications; p++)
            {
                int to = bucketStart[p]; // after filling, bucketStart[p] is the end of p's bucket
                Span<RankEntry> applied = bucket.AsSpan(from, to - from);
                from = to;
                if (applied.IsEmpty)
                {
                    continue;
                }

                int admit = Math.Min(remaining[p], applied.Length);
                if (admit < applied.Length)
                {
                    applied.Sort(comparer);
                }

                for (int k = 0; k < admit; k++)
                {
                    int a = applied[k].Applicant;
                    assigned[a] = choiceStart[a] + round;
                }

                remaining[p] -= admit;
                if (remaining[p] == 0)
                {
                    filledRound[p] = round;
                }
            }

            // Keep the unplaced who have a choice in the next round.
            int kept = 0;
            for (int k = 0; k < activeCount; k++)
            {
                int a = active[k];
                if (assigned[a] < 0 && choiceStart[a] + round + 1 < choiceStart[a + 1])
                {
                    active[kept++] = a;
                }
            }

            activeCount = kept;
        }

        return (assigned, filledRound);
    }
}
