using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Data;
using Qedu.Kernel.Files;
using Qedu.Kernel.Localization;

namespace Qedu.Kernel.Calendar;

/// <summary>What loading a calendar file did (or, with errors or a file problem, refused to do: then nothing was written).</summary>
public sealed record CalendarImportResult(IReadOnlyList<CalendarYear> Years, int Days, IReadOnlyList<CalendarFileError> Errors, string? FileProblem)
{
    public bool Ok => Errors.Count == 0 && FileProblem is null;
}

/// <summary>
/// Loads a year's holiday notice from a file (<see cref="CalendarFile"/>), e.g. when the State Council publishes the next
/// year's in November: every year in the file replaces that year's list whole, in one transaction, audited; a file with
/// any refused cell writes nothing. A year loaded so is never replaced by the calendar shipped with Qedu.
/// </summary>
public sealed class CalendarImport(KernelDb db, WorkingCalendar calendar, TimeProvider clock, IStringLocalizer<KernelText> t)
{
    public const long MaxFileBytes = 1L << 20;

    public async Task<CalendarImportResult> ImportAsync(string path, string fileName, bool dryRun, CancellationToken ct = default)
    {
        if (!TableFormats.TryFromFileName(fileName, out var format))
        {
            return Refused(Text("Calendar.Format", fileName));
        }
        var length = new FileInfo(path).Length;
        if (length is 0 or > MaxFileBytes)
        {
            return Refused(Text("Calendar.Size", fileName, MaxFileBytes >> 20));
        }
        CalendarFileContent content;
        try
        {
            using var table = TableReader.Open(path, format, (key, values) => fileName + ": " + Text("Calendar." + key, values),
                new TableLimits(16L << 20, 1L << 20));
            content = CalendarFile.Read(table, (key, values) => Text(key, values));
        }
        catch (TableFileException e)
        {
            return Refused(e.Message);
        }
        if (!content.Ok)
        {
            return new([], 0, content.Errors, null);
        }
        if (!dryRun)
        {
            await ReplaceAsync(content, "file:" + Path.GetFileName(fileName), clock.GetUtcNow(), ct);
        }
        return new(content.Years, content.Days.Count, [], null);
    }

    /// <summary>Replaces the years of <paramref name="content"/> with its days, in one transaction.</summary>
    internal async Task ReplaceAsync(CalendarFileContent content, string origin, DateTimeOffset at, CancellationToken ct)
    {
        var years = content.Years.Select(y => y.Year).ToHashSet();
        var from = new DateOnly(years.Min(), 1, 1);
        var to = new DateOnly(years.Max(), 12, 31);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.CalendarDays.RemoveRange(
            (await db.CalendarDays.Where(d => d.Date >= from && d.Date <= to).ToListAsync(ct)).Where(d => years.Contains(d.Date.Year)));
        db.CalendarYears.RemoveRange(await db.CalendarYears.Where(y => years.Contains(y.Year)).ToListAsync(ct));
        // The removals first: a day listed again is a new row with the same key.
        await db.SaveChangesAsync(ct);
        db.CalendarDays.AddRange(content.Days.Select(d => new CalendarDay { Date = d.Date, Working = d.Working, Holiday = d.Holiday }));
        db.CalendarYears.AddRange(content.Years.Select(y => new CalendarYear { Year = y.Year, Source = y.Source, Origin = origin, LoadedAt = at }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        calendar.Changed();
    }

    private string Text(string key, params object?[] values) => string.Format(CultureInfo.CurrentCulture, t[key], values);

    private static CalendarImportResult Refused(string problem) => new([], 0, [], problem);
}
