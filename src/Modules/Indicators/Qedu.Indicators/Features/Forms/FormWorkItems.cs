using Microsoft.EntityFrameworkCore;
using Qedu.Indicators.Data;
using Qedu.Indicators.Domain;
using Qedu.Indicators.Features.Forms.Definitions;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;

namespace Qedu.Indicators.Features.Forms;

/// <summary>
/// The collection forms' part of the home page: the returns the caller's own unit must fill in (sent, saved as a draft,
/// or sent back for correction), and per round the returns handed in by the units the caller reviews (the level below
/// its own indicators.manage bureau: the units whose nearest bureau it is) that wait for review. Returns are
/// read through the scope filter; rounds by id through <see cref="FormAccess.LoadRoundAsync"/>.
/// </summary>
internal sealed class FormWorkItems(IndicatorsDb db, OrgTree tree, FormAccess access, FormCatalog catalog, TimeProvider clock) : IWorkItems
{
    public async Task<IReadOnlyList<WorkItem>> ForCurrentUserAsync(CancellationToken ct = default)
    {
        var caller = access.Caller;
        if (caller.IsSystem || !caller.IsAuthenticated)
        {
            return [];
        }
        var today = FormDates.Today(clock);
        var items = new List<WorkItem>();
        var rounds = new Dictionary<long, FormRound?>();
        async Task<FormRound?> RoundAsync(long id)
        {
            if (!rounds.TryGetValue(id, out var round))
            {
                rounds[id] = round = await access.LoadRoundAsync(id, ct);
            }
            return round;
        }

        var filling = access.FillingUnits;
        if (filling.Count > 0)
        {
            var open = await db.FormReturns.AsNoTracking()
                .Where(r => filling.Contains(r.OrgUnitId) && (r.State == ReturnState.Draft || r.State == ReturnState.Returned))
                .Select(r => new { r.Id, r.RoundId, r.State, r.FirstSubmittedAt }).ToListAsync(ct);
            foreach (var r in open)
            {
                if (await RoundAsync(r.RoundId) is { } round && catalog.Find(round.FormCode) is { } form)
                {
                    var kind = r.State == ReturnState.Returned ? WorkItemKind.FormReturned : WorkItemKind.FormDue;
                    items.Add(new WorkItem(kind, Title(form, round), round.Deadline, $"/indicators/forms/returns/{r.Id}")
                        { Overdue = FormDates.IsOverdue(r.FirstSubmittedAt, round.Deadline, today) });
                }
            }
        }

        if (caller.Has(Permissions.IndicatorsManage))
        {
            // Handed in and waiting: the caller's own units' returns are reviewed by the level above, not by the caller.
            var waiting = await db.FormReturns.AsNoTracking()
                .Where(r => r.State == ReturnState.Submitted && !filling.Contains(r.OrgUnitId))
                .Select(r => new { r.RoundId, r.OrgUnitId }).ToListAsync(ct);
            // The caller's work is the returns of the units right below its own bureau (a district's schools, a city's
            // districts and city-run schools); a city may also review a school, but that is its district's work first.
            // Units under one parent share their reviewer: ask once per parent, not once per unit.
            var managed = caller.RootsFor(Permissions.IndicatorsManage);
            var units = await tree.UnitsOfAsync(waiting.Select(w => w.OrgUnitId), ct);
            var reviewedByParent = new Dictionary<int, bool>();
            var mine = new List<long>();
            foreach (var w in waiting)
            {
                var parent = units.TryGetValue(w.OrgUnitId, out var unit) ? unit.ParentId ?? 0 : 0;
                if (!reviewedByParent.TryGetValue(parent, out var reviews))
                {
                    reviewedByParent[parent] = reviews = await access.ParentBureauAsync(w.OrgUnitId, ct) is { } bureau && managed.Contains(bureau.Id);
                }
                if (reviews)
                {
                    mine.Add(w.RoundId);
                }
            }
            foreach (var group in mine.GroupBy(id => id))
            {
                if (await RoundAsync(group.Key) is { } round && catalog.Find(round.FormCode) is { } form)
                {
                    items.Add(new WorkItem(WorkItemKind.ReviewPending, Title(form, round), round.Deadline, $"/indicators/forms/rounds/{round.Id}", group.Count()));
                }
            }
        }
        return [.. items.OrderByDescending(i => i.Overdue).ThenBy(i => i.Due ?? DateOnly.MaxValue).Take(IWorkItems.Limit)];
    }

    private static string Title(FormDefinition form, FormRound round) => $"{form.Title.In(CodeBook.IsEnglish)} · {round.Period}";
}
