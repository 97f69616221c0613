using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Indicators.Data;
using Qedu.Indicators.Definitions;
using Qedu.Indicators.Domain;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Indicators.Computation;

/// <summary>
/// One computed value, before it is stored; for a form's indicator also the units asked and those that answered (whose
/// approved return counts), the response rate shown beside the figure.
/// </summary>
internal sealed record ComputedValue(
    int OrgUnitId, string OrgCode, string IndicatorCode, decimal Value, decimal Numerator, decimal? Denominator, int? Asked = null, int? Answered = null);

/// <summary>What a recomputation did.</summary>
internal sealed record ComputeResult(string Period, IReadOnlyList<ComputedValue> Values, int Units, long ElapsedMs);

/// <summary>
/// Recomputes every indicator of the catalogue for every org unit of its levels in one period: gathers the facts of
/// every source, sums them up the org tree, applies each indicator's formula and replaces the period's snapshots.
/// Reads past the caller's scope (the figures are the bureau's statistics, not people); reading the snapshots is
/// scope-filtered.
/// </summary>
internal sealed partial class IndicatorComputation(
    OrgTree tree,
    IndicatorCatalog catalog,
    IEnumerable<IFactSource> sources,
    CodeBook codes,
    ICurrentAccess access,
    IServiceScopeFactory scopes,
    TimeProvider clock)
{
    private static readonly HashSet<OrgUnitKind> BureauKinds = [OrgUnitKind.City, OrgUnitKind.District, OrgUnitKind.Province];

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2]))?$")]
    private static partial Regex PeriodPattern();

    /// <summary>A year ("2026") or a month ("2026-11").</summary>
    public static bool IsPeriod(string? period) => period is not null && PeriodPattern().IsMatch(period);

    /// <summary>The current period: this calendar year in China Standard Time.</summary>
    public static string CurrentPeriod(TimeProvider clock) => clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Recomputes the period. With <paramref name="only"/>, just those indicators' values are computed and replaced (an
    /// approved form return refreshes its form's indicators without touching the rest).
    /// </summary>
    public async Task<ComputeResult> ComputeAsync(string period, bool store, CancellationToken ct, IReadOnlySet<string>? only = null)
    {
        if (!IsPeriod(period))
        {
            throw new ArgumentException($"Not a period: {period}", nameof(period));
        }
        var started = clock.GetTimestamp();
        var startedAt = clock.GetUtcNow();
        var by = access.Current.ActorName ?? "system";

        var units = (await tree.OfKindPastScopeAsync([OrgUnitKind.School, OrgUnitKind.District, OrgUnitKind.City, OrgUnitKind.Province], ct))
            .ToDictionary(u => u.Id);
        var ancestors = (await tree.AncestryAsync(ct))
            .Where(c => units.ContainsKey(c.DescendantId) && units.TryGetValue(c.AncestorId, out var a) && BureauKinds.Contains(a.Kind))
            .GroupBy(c => c.DescendantId)
            .ToDictionary(g => g.Key, g => g.Select(c => c.AncestorId).ToArray());

        var facts = new FactTable();
        var context = new FactContext(period, units, codes, facts);
        foreach (var source in sources)
        {
            await source.AddFactsAsync(context, ct);
        }
        facts.RollUp(ancestors);

        var values = new List<ComputedValue>();
        foreach (var unit in units.Values.OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            var stages = unit.Kind == OrgUnitKind.School ? context.StagesOf(unit) : null;
            foreach (var indicator in catalog.Indicators)
            {
                if (only is not null && !only.Contains(indicator.Code))
                {
                    continue;
                }
                if (!indicator.Levels.Contains(unit.Kind) || (stages is not null && indicator.Stages.Count > 0 && !indicator.Stages.Intersect(stages).Any()))
                {
                    continue;
                }
                if (Evaluate(indicator, facts, unit.Id) is { } v)
                {
                    var response = Response(indicator, facts, unit.Id);
                    values.Add(new ComputedValue(unit.Id, unit.Code, indicator.Code, v.Value, v.Numerator, v.Denominator, response?.Asked, response?.Answered));
                }
            }
        }

        if (store)
        {
            // The snapshots are the bureau's figures for every unit, written as the system whoever asked (a district
            // manager's request refreshes the city's figures too; the caller is recorded on the run).
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System($"indicators:{by}"));
            await scope.ServiceProvider.GetRequiredService<SnapshotWriter>().ReplaceAsync(period, values, startedAt, ct, only);
            var db = scope.ServiceProvider.GetRequiredService<IndicatorsDb>();
            db.Runs.Add(new ComputeRun
            {
                Period = period,
                StartedAt = startedAt,
                ElapsedMs = (int)clock.GetElapsedTime(started).TotalMilliseconds,
                Values = values.Count,
                Units = units.Count,
                By = by,
            });
            await db.SaveChangesAsync(ct);
        }
        return new ComputeResult(period, values, units.Count, (long)clock.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// For an indicator fed by a form: how many units below and at <paramref name="unit"/> the form was sent to in the
    /// period, and how many of them answered (an approved return); null for a registry indicator or a unit never asked.
    /// </summary>
    internal static (int Asked, int Answered)? Response(IndicatorDefinition indicator, FactTable facts, int unit)
    {
        if (indicator.AskedFact is not { } askedFact || facts.Get(unit, askedFact) is not { } asked)
        {
            return null;
        }
        return ((int)asked, (int)(facts.Get(unit, indicator.AnsweredFact!) ?? 0));
    }

    /// <summary>
    /// An indicator's value from the unit's facts, or null when there is none: a ratio over nothing, a form's figure
    /// nobody has returned. A registry count with no fact is a true zero (no very large classes). A form's rate divides
    /// by the units asked ("form.&lt;form&gt;.asked"), so a unit that has not answered counts as not meeting it. A ratio
    /// whose denominator is a form's figure (the resident children a district reports) has a value only where every unit
    /// asked has answered: the registry's numerator covers every unit, and a denominator from some of them would flatter.
    /// </summary>
    internal static (decimal Value, decimal Numerator, decimal? Denominator)? Evaluate(IndicatorDefinition indicator, FactTable facts, int unit)
    {
        var numerator = facts.Get(unit, indicator.Numerator);
        var fromForm = indicator.FormCode is not null;
        if (indicator.Formula == Formula.Ratio && DividesByAFormFigure(indicator)
            && (Response(indicator, facts, unit) is not { } response || response.Answered < response.Asked))
        {
            return null;
        }
        switch (indicator.Formula)
        {
            case Formula.Count:
                if (numerator is null && fromForm)
                {
                    return null;
                }
                var count = Math.Round(numerator ?? 0, indicator.Decimals, MidpointRounding.AwayFromZero);
                return (count, numerator ?? 0, null);
            case Formula.Ratio:
                var denominator = facts.Get(unit, indicator.Denominator!);
                if (denominator is null or 0)
                {
                    return null;
                }
                var n = numerator ?? 0;
                return (Math.Round(n / denominator.Value * indicator.Scale, indicator.Decimals, MidpointRounding.AwayFromZero), n, denominator);
            case Formula.Difference:
                var subtrahend = facts.Get(unit, indicator.Denominator!);
                if (numerator is null && subtrahend is null)
                {
                    return null;
                }
                var difference = (numerator ?? 0) - (subtrahend ?? 0);
                return (Math.Round(difference, indicator.Decimals, MidpointRounding.AwayFromZero), numerator ?? 0, subtrahend ?? 0);
            default:
                throw new InvalidOperationException($"Unknown formula {indicator.Formula}");
        }
    }

    /// <summary>The denominator is a figure the units report on a form, not the count of units asked.</summary>
    private static bool DividesByAFormFigure(IndicatorDefinition indicator) =>
        indicator.FormCode is not null && indicator.Denominator is { } d && d.StartsWith("form.", StringComparison.Ordinal) && d != indicator.AskedFact;
}
