using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Calendar;

/// <summary>
/// Loads the calendar shipped with Qedu into the database at every migration: a year not yet there is added, a year
/// loaded from an earlier shipped file is replaced when the shipped file changed, and a year an operator loaded from a
/// file (<see cref="CalendarImport"/>) is left alone.
/// </summary>
public sealed class CalendarSync(KernelDb db, CalendarImport import, TimeProvider clock)
{
    public async Task<int> SyncAsync(CancellationToken ct = default)
    {
        var shipped = CalendarFile.Shipped(out var digest);
        var origin = "shipped:" + digest;
        var stored = await db.CalendarYears.AsNoTracking().ToDictionaryAsync(y => y.Year, y => y.Origin, ct);
        var years = shipped.Years
            .Where(y => !stored.TryGetValue(y.Year, out var was) || (was.StartsWith("shipped:", StringComparison.Ordinal) && was != origin))
            .Select(y => y.Year).ToHashSet();
        if (years.Count == 0)
        {
            return 0;
        }
        var content = new CalendarFileContent(
            [.. shipped.Days.Where(d => years.Contains(d.Date.Year))], [.. shipped.Years.Where(y => years.Contains(y.Year))], []);
        await import.ReplaceAsync(content, origin, clock.GetUtcNow(), ct);
        return years.Count;
    }
}
