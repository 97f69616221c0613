using Qedu.Rectifications.Contracts;

namespace Qedu.Rectifications.Items;

/// <summary>What the list shows: a state ("open" — the default, everything not closed —, "overdue", "fixed", "recheck", "closed", "serious", "all"), a source kind, a unit's code (its subtree).</summary>
internal sealed record RectificationFilter(string? State = null, string? Kind = null, string? Unit = null);

/// <summary>A page of rectifications with the counts of the whole filtered set and the units that still have work.</summary>
internal sealed record RectificationList(
    IReadOnlyList<RectificationSummary> Items, IReadOnlyList<UnitLine> Units, int Open, int Overdue, int Fixed, int RecheckDue, int Serious);

/// <summary>A responsible unit's line on the overdue board.</summary>
internal sealed record UnitLine(int UnitId, string Unit, int Open, int Overdue, int Fixed, int Closed, int Serious);

internal sealed record RectificationDetail(
    RectificationSummary Item, string RaisedByUnit, string SourceTitle, string SourceUrl, string? EscalatedTo, DateTimeOffset? EscalatedAt, int Returns,
    IReadOnlyList<StepView> Steps, bool CanFix, bool CanVerify, bool CanRecheck);

internal sealed record StepView(string Kind, string? Text, DateOnly? DueOn, DateTimeOffset At, string By, IReadOnlyList<FileView> Files);

internal sealed record FileView(long Id, string FileName, string MediaType, long Length);

/// <summary>The raiser's decision on a fix (accept, or send back with a reason and perhaps a new date), or on a 回头看 (held, or not).</summary>
internal sealed record Decision(bool Accept, string? Text, DateOnly? DueOn);
