using System.Runtime.CompilerServices;

namespace Qedu.Allocation.Internal;

/// <summary>Serial dictatorship (平行志愿): in the single-lottery serial order, each applicant takes their first
/// eligible choice that still has a seat.</summary>
internal static class SerialDictatorship
{
    /// <returns>The assigned choice slot of each applicant, or -1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] Run(AllocationProblem problem, Ranking singleRanking)
    {
        int[] choiceStart = problem.ChoiceStart;
        int[] slotProgram = problem.SlotProgram;
        int[] slotClass = problem.SlotClass;
        int[] remaining = (int[])problem.Capacities.Clone();
        int[] assigned = new int[problem.ApplicantCount];
        Array.Fill(assigned, -1);
        foreach (int a in singleRanking.Order)
        {
            for (int s = choiceStart[a]; s < choiceStart[a + 1]; s++)
            {
                int p = slotProgram[s];
                if (slotClass[s] >= 0 && remaining[p] > 0)
                {
                    remaining[p]--;
                    assigned[a] = s;
                    break;
                }
            }
        }

        return assigned;
    }
}
