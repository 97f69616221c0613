using System.Globalization;
using Qedu.Family.Contracts;

namespace Qedu.Indicators.Computation;

/// <summary>
/// The family module's facts, per school, of the school year that began in the period's year (as the growth facts):
/// "visits.students" students on the roll of its classes, "visits.visited" those with at least one home visit done that
/// school year (万名教师温情家访, 003-5), by the visits page's own rule; summed into the district and the city.
/// </summary>
internal sealed class FamilyFacts(IHomeVisits visits) : IFactSource
{
    public async Task AddFactsAsync(FactContext context, CancellationToken ct)
    {
        var year = int.Parse(context.Period[..4], CultureInfo.InvariantCulture);
        foreach (var f in await visits.CoverageAsync(year, ct))
        {
            if (context.Units.ContainsKey(f.SchoolId))
            {
                context.Facts.Add(f.SchoolId, "visits.students", f.Students);
                context.Facts.Add(f.SchoolId, "visits.visited", f.Visited);
            }
        }
    }
}
