using System.Globalization;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Files;

namespace Qedu.Exams.Import;

/// <summary>One problem of a score file: the spreadsheet row (1 = header; 0 = the file or the exam as a whole), the column as the file names it, the value, and what is wrong in the caller's language.</summary>
public sealed record ScoreProblem(int Row, string? Column, string? Value, string Message);

/// <summary>A subject as the file gives it: its number (order of first appearance, from 1), name and full marks.</summary>
internal sealed record ScoreSubject(short Number, string Name, double FullMarks, int FirstRow);

/// <summary>One score row, compact (an exam brings over a million): the student by index into <see cref="ScoreSheet.Students"/>.</summary>
internal readonly record struct ScoreRow(int Row, int Student, short Subject, double? Score);

/// <summary>A score file read and checked row by row: the students (by 学籍号, each with the first row naming them), the subjects, the rows, and every problem found.</summary>
internal sealed class ScoreSheet
{
    public List<string> Students { get; } = [];
    public List<int> StudentRows { get; } = [];
    public List<ScoreSubject> Subjects { get; } = [];
    public List<ScoreRow> Rows { get; } = [];
    public List<ScoreProblem> Problems { get; } = [];
    public int ProblemCount { get; private set; }

    public void Problem(int row, string? column, string? value, string message)
    {
        ProblemCount++;
        if (Problems.Count < ScoreFile.MaxProblems)
        {
            Problems.Add(new ScoreProblem(row, column, value, message));
        }
    }
}

/// <summary>
/// The score file of the contract (docs/exams.md): UTF-8 or GB18030 CSV, or the .xlsx form, header
/// <c>学籍号,科目,分数,满分</c>, one row per student and subject; 分数 a number from 0 to 满分 with at most two decimals,
/// or empty for absent (缺考); a subject's 满分 the same on every row. Every row is checked and every problem named
/// (row and column); nothing here touches the database.
/// </summary>
internal static class ScoreFile
{
    public const int MaxProblems = 1000;
    public const int MaxSubjects = 30;
    public const int MaxSubjectLength = 20;
    public const string NumberColumn = "学籍号";
    public const string SubjectColumn = "科目";
    public const string ScoreColumn = "分数";
    public const string FullMarksColumn = "满分";
    public static readonly string[] Columns = [NumberColumn, SubjectColumn, ScoreColumn, FullMarksColumn];

    public static ScoreSheet Read(string path, TableFormat format, string fileName, IStringLocalizer t)
    {
        var sheet = new ScoreSheet();
        try
        {
            using var reader = TableReader.Open(path, format, (key, args) => t[key, [fileName, .. args.Select(a => a ?? "")]].Value);
            var at = Locate(reader.Header, sheet, fileName, t);
            if (at is null)
            {
                return sheet;
            }
            ReadRows(reader, at.Value, sheet, t);
        }
        catch (TableFileException e)
        {
            sheet.Problem(0, null, null, e.Message);
        }
        if (sheet.ProblemCount == 0 && sheet.Rows.Count == 0)
        {
            sheet.Problem(0, null, null, t["File.NoRows"]);
        }
        return sheet;
    }

    private static (int Number, int Subject, int Score, int FullMarks)? Locate(IReadOnlyList<string> header, ScoreSheet sheet, string fileName, IStringLocalizer t)
    {
        if (header.Count == 0)
        {
            sheet.Problem(0, null, null, t["File.NoHeader", fileName]);
            return null;
        }
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            // A BOM or stray spaces around a name are not a different column; other columns are left alone.
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (Columns.Contains(name) && !found.TryAdd(name, i))
            {
                sheet.Problem(1, name, null, t["File.DuplicateColumn", name]);
            }
        }
        foreach (var column in Columns.Where(c => !found.ContainsKey(c)))
        {
            sheet.Problem(1, column, null, t["File.MissingColumn", column]);
        }
        return sheet.ProblemCount > 0 ? null : (found[NumberColumn], found[SubjectColumn], found[ScoreColumn], found[FullMarksColumn]);
    }

    private static void ReadRows(TableReader reader, (int Number, int Subject, int Score, int FullMarks) at, ScoreSheet sheet, IStringLocalizer t)
    {
        var students = new Dictionary<string, int>(StringComparer.Ordinal);
        var subjects = new Dictionary<string, ScoreSubject>(StringComparer.Ordinal);
        // (student, subject) → the row that gave it first.
        var seen = new Dictionary<long, int>();
        var width = reader.Header.Count;
        while (reader.Read())
        {
            var row = reader.RowNumber;
            var cells = reader.Cells;
            if (reader.RowsMustBeFull && cells.Count < width)
            {
                sheet.Problem(row, null, null, t["File.ShortRow", cells.Count, width]);
                continue;
            }
            string Cell(int i) => i < cells.Count ? cells[i].Trim() : "";
            var number = Cell(at.Number).ToUpperInvariant();
            var subjectName = Cell(at.Subject);
            var scoreText = Cell(at.Score);
            var fullText = Cell(at.FullMarks);
            var ok = true;
            if (number.Length == 0)
            {
                sheet.Problem(row, NumberColumn, null, t["Row.Required"]);
                ok = false;
            }
            if (subjectName.Length == 0)
            {
                sheet.Problem(row, SubjectColumn, null, t["Row.Required"]);
                ok = false;
            }
            else if (subjectName.Length > MaxSubjectLength)
            {
                sheet.Problem(row, SubjectColumn, subjectName, t["Row.SubjectLength", MaxSubjectLength]);
                ok = false;
            }
            double? fullMarks = null;
            if (fullText.Length == 0)
            {
                sheet.Problem(row, FullMarksColumn, null, t["Row.Required"]);
                ok = false;
            }
            else if (!TryNumber(fullText, out var full))
            {
                sheet.Problem(row, FullMarksColumn, fullText, t["Row.Number", fullText]);
                ok = false;
            }
            else if (full <= 0 || full > 1000)
            {
                sheet.Problem(row, FullMarksColumn, fullText, t["Row.FullMarks", fullText]);
                ok = false;
            }
            else
            {
                fullMarks = full;
            }
            double? score = null;
            if (scoreText.Length > 0)
            {
                if (!decimal.TryParse(scoreText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var exact))
                {
                    sheet.Problem(row, ScoreColumn, scoreText, t["Row.Number", scoreText]);
                    ok = false;
                }
                else if (exact.Scale > 2 && decimal.Round(exact, 2) != exact)
                {
                    sheet.Problem(row, ScoreColumn, scoreText, t["Row.Decimals", scoreText]);
                    ok = false;
                }
                else
                {
                    score = (double)exact;
                    if (fullMarks is { } fm && score > fm)
                    {
                        sheet.Problem(row, ScoreColumn, scoreText, t["Row.Range", scoreText, fullText]);
                        ok = false;
                    }
                }
            }
            if (!ok)
            {
                continue;
            }
            if (!subjects.TryGetValue(subjectName, out var subject))
            {
                if (subjects.Count >= MaxSubjects)
                {
                    sheet.Problem(row, SubjectColumn, subjectName, t["Row.Subjects", MaxSubjects]);
                    continue;
                }
                subject = new ScoreSubject((short)(subjects.Count + 1), subjectName, fullMarks!.Value, row);
                subjects.Add(subjectName, subject);
                sheet.Subjects.Add(subject);
            }
            else if (subject.FullMarks != fullMarks)
            {
                sheet.Problem(row, FullMarksColumn, fullText, t["Row.FullMarksDiffers", subjectName, subject.FirstRow, Format(subject.FullMarks), fullText]);
                continue;
            }
            if (!students.TryGetValue(number, out var student))
            {
                student = students.Count;
                students.Add(number, student);
                sheet.Students.Add(number);
                sheet.StudentRows.Add(row);
            }
            if (!seen.TryAdd(((long)student << 8) | (byte)subject.Number, row))
            {
                sheet.Problem(row, SubjectColumn, subjectName, t["Row.Duplicate", number, subjectName, seen[((long)student << 8) | (byte)subject.Number]]);
                continue;
            }
            sheet.Rows.Add(new ScoreRow(row, student, subject.Number, score));
        }
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    public static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
