using System.Globalization;
using Qedu.Family.Contracts;

namespace Qedu.Indicators.Computation;

/// <summary>
/// The family module's facts, per school, of the school year that began in the period's year (as the growth facts):
/// "visits.students" students on the roll of its classes, "visits.visited" those with at least one home visit done that
/// school year (万名教师温情家访, 003-5), by the visits page's own rule; "committees.schools" 1 for each open school and
/// "committees.formed" 1 for one whose parent committee is formed that school year (家长委员会, 001-34), by the committees
/// page's rule; summed into the district and the city.
/// </summary>
internal sealed class FamilyFacts(IHomeVisits visits, IFamilySchool familySchool) : IFactSource
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
        foreach (var c in await familySchool.CommitteesAsync(year, ct))
        {
            if (context.Units.ContainsKey(c.SchoolId))
            {
                context.Facts.Add(c.SchoolId, "committees.schools", 1);
                context.Facts.Add(c.SchoolId, "committees.formed", c.SchoolCommittee ? 1 : 0);
            }
        }
    }
}
