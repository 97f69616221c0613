using Qedu.Plans.Domain;

namespace Qedu.Plans.Features.Export;

/// <summary>
/// Everything an export of a plan shows, read once (<see cref="PlanExportQuery"/>) and shared by the task list (.xlsx)
/// and the supervision report (.pdf), so both show the same statuses and current values.
/// </summary>
internal sealed record ExportPlan(
    long Id, string Title, string Issuer, string? DocumentNumber, string? IssuedOn, string State, string OwnerName,
    DateOnly Today, DateTimeOffset GeneratedAt, IReadOnlyList<ExportSection> Sections)
{
    /// <summary>Every task in document order.</summary>
    public IEnumerable<ExportTask> AllTasks() => Sections.SelectMany(s => s.AllTasks()).OrderBy(t => t.SortOrder);
}

/// <summary>A heading of the plan with its own tasks and its subsections; <see cref="Label"/> is as printed ("一、…").</summary>
internal sealed record ExportSection(string Label, int Depth, IReadOnlyList<ExportTask> Tasks, IReadOnlyList<ExportSection> Sections)
{
    public IEnumerable<ExportTask> AllTasks() => Tasks.Concat(Sections.SelectMany(s => s.AllTasks()));
}

internal sealed record ExportTask(
    long Id, int SortOrder, string Number, string Title, string Section, IReadOnlyList<string> LeadUnits, IReadOnlyList<string> ParticipatingUnits,
    string? DeadlineText, DateOnly? DueOn, SupervisionStatus Status, IReadOnlyList<string> Policies, IReadOnlyList<string> Measures,
    IReadOnlyList<string> ExpectedEffects, IReadOnlyList<ExportMilestone> Milestones, IReadOnlyList<ExportTarget> Targets, ExportReport? LatestReport);

internal sealed record ExportMilestone(int Year, string Text, DateOnly DueOn, SupervisionStatus Status);

/// <summary>A target and the figure of the latest report that gave one (null: none yet).</summary>
internal sealed record ExportTarget(
    string Text, string Comparator, decimal Value, string Unit, int? Year, decimal? Current, DateTimeOffset? CurrentAt, bool? Met);

internal sealed record ExportReport(DateTimeOffset At, string Unit, string Text, bool ClaimsDone);
