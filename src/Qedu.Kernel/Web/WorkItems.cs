namespace Qedu.Kernel.Web;

/// <summary>What a work item asks of its reader; the home page (工作台) names each kind in the reader's language.</summary>
public enum WorkItemKind
{
    /// <summary>A form return the reader's unit must fill in and hand in.</summary>
    FormDue,

    /// <summary>A form return sent back to the reader's unit for correction.</summary>
    FormReturned,

    /// <summary>Form returns handed in by the units below, waiting for the reader's review.</summary>
    ReviewPending,

    /// <summary>An imported plan still under review (a draft) that the reader may publish.</summary>
    PlanReview,

    /// <summary>A task or milestone of the reader's unit due soon.</summary>
    TaskDue,

    /// <summary>A task or milestone past its date (of the reader's unit, or of the plans the reader manages).</summary>
    TaskOverdue,

    /// <summary>A supervision notice (督办单) the reader's unit has not answered.</summary>
    NoticeToAnswer,

    /// <summary>A rectification (整改) the reader's unit has not reported fixed.</summary>
    Rectification,

    /// <summary>A rectification the reader's unit raised, reported fixed, waiting for its verification.</summary>
    RectificationToVerify,

    /// <summary>A verified rectification whose 回头看 re-check date has come.</summary>
    RectificationRecheck,

    /// <summary>A serious finding (a major hazard) escalated to the reader's city, not yet put right.</summary>
    SeriousFinding,

    /// <summary>A registry import the reader ran recently.</summary>
    Import,
}

/// <summary>
/// One line of the home page's work list: what kind of work, about what (a form, a task, a plan: its own title, in
/// the reader's language where it has one), by when, where to do it (one click), and how many items it stands for
/// (1 for a single return or task, more for "12 returns waiting in this round").
/// </summary>
public sealed record WorkItem(WorkItemKind Kind, string Title, DateOnly? Due, string Url, int Count = 1)
{
    /// <summary>Past its date: shown first and marked.</summary>
    public bool Overdue { get; init; }
}

/// <summary>
/// A module's part of the home page: the work waiting for the current user, read within the user's scope. Each
/// module registers one (<c>services.AddScoped&lt;IWorkItems, …&gt;()</c>); the home page asks each once per visit and
/// sees nothing of the module behind it. An implementation keeps to a few queries and returns at most
/// <see cref="Limit"/> lines, the most urgent first.
/// </summary>
public interface IWorkItems
{
    /// <summary>The most lines a module shows on the home page; the rest are one click away on its own pages.</summary>
    public const int Limit = 8;

    Task<IReadOnlyList<WorkItem>> ForCurrentUserAsync(CancellationToken ct = default);
}
