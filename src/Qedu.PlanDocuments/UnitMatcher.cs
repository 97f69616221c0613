using System.Text.RegularExpressions;

namespace Qedu.PlanDocuments;

/// <summary>One name as printed and what it matched: the org unit's name, or the printed name kept and flagged.</summary>
public sealed record UnitMatch(string Raw, string Name, bool Matched, UnitKind? Kind, bool IsGroup);

/// <summary>
/// Matches unit names as plans print them to known units. Spelling variants fold together (full- and half-width
/// brackets, "区（市）" for "区市", a "（筹）" of a unit being set up); names run together without a separator
/// ("基教处思政处") are split when every part is known. A name that matches nothing is kept and reported unmatched;
/// the mappings a person made for such names are passed in as <c>remembered</c> and win over everything else.
/// </summary>
public sealed partial class UnitMatcher
{
    private readonly Dictionary<string, KnownUnit> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _remembered = new(StringComparer.Ordinal);
    private readonly int _longestKey;

    public UnitMatcher(IEnumerable<KnownUnit> known, IReadOnlyDictionary<string, string>? remembered = null)
    {
        foreach (var unit in known)
        {
            foreach (var name in unit.Aliases.Prepend(unit.Name))
            {
                _byKey.TryAdd(Key(name), unit);
            }
        }
        foreach (var (raw, name) in remembered ?? new Dictionary<string, string>())
        {
            _remembered[Key(raw)] = name;
        }
        _longestKey = _byKey.Keys.Append("").Max(k => k.Length);
    }

    public static UnitMatcher Default { get; } = new(KnownUnits.Default);

    /// <summary>True for the words that stand for "whoever else is concerned" (相关处室, 有关单位): not a unit, not flagged.</summary>
    public static bool IsPlaceholder(string name) => Placeholder().IsMatch(Key(name));

    /// <summary>True when <paramref name="name"/> is known, or looks like a unit name (ends in 处, 局, 中心 …).</summary>
    public bool LooksLikeUnit(string name)
    {
        var key = Key(name);
        return key.Length is >= 2 and <= 24 && (_byKey.ContainsKey(key) || _remembered.ContainsKey(key) || UnitSuffix().IsMatch(key) || Segment(key) is not null);
    }

    public bool IsKnown(string name) => _byKey.ContainsKey(Key(name)) || _remembered.ContainsKey(Key(name)) || Segment(Key(name)) is not null;

    /// <summary>The matches for one printed name; several when it is names run together.</summary>
    public IReadOnlyList<UnitMatch> Match(string raw)
    {
        var printed = raw.Trim();
        var key = Key(printed);
        if (_remembered.TryGetValue(key, out var mapped))
        {
            var target = _byKey.GetValueOrDefault(Key(mapped));
            return [new(printed, target?.Name ?? mapped, true, target?.Kind, target?.IsGroup ?? false)];
        }
        if (_byKey.TryGetValue(key, out var unit))
        {
            return [new(printed, unit.Name, true, unit.Kind, unit.IsGroup)];
        }
        if (Segment(key) is { } parts)
        {
            return [.. parts.Select(p => new UnitMatch(p.Key, p.Unit.Name, true, p.Unit.Kind, p.Unit.IsGroup))];
        }
        return [new(printed, printed, false, null, false)];
    }

    /// <summary>Splits a key into known names covering all of it, longest names first; null when it cannot.</summary>
    private List<(string Key, KnownUnit Unit)>? Segment(string key)
    {
        if (key.Length < 4)
        {
            return null;
        }
        var parts = new List<(string, KnownUnit)>();
        return Segment(key, 0, parts) && parts.Count > 1 ? parts : null;
    }

    private bool Segment(string key, int start, List<(string, KnownUnit)> parts)
    {
        if (start == key.Length)
        {
            return true;
        }
        for (int length = Math.Min(_longestKey, key.Length - start); length >= 2; length--)
        {
            var piece = key.Substring(start, length);
            if (_byKey.TryGetValue(piece, out var unit))
            {
                parts.Add((piece, unit));
                if (Segment(key, start + length, parts))
                {
                    return true;
                }
                parts.RemoveAt(parts.Count - 1);
            }
        }
        return false;
    }

    /// <summary>The spelling-insensitive form of a name: no spaces, brackets or 、, no "（筹）".</summary>
    public static string Key(string name)
    {
        var key = name.Replace('（', '(').Replace('）', ')');
        key = key.Replace("(筹)", "", StringComparison.Ordinal);
        return Ignored().Replace(key, "");
    }

    [GeneratedRegex(@"[\s()、·]")]
    private static partial Regex Ignored();

    [GeneratedRegex(@"^各?(相关|有关|其他|其它|涉及)(的)?(处室|单位|部门|科室|责任单位|区市|学校)$")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(处|室|局|办|委|院|中心|政府|科|部|厅|站|工委|委员会|办公室|公司|集团|大学|学院|协会|联合会|团市委|妇联|工会)$")]
    private static partial Regex UnitSuffix();
}
