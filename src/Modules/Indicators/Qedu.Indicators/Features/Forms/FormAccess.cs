using Microsoft.EntityFrameworkCore;
using Qedu.Indicators.Data;
using Qedu.Indicators.Domain;
using Qedu.Indicators.Features.Forms.Definitions;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Indicators.Features.Forms;

/// <summary>One return as the use cases see it: the return, its round and form, the unit, and what the caller may do with it.</summary>
internal sealed record ReturnContext(FormReturn Return, FormRound Round, FormDefinition Form, OrgUnit Unit, bool CanFill, bool CanReview);

/// <summary>
/// Who may do what with collection forms. A return belongs to its reporting unit, so the scope filter shows it to the
/// unit and to every bureau above it. The unit that fills it is the unit of an indicators.report grant itself (a
/// school administrator's school, a district administrator's district), never a unit below it: a district does not
/// fill in its schools' returns. The reviewer is the level above: indicators.manage over the unit's parent bureau (the
/// district of a school, or the city above it; the city for a district), so a district cannot approve its own return.
/// A round belongs to the bureau that sent it; a unit outside that bureau's scope (a district in a city's round) sees
/// the round through its returns.
/// </summary>
internal sealed class FormAccess(IndicatorsDb db, OrgTree tree, FormCatalog catalog, ICurrentAccess access)
{
    private static readonly OrgUnitKind[] BureauKinds = [OrgUnitKind.Province, OrgUnitKind.City, OrgUnitKind.District];

    public AccessContext Caller => access.Current;

    /// <summary>The units whose returns the caller fills in.</summary>
    public IReadOnlyList<int> FillingUnits => Caller.IsSystem ? [] : Caller.RootsFor(Permissions.IndicatorsReport);

    public bool Fills(int unitId) => Caller.IsSystem || FillingUnits.Contains(unitId);

    /// <summary>The bureaus whose own returns (rounds they sent to themselves) the caller fills in: its indicators.manage units.</summary>
    public IReadOnlyList<int> OwnReturnUnits => Caller.IsSystem ? [] : Caller.RootsFor(Permissions.IndicatorsManage);

    /// <summary>True when the caller holds indicators.manage over <paramref name="unitId"/> (at it or above it).</summary>
    public async Task<bool> ManagesAsync(int unitId, CancellationToken ct = default)
    {
        if (Caller.IsSystem)
        {
            return true;
        }
        var roots = Caller.RootsFor(Permissions.IndicatorsManage);
        return roots.Count > 0 && await tree.IsUnderAsync(roots, unitId, ct);
    }

    /// <summary>The nearest bureau above the unit: a school's district (or the city, for a city-run school), a district's city.</summary>
    public async Task<OrgUnit?> ParentBureauAsync(int unitId, CancellationToken ct = default) =>
        await tree.NearestAboveAsync(unitId, BureauKinds, ct);

    public async Task<bool> ReviewsAsync(int unitId, CancellationToken ct = default) =>
        Caller.IsSystem || (await ParentBureauAsync(unitId, ct) is { } bureau && await ManagesAsync(bureau.Id, ct));

    /// <summary>
    /// A bureau's own return (a round it sent to itself, such as the city's 市本级 funds): no bureau above it takes part
    /// in the collection, so the bureau's own indicators.manage holders at the bureau itself fill it in and review it.
    /// </summary>
    private bool ManagesOwn(FormRound round, FormReturn row) =>
        round.OrgUnitId == row.OrgUnitId && !Caller.IsSystem && Caller.RootsFor(Permissions.IndicatorsManage).Contains(row.OrgUnitId);

    /// <summary>The bureaus the caller may send rounds from: those of its indicators.manage grants.</summary>
    public async Task<IReadOnlyList<OrgUnit>> SendingBureausAsync(CancellationToken ct = default)
    {
        var roots = Caller.RootsFor(Permissions.IndicatorsManage);
        return roots.Count == 0 ? [] : [.. (await tree.UnitsOfAsync(roots, ct)).Values
            .Where(u => BureauKinds.Contains(u.Kind))
            .OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal)];
    }

    /// <summary>The return when the caller may see it (its unit is in the caller's scope), with the round, form and rights.</summary>
    public async Task<ReturnContext?> LoadReturnAsync(long id, bool tracked = false, CancellationToken ct = default)
    {
        var returns = tracked ? db.FormReturns : db.FormReturns.AsNoTracking();
        var row = await returns.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null)
        {
            return null;
        }
        var round = await db.FormRounds.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().FirstAsync(r => r.Id == row.RoundId, ct);
        var form = catalog.Find(round.FormCode);
        var unit = await tree.FindPastScopeAsync(row.OrgUnitId, ct);
        if (form is null || unit is null)
        {
            return null; // a form since removed from forms.json: its returns can no longer be shown or filled
        }
        var own = ManagesOwn(round, row);
        return new ReturnContext(row, round, form, unit, own || Fills(row.OrgUnitId), own || await ReviewsAsync(row.OrgUnitId, ct));
    }

    /// <summary>The round when the caller may see it: the sender's scope, or a unit with a return in it.</summary>
    public async Task<FormRound?> LoadRoundAsync(long id, CancellationToken ct = default)
    {
        var round = await db.FormRounds.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return null;
        }
        var visible = await db.FormRounds.AnyAsync(r => r.Id == id, ct) || await db.FormReturns.AnyAsync(r => r.RoundId == id, ct);
        return visible ? round : null;
    }
}
