using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.OrgUnits;
using Qedu.Plans.Data;
using Qedu.Plans.Domain;
using Qedu.PlanDocuments;

namespace Qedu.Plans.Features.Plans;

/// <summary>A unit a task can be assigned to: the bureau itself, one of its departments, or a district bureau under it.</summary>
internal sealed record AssignableUnit(int Id, string Code, string Name, OrgUnitKind Kind);

/// <summary>
/// The units of one bureau as plans name them: the matcher (the names every plan uses, the bureau's own departments and
/// districts as the org tree names them, and the mappings people made before), and the way from a matched name to
/// the org unit a task is assigned to.
/// </summary>
internal sealed class PlanUnits(OrgTree tree, PlansDb db)
{
    public async Task<IReadOnlyList<AssignableUnit>> AssignableAsync(int bureauId, CancellationToken ct = default)
    {
        var bureau = await tree.FindAsync(bureauId, ct);
        var children = (await tree.ChildrenAsync(bureauId, ct)).Where(u => u.Kind == OrgUnitKind.Department || u.Kind == OrgUnitKind.District);
        return [.. (bureau is null ? children : children.Append(bureau))
            .OrderBy(u => u.Kind == OrgUnitKind.Department ? 0 : u.Kind == OrgUnitKind.District ? 1 : -1).ThenBy(u => u.SortOrder).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new AssignableUnit(u.Id, u.Code, u.Name, u.Kind))];
    }

    /// <summary>The matcher for imports into <paramref name="bureauId"/>'s plans, with its remembered mappings.</summary>
    public async Task<Resolver> ResolverAsync(int bureauId, CancellationToken ct = default)
    {
        var assignable = await AssignableAsync(bureauId, ct);
        var mappings = await db.UnitMappings.AsNoTracking().Where(m => m.OrgUnitId == bureauId).ToListAsync(ct);
        return new Resolver(assignable, mappings);
    }

    /// <summary>Printed name → matched name → org unit, for one bureau.</summary>
    internal sealed class Resolver
    {
        private readonly Dictionary<string, AssignableUnit> _byName = new(StringComparer.Ordinal);
        private readonly Dictionary<string, UnitMapping> _mappings = new(StringComparer.Ordinal);
        private readonly AssignableUnit? _bureau;

        public Resolver(IReadOnlyList<AssignableUnit> assignable, IReadOnlyList<UnitMapping> mappings)
        {
            foreach (var unit in assignable)
            {
                _byName.TryAdd(UnitMatcher.Key(unit.Name), unit);
            }
            _bureau = assignable.FirstOrDefault(u => u.Kind is not (OrgUnitKind.Department or OrgUnitKind.District));
            foreach (var mapping in mappings)
            {
                _mappings[mapping.PrintedKey] = mapping;
            }
            // The org tree's own names join the built-in ones, so a bureau whose departments are named otherwise still matches.
            var known = KnownUnits.Default.Concat(assignable
                .Where(u => u.Kind is OrgUnitKind.Department or OrgUnitKind.District)
                .Select(u => new KnownUnit(u.Name, u.Kind.ToDocumentKind(), [])));
            Matcher = new UnitMatcher(known, mappings.ToDictionary(m => m.PrintedName, m => m.Name, StringComparer.Ordinal));
        }

        public UnitMatcher Matcher { get; }

        /// <summary>The org unit a matched name stands for; null for a group, a body outside the system, or an unknown name.</summary>
        public AssignableUnit? UnitFor(string printedName, string matchedName)
        {
            if (_mappings.TryGetValue(UnitMatcher.Key(printedName), out var mapping))
            {
                return mapping.UnitId is { } id ? _byName.Values.FirstOrDefault(u => u.Id == id) : null;
            }
            var key = UnitMatcher.Key(matchedName);
            if (_byName.TryGetValue(key, out var unit))
            {
                return unit;
            }
            // The bureau itself under its usual names ("市教育局", "青岛市教育局").
            var own = KnownUnits.Default[0];
            return _bureau is not null && own.Aliases.Prepend(own.Name).Any(n => UnitMatcher.Key(n) == key) ? _bureau : null;
        }

        /// <summary>True when the name was mapped by a person (even to "outside the system").</summary>
        public bool IsMapped(string printedName) => _mappings.ContainsKey(UnitMatcher.Key(printedName));

        /// <summary>The assignments for a task's printed unit names, in order, each name once.</summary>
        public List<TaskUnit> Assign(int bureauId, IEnumerable<(string Name, UnitRole Role)> printed)
        {
            var result = new List<TaskUnit>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, role) in printed)
            {
                foreach (var match in Matcher.Match(name))
                {
                    if (!seen.Add(UnitMatcher.Key(match.Name)))
                    {
                        continue;
                    }
                    var unit = UnitFor(match.Raw, match.Name);
                    result.Add(new TaskUnit
                    {
                        OrgUnitId = bureauId,
                        Role = role,
                        Name = unit?.Name ?? match.Name,
                        PrintedName = match.Raw,
                        UnitId = unit?.Id,
                        Matched = match.Matched || IsMapped(match.Raw),
                        IsGroup = match.IsGroup,
                        GroupKind = match.IsGroup ? match.Kind?.ToOrgUnitKind() : null,
                        SortOrder = result.Count,
                    });
                }
            }
            return result;
        }
    }
}
