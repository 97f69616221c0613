using Qedu.Allocation.Internal;

namespace Qedu.Allocation;

/// <summary>The outcome of one run: the program of each applicant, the cut-off at each program, and explanations.</summary>
public sealed class AllocationResult
{
    private readonly int[] _assignedSlot;
    private readonly Ranking _ranking;
    private readonly int[]? _filledRound;
    private int[]? _lastAdmittedSlot;

    internal AllocationResult(AllocationProblem problem, AllocationOptions options, int[] assignedSlot, Ranking ranking, int[]? filledRound)
    {
        Problem = problem;
        Options = options;
        _assignedSlot = assignedSlot;
        _ranking = ranking;
        _filledRound = filledRound;
        foreach (int slot in assignedSlot)
        {
            if (slot >= 0)
            {
                PlacedCount++;
            }
        }
    }

    /// <summary>The problem that was solved.</summary>
    public AllocationProblem Problem { get; }

    /// <summary>The options of the run.</summary>
    public AllocationOptions Options { get; }

    /// <summary>Number of applicants placed.</summary>
    public int PlacedCount { get; }

    /// <summary>The program index of an applicant, or -1 when unplaced.</summary>
    public int GetProgram(int applicant)
    {
        int slot = _assignedSlot[applicant];
        return slot < 0 ? -1 : Problem.SlotProgram[slot];
    }

    /// <summary>The position of the applicant's program in their choices (0 = first choice), or -1 when unplaced.</summary>
    public int GetChoiceIndex(int applicant)
    {
        int slot = _assignedSlot[applicant];
        return slot < 0 ? -1 : slot - Problem.ChoiceStart[applicant];
    }

    /// <summary>The lowest-ranked applicant admitted to a program (its cut-off), or -1 when nobody was.</summary>
    public int GetLastAdmitted(int program)
    {
        int slot = LastAdmittedSlots()[program];
        return slot < 0 ? -1 : ApplicantOfSlot(slot);
    }

    /// <summary>The applicant's key at a program they chose, as the mechanism ranked it.</summary>
    public RankKey GetRankKey(int applicant, int program)
    {
        bool serial = Options.Mechanism == Mechanism.SerialDictatorship;
        int choice = Problem.GetChoices(applicant).IndexOf(program);
        (_, int group, decimal points) = choice < 0 || serial ? (false, 0, 0m) : Problem.GetPriority(applicant, choice);
        return new RankKey(
            Problem.ApplicantIds[applicant], group, points, Problem.Scores[applicant],
            Problem.GetTiebreak(applicant).ToArray(),
            _ranking.LotteryAt(program, applicant));
    }

    /// <summary>Why the applicant got what they got.</summary>
    public Explanation Explain(int applicant)
    {
        AllocationProblem problem = Problem;
        int start = problem.ChoiceStart[applicant];
        int assigned = _assignedSlot[applicant];
        int last = assigned >= 0 ? assigned : problem.ChoiceStart[applicant + 1] - 1;
        int[] cutoffs = LastAdmittedSlots();
        var choices = new List<ChoiceExplanation>();
        for (int s = start; s <= last; s++)
        {
            int p = problem.SlotProgram[s];
            string programId = problem.ProgramIds[p];
            RankKey? cutoff = cutoffs[p] < 0 ? null : GetRankKey(ApplicantOfSlot(cutoffs[p]), p);
            if (problem.SlotClass[s] < 0)
            {
                choices.Add(new ChoiceExplanation(s - start, programId, ChoiceOutcome.Ineligible, null, null, cutoff));
                continue;
            }

            int? appliedRound = _filledRound is null ? null : s - start; // round k is the k-th choice
            ChoiceOutcome outcome =
                s == assigned ? ChoiceOutcome.Admitted
                : problem.Capacities[p] == 0 ? ChoiceOutcome.NoSeats
                : _filledRound is not null && _filledRound[p] < appliedRound ? ChoiceOutcome.FilledInEarlierRound
                : ChoiceOutcome.Outranked;
            choices.Add(new ChoiceExplanation(s - start, programId, outcome, appliedRound, GetRankKey(applicant, p), cutoff));
        }

        return new Explanation(
            problem.ApplicantIds[applicant],
            assigned < 0 ? null : problem.ProgramIds[problem.SlotProgram[assigned]],
            assigned < 0 ? null : assigned - start,
            choices);
    }

    /// <summary>The assigned program index of every applicant (-1 = unplaced), in applicant order.</summary>
    public int[] ToProgramArray()
    {
        int[] programs = new int[_assignedSlot.Length];
        for (int a = 0; a < programs.Length; a++)
        {
            programs[a] = GetProgram(a);
        }

        return programs;
    }

    internal Ranking Ranking => _ranking;

    private int ApplicantOfSlot(int slot)
    {
        // Slots are grouped by applicant in ascending order: binary search the start offsets.
        int i = Array.BinarySearch(Problem.ChoiceStart, slot);
        if (i < 0)
        {
            return ~i - 1;
        }

        while (Problem.ChoiceStart[i + 1] == slot)
        {
            i++; // skip applicants with no choices that share this start offset
        }

        return i;
    }

    private int[] LastAdmittedSlots()
    {
        if (_lastAdmittedSlot is not null)
        {
            return _lastAdmittedSlot;
        }

        int[] worst = new int[Problem.ProgramCount];
        int[] worstApplicant = new int[Problem.ProgramCount];
        Array.Fill(worst, -1);
        bool serial = Options.Mechanism == Mechanism.SerialDictatorship;
        for (int a = 0; a < _assignedSlot.Length; a++)
        {
            int s = _assignedSlot[a];
            if (s < 0)
            {
                continue;
            }

            int p = Problem.SlotProgram[s];
            int w = worst[p];
            bool later = w < 0 || (serial
                ? _ranking.BaseRank[a] > _ranking.BaseRank[worstApplicant[p]]
                : _ranking.Compare(s, a, w, worstApplicant[p]) > 0);
            if (later)
            {
                worst[p] = s;
                worstApplicant[p] = a;
            }
        }

        return _lastAdmittedSlot = worst;
    }
}
