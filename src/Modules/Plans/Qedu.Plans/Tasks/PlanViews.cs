using Qedu.Plans.Domain;

namespace Qedu.Plans.Tasks;

/// <summary>A plan in a list: header, state and how its tasks stand.</summary>
internal sealed record PlanSummary(
    long Id, string Title, string? DocumentNumber, string? IssuedOn, string State, string OwnerCode, string OwnerName,
    int Tasks, IReadOnlyDictionary<SupervisionStatus, int> ByStatus);

public sealed record UnitView(string Name, string PrintedName, string Role, int? UnitId, string? UnitCode, bool Matched, bool IsGroup);

/// <summary>A task as lists and trees show it.</summary>
public sealed record TaskSummary(
    long Id, long PlanId, string Number, string Title, string? DeadlineText, DateOnly? DueOn, SupervisionStatus Status,
    IReadOnlyList<UnitView> Units, DateTimeOffset? LastReportAt)
{
    public IEnumerable<UnitView> Lead => Units.Where(u => u.Role == nameof(UnitRole.Lead));
    public IEnumerable<UnitView> Participating => Units.Where(u => u.Role == nameof(UnitRole.Participating));
}

public sealed record SectionView(long Id, string Number, string Title, IReadOnlyList<SectionView> Sections, IReadOnlyList<TaskSummary> Tasks)
{
    public IEnumerable<TaskSummary> AllTasks() => Tasks.Concat(Sections.SelectMany(s => s.AllTasks()));
}

/// <summary>A plan with its tree, the names no one has mapped yet, and whether the caller manages it.</summary>
internal sealed record PlanView(
    long Id, string Title, string Issuer, string? DocumentNumber, string? IssuedOn, string State, int OwnerId, string OwnerCode,
    string OwnerName, string? SourceFileName, DateTimeOffset ImportedAt, string? ImportedBy, DateTimeOffset? PublishedAt,
    long Revision, IReadOnlyList<SectionView> Sections, IReadOnlyList<string> UnmatchedUnits, bool CanManage)
{
    public IEnumerable<TaskSummary> AllTasks() => Sections.SelectMany(s => s.AllTasks());
}

public sealed record MilestoneView(long Id, int Year, string Text, DateOnly DueOn, SupervisionStatus Status, DateTimeOffset? AcceptedAt, string? AcceptedBy);

public sealed record TargetView(
    long Id, string Text, decimal Value, string Unit, string Comparator, int? Year, string? IndicatorCode,
    decimal? Current, DateTimeOffset? CurrentAt, bool? Met, TargetIndicator? Indicator = null);

/// <summary>
/// The indicator bound to a target and its latest computed value for the unit that counts: the live figure beside the
/// one the departments report.
/// </summary>
public sealed record TargetIndicator(string Code, string NameZh, string NameEn, string UnitZh, string UnitEn, string OrgCode, string OrgName, decimal? Value, string? Period, bool? Met,
    int? Answered = null, int? Asked = null, decimal? ResponsePercent = null)
{
    public string Name(bool english) => english ? NameEn : NameZh;
    public string Unit(bool english) => english ? UnitEn : UnitZh;
}

public sealed record FigureView(long TargetId, string TargetText, decimal Value, string Unit);

public sealed record EvidenceView(long Id, string FileName, string ContentType, long Length);

public sealed record ReportView(
    long Id, long? MilestoneId, int ReportingUnitId, string ReportingUnit, bool IsLead, string Text, bool ClaimsDone,
    DateTimeOffset ReportedAt, string ReportedBy, IReadOnlyList<FigureView> Figures, IReadOnlyList<EvidenceView> Evidence);

public sealed record NoticeView(
    long Id, int ToUnitId, string ToUnit, string Text, DateOnly ReplyBy, DateTimeOffset SentAt, string SentBy,
    string? ReplyText, DateTimeOffset? RepliedAt, string? RepliedBy, bool Late);

/// <summary>A task's rectification, kept by the shared rectification module (State: Open, Fixed, Verified, Closed; fixed and verified at /rectifications/{Id}).</summary>
public sealed record RectificationView(
    long Id, long? NoticeId, int UnitId, string Unit, string Problem, DateOnly DueOn, DateTimeOffset RaisedAt, string RaisedBy,
    string? FixReport, DateTimeOffset? FixedAt, DateTimeOffset? ClosedAt, string? ClosedBy, bool Overdue, string State);

/// <summary>Everything about one task, for its page and the API.</summary>
public sealed record TaskDetail(
    TaskSummary Summary, string PlanTitle, string PlanState, string? SectionTitle, string Text, string Policies, string Measures,
    string ExpectedEffects, DateTimeOffset? AcceptedAt, string? AcceptedBy, long Revision,
    IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<TargetView> Targets, IReadOnlyList<ReportView> Reports,
    IReadOnlyList<NoticeView> Notices, IReadOnlyList<RectificationView> Rectifications,
    bool CanManage, bool CanReport, int PlanOwnerId = 0);
