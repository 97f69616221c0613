using System.Globalization;
using Qedu.StudentServices.Contracts;

namespace Qedu.Indicators.Computation;

/// <summary>
/// The student services' facts per school: status changes (学籍异动) completed in the period's year, and how many within
/// their legal and promised limits and asked online ("status-changes.*"), and the ratings (好差评) given to them
/// ("service-ratings.*"), and the dropout cases (控辍保学: "dropouts.*"); a month's period takes its year's.
/// </summary>
internal sealed class StudentServicesFacts(IStudentServicesStatistics services) : IFactSource
{
    public async Task AddFactsAsync(FactContext context, CancellationToken ct)
    {
        var year = int.Parse(context.Period[..4], CultureInfo.InvariantCulture);
        foreach (var f in await services.FiguresAsync(year, ct))
        {
            if (!context.Units.ContainsKey(f.OrgUnitId))
            {
                continue;
            }
            context.Facts.Add(f.OrgUnitId, "status-changes.completed", f.Completed);
            context.Facts.Add(f.OrgUnitId, "status-changes.within-legal", f.WithinLegal);
            context.Facts.Add(f.OrgUnitId, "status-changes.within-promised", f.WithinPromised);
            context.Facts.Add(f.OrgUnitId, "status-changes.zero-trip", f.ZeroTrip);
            context.Facts.Add(f.OrgUnitId, "service-ratings.rated", f.Rated);
            context.Facts.Add(f.OrgUnitId, "service-ratings.good", f.RatedGood);
        }
        foreach (var d in await services.DropoutsAsync(year, ct))
        {
            if (context.Units.ContainsKey(d.OrgUnitId))
            {
                context.Facts.Add(d.OrgUnitId, "dropouts.reported", d.Reported);
                context.Facts.Add(d.OrgUnitId, "dropouts.returned", d.Returned);
                context.Facts.Add(d.OrgUnitId, "dropouts.open", d.OpenAtEnd);
            }
        }
    }
}
