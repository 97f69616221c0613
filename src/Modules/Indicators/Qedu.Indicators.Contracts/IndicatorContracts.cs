namespace Qedu.Indicators.Contracts;

/// <summary>An indicator as other modules see it: its code, names and unit, and which way is better.</summary>
public sealed record IndicatorInfo(string Code, string NameZh, string NameEn, string UnitZh, string UnitEn, string Direction, string? FormCode)
{
    public string Name(bool english) => english ? NameEn : NameZh;
    public string Unit(bool english) => english ? UnitEn : UnitZh;
}

/// <summary>
/// An indicator's latest computed value for a unit within a year: the value and the period it was computed for; for a
/// figure collected with a form, the units asked and those that answered (the response rate shown beside the figure).
/// </summary>
public sealed record IndicatorValue(string Code, int OrgUnitId, string Period, decimal Value, DateTimeOffset ComputedAt, int? Answered = null, int? Asked = null)
{
    /// <summary>Answered ÷ asked × 100 (one decimal), or null for a registry figure.</summary>
    public decimal? ResponsePercent => Asked switch
    {
        null => null,
        0 => 0,
        { } asked => Math.Round((Answered ?? 0) * 100m / asked, 1, MidpointRounding.AwayFromZero),
    };
}

/// <summary>The catalogue and the computed values, for modules that show them beside their own data (a plan task's target).</summary>
public interface IIndicatorValues
{
    IReadOnlyList<IndicatorInfo> Catalogue { get; }

    IndicatorInfo? Find(string code);

    /// <summary>The indicator a plan target's text names by one of its keywords, if any (a suggestion the reviewer may change).</summary>
    IndicatorInfo? Match(string targetText);

    /// <summary>
    /// The latest value of each (indicator, unit) asked for, from the latest period that falls in the year (or any year
    /// when null); missing when never computed or out of the caller's scope.
    /// </summary>
    Task<IReadOnlyList<IndicatorValue>> LatestAsync(IReadOnlyCollection<(string Code, int OrgUnitId)> keys, int? year, CancellationToken ct = default);
}

/// <summary>
/// A plan target bound to an indicator: the goal (≥ 80 % by 2025) for an org unit, and the plan task it belongs to.
/// Supplied by the plans module; the dashboards show it beside the computed value.
/// </summary>
public sealed record BoundTarget(
    long TargetId,
    string IndicatorCode,
    int OrgUnitId,
    int? Year,
    string Comparator,
    decimal Value,
    long PlanId,
    string PlanTitle,
    long TaskId,
    string TaskNumber,
    string TaskTitle);

/// <summary>Plan targets bound to indicators, as far as the caller may see the plans.</summary>
public interface IIndicatorTargets
{
    /// <summary>The bound targets measuring these units, or every bound target the caller may see when null.</summary>
    Task<IReadOnlyList<BoundTarget>> BoundAsync(IReadOnlyCollection<int>? orgUnitIds, CancellationToken ct = default);

    /// <summary>The published plans the caller may see, with their tasks counted by supervision status.</summary>
    Task<IReadOnlyList<PlanProgress>> ProgressAsync(CancellationToken ct = default);
}

/// <summary>A published plan's progress: its tasks by status (done, on track, not started, at risk, overdue).</summary>
public sealed record PlanProgress(long PlanId, string Title, string OwnerName, int Tasks, int Done, int OnTrack, int NotStarted, int AtRisk, int Overdue);
