using System.Globalization;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Resources.Contracts;

namespace Qedu.Indicators.Computation;

/// <summary>
/// The resources module's facts, per rural primary or junior school (by its urban–rural code) in the period's year:
/// "sync.rural-schools" (1 each), "sync.rural-paired" (1 when it is the rural side of an urban–rural pairing in force that
/// year), "sync.rural-held" (1 when it held at least one synchronous-classroom session with its partner that year) and
/// "sync.sessions-held" (the sessions held). Schools summed into their district and the city: every rural school, 001-27.
/// </summary>
internal sealed class ResourcesFacts(IResourcesStatistics resources) : IFactSource
{
    public async Task AddFactsAsync(FactContext context, CancellationToken ct)
    {
        var year = int.Parse(context.Period[..4], CultureInfo.InvariantCulture);
        var figures = (await resources.RuralSyncAsync(year, ct)).ToDictionary(f => f.SchoolId);
        foreach (var school in context.Units.Values.Where(u => u.Kind == OrgUnitKind.School))
        {
            if (context.Codes.IsUrban(school.UrbanRuralCode) != false || !context.StagesOf(school).Any(s => s is Stage.Primary or Stage.JuniorSecondary))
            {
                continue;
            }
            context.Facts.Add(school.Id, "sync.rural-schools", 1);
            if (figures.TryGetValue(school.Id, out var f))
            {
                context.Facts.Add(school.Id, "sync.rural-paired", f.Paired ? 1 : 0);
                context.Facts.Add(school.Id, "sync.rural-held", f.HeldSessions > 0 ? 1 : 0);
                context.Facts.Add(school.Id, "sync.sessions-held", f.HeldSessions);
            }
        }
    }
}
