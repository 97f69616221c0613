using Qedu.Kernel.Access;

namespace Qedu.Indicators.Domain;

/// <summary>
/// One indicator's value for one org unit and period, as last computed. The numerator and denominator are kept so a
/// value can be explained (and summed again); a ratio whose denominator is zero has no row. Replaced, period by period,
/// when the period is recomputed; other periods stay, so trends have a history.
/// </summary>
internal sealed class Snapshot : IOrgScoped
{
    public long Id { get; set; }

    /// <summary>A year ("2026") or a month ("2026-11").</summary>
    public required string Period { get; set; }
    public required string IndicatorCode { get; set; }
    public int OrgUnitId { get; set; }
    public decimal Value { get; set; }
    public decimal Numerator { get; set; }
    public decimal? Denominator { get; set; }

    /// <summary>
    /// For an indicator fed by a collection form: the units the form was sent to for the period (below and at this
    /// unit), and of them the units whose return was approved. Null for registry indicators. Answered ÷ asked is the
    /// response rate shown beside the figure.
    /// </summary>
    public int? Asked { get; set; }
    public int? Answered { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}
