using Qedu.Indicators.Contracts;
using Qedu.Indicators.Definitions;
using Qedu.Indicators.Domain;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Contracts;

namespace Qedu.Indicators.Features.Dashboard;

internal sealed record DashboardUnit(int Id, string Code, string Name, string? NameEn, OrgUnitKind Kind)
{
    public static DashboardUnit Of(OrgUnit u) => new(u.Id, u.Code, u.Name, u.NameEn, u.Kind);

    public string DisplayName(bool english) => english && !string.IsNullOrEmpty(NameEn) ? NameEn : Name;
}

/// <summary>One indicator of the unit: this period's value, the previous period's, and the target it is measured against.</summary>
internal sealed record IndicatorRow(
    IndicatorDefinition Indicator,
    decimal Value,
    decimal Numerator,
    decimal? Denominator,
    decimal? Previous,
    string? PreviousPeriod,
    BoundTarget? Target,
    TargetStatus? Status,
    ResponseRate? Response = null)
{
    /// <summary>+1 better than the previous period, −1 worse, 0 same or no direction.</summary>
    public int Trend => Previous is not { } p || Value == p || Indicator.Direction == Direction.None
        ? 0
        : (Value > p) == (Indicator.Direction == Direction.Higher) ? 1 : -1;
}

/// <summary>A child unit's value for the selected indicator (null when it has none: a ratio over nothing).</summary>
internal sealed record ChildValue(DashboardUnit Unit, decimal? Value, decimal? Numerator, decimal? Denominator, ResponseRate? Response = null);

internal sealed record TrendPoint(string Period, decimal Value);

internal sealed record BandValue(SizeBand Band, decimal Classes);

/// <summary>Everything a dashboard page shows for one unit and period.</summary>
internal sealed record DashboardView(
    DashboardUnit Unit,
    IReadOnlyList<DashboardUnit> Path,
    string? Period,
    IReadOnlyList<string> Periods,
    DateTimeOffset? ComputedAt,
    IReadOnlyList<IndicatorRow> Rows,
    IReadOnlyList<BandValue> Bands,
    IndicatorDefinition? Selected,
    IReadOnlyList<ChildValue> Children,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<ClassSizeRow>? Classes)
{
    public IndicatorRow? SelectedRow => Rows.FirstOrDefault(r => r.Indicator == Selected);
}
