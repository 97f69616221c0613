using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Indicators.Data;
using Qedu.Indicators.Computation;
using Qedu.Indicators.Domain;
using Qedu.Indicators.Features.Forms.Definitions;

namespace Qedu.Indicators.Features.Forms;

/// <summary>An approved return's figures: the reporting unit, the form, and each numeric answer by field code.</summary>
internal sealed record ApprovedReturn(int OrgUnitId, string FormCode, IReadOnlyDictionary<string, decimal> Numbers);

/// <summary>A unit a form was sent to for the period, whatever became of its return (draft, waiting, sent back, approved).</summary>
internal sealed record AskedUnit(int OrgUnitId, string FormCode);

/// <summary>
/// The collection forms' facts for a period: for every approved return of the period, "form.&lt;form&gt;.&lt;field&gt;"
/// for each integer, number and yes-no answer (yes = 1) and "form.&lt;form&gt;.returns" = 1, on the reporting unit. The
/// computation then sums them up the tree. Every unit the form was sent to in the period also gets
/// "form.&lt;form&gt;.asked" = 1, so a district's compliance rate is its compliant schools over the schools asked (a silent
/// school counts as not compliant) and the response rate is returns over asked. Returns not yet approved count only as
/// asked: a figure the bureau above has not accepted is not a statistic. Like the registry's facts, they are read past
/// the caller's scope.
/// </summary>
internal sealed class FormFacts(IndicatorsDb db, FormCatalog catalog) : IFactSource
{
    public async Task AddFactsAsync(FactContext context, CancellationToken ct)
    {
        var approved = db.FormReturns.IgnoreQueryFilters([ScopeFilter.Name])
            .Where(r => r.Period == context.Period && r.State == ReturnState.Approved);
        var asked = await db.FormReturns.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(r => r.Period == context.Period)
            .Select(r => new AskedUnit(r.OrgUnitId, r.FormCode))
            .ToListAsync(ct);
        var returns = await approved.AsNoTracking().Select(r => new { r.Id, r.OrgUnitId, r.FormCode }).ToListAsync(ct);
        var numbers = (await db.FormValues.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
                .Where(v => v.Number != null && approved.Any(r => r.Id == v.ReturnId))
                .Select(v => new { v.ReturnId, v.FieldCode, v.Number })
                .ToListAsync(ct))
            .ToLookup(v => v.ReturnId);
        var units = context.Units.Keys.ToHashSet();
        AddAsked(context.Facts, units, catalog, asked);
        Add(context.Facts, units, catalog, returns.Select(r => new ApprovedReturn(r.OrgUnitId, r.FormCode,
            numbers[r.Id].ToDictionary(v => v.FieldCode, v => v.Number!.Value, StringComparer.Ordinal))));
    }

    /// <summary>Counts the units each form was sent to ("form.&lt;form&gt;.asked"), for the units the computation knows.</summary>
    public static void AddAsked(FactTable facts, IReadOnlySet<int> units, FormCatalog catalog, IEnumerable<AskedUnit> asked)
    {
        foreach (var a in asked)
        {
            if (catalog.Find(a.FormCode) is { } form && units.Contains(a.OrgUnitId))
            {
                facts.Add(a.OrgUnitId, form.AskedFact, 1);
            }
        }
    }

    /// <summary>
    /// Adds the returns' facts for the units the computation knows. Only fields the form still defines as figures count,
    /// so a field dropped from forms.json stops feeding indicators without touching old returns.
    /// </summary>
    public static void Add(FactTable facts, IReadOnlySet<int> units, FormCatalog catalog, IEnumerable<ApprovedReturn> returns)
    {
        foreach (var r in returns)
        {
            if (catalog.Find(r.FormCode) is not { } form || !units.Contains(r.OrgUnitId))
            {
                continue;
            }
            facts.Add(r.OrgUnitId, form.ReturnsFact, 1);
            foreach (var field in form.Fields.Where(f => f.IsFact))
            {
                if (r.Numbers.TryGetValue(field.Code, out var value))
                {
                    facts.Add(r.OrgUnitId, form.Fact(field), value);
                }
            }
        }
    }
}
