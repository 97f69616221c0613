using Qedu.Indicators.Domain;
using Qedu.Indicators.Features.Forms.Definitions;

namespace Qedu.Indicators.Features.Forms;

/// <summary>Deadlines are calendar days in China: a return handed in on the deadline day, Beijing time, is on time.</summary>
internal static class FormDates
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(China).DateTime);

    /// <summary>The time in China, for display.</summary>
    public static string Show(DateTimeOffset? at) => at?.ToOffset(China).ToString("yyyy-MM-dd HH:mm") ?? "—";

    /// <summary>Handed in (first) after the deadline day.</summary>
    public static bool IsLate(DateTimeOffset? firstSubmittedAt, DateOnly deadline) => firstSubmittedAt is { } at && DateOf(at) > deadline;

    /// <summary>Never handed in, and the deadline day is over.</summary>
    public static bool IsOverdue(DateTimeOffset? firstSubmittedAt, DateOnly deadline, DateOnly today) => firstSubmittedAt is null && today > deadline;
}

/// <summary>
/// Where a round stands among the returns the caller sees: handed in (at least once: submitted, approved or sent back),
/// approved, waiting for review, sent back, handed in late, never handed in (missing), and of those, past the deadline.
/// </summary>
internal sealed record RoundCounts(int Units, int HandedIn, int Approved, int Waiting, int Returned, int Late, int Missing, int Overdue);

/// <summary>A round in the lists, with the counts over the returns in the caller's scope.</summary>
internal sealed record RoundLine(
    long Id, FormDefinition Form, string Period, DateOnly Deadline, string OwnerCode, string OwnerName, DateTimeOffset SentAt, string SentBy,
    RoundCounts Counts, bool Past);

/// <summary>One unit's return as the lists show it.</summary>
public sealed record ReturnLine(
    long Id, long RoundId, int UnitId, string UnitCode, string UnitName, ReturnState State,
    DateTimeOffset? FirstSubmittedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? ReviewedAt, bool Late, bool Overdue);

/// <summary>A round and every return in it that the caller sees (all of them for the sender; its own units' for a unit below).</summary>
internal sealed record RoundDetail(RoundLine Round, IReadOnlyList<ReturnLine> Returns);

/// <summary>An answer with its question.</summary>
internal sealed record FieldAnswer(FormField Field, decimal? Number, string? Text)
{
    public bool Given => Number is not null || Text is not null;
}

/// <summary>One return in full, with what the caller may do with it.</summary>
internal sealed record ReturnDetail(
    ReturnLine Line, RoundLine Round, IReadOnlyList<FieldAnswer> Answers, DateTimeOffset? SavedAt, string? SavedBy, string? SubmittedBy,
    string? ReviewedBy, string? ReviewComment, bool CanFill, bool CanReview)
{
    public FormDefinition Form => Round.Form;

    /// <summary>The unit may change it now: not handed in, or sent back.</summary>
    public bool Editable => CanFill && Line.State is ReturnState.Draft or ReturnState.Returned;

    public bool Reviewable => CanReview && Line.State == ReturnState.Submitted;
}

/// <summary>A return the caller's unit must fill in, with its round.</summary>
internal sealed record MyReturn(ReturnLine Line, FormDefinition Form, string Period, DateOnly Deadline, string OwnerName);

/// <summary>The forms page: what the caller's units must fill in, and the rounds it sees.</summary>
internal sealed record FormsOverview(IReadOnlyList<MyReturn> ToFill, IReadOnlyList<RoundLine> Rounds);

