using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Indicators.Data;
using Qedu.Indicators.Domain;
using Qedu.Indicators.Features.Forms.Definitions;

namespace Qedu.Indicators.Features.Forms;

/// <summary>
/// What the forms pages and the API read. Returns are read through the scope filter, so every count and list covers
/// the returns of the caller's units only: the sender sees every unit, a district its own schools in a city's round,
/// a school its own return.
/// </summary>
internal sealed class FormQueries(IndicatorsDb db, OrgTree tree, FormAccess access, FormCatalog catalog, TimeProvider clock)
{
    public async Task<FormsOverview> OverviewAsync(CancellationToken ct = default)
    {
        var owned = await db.FormRounds.Select(r => r.Id).ToListAsync(ct);
        var reached = await db.FormReturns.Select(r => r.RoundId).Distinct().ToListAsync(ct);
        var rounds = await LinesAsync(owned.Union(reached).ToList(), ct);

        var filling = access.FillingUnits;
        var mine = filling.Count == 0 ? [] : await db.FormReturns.AsNoTracking().Where(r => filling.Contains(r.OrgUnitId)).ToListAsync(ct);
        // A bureau's own returns (the city's 市本级 funds), which its managers fill in.
        var managed = access.OwnReturnUnits;
        if (managed.Count > 0)
        {
            mine.AddRange(await db.FormReturns.AsNoTracking()
                .Where(r => managed.Contains(r.OrgUnitId) && !filling.Contains(r.OrgUnitId)
                    && db.FormRounds.Any(o => o.Id == r.RoundId && o.OrgUnitId == r.OrgUnitId))
                .ToListAsync(ct));
        }
        var byId = rounds.ToDictionary(r => r.Id);
        var names = await NamesAsync(mine.Select(r => r.OrgUnitId), ct);
        var toFill = mine
            .Where(r => byId.ContainsKey(r.RoundId))
            .Select(r => (Return: r, Round: byId[r.RoundId]))
            .Select(x => new MyReturn(Line(x.Return, x.Round.Deadline, names), x.Round.Form, x.Round.Period, x.Round.Deadline, x.Round.OwnerName))
            .OrderBy(m => m.Line.State is ReturnState.Approved or ReturnState.Submitted)
            .ThenBy(m => m.Deadline)
            .ToList();
        return new FormsOverview(toFill, rounds);
    }

    /// <summary>A round the caller sees, with its returns in the caller's scope (by unit code); null when it sees none.</summary>
    public async Task<RoundDetail?> RoundAsync(long id, CancellationToken ct = default)
    {
        if (await access.LoadRoundAsync(id, ct) is not { } round)
        {
            return null;
        }
        var lines = await LinesAsync([round.Id], ct);
        if (lines.Count == 0)
        {
            return null;
        }
        var rows = await db.FormReturns.AsNoTracking().Where(r => r.RoundId == id).ToListAsync(ct);
        var names = await NamesAsync(rows.Select(r => r.OrgUnitId), ct);
        var returns = rows.Select(r => Line(r, round.Deadline, names)).OrderBy(r => r.UnitCode, StringComparer.Ordinal).ToList();
        return new RoundDetail(lines[0], returns);
    }

    /// <summary>A return the caller sees, with its answers in the form's order.</summary>
    public async Task<ReturnDetail?> ReturnAsync(long id, CancellationToken ct = default)
    {
        if (await access.LoadReturnAsync(id, ct: ct) is not { } context)
        {
            return null;
        }
        var row = context.Return;
        var lines = await LinesAsync([row.RoundId], ct);
        if (lines.Count == 0)
        {
            return null;
        }
        var stored = await db.FormValues.AsNoTracking().Where(v => v.ReturnId == id).ToListAsync(ct);
        var answers = context.Form.Fields
            .Select(f => stored.FirstOrDefault(v => v.FieldCode == f.Code) is { } v ? new FieldAnswer(f, v.Number, v.Text) : new FieldAnswer(f, null, null))
            .ToList();
        var names = new Dictionary<int, (string Code, string Name)> { [context.Unit.Id] = (context.Unit.Code, context.Unit.DisplayName(English)) };
        return new ReturnDetail(Line(row, context.Round.Deadline, names), lines[0], answers, row.SavedAt, row.SavedBy, row.SubmittedBy,
            row.ReviewedBy, row.ReviewComment, context.CanFill, context.CanReview);
    }

    /// <summary>The rounds with these ids, newest first, each with its counts over the caller's returns.</summary>
    private async Task<List<RoundLine>> LinesAsync(List<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var rounds = new List<FormRound>();
        var groups = new List<(long RoundId, ReturnState State, bool HandedIn, bool Late, int Count)>();
        foreach (var chunk in ids.Chunk(2000))
        {
            rounds.AddRange(await db.FormRounds.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(r => chunk.Contains(r.Id)).ToListAsync(ct));
            var counted = await db.FormReturns.Where(r => chunk.Contains(r.RoundId))
                .GroupBy(r => new { r.RoundId, r.State, HandedIn = r.FirstSubmittedAt != null, r.Late })
                .Select(g => new { g.Key.RoundId, g.Key.State, g.Key.HandedIn, g.Key.Late, Count = g.Count() })
                .ToListAsync(ct);
            groups.AddRange(counted.Select(g => (g.RoundId, g.State, g.HandedIn, g.Late, g.Count)));
        }
        var owners = await NamesAsync(rounds.Select(r => r.OrgUnitId), ct);
        var today = FormDates.Today(clock);
        var lines = new List<RoundLine>();
        foreach (var round in rounds.OrderByDescending(r => r.SentAt).ThenByDescending(r => r.Id))
        {
            if (catalog.Find(round.FormCode) is not { } form)
            {
                continue; // a form since removed from forms.json
            }
            var mine = groups.Where(g => g.RoundId == round.Id).ToList();
            int Sum(Func<(long RoundId, ReturnState State, bool HandedIn, bool Late, int Count), bool> which) => mine.Where(which).Sum(g => g.Count);
            var missing = Sum(g => !g.HandedIn);
            var past = today > round.Deadline;
            var counts = new RoundCounts(
                Units: Sum(_ => true), HandedIn: Sum(g => g.HandedIn), Approved: Sum(g => g.State == ReturnState.Approved),
                Waiting: Sum(g => g.State == ReturnState.Submitted), Returned: Sum(g => g.State == ReturnState.Returned),
                Late: Sum(g => g.Late), Missing: missing, Overdue: past ? missing : 0);
            var (ownerCode, ownerName) = owners.GetValueOrDefault(round.OrgUnitId, ("", ""));
            lines.Add(new RoundLine(round.Id, form, round.Period, round.Deadline, ownerCode, ownerName, round.SentAt, round.SentBy, counts, past));
        }
        return lines;
    }

    private static bool English => Qedu.Kernel.Codes.CodeBook.IsEnglish;

    private ReturnLine Line(FormReturn r, DateOnly deadline, IReadOnlyDictionary<int, (string Code, string Name)> names)
    {
        var (code, name) = names.GetValueOrDefault(r.OrgUnitId, ("", ""));
        return new ReturnLine(r.Id, r.RoundId, r.OrgUnitId, code, name, r.State, r.FirstSubmittedAt, r.SubmittedAt, r.ReviewedAt,
            r.Late, FormDates.IsOverdue(r.FirstSubmittedAt, deadline, FormDates.Today(clock)));
    }

    /// <summary>Codes and names of org units. Names are not scoped data: a school may see which bureau sent it a form.</summary>
    private async Task<Dictionary<int, (string Code, string Name)>> NamesAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var units = await tree.UnitsOfAsync(ids, ct);
        return units.Values.ToDictionary(u => u.Id, u => (u.Code, u.DisplayName(English)));
    }
}
