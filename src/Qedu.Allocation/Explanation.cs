namespace Qedu.Allocation;

/// <summary>What happened at one of an applicant's choices.</summary>
public enum ChoiceOutcome
{
    /// <summary>The applicant was admitted here.</summary>
    Admitted,

    /// <summary>No priority row for this program: the choice was skipped.</summary>
    Ineligible,

    /// <summary>The program has no seats at all.</summary>
    NoSeats,

    /// <summary>The program filled with applicants who rank before this applicant there (for serial
    /// dictatorship: who came earlier in the serial order).</summary>
    Outranked,

    /// <summary>Immediate acceptance only: the program's seats were gone in an earlier round than the one in which
    /// the applicant applied, whatever their rank.</summary>
    FilledInEarlierRound,
}

/// <summary>
/// The values an applicant was ranked by at one program, in the order the ranking rule compares them: group
/// ascending, points descending, score descending, tie-break values descending (null = missing, below any value),
/// lottery ascending, applicant id ascending (ordinal).
/// </summary>
/// <param name="ApplicantId">The applicant.</param>
/// <param name="Group">Priority group at the program (0 without priorities; 0 for serial dictatorship, whose
/// order ignores priorities).</param>
/// <param name="Points">Points at the program (0 without priorities or for serial dictatorship).</param>
/// <param name="Score">The applicant's score.</param>
/// <param name="Tiebreak">The applicant's tie-break values.</param>
/// <param name="Lottery">The lottery number used at this program (the single one unless tie-breaking is multiple).</param>
public sealed record RankKey(string ApplicantId, int Group, decimal Points, decimal Score, IReadOnlyList<decimal?> Tiebreak, ulong Lottery);

/// <summary>One choice of an applicant and why it did or did not admit them.</summary>
/// <param name="ChoiceIndex">Position in the applicant's choices, 0 = first choice.</param>
/// <param name="ProgramId">The program chosen.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Round">Immediate acceptance: the round (0-based) in which the applicant applied here; null for
/// other mechanisms and for ineligible choices.</param>
/// <param name="Own">The applicant's own key at this program; null when ineligible.</param>
/// <param name="LastAdmitted">The key of the lowest-ranked applicant admitted to this program (the cut-off);
/// null when nobody was admitted.</param>
public sealed record ChoiceExplanation(int ChoiceIndex, string ProgramId, ChoiceOutcome Outcome, int? Round, RankKey? Own, RankKey? LastAdmitted);

/// <summary>Why an applicant got what they got: each choice, most preferred first, up to and including the one
/// that admitted them (all of them when unplaced).</summary>
/// <param name="ApplicantId">The applicant.</param>
/// <param name="ProgramId">The program they were placed in, or null.</param>
/// <param name="ChoiceIndex">The position of that program in their choices, or null.</param>
/// <param name="Choices">The choices considered.</param>
public sealed record Explanation(string ApplicantId, string? ProgramId, int? ChoiceIndex, IReadOnlyList<ChoiceExplanation> Choices);
