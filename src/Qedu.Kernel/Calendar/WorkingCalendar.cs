using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Calendar;

/// <summary>
/// The working-day calendar every module counts its time limits with (one for all: status changes, reports, cases).
/// Held in memory (a few dozen rows a year); a node asks at most once every <see cref="Refresh"/> whether any year was
/// loaded since it read them, so a file loaded on one node is counted by every node within a minute, and at once on the
/// node that loaded it (<see cref="Changed"/>).
/// </summary>
public sealed class WorkingCalendar(IServiceScopeFactory scopes)
{
    public static readonly TimeSpan Refresh = TimeSpan.FromMinutes(1);

    private Loaded? _loaded;

    private sealed record Loaded(WorkingDays Days, (int Years, DateTimeOffset? Latest) Stamp, long CheckedAt);

    /// <summary>The calendar as loaded in the database.</summary>
    public async ValueTask<WorkingDays> CurrentAsync(CancellationToken ct = default)
    {
        var loaded = Volatile.Read(ref _loaded);
        if (loaded is not null && Environment.TickCount64 - loaded.CheckedAt < (long)Refresh.TotalMilliseconds)
        {
            return loaded.Days;
        }
        // Two requests at the turn of a minute may both look: a small read twice, rather than a lock on every count.
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("calendar"));
        var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
        var years = await db.CalendarYears.AsNoTracking().Select(y => new { y.Year, y.LoadedAt }).ToListAsync(ct);
        var stamp = (years.Count, years.Count == 0 ? (DateTimeOffset?)null : years.Max(y => y.LoadedAt));
        var days = loaded is not null && loaded.Stamp == stamp
            ? loaded.Days
            : new WorkingDays(
                (await db.CalendarDays.AsNoTracking().ToListAsync(ct)).Select(d => (d.Date, d.Working)),
                years.Select(y => y.Year));
        Volatile.Write(ref _loaded, new Loaded(days, stamp, Environment.TickCount64));
        return days;
    }

    /// <summary>The calendar changed on this node: read it again at the next question.</summary>
    public void Changed() => Volatile.Write(ref _loaded, null);
}
