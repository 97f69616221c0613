using System.Globalization;
using Microsoft.Extensions.Localization;
using Qedu.Growth.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Files;
using Qedu.Registry.Contracts;

namespace Qedu.Growth.Health;

/// <summary>One problem of a health file: the spreadsheet row (1 = header; 0 = the file as a whole), the column as the file names it, the value, and what is wrong.</summary>
internal sealed record HealthProblem(int Row, string? Column, string? Value, string Message);

/// <summary>
/// What an import did, or (not <see cref="Ok"/>) why it wrote nothing: rows, students, results replacing an earlier one of
/// the same school year, counts by outcome (levels, or poor vision and myopia), and every problem by row and column (the first 1,000).
/// </summary>
internal sealed record HealthImportReport(
    bool Ok, bool DryRun, string File, int SchoolYear, int Rows, int Replaced, IReadOnlyDictionary<string, int> Counts, int ProblemCount,
    IReadOnlyList<HealthProblem> Problems);

/// <summary>A column of a health file: its Chinese header, the English one accepted instead (and another Chinese spelling), and whether every file must have it.</summary>
internal sealed record HealthColumn(string Zh, string En, bool Required, string? Alias = null);

/// <summary>A row of a health file: its spreadsheet row number and its cells in the order of the columns asked for ("" where absent).</summary>
internal sealed record HealthRow(int Number, string[] Cells);

/// <summary>
/// What the fitness and vision imports share (docs/growth.md): reading a .csv (UTF-8 or GB18030) or .xlsx of one row per
/// student by 学籍号 with the columns asked for, collecting problems by row and column in the reader's language, finding
/// the students on the test day through the registry's roster (the caller's scope) and keeping those at the schools
/// where the caller holds <c>growth.health</c>.
/// </summary>
internal sealed class HealthFile(WorkFiles work, IStudentRoster roster, GrowthAccess access, TimeProvider clock, IStringLocalizer<GrowthText> t)
{
    public const long MaxFileBytes = 16L << 20;
    public const int MaxRows = 50_000;
    public const int MaxProblems = 1_000;

    private readonly List<HealthProblem> problems = [];
    private IReadOnlyList<HealthColumn> columns = [];

    public int ProblemCount { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The columns each row's cells follow, for naming them in problems.</summary>
    public IReadOnlyList<HealthColumn> Columns => columns;

    /// <summary>Which columns the file's header has.</summary>
    public bool[] Present { get; private set; } = [];

    public void Problem(int row, int? column, string? value, string message)
    {
        ProblemCount++;
        if (problems.Count < MaxProblems)
        {
            problems.Add(new HealthProblem(row, column is { } c ? columns[c].Zh : null, value, message));
        }
    }

    /// <summary>The report of an import: problems in row order.</summary>
    public HealthImportReport Report(bool dryRun, int schoolYear, int rows, int replaced, IReadOnlyDictionary<string, int> counts) =>
        new(ProblemCount == 0, dryRun, Name, schoolYear, rows, replaced, counts, ProblemCount, [.. problems.OrderBy(p => p.Row)]);

    /// <summary>
    /// The day a file is for (<paramref name="day"/>, or today; a day in the future is a problem), the school year it falls
    /// in, and the file's rows (null when it cannot be read: see <see cref="ReadAsync"/>).
    /// </summary>
    public async Task<(DateOnly Day, int SchoolYear, IReadOnlyList<HealthRow>? Rows)> OpenAsync(
        IReadOnlyList<HealthColumn> wanted, string? fileName, Stream? content, long length, DateOnly? day, CancellationToken ct)
    {
        var today = Qedu.Kernel.Calendar.CityDate.Today(clock);
        var on = day ?? today;
        var rows = await ReadAsync(wanted, fileName, content, length, ct);
        if (on > today)
        {
            Problem(0, null, Day(on), t["Health.File.Future"]);
        }
        return (on, SchoolYearOf(on), rows);
    }

    /// <summary>
    /// The file's rows, or null when the file itself cannot be read (missing, too large, not a table, a required column
    /// missing, too many rows): the problem says which.
    /// </summary>
    public async Task<IReadOnlyList<HealthRow>?> ReadAsync(IReadOnlyList<HealthColumn> wanted, string? fileName, Stream? content, long length, CancellationToken ct)
    {
        columns = wanted;
        Name = Path.GetFileName(fileName ?? "");
        if (content is null || length <= 0)
        {
            Problem(0, null, null, t["Health.File.Missing"]);
            return null;
        }
        if (!TableFormats.TryFromFileName(Name, out var format))
        {
            Problem(0, null, null, t["Health.File.Format", Name]);
            return null;
        }
        if (length > MaxFileBytes)
        {
            Problem(0, null, null, t["Health.File.Size", Name, MaxFileBytes >> 20]);
            return null;
        }
        // The readers stream from a file: the upload waits in the work directory, deleted whatever happens.
        var path = work.NewPath(TableFormats.Extension(format));
        try
        {
            await using (var file = WorkFiles.Create(path))
            {
                await content.CopyToAsync(file, ct);
            }
            var rows = Read(path, format);
            if (rows is { Count: 0 })
            {
                Problem(0, null, null, t["Health.File.NoRows", Name]);
                return null;
            }
            return rows;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private List<HealthRow>? Read(string path, TableFormat format)
    {
        var rows = new List<HealthRow>();
        try
        {
            using var table = TableReader.Open(path, format, (key, values) => Name + ": " + t["Health." + key, [.. values.Select(v => v ?? "")]],
                new TableLimits(64L << 20, 16L << 20));
            var map = new int?[columns.Count];
            for (var i = 0; i < table.Header.Count; i++)
            {
                var header = SpreadsheetCells.Unescape(table.Header[i]).Trim();
                var at = columns.ToList().FindIndex(c => c.Zh == header || c.Alias == header || string.Equals(c.En, header, StringComparison.OrdinalIgnoreCase));
                if (at >= 0)
                {
                    map[at] ??= i;
                }
            }
            Present = [.. map.Select(m => m is not null)];
            var missing = Enumerable.Range(0, columns.Count).Where(c => columns[c].Required && map[c] is null).ToList();
            foreach (var c in missing)
            {
                Problem(1, c, null, t["Health.File.Column", columns[c].Zh, string.Join(",", columns.Where(x => x.Required).Select(x => x.Zh))]);
            }
            if (missing.Count > 0)
            {
                return null;
            }
            while (table.Read())
            {
                if (rows.Count >= MaxRows)
                {
                    Problem(table.RowNumber, null, null, t["Health.File.TooMany", MaxRows]);
                    return null;
                }
                var cells = new string[columns.Count];
                for (var c = 0; c < columns.Count; c++)
                {
                    cells[c] = map[c] is int i && i < table.Cells.Count ? SpreadsheetCells.Unescape(table.Cells[i]).Trim() : "";
                }
                if (cells.All(c => c.Length == 0))
                {
                    continue;
                }
                rows.Add(new HealthRow(table.RowNumber, cells));
            }
        }
        catch (TableFileException e)
        {
            Problem(0, null, null, e.Message);
            return null;
        }
        return rows;
    }

    /// <summary>
    /// The students of the rows (column <paramref name="numberColumn"/>) enrolled on <paramref name="day"/> at a school where
    /// the caller holds <c>growth.health</c>; a row whose student is not found, or is found elsewhere, or is named twice, is a problem.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, RosterStudent>> StudentsAsync(IReadOnlyList<HealthRow> rows, int numberColumn, DateOnly day, CancellationToken ct)
    {
        var numbers = rows.Select(r => r.Cells[numberColumn].ToUpperInvariant()).Where(n => n.Length is > 0 and <= 30).ToList();
        var found = await roster.EnrolledOnAsync(numbers, day, ct);
        var keeps = new Dictionary<int, bool>();
        foreach (var school in found.Values.Select(s => s.SchoolId).Distinct())
        {
            keeps[school] = await access.MayAsync(Permissions.GrowthHealth, school, ct);
        }
        var students = new Dictionary<int, RosterStudent>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var number = row.Cells[numberColumn].ToUpperInvariant();
            if (number.Length is 0 or > 30)
            {
                Problem(row.Number, numberColumn, number, t["Health.Row.Required"]);
                continue;
            }
            if (!seen.TryAdd(number, row.Number))
            {
                Problem(row.Number, numberColumn, number, t["Health.Row.Twice", seen[number]]);
                continue;
            }
            if (found.GetValueOrDefault(number) is { } student && keeps[student.SchoolId])
            {
                students[row.Number] = student;
            }
            else
            {
                Problem(row.Number, numberColumn, number, t["Health.Row.Student", number, Day(day)]);
            }
        }
        return students;
    }

    /// <summary>A number cell: null (with a problem) unless it parses and lies within the range.</summary>
    public double? Number(HealthRow row, int column, double min, double max)
    {
        var cell = row.Cells[column];
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        Problem(row.Number, column, cell, t["Health.Row.Range", Format(min), Format(max)]);
        return null;
    }

    /// <summary>A yes/no cell: empty, 0, 否, 无 or no is no; 1, 是, 有 or yes is yes; anything else a problem.</summary>
    public bool YesNo(HealthRow row, int column)
    {
        var cell = row.Cells[column];
        switch (cell.ToLowerInvariant())
        {
            case "" or "0" or "否" or "无" or "no" or "n":
                return false;
            case "1" or "是" or "有" or "yes" or "y":
                return true;
            default:
                Problem(row.Number, column, cell, t["Health.Row.YesNo"]);
                return false;
        }
    }

    /// <summary>The school year a day belongs to, by the year it began (1 September).</summary>
    public static int SchoolYearOf(DateOnly day) => Kernel.Calendar.CityDate.SchoolYearOf(day);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
