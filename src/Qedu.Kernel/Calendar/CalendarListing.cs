using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Calendar;

/// <summary>The calendar as loaded: its years with their sources, and each listed day (for <c>qedu calendar show</c> and pages).</summary>
public sealed record CalendarListingResult(IReadOnlyList<CalendarYear> Years, IReadOnlyList<CalendarDay> Days);

public sealed class CalendarListing(IServiceScopeFactory scopes)
{
    public async Task<CalendarListingResult> ListAsync(int? year, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("calendar"));
        var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
        var years = await db.CalendarYears.AsNoTracking().Where(y => year == null || y.Year == year).OrderBy(y => y.Year).ToListAsync(ct);
        var days = db.CalendarDays.AsNoTracking();
        if (year is int only)
        {
            var (from, to) = (new DateOnly(only, 1, 1), new DateOnly(only, 12, 31));
            days = days.Where(d => d.Date >= from && d.Date <= to);
        }
        return new(years, await days.OrderBy(d => d.Date).ToListAsync(ct));
    }
}
