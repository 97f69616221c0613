using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.ExamAnalysis;
using Qedu.Exams.Data;
using Qedu.Exams.Domain;
using Qedu.Exams.Resources;
using Qedu.Kernel.Files;

namespace Qedu.Exams.Import;

/// <summary>What an item import is asked to do: the exam, the file (its name to report by, its path and format), whether only to check.</summary>
internal sealed record ItemImportRequest(string Code, string FileName, string Path, TableFormat Format, bool DryRun);

/// <summary>The outcome of an item import: rows, items analysed; or, when <see cref="Ok"/> is false, every problem by row and column, nothing written.</summary>
public sealed record ItemImportReport(bool Ok, bool DryRun, string File, string ExamCode, int Rows, int Items, int ProblemCount, IReadOnlyList<ScoreProblem> Problems);

/// <summary>
/// Item-level scores (a second file: 学籍号,科目,题号,得分,满分) for an exam already imported: every row checked against
/// the exam's candidates and subjects, then each item's difficulty and upper–lower 27 % discrimination (against the
/// student's score in the subject) computed and stored, replacing the subject's earlier items. Any problem: nothing written.
/// </summary>
internal sealed class ItemImport(ExamsDb db, ExamAccess exams, IStringLocalizer<ExamsText> t)
{
    public const string NumberColumn = "学籍号";
    public const string SubjectColumn = "科目";
    public const string ItemColumn = "题号";
    public const string ScoreColumn = "得分";
    public const string FullMarksColumn = "满分";
    private static readonly string[] Columns = [NumberColumn, SubjectColumn, ItemColumn, ScoreColumn, FullMarksColumn];

    private readonly record struct ItemRow(int Row, long Candidate, short Subject, string Item, double Score, double FullMarks);

    public async Task<ItemImportReport> ImportAsync(ItemImportRequest request, CancellationToken ct)
    {
        var sheet = new ScoreSheet();
        var exam = await exams.Visible().FirstOrDefaultAsync(e => e.Code == request.Code, ct);
        if (exam is null || !await exams.MayManageAsync(exam, ct))
        {
            sheet.Problem(0, "exam", request.Code, t["Items.Exam", request.Code]);
            return Report(request, sheet, 0, 0);
        }
        var subjects = await db.Subjects.AsNoTracking().Where(s => s.ExamId == exam.Id).ToDictionaryAsync(s => s.Name, ct);
        var candidates = await db.Candidates.AsNoTracking().Where(c => c.ExamId == exam.Id).Select(c => new { c.StudentNumber, c.Id })
            .ToDictionaryAsync(c => c.StudentNumber, c => c.Id, StringComparer.Ordinal, ct);
        var rows = new List<ItemRow>();
        try
        {
            using var reader = TableReader.Open(request.Path, request.Format, (key, args) => t[key, [request.FileName, .. args.Select(a => a ?? "")]].Value);
            var at = Locate(reader.Header, sheet);
            if (at is not null)
            {
                Read(reader, at, sheet, subjects, candidates, rows);
            }
        }
        catch (TableFileException e)
        {
            sheet.Problem(0, null, null, e.Message);
        }
        if (sheet.ProblemCount == 0 && rows.Count == 0)
        {
            sheet.Problem(0, null, null, t["File.NoRows"]);
        }
        // An item's full marks are the same on every row; a subject's items add up to no more than its full marks.
        var items = new Dictionary<(short Subject, string Item), (double FullMarks, int FirstRow, short Order)>();
        var perSubject = new Dictionary<short, short>();
        foreach (var r in rows)
        {
            if (!items.TryGetValue((r.Subject, r.Item), out var known))
            {
                var order = perSubject[r.Subject] = (short)(perSubject.GetValueOrDefault(r.Subject) + 1);
                items[(r.Subject, r.Item)] = (r.FullMarks, r.Row, order);
            }
            else if (known.FullMarks != r.FullMarks)
            {
                sheet.Problem(r.Row, FullMarksColumn, ScoreFile.Format(r.FullMarks), t["Items.FullMarksDiffers", r.Item, known.FirstRow, ScoreFile.Format(known.FullMarks)]);
            }
        }
        foreach (var bySubject in items.GroupBy(i => i.Key.Subject))
        {
            var subject = subjects.Values.First(s => s.Number == bySubject.Key);
            if (bySubject.Sum(i => i.Value.FullMarks) > subject.FullMarks + 1e-9)
            {
                sheet.Problem(0, FullMarksColumn, null, t["Items.OverFull", subject.Name, ScoreFile.Format(bySubject.Sum(i => i.Value.FullMarks)), ScoreFile.Format(subject.FullMarks)]);
            }
        }
        if (sheet.ProblemCount > 0 || request.DryRun)
        {
            return Report(request, sheet, rows.Count, items.Count);
        }

        // Each item against the students' score in its subject (absent from the subject: left out).
        var subjectIds = items.Keys.Select(k => k.Subject).Distinct().ToList();
        var scores = (await db.Scores.AsNoTracking().Where(s => s.ExamId == exam.Id && subjectIds.Contains(s.Subject) && s.Score != null)
                .Select(s => new { s.CandidateId, s.Subject, s.Score }).ToListAsync(ct))
            .ToDictionary(s => (s.CandidateId, s.Subject), s => s.Score!.Value);
        var computed = rows.GroupBy(r => (r.Subject, r.Item)).Select(g =>
        {
            var pairs = g.Where(r => scores.ContainsKey((r.Candidate, r.Subject))).Select(r => (r.Score, scores[(r.Candidate, r.Subject)])).ToList();
            var stats = ItemAnalysis.Analyse(pairs, items[g.Key].FullMarks);
            return new ExamItem
            {
                ExamId = exam.Id, Subject = g.Key.Subject, Number = items[g.Key].Order, Label = g.Key.Item, FullMarks = items[g.Key].FullMarks,
                Count = stats.Count, Difficulty = stats.Count == 0 ? 0 : stats.Difficulty, Discrimination = stats.Count == 0 ? 0 : stats.Discrimination,
            };
        }).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Items.Where(i => i.ExamId == exam.Id && subjectIds.Contains(i.Subject)).ExecuteDeleteAsync(ct);
        db.Items.AddRange(computed);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Report(request, sheet, rows.Count, computed.Count);
    }

    private (int Number, int Subject, int Item, int Score, int FullMarks)? Locate(IReadOnlyList<string> header, ScoreSheet sheet)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (Columns.Contains(name))
            {
                found.TryAdd(name, i);
            }
        }
        foreach (var column in Columns.Where(c => !found.ContainsKey(c)))
        {
            sheet.Problem(1, column, null, t["Items.MissingColumn", column]);
        }
        return sheet.ProblemCount > 0 ? null : (found[NumberColumn], found[SubjectColumn], found[ItemColumn], found[ScoreColumn], found[FullMarksColumn]);
    }

    private void Read(TableReader reader, (int Number, int Subject, int Item, int Score, int FullMarks)? at, ScoreSheet sheet,
        Dictionary<string, ExamSubject> subjects, Dictionary<string, long> candidates, List<ItemRow> rows)
    {
        var (n, s, i, sc, f) = at!.Value;
        var seen = new Dictionary<(long, short, string), int>();
        while (reader.Read())
        {
            var row = reader.RowNumber;
            var cells = reader.Cells;
            string Cell(int k) => k < cells.Count ? cells[k].Trim() : "";
            var number = Cell(n).ToUpperInvariant();
            var subjectName = Cell(s);
            var item = Cell(i);
            var ok = true;
            if (!candidates.TryGetValue(number, out var candidate))
            {
                sheet.Problem(row, NumberColumn, number, number.Length == 0 ? t["Row.Required"] : t["Items.NotCandidate", number]);
                ok = false;
            }
            if (!subjects.TryGetValue(subjectName, out var subject))
            {
                sheet.Problem(row, SubjectColumn, subjectName, subjectName.Length == 0 ? t["Row.Required"] : t["Items.NoSubject", subjectName]);
                ok = false;
            }
            if (item.Length is 0 or > 10)
            {
                sheet.Problem(row, ItemColumn, item, t["Items.Label"]);
                ok = false;
            }
            var full = Number(Cell(f), FullMarksColumn, row, sheet);
            var score = Number(Cell(sc), ScoreColumn, row, sheet);
            if (full is <= 0)
            {
                sheet.Problem(row, FullMarksColumn, Cell(f), t["Row.FullMarks", Cell(f)]);
                ok = false;
            }
            else if (score is { } v && full is { } fm && (v < 0 || v > fm))
            {
                sheet.Problem(row, ScoreColumn, Cell(sc), t["Row.Range", Cell(sc), Cell(f)]);
                ok = false;
            }
            if (!ok || full is null || score is null)
            {
                continue;
            }
            if (!seen.TryAdd((candidate, subject!.Number, item), row))
            {
                sheet.Problem(row, ItemColumn, item, t["Items.Duplicate", number, subjectName, item, seen[(candidate, subject.Number, item)]]);
                continue;
            }
            rows.Add(new ItemRow(row, candidate, subject.Number, item, score.Value, full.Value));
        }
    }

    private double? Number(string text, string column, int row, ScoreSheet sheet)
    {
        if (text.Length == 0)
        {
            sheet.Problem(row, column, null, t["Row.Required"]);
            return null;
        }
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            sheet.Problem(row, column, text, t["Row.Number", text]);
            return null;
        }
        return value;
    }

    private static ItemImportReport Report(ItemImportRequest request, ScoreSheet sheet, int rows, int items) =>
        new(sheet.ProblemCount == 0, request.DryRun, request.FileName, request.Code, rows, items, sheet.ProblemCount, sheet.Problems);
}
