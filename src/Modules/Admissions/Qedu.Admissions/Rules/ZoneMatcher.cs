using Qedu.Admissions.Domain;

namespace Qedu.Admissions.Rules;

/// <summary>
/// Finds the school whose attendance zone holds a home address: by the compound's name first (the way families and
/// zone lists name most homes), then by street and door number. Names are compared after removing spaces and full-width
/// forms, so "海信 花园" and "海信花园" match. No match (or lines of two schools that both hold the address: a zone
/// list to correct) sends the application to the district's manual queue.
/// </summary>
internal static class ZoneMatcher
{
    /// <summary>The zone school, or none (<see cref="Ambiguous"/>: two schools hold it); the line that matched, for its coordinates.</summary>
    public sealed record Match(int? SchoolId, bool Ambiguous, ZoneLine? Line = null);

    public static Match Find(IReadOnlyCollection<ZoneLine> lines, string? compound, string? street, int? number) =>
        new Index(lines).Find(compound, street, number);

    /// <summary>A season's zone lines by normalised compound and street name: a match is two lookups, not a scan.</summary>
    public sealed class Index
    {
        private readonly Dictionary<string, List<ZoneLine>> _compounds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<ZoneLine>> _streets = new(StringComparer.Ordinal);

        public Index(IEnumerable<ZoneLine> lines)
        {
            foreach (var line in lines)
            {
                var (map, name) = line.Compound is not null ? (_compounds, Normalize(line.Compound))
                    : line.Street is not null ? (_streets, Normalize(line.Street))
                    : (null, "");
                if (map is null || name.Length == 0)
                {
                    continue;
                }
                if (!map.TryGetValue(name, out var list))
                {
                    map[name] = list = [];
                }
                list.Add(line);
            }
        }

        public Match Find(string? compound, string? street, int? number)
        {
            var compoundLines = _compounds.GetValueOrDefault(Normalize(compound)) ?? [];
            var byCompound = Schools(compoundLines);
            if (byCompound.Count > 0)
            {
                return byCompound.Count == 1 ? new(byCompound[0], false, compoundLines[0]) : new(null, true);
            }
            if (number is not int n)
            {
                return new(null, false);
            }
            var streetLines = (_streets.GetValueOrDefault(Normalize(street)) ?? []).Where(l => Covers(l, n)).ToList();
            var byStreet = Schools(streetLines);
            return byStreet.Count switch
            {
                0 => new(null, false),
                1 => new(byStreet[0], false, streetLines[0]),
                _ => new(null, true),
            };
        }
    }

    public static bool Covers(ZoneLine line, int number) =>
        (line.FromNumber is not int from || number >= from)
        && (line.ToNumber is not int to || number <= to)
        && line.Parity switch
        {
            NumberParity.Odd => number % 2 == 1,
            NumberParity.Even => number % 2 == 0,
            _ => true,
        };

    /// <summary>The form names are compared in: no spaces, full-width letters and digits folded to ASCII.</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }
        var folded = name.Normalize(System.Text.NormalizationForm.FormKC);
        return string.Concat(folded.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }

    private static List<int> Schools(IEnumerable<ZoneLine> lines) => lines.Select(l => l.SchoolId).Distinct().ToList();
}
