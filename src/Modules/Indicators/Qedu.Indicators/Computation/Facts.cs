using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Indicators.Computation;

/// <summary>
/// The counts indicators are computed from, per org unit: "students.primary", "classes.junior.56plus",
/// "form.campus-network.compliant"… A source adds them for the units it knows (schools, district bureaus); the
/// computation then sums every fact into the unit's ancestors.
/// </summary>
internal sealed class FactTable
{
    private readonly Dictionary<int, Dictionary<string, decimal>> _byUnit = [];

    public void Add(int orgUnitId, string fact, decimal value)
    {
        if (!_byUnit.TryGetValue(orgUnitId, out var facts))
        {
            _byUnit[orgUnitId] = facts = new Dictionary<string, decimal>(StringComparer.Ordinal);
        }
        facts[fact] = facts.GetValueOrDefault(fact) + value;
    }

    public decimal? Get(int orgUnitId, string fact) =>
        _byUnit.TryGetValue(orgUnitId, out var facts) && facts.TryGetValue(fact, out var value) ? value : null;

    public IEnumerable<int> Units => _byUnit.Keys;

    public IReadOnlyDictionary<string, decimal> Of(int orgUnitId) =>
        _byUnit.TryGetValue(orgUnitId, out var facts) ? facts : new Dictionary<string, decimal>();

    /// <summary>Adds every fact of the given units to each of their ancestors (a district's students are its schools' students).</summary>
    public void RollUp(IReadOnlyDictionary<int, int[]> ancestorsOf)
    {
        // Each unit's own facts, copied first: a district's own form figures go up to the city once, not again with the
        // school figures it has received by then.
        var own = _byUnit.Select(u => (Unit: u.Key, Facts: u.Value.ToList())).ToList();
        foreach (var (unit, facts) in own)
        {
            if (!ancestorsOf.TryGetValue(unit, out var ancestors))
            {
                continue;
            }
            foreach (var (fact, value) in facts)
            {
                foreach (var ancestor in ancestors)
                {
                    Add(ancestor, fact, value);
                }
            }
        }
    }
}

/// <summary>What a fact source needs: the period, the org units with their attributes, and where to put its facts.</summary>
internal sealed record FactContext(string Period, IReadOnlyDictionary<int, OrgUnit> Units, CodeBook Codes, FactTable Facts)
{
    public IReadOnlyList<Stage> StagesOf(OrgUnit unit) => Codes.StagesOf(unit.SchoolTypeCode);
}

/// <summary>Supplies facts for a period: the registry, collection forms.</summary>
internal interface IFactSource
{
    Task AddFactsAsync(FactContext context, CancellationToken ct);
}
