using Qedu.Rectifications.Contracts;

namespace Qedu.Indicators.Computation;

/// <summary>
/// The shared rectification module's facts, per responsible unit (a school for a hazard or a visit's finding), as they
/// stand when computed: "safety.hazards" found, "safety.hazards-closed" verified and closed (销号), "safety.hazards-overdue"
/// open past their deadline; "inspection.findings" and "inspection.findings-closed" likewise for inspectors' visits.
/// </summary>
internal sealed class RectificationFacts(IRectifications rectifications) : IFactSource
{
    public async Task AddFactsAsync(FactContext context, CancellationToken ct)
    {
        foreach (var (kind, prefix) in new[] { ("safety.hazard", "safety.hazards"), ("inspection.visit", "inspection.findings") })
        {
            foreach (var c in await rectifications.CityCountsAsync(kind, ct))
            {
                if (context.Units.ContainsKey(c.UnitId))
                {
                    context.Facts.Add(c.UnitId, prefix, c.Total);
                    context.Facts.Add(c.UnitId, prefix + "-closed", c.Closed);
                    context.Facts.Add(c.UnitId, prefix + "-overdue", c.Overdue);
                }
            }
        }
    }
}
