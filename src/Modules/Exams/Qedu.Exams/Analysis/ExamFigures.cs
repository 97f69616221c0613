using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qedu.Exams.Data;
using Qedu.Exams.Domain;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Exams.Analysis;

/// <summary>An exam in the list: what, when, how many sat, which bureau ran it.</summary>
internal sealed record ExamRow(int Id, string Code, string Name, DateOnly Date, int Candidates, int OwnerUnitId, string Owner, DateTimeOffset ImportedAt, double PassShare,
    double ExcellentShare, DateTimeOffset? ReleasedAt);

/// <summary>
/// One question of a subject over the whole exam: difficulty (mean ÷ full marks: higher is easier) and upper–lower 27 %
/// discrimination (Ebel: 0.4 and above very good, 0.3 good, 0.2 marginal, below 0.2 poor).
/// </summary>
internal sealed record ItemView(short Subject, string Label, double FullMarks, int Count, double Difficulty, double Discrimination);

/// <summary>A subject of an exam, with its full marks (<c>number</c> 0 is the total).</summary>
public sealed record SubjectView(short Number, string Name, double FullMarks);

/// <summary>
/// One unit's figures in one subject: counts, mean, SD, quartiles, pass and excellent rates (0–1), students per tenth of
/// full marks, the mean of the level above and the gap to it, and (total only) the share in the city's lowest 30 %.
/// </summary>
public sealed record FigureView(string Level, int UnitId, long? ClassId, string Unit, short Subject, int Sat, int Absent, double? Mean,
    double? StandardDeviation, double? Min, double? Q1, double? Median, double? Q3, double? Max, double PassRate, double ExcellentRate,
    IReadOnlyList<int> Bands, double? AboveMean, double? Gap, double? Bottom30Share);

/// <summary>
/// A unit's page of an exam: the unit in every subject, the units one level down in the chosen subject, the way up, and
/// the schools to compare it with (a district's schools; a school's fellow schools in its district, as far as the caller
/// sees; none for the whole exam: all of them).
/// </summary>
internal sealed record UnitReport(ExamRow Exam, IReadOnlyList<SubjectView> Subjects, short Subject, FigureView Unit, IReadOnlyList<FigureView> BySubject,
    IReadOnlyList<FigureView> Below, IReadOnlyList<FigureView> Path, IReadOnlySet<int>? Schools);

/// <summary>
/// Reads an exam's computed figures for the pages and the API. The figures are scoped rows: a school sees its own school
/// and classes, a district its schools, the city everything; the drill-down never leaves the caller's scope.
/// </summary>
internal sealed class ExamFigures(ExamsDb db, ExamAccess access, OrgTree tree)
{
    public async Task<IReadOnlyList<ExamRow>> ListAsync(CancellationToken ct)
    {
        var exams = await access.Visible().OrderByDescending(e => e.Date).ThenBy(e => e.Code).ToListAsync(ct);
        var owners = await tree.NamesOfAsync(exams.Select(e => e.OwnerUnitId).Distinct(), ct);
        return exams.Select(e => Row(e, owners)).ToList();
    }

    public async Task<(Exam Exam, ExamRow Row)?> FindAsync(string code, CancellationToken ct)
    {
        var exam = await access.Visible().FirstOrDefaultAsync(e => e.Code == code, ct);
        return exam is null ? null : (exam, Row(exam, await tree.NamesOfAsync([exam.OwnerUnitId], ct)));
    }

    /// <summary>
    /// The report of one unit: <paramref name="unitId"/> (and <paramref name="classId"/> for a class), or the caller's
    /// highest unit in the exam; null when the unit has no figures the caller may see.
    /// </summary>
    public async Task<UnitReport?> UnitAsync(string code, int? unitId, long? classId, short subject, CancellationToken ct)
    {
        if (await FindAsync(code, ct) is not { } found)
        {
            return null;
        }
        var (exam, row) = found;
        var subjects = await db.Subjects.Where(s => s.ExamId == exam.Id).OrderBy(s => s.Number)
            .Select(s => new SubjectView(s.Number, s.Name, s.FullMarks)).ToListAsync(ct);
        subjects.Insert(0, new SubjectView(ExamFigure.Total, "总分", subjects.Sum(s => s.FullMarks)));
        if (subjects.All(s => s.Number != subject))
        {
            subject = ExamFigure.Total;
        }
        var figures = db.Figures.AsNoTracking().Where(f => f.ExamId == exam.Id);
        var top = unitId is null
            ? await figures.Where(f => f.Subject == ExamFigure.Total).OrderBy(f => f.Level).ThenBy(f => f.OrgUnitId).FirstOrDefaultAsync(ct)
            : await figures.Where(f => f.Subject == ExamFigure.Total && f.OrgUnitId == unitId && f.ClassId == classId
                && (classId == null ? f.Level != FigureLevel.Class : f.Level == FigureLevel.Class)).OrderBy(f => f.Level).FirstOrDefaultAsync(ct);
        if (top is null)
        {
            return null;
        }
        var mine = await figures.Where(f => f.Level == top.Level && f.OrgUnitId == top.OrgUnitId && f.ClassId == top.ClassId).OrderBy(f => f.Subject).ToListAsync(ct);
        var below = top.Level switch
        {
            FigureLevel.Class => [],
            FigureLevel.School => await figures.Where(f => f.Level == FigureLevel.Class && f.OrgUnitId == top.OrgUnitId && f.Subject == subject).ToListAsync(ct),
            _ => await figures.Where(f => f.Level > top.Level && f.Level != FigureLevel.Class && f.AboveUnitId == top.OrgUnitId && f.Subject == subject)
                .ToListAsync(ct),
        };
        // The way up, as far as the caller sees (a school's head does not see the district's figures).
        var path = new List<ExamFigure>();
        for (var at = top; at.AboveUnitId is { } aboveId;)
        {
            var level = at.Level;
            var up = await figures.Where(f => f.OrgUnitId == aboveId && f.Level < level && f.Level != FigureLevel.Class && f.Subject == ExamFigure.Total)
                .OrderByDescending(f => f.Level).FirstOrDefaultAsync(ct);
            if (up is null)
            {
                break;
            }
            path.Add(up);
            at = up;
        }
        path.Reverse();
        // A school's fellow schools share its district (a class's: its school's).
        var district = top.Level == FigureLevel.School ? top.AboveUnitId : path.LastOrDefault(p => p.Level == FigureLevel.School)?.AboveUnitId;
        IReadOnlySet<int>? schools = top.Level switch
        {
            FigureLevel.City => null,
            FigureLevel.District => below.Select(f => f.OrgUnitId).ToHashSet(),
            _ => (await figures.Where(f => f.Level == FigureLevel.School && f.Subject == ExamFigure.Total && f.AboveUnitId == district)
                .Select(f => f.OrgUnitId).ToListAsync(ct)).Append(top.OrgUnitId).ToHashSet(),
        };
        var names = await tree.NamesOfAsync(mine.Concat(below).Concat(path).Select(f => f.OrgUnitId).Distinct(), ct);
        var ordered = below.OrderBy(f => f.ClassName ?? "", StringComparer.Ordinal).ThenBy(f => names.GetValueOrDefault(f.OrgUnitId), StringComparer.Ordinal);
        return new UnitReport(row, subjects, subject, View(mine.First(f => f.Subject == subject), names), mine.Select(f => View(f, names)).ToList(),
            ordered.Select(f => View(f, names)).ToList(), path.Select(f => View(f, names)).ToList(), schools);
    }

    /// <summary>The exam's analysed items (every subject, or one), in order: whole-exam figures, no one named.</summary>
    public async Task<IReadOnlyList<ItemView>> ItemsAsync(int examId, short? subject, CancellationToken ct) =>
        await db.Items.AsNoTracking().Where(i => i.ExamId == examId && (subject == null || i.Subject == subject)).OrderBy(i => i.Subject).ThenBy(i => i.Number)
            .Select(i => new ItemView(i.Subject, i.Label, i.FullMarks, i.Count, i.Difficulty, i.Discrimination)).ToListAsync(ct);

    private static ExamRow Row(Exam e, IReadOnlyDictionary<int, string> owners) =>
        new(e.Id, e.Code, e.Name, e.Date, e.Candidates, e.OwnerUnitId, owners.GetValueOrDefault(e.OwnerUnitId) ?? "", e.ImportedAt, e.PassShare, e.ExcellentShare, e.ReleasedAt);

    public static FigureView View(ExamFigure f, IReadOnlyDictionary<int, string> names) => new(
        f.Level.ToString().ToLowerInvariant(), f.OrgUnitId, f.ClassId, f.Level == FigureLevel.Class ? f.ClassName ?? "—" : names.GetValueOrDefault(f.OrgUnitId) ?? "",
        f.Subject, f.Sat, f.Absent, f.Mean, f.StandardDeviation, f.Min, f.Q1, f.Median, f.Q3, f.Max, f.PassRate, f.ExcellentRate,
        f.Bands.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(b => int.Parse(b, CultureInfo.InvariantCulture)).ToList(), f.AboveMean, f.Gap,
        f.Bottom30Share);
}
