using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Surveys.Data;
using Qedu.Surveys.Domain;

namespace Qedu.Surveys.Features.Results;

/// <summary>One five-point item in a unit: the mean (1–5) and the share answering 满意 or 非常满意; none when suppressed.</summary>
internal sealed record ItemResult(int Number, Dimension Dimension, double? Mean, double? Satisfied);

/// <summary>
/// A unit's results (the whole survey, a district, a school): responses, and unless suppressed the share satisfied over
/// every five-point answer, per dimension and per item. <see cref="Suppressed"/> says why figures are withheld: "few"
/// (fewer than the smallest cell), "complement" (withheld so the few could not be worked out from the total), or none.
/// </summary>
internal sealed record UnitResult(string Level, int UnitId, string Name, int Responses, string? Suppressed, double? Satisfied,
    IReadOnlyDictionary<Dimension, double?> Dimensions, IReadOnlyList<ItemResult> Items);

/// <summary>A comment, by school and item: readable once the survey has closed.</summary>
internal sealed record CommentView(string School, int Item, string Text);

/// <summary>A survey's results as far as the caller sees: the whole (for its bureau), each district, each school, and the comments once closed.</summary>
internal sealed record SurveyResultsView(string Code, string Name, string Questionnaire, SurveyAudience Audience, string Owner, DateOnly OpensOn,
    DateOnly ClosesOn, string State, int SmallestCell, IReadOnlyList<QuestionnaireItem> Items, UnitResult? Whole, IReadOnlyList<UnitResult> Districts,
    IReadOnlyList<UnitResult> Schools, IReadOnlyList<CommentView>? Comments, bool MayManage, bool MayDistribute);

/// <summary>
/// Counts a survey's answers for the units the caller may read. A unit with fewer than <see cref="SmallestCell"/>
/// responses shows its count and nothing else; when a district (or the whole) shows its figures and exactly one unit
/// under it is withheld, the next smallest is withheld too, so no one can subtract their way to the small one. Comments
/// wait for the survey to close and are never shown for a withheld school.
/// </summary>
internal sealed class SurveyResults(SurveysDb db, SurveyAccess access, OrgTree tree, TimeProvider clock)
{
    public const int SmallestCell = 10;

    public async Task<SurveyResultsView?> ForAsync(string code, CancellationToken ct)
    {
        if (await access.FindAsync(code, Permissions.SurveysRead, ct) is not { } survey)
        {
            return null;
        }
        var questionnaire = await db.Questionnaires.AsNoTracking().FirstAsync(q => q.Id == survey.QuestionnaireId, ct);
        var items = questionnaire.ParsedItems();
        var likert = items.Where(i => i.Kind == ItemKind.Likert).ToList();
        var schools = await access.SchoolsAsync(survey, Permissions.SurveysRead, ct);
        var all = await db.Schools.AsNoTracking().Where(s => s.SurveyId == survey.Id).Select(s => s.SchoolId).ToListAsync(ct);
        // Figures for the whole and a district count every school under them, also those the caller does not see one by one.
        var responses = await db.Responses.AsNoTracking().Where(r => r.SurveyId == survey.Id).Select(r => new { r.SchoolId, r.Values }).ToListAsync(ct);
        var tallies = all.ToDictionary(s => s, _ => new Tally(likert.Count));
        foreach (var r in responses)
        {
            if (tallies.TryGetValue(r.SchoolId, out var tally))
            {
                tally.Add(r.Values);
            }
        }

        var districtOf = await DistrictsAsync(survey.OwnerUnitId, all, ct);
        var caller = access.Caller;
        var readable = caller.IsSystem ? null : await tree.SubtreeIdsAsync([.. caller.RootsFor(Permissions.SurveysRead)], ct);
        bool Sees(int unitId) => readable is null || readable.Contains(unitId);
        var names = await tree.NamesOfAsync(all.Concat(districtOf.Values).Append(survey.OwnerUnitId).Distinct(), ct);

        var schoolCells = all.ToDictionary(s => s, s => new Cell(s, tallies[s]));
        var districtCells = districtOf.Values.Distinct().ToDictionary(d => d, d => new Cell(d, Tally.Sum(all.Where(s => districtOf.GetValueOrDefault(s) == d).Select(s => tallies[s]), likert.Count)));
        var whole = new Cell(survey.OwnerUnitId, Tally.Sum(tallies.Values, likert.Count));
        foreach (var cell in schoolCells.Values.Concat(districtCells.Values).Append(whole))
        {
            cell.Withheld = cell.Tally.Count is > 0 and < SmallestCell ? "few" : null;
        }
        // Complementary suppression: within each shown parent, never exactly one withheld child.
        foreach (var (district, cell) in districtCells)
        {
            Complement(cell, [.. schoolCells.Values.Where(s => districtOf.GetValueOrDefault(s.UnitId) == district)]);
        }
        Complement(whole, districtCells.Count > 0 ? [.. districtCells.Values] : [.. schoolCells.Values]);
        if (districtCells.Count > 0)
        {
            // Schools sitting directly under the bureau (no district) count against the whole too.
            Complement(whole, [.. schoolCells.Values.Where(s => !districtOf.ContainsKey(s.UnitId))]);
        }

        UnitResult View(string level, Cell cell) => cell.View(level, names.GetValueOrDefault(cell.UnitId) ?? "", likert);
        var today = SurveyDays.Today(clock);
        var closed = survey.IsClosed(today);
        var shownSchools = schoolCells.Values.Where(c => schools.Contains(c.UnitId)).ToList();
        IReadOnlyList<CommentView>? comments = null;
        if (closed)
        {
            var open = shownSchools.Where(c => c.Withheld is null && c.Tally.Count > 0).Select(c => c.UnitId).ToList();
            comments = [.. (await db.Comments.AsNoTracking().Where(c => c.SurveyId == survey.Id && open.Contains(c.SchoolId))
                    .OrderBy(c => c.SchoolId).ThenBy(c => c.Item).ThenBy(c => c.Id).Select(c => new { c.SchoolId, c.Item, c.Text }).ToListAsync(ct))
                .Select(c => new CommentView(names.GetValueOrDefault(c.SchoolId) ?? "", c.Item, c.Text))];
        }
        var owner = names.GetValueOrDefault(survey.OwnerUnitId) ?? "";
        return new SurveyResultsView(survey.Code, survey.Name, questionnaire.Title, questionnaire.Audience, owner, survey.OpensOn, survey.ClosesOn,
            survey.StateOn(today), SmallestCell, items,
            Sees(survey.OwnerUnitId) ? View("whole", whole) : null,
            [.. districtCells.Values.Where(c => Sees(c.UnitId)).Select(c => View("district", c)).OrderBy(v => v.Name, StringComparer.Ordinal)],
            [.. shownSchools.Select(c => View("school", c)).OrderBy(v => v.Name, StringComparer.Ordinal)],
            comments, await access.MayManageAsync(survey.OwnerUnitId, ct),
            (await access.SchoolsAsync(survey, Permissions.SurveysDistribute, ct)).Count > 0 && !closed);
    }

    /// <summary>When the parent shows its figures and exactly one child is withheld, withholds the smallest other child with answers too.</summary>
    private static void Complement(Cell parent, IReadOnlyList<Cell> children)
    {
        if (parent.Withheld is not null || children.Count(c => c.Withheld is not null) != 1)
        {
            return;
        }
        if (children.Where(c => c.Withheld is null && c.Tally.Count > 0).OrderBy(c => c.Tally.Count).ThenBy(c => c.UnitId).FirstOrDefault() is { } next)
        {
            next.Withheld = "complement";
        }
    }

    /// <summary>Each school's district (the nearest district above it), when the bureau is above districts.</summary>
    private async Task<IReadOnlyDictionary<int, int>> DistrictsAsync(int ownerId, IReadOnlyList<int> schools, CancellationToken ct)
    {
        var districtOf = await tree.NearestAboveOfKindAsync(OrgUnitKind.District, ct);
        return schools.Where(s => districtOf.TryGetValue(s, out var d) && d != ownerId).ToDictionary(s => s, s => districtOf[s]);
    }

    private sealed class Cell(int unitId, Tally tally)
    {
        public int UnitId => unitId;
        public Tally Tally => tally;
        public string? Withheld { get; set; }

        public UnitResult View(string level, string name, List<QuestionnaireItem> likert)
        {
            var show = Withheld is null && tally.Count > 0;
            var byDimension = likert.Select((item, i) => (item.Dimension, i)).GroupBy(x => x.Dimension)
                .ToDictionary(g => g.Key, g => show ? tally.Satisfied([.. g.Select(x => x.i)]) : null);
            return new UnitResult(level, unitId, name, tally.Count, Withheld, show ? tally.Satisfied([.. Enumerable.Range(0, likert.Count)]) : null, byDimension,
                [.. likert.Select((item, i) => new ItemResult(item.Number, item.Dimension, show ? tally.Mean(i) : null, show ? tally.Satisfied([i]) : null))]);
        }
    }

    /// <summary>Answers counted per five-point item and value.</summary>
    private sealed class Tally(int items)
    {
        private readonly int[,] _counts = new int[items, 6];

        public int Count { get; private set; }

        public void Add(string values)
        {
            Count++;
            for (var i = 0; i < items && i < values.Length; i++)
            {
                var v = values[i] - '0';
                if (v is >= 1 and <= 5)
                {
                    _counts[i, v]++;
                }
            }
        }

        public static Tally Sum(IEnumerable<Tally> parts, int items)
        {
            var sum = new Tally(items);
            foreach (var p in parts)
            {
                sum.Count += p.Count;
                for (var i = 0; i < items; i++)
                {
                    for (var v = 1; v <= 5; v++)
                    {
                        sum._counts[i, v] += p._counts[i, v];
                    }
                }
            }
            return sum;
        }

        public double? Mean(int item)
        {
            var n = 0;
            var total = 0;
            for (var v = 1; v <= 5; v++)
            {
                n += _counts[item, v];
                total += v * _counts[item, v];
            }
            return n == 0 ? null : (double)total / n;
        }

        public double? Satisfied(IReadOnlyList<int> itemIndexes)
        {
            var n = 0;
            var satisfied = 0;
            foreach (var i in itemIndexes)
            {
                for (var v = 1; v <= 5; v++)
                {
                    n += _counts[i, v];
                }
                satisfied += _counts[i, 4] + _counts[i, 5];
            }
            return n == 0 ? null : (double)satisfied / n;
        }
    }
}
