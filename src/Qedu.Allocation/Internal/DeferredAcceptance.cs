using System.Runtime.CompilerServices;

namespace Qedu.Allocation.Internal;

/// <summary>
/// Applicant-proposing deferred acceptance. Free applicants propose down their eligible choices; each program
/// holds its best applicants so far in a max-heap of its seats whose root is the worst held applicant, so a
/// proposal to a full program is one comparison when rejected and one sift-down when it displaces the root.
/// With strict rankings the result does not depend on the order of proposals.
/// </summary>
internal static class DeferredAcceptance
{
    /// <returns>The assigned choice slot of each applicant, or -1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] Run(AllocationProblem problem, Ranking ranking)
    {
        int n = problem.ApplicantCount;
        int programs = problem.ProgramCount;
        int[] choiceStart = problem.ChoiceStart;
        int[] slotProgram = problem.SlotProgram;
        int[] slotClass = problem.SlotClass;

        // A program never holds more applicants than chose it: size the seat arrays by that, not by capacity.
        int[] seats = SeatCounts(problem);
        int[] seatStart = new int[programs + 1];
        for (int p = 0; p < programs; p++)
        {
            seatStart[p + 1] = seatStart[p] + seats[p];
        }

        var held = new RankEntry[seatStart[programs]];
        int[] count = new int[programs];
        int[] assigned = new int[n];
        int[] next = new int[n];
        int[] free = new int[n];
        Array.Fill(assigned, -1);
        Array.Copy(choiceStart, next, n);
        for (int i = 0; i < n; i++)
        {
            free[i] = n - 1 - i; // applicant 0 proposes first; any order gives the same result
        }

        int top = n;
        while (top > 0)
        {
            int a = free[--top];
            int s = next[a];
            int end = choiceStart[a + 1];
            for (; s < end; s++)
            {
                if (slotClass[s] < 0)
                {
                    continue;
                }

                int p = slotProgram[s];
                int size = seats[p];
                if (size == 0)
                {
                    continue;
                }

                var entry = new RankEntry(ranking, s, a);
                int c = count[p];
                int first = seatStart[p];
                if (c < size)
                {
                    held[first + c] = entry;
                    count[p] = ++c;
                    if (c == size)
                    {
                        Heapify(held.AsSpan(first, size), ranking);
                    }

                    assigned[a] = s;
                    break;
                }

                ref RankEntry worst = ref held[first];
                if (RankEntry.Before(entry, worst, ranking))
                {
                    int displaced = worst.Applicant;
                    assigned[displaced] = -1;
                    free[top++] = displaced;
                    worst = entry;
                    SiftDown(held.AsSpan(first, size), 0, ranking);
                    assigned[a] = s;
                    break;
                }
            }

            next[a] = s + 1;
        }

        return assigned;
    }

    /// <summary>min(capacity, number of applicants who chose the program).</summary>
    internal static int[] SeatCounts(AllocationProblem problem)
    {
        int[] chosen = new int[problem.ProgramCount];
        foreach (int p in problem.SlotProgram)
        {
            chosen[p]++;
        }

        for (int p = 0; p < chosen.Length; p++)
        {
            chosen[p] = Math.Min(chosen[p], problem.Capacities[p]);
        }

        return chosen;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Heapify(Span<RankEntry> heap, Ranking ranking)
    {
        for (int i = heap.Length / 2 - 1; i >= 0; i--)
        {
            SiftDown(heap, i, ranking);
        }
    }

    /// <summary>Max-heap by rank: the root is the worst held applicant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SiftDown(Span<RankEntry> heap, int i, Ranking ranking)
    {
        int n = heap.Length;
        RankEntry x = heap[i];
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= n)
            {
                break;
            }

            if (child + 1 < n && RankEntry.Before(heap[child], heap[child + 1], ranking))
            {
                child++; // the worse of the two children
            }

            if (!RankEntry.Before(x, heap[child], ranking))
            {
                break;
            }

            heap[i] = heap[child];
            i = child;
        }

        heap[i] = x;
    }
}
