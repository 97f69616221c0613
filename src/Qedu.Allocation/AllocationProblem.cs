using Qedu.Allocation.Internal;

namespace Qedu.Allocation;

/// <summary>
/// An immutable admission problem: programs (pools of seats), applicants with their ranked choices, score and
/// tie-break values, and, when priorities are used, each applicant's group and points at each chosen program.
/// Built by <see cref="AllocationProblemBuilder"/>. Programs and applicants are addressed by their index in the
/// order they were added, which is also the order of every per-applicant output.
/// </summary>
/// <remarks>
/// The layout is flat arrays indexed by interned integers so the mechanisms never touch strings or decimals in
/// their inner loops: an applicant's choices are the "slots" <c>ChoiceStart[a] .. ChoiceStart[a + 1]</c>, and each
/// slot carries its program and its priority class (the dense rank of its (group, points) pair, or -1 when the
/// applicant is not eligible there).
/// </remarks>
public sealed class AllocationProblem
{
    internal readonly string[] ProgramIds;
    internal readonly string[] SchoolIds;
    internal readonly int[] Capacities;
    internal readonly string[] ApplicantIds;
    internal readonly decimal[] Scores;
    internal readonly int[] ChoiceStart;      // length ApplicantCount + 1
    internal readonly int[] SlotProgram;      // program of each choice slot
    internal readonly int[] SlotClass;        // priority class rank of each slot; -1 = not eligible
    internal readonly int[] TiebreakStart;    // length ApplicantCount + 1
    internal readonly decimal?[] TiebreakValues;
    internal readonly int[] ClassGroup;       // by class rank: group ascending, then points descending
    internal readonly decimal[] ClassPoints;
    private readonly IdIndex _programIndex;
    private readonly IdIndex _applicantIndex;

    internal AllocationProblem(
        string[] programIds, string[] schoolIds, int[] capacities, IdIndex programIndex,
        string[] applicantIds, IdIndex applicantIndex, decimal[] scores,
        int[] choiceStart, int[] slotProgram, int[] slotClass,
        int[] tiebreakStart, decimal?[] tiebreakValues,
        int[] classGroup, decimal[] classPoints, bool usesPriorities)
    {
        ProgramIds = programIds;
        SchoolIds = schoolIds;
        Capacities = capacities;
        _programIndex = programIndex;
        ApplicantIds = applicantIds;
        _applicantIndex = applicantIndex;
        Scores = scores;
        ChoiceStart = choiceStart;
        SlotProgram = slotProgram;
        SlotClass = slotClass;
        TiebreakStart = tiebreakStart;
        TiebreakValues = tiebreakValues;
        ClassGroup = classGroup;
        ClassPoints = classPoints;
        UsesPriorities = usesPriorities;
    }

    /// <summary>Number of programs.</summary>
    public int ProgramCount => ProgramIds.Length;

    /// <summary>Number of applicants.</summary>
    public int ApplicantCount => ApplicantIds.Length;

    /// <summary>Number of (applicant, chosen program) pairs.</summary>
    public int ChoiceCount => SlotProgram.Length;

    /// <summary>True when eligibility and ranking come from priority rows; false when everyone is eligible
    /// everywhere with group 0 and points 0.</summary>
    public bool UsesPriorities { get; }

    /// <summary>The id of program <paramref name="program"/>.</summary>
    public string GetProgramId(int program) => ProgramIds[program];

    /// <summary>The school that owns program <paramref name="program"/>.</summary>
    public string GetSchoolId(int program) => SchoolIds[program];

    /// <summary>The number of seats of program <paramref name="program"/>.</summary>
    public int GetCapacity(int program) => Capacities[program];

    /// <summary>The id of applicant <paramref name="applicant"/>.</summary>
    public string GetApplicantId(int applicant) => ApplicantIds[applicant];

    /// <summary>The score of applicant <paramref name="applicant"/> (0 when none was given).</summary>
    public decimal GetScore(int applicant) => Scores[applicant];

    /// <summary>The tie-break values of an applicant in comparison order; null marks a missing value.</summary>
    public ReadOnlySpan<decimal?> GetTiebreak(int applicant) =>
        TiebreakValues.AsSpan(TiebreakStart[applicant], TiebreakStart[applicant + 1] - TiebreakStart[applicant]);

    /// <summary>The programs an applicant chose, most preferred first.</summary>
    public ReadOnlySpan<int> GetChoices(int applicant) =>
        SlotProgram.AsSpan(ChoiceStart[applicant], ChoiceStart[applicant + 1] - ChoiceStart[applicant]);

    /// <summary>The index of the program with this id, or -1.</summary>
    public int FindProgram(string programId) => _programIndex.Find(programId);

    /// <summary>The index of the applicant with this id, or -1.</summary>
    public int FindApplicant(string applicantId) => _applicantIndex.Find(applicantId);

    /// <summary>
    /// The priority of an applicant at their <paramref name="choiceIndex"/>-th choice: whether they are eligible
    /// there, and their group and points.
    /// </summary>
    public (bool Eligible, int Group, decimal Points) GetPriority(int applicant, int choiceIndex)
    {
        int slot = ChoiceStart[applicant] + choiceIndex;
        if (slot >= ChoiceStart[applicant + 1] || choiceIndex < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(choiceIndex));
        }

        int cls = SlotClass[slot];
        return cls < 0 ? (false, 0, 0m) : (true, ClassGroup[cls], ClassPoints[cls]);
    }
}
