using System.Globalization;
using Qedu.Kernel.Files;

namespace Qedu.Kernel.Calendar;

/// <summary>One refused cell of a calendar file: the row as a spreadsheet numbers it (the header is row 1), the column, and why.</summary>
public sealed record CalendarFileError(int Row, string Column, string Message);

/// <summary>A calendar file read: the listed days and the years they cover, or every refused cell.</summary>
public sealed record CalendarFileContent(IReadOnlyList<CalendarDay> Days, IReadOnlyList<CalendarYear> Years, IReadOnlyList<CalendarFileError> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// The working-day calendar as a file (docs/working-days.md): CSV (UTF-8 or GB18030) or .xlsx, header
/// <c>日期,类别,节日,依据</c> (or <c>date,kind,holiday,source</c>), one row per listed day: the date (yyyy-MM-dd), 放假
/// (a day off; also <c>rest</c>) or 上班 (an adjusted working day; also <c>work</c>), the holiday's name, and the notice
/// it comes from. The years of the dates are the years the file covers, whole: a year in the file replaces that year's
/// list, so every listed day of a year must be in one file, with one notice. Every row is checked before anything is used.
/// </summary>
public static class CalendarFile
{
    public static readonly IReadOnlyList<(string Zh, string En)> Columns = [("日期", "date"), ("类别", "kind"), ("节日", "holiday"), ("依据", "source")];

    private const int DateColumn = 0, KindColumn = 1, HolidayColumn = 2, SourceColumn = 3;

    /// <summary>Reads <paramref name="table"/>; <paramref name="text"/> gives a message for a key and its values (KernelText).</summary>
    public static CalendarFileContent Read(TableReader table, Func<string, object?[], string> text)
    {
        var errors = new List<CalendarFileError>();
        var map = new int?[Columns.Count];
        for (var i = 0; i < table.Header.Count; i++)
        {
            var name = table.Header[i].Trim().TrimStart('\uFEFF');
            var column = Columns.Select((c, index) => (c, index))
                .FirstOrDefault(x => string.Equals(x.c.Zh, name, StringComparison.Ordinal) || string.Equals(x.c.En, name, StringComparison.OrdinalIgnoreCase));
            if (column.c.Zh is not null)
            {
                map[column.index] ??= i;
            }
        }
        for (var c = 0; c < Columns.Count; c++)
        {
            if (map[c] is null)
            {
                errors.Add(new(1, Columns[c].Zh, text("Calendar.Column", [Columns[c].Zh, Columns[c].En])));
            }
        }
        if (errors.Count > 0)
        {
            return new([], [], errors);
        }

        var days = new Dictionary<DateOnly, (CalendarDay Day, int Row)>();
        var sources = new Dictionary<int, (string Source, int Row)>();
        while (table.Read())
        {
            var row = table.RowNumber;
            string Cell(int column) => map[column] is int i && i < table.Cells.Count ? SpreadsheetCells.Unescape(table.Cells[i]).Trim() : "";
            void Error(int column, string key, params object?[] values) => errors.Add(new(row, Columns[column].Zh, text(key, values)));

            var dateText = Cell(DateColumn);
            var parsed = DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
            if (!parsed)
            {
                Error(DateColumn, "Calendar.Date", dateText);
            }
            var kind = Cell(KindColumn);
            bool? working = kind switch
            {
                "上班" or "work" or "Work" => true,
                "放假" or "rest" or "Rest" => false,
                _ => null,
            };
            if (working is null)
            {
                Error(KindColumn, "Calendar.Kind", kind);
            }
            var holiday = Cell(HolidayColumn);
            if (holiday.Length is 0 or > 20)
            {
                Error(HolidayColumn, "Calendar.Holiday", 20);
            }
            var source = Cell(SourceColumn);
            if (source.Length is 0 or > 200)
            {
                Error(SourceColumn, "Calendar.Source", 200);
            }
            if (!parsed || working is null)
            {
                continue;
            }
            if (days.TryGetValue(date, out var earlier))
            {
                Error(DateColumn, "Calendar.Twice", dateText, earlier.Row);
                continue;
            }
            // A day off on a weekend or a working day on a weekday says nothing the weekday does not: likely a typo.
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (working == true && !weekend)
            {
                Error(KindColumn, "Calendar.WorkOnWeekday", dateText);
            }
            if (source.Length > 0)
            {
                if (!sources.TryGetValue(date.Year, out var first))
                {
                    sources[date.Year] = (source, row);
                }
                else if (!string.Equals(first.Source, source, StringComparison.Ordinal))
                {
                    Error(SourceColumn, "Calendar.TwoSources", date.Year, first.Row);
                }
            }
            days[date] = (new CalendarDay { Date = date, Working = working.Value, Holiday = holiday }, row);
        }
        if (errors.Count == 0 && days.Count == 0)
        {
            errors.Add(new(2, Columns[DateColumn].Zh, text("Calendar.Empty", [])));
        }
        if (errors.Count > 0)
        {
            return new([], [], errors);
        }
        return new(
            [.. days.Values.Select(d => d.Day).OrderBy(d => d.Date)],
            [.. sources.OrderBy(s => s.Key).Select(s => new CalendarYear { Year = s.Key, Source = s.Value.Source })],
            []);
    }

    /// <summary>The calendar shipped with Qedu (Calendar/Data/china-holidays.csv): the State Council's notices, with their sources.</summary>
    public static CalendarFileContent Shipped(out string digest)
    {
        using var stream = typeof(CalendarFile).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException("The working-day calendar is not embedded in the kernel.");
        digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream))[..16];
        stream.Position = 0;
        using var table = new CsvTableReader(stream, null, (key, _) => key);
        var content = Read(table, (key, values) => $"{key} {string.Join(' ', values)}");
        return content.Ok ? content : throw new InvalidOperationException(
            "The shipped working-day calendar is broken: " + string.Join("; ", content.Errors.Select(e => $"row {e.Row} {e.Column}: {e.Message}")));
    }

    private const string ShippedResource = "Qedu.Calendar.china-holidays.csv";
}
