using System.Text.RegularExpressions;

namespace Qedu.PlanDocuments;

/// <summary>Who leads a task and who takes part, as printed (not yet matched to org units).</summary>
public sealed record UnitAssignment(IReadOnlyList<string> Lead, IReadOnlyList<string> Participating)
{
    public static readonly UnitAssignment None = new([], []);

    public bool IsEmpty => Lead.Count == 0 && Participating.Count == 0;
}

/// <summary>
/// Finds the units of a task in the ways plans print them: a labelled list ("责任处室：基教处、法规处",
/// "牵头单位：… 配合单位：…"), a bracket at the end of a paragraph ("（市教育局、各区市政府牵头,市财政局参加）",
/// "（思政处、基教处）" with no label), a paragraph that is nothing but unit names, and, failing those, a clause
/// that begins "市教育局牵头，…". A list labelled only as responsible (责任…) has its first unit lead and the rest
/// participating, the usual reading of such lists ("排名第一的为牵头单位").
/// </summary>
public sealed partial class UnitExtractor(UnitMatcher matcher)
{
    private enum Role { Responsible, Lead, Participating }

    public UnitAssignment Extract(IReadOnlyList<string> paragraphs)
    {
        var segments = new List<string>();
        for (int i = 0; i < paragraphs.Count; i++)
        {
            segments.AddRange(Segments(paragraphs[i], isFirst: i == 0));
        }
        if (segments.Count == 0)
        {
            return InlineLead(paragraphs);
        }
        return Combine(segments.SelectMany(ParseSegment));
    }

    /// <summary>Parses a list from a table cell or a line of its own, e.g. "基教处、\n相关处室".</summary>
    public UnitAssignment ExtractList(string text) => Combine(ParseSegment(text.ReplaceLineEndings("、")));

    /// <summary>The paragraph without a trailing unit bracket, for titles ("…接班人。（责任处室：…）" → "…接班人。").</summary>
    public string WithoutTrailingUnits(string paragraph) =>
        TrailingBracket(paragraph) is { } bracket && IsUnitSegment(bracket.Content) ? paragraph[..bracket.Start].TrimEnd() : paragraph;

    private List<string> Segments(string paragraph, bool isFirst)
    {
        var rest = paragraph;
        var found = new List<string>();
        if (TrailingBracket(paragraph) is { } bracket && IsUnitSegment(bracket.Content))
        {
            found.Add(bracket.Content);
            rest = paragraph[..bracket.Start];
        }
        int at = 0;
        while (Label().Match(rest, at) is { Success: true } label)
        {
            int end = SegmentEnd(rest, label.Index + label.Length);
            found.Add(rest[label.Index..end]);
            at = end;
        }
        if (found.Count == 0 && !isFirst && IsUnitLine(paragraph))
        {
            found.Add(paragraph);
        }
        return found;
    }

    /// <summary>Where a labelled list ends: at 。, a line end, or the bracket that encloses it.</summary>
    private static int SegmentEnd(string text, int start)
    {
        int depth = 0;
        for (int i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '（' or '(':
                    depth++;
                    break;
                case '）' or ')':
                    if (depth == 0)
                    {
                        return i;
                    }
                    depth--;
                    break;
                case '。' or '\n':
                    return i;
            }
        }
        return text.Length;
    }

    /// <summary>The content of a bracket that closes the paragraph (nested brackets such as "（筹）" allowed).</summary>
    private static (string Content, int Start)? TrailingBracket(string paragraph)
    {
        var text = paragraph.TrimEnd(' ', '。', '.', '；', ';');
        if (text.Length < 3 || text[^1] is not ('）' or ')'))
        {
            return null;
        }
        int depth = 0;
        for (int i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] is '）' or ')')
            {
                depth++;
            }
            else if (text[i] is '（' or '(' && --depth == 0)
            {
                return (text[(i + 1)..^1], i);
            }
        }
        return null;
    }

    private bool IsUnitSegment(string content)
    {
        if (Label().IsMatch(content))
        {
            return true;
        }
        var names = Clauses(content).SelectMany(c => Names(StripRoleWord(c).Text)).ToList();
        return names.Count > 0 && names.All(matcher.LooksLikeUnit);
    }

    /// <summary>A paragraph of its own that lists units and nothing else ("市教育局、市财政局").</summary>
    private bool IsUnitLine(string paragraph)
    {
        if (paragraph.Length > 80 || paragraph.Contains('。', StringComparison.Ordinal))
        {
            return false;
        }
        var names = Clauses(paragraph).SelectMany(c => Names(StripRoleWord(c).Text)).ToList();
        return names.Count > 0 && names.All(matcher.LooksLikeUnit) && names.Any(matcher.IsKnown);
    }

    private UnitAssignment InlineLead(IReadOnlyList<string> paragraphs)
    {
        foreach (var paragraph in paragraphs)
        {
            foreach (var clause in Clauses(paragraph))
            {
                if (InlineLeadClause().Match(clause) is { Success: true } match)
                {
                    var names = Names(match.Groups[1].Value).ToList();
                    if (names.Count > 0 && names.All(matcher.IsKnown))
                    {
                        return new(names, []);
                    }
                }
            }
        }
        return UnitAssignment.None;
    }

    private IEnumerable<(Role Role, string Name)> ParseSegment(string segment)
    {
        foreach (var raw in Clauses(segment))
        {
            var clause = raw.Trim();
            var role = Role.Responsible;
            if (LabelAtStart().Match(clause) is { Success: true } label)
            {
                role = RoleOf(label.Groups[1].Value);
                clause = clause[label.Length..];
            }
            else
            {
                (role, clause) = StripRoleWord(clause);
            }
            foreach (var (marked, name) in MarkedNames(clause))
            {
                yield return (marked ?? role, name);
            }
        }
    }

    private static UnitAssignment Combine(IEnumerable<(Role Role, string Name)> named)
    {
        var list = named.ToList();
        var lead = list.Where(n => n.Role == Role.Lead).Select(n => n.Name).ToList();
        var participating = list.Where(n => n.Role == Role.Participating).Select(n => n.Name).ToList();
        var responsible = list.Where(n => n.Role == Role.Responsible).Select(n => n.Name).ToList();
        if (lead.Count > 0)
        {
            participating.AddRange(responsible);
        }
        else if (participating.Count > 0)
        {
            lead.AddRange(responsible);
        }
        else if (responsible.Count > 0)
        {
            lead.Add(responsible[0]);
            participating.AddRange(responsible.Skip(1));
        }
        return new([.. lead.Distinct()], [.. participating.Distinct().Except(lead)]);
    }

    private static Role RoleOf(string word) => word switch
    {
        "牵头" or "主责" or "主办" or "负责" => Role.Lead,
        "责任" => Role.Responsible,
        _ => Role.Participating,
    };

    /// <summary>"市教育局、各区市政府牵头" is a lead clause, "市财政局参加" a participating one.</summary>
    private static (Role Role, string Text) StripRoleWord(string clause)
    {
        var text = clause.Trim();
        if (TrailingRole().Match(text) is { Success: true } match)
        {
            var word = match.Groups[1].Value;
            var role = word is "牵头" or "负责" or "主责" ? Role.Lead : Role.Participating;
            return (role, text[..match.Index]);
        }
        return (Role.Responsible, text);
    }

    /// <summary>Names in a list: split at 、 / and spaces, "等…" endings dropped, placeholders (相关处室) left out.</summary>
    private static IEnumerable<string> Names(string list) => MarkedNames(list).Select(n => n.Name);

    /// <summary>
    /// The names of a list, each with the role its own bracket gives it: "基础教育处（牵头）" is 基础教育处 leading,
    /// "发展规划处（配合）" 发展规划处 taking part. The marker is a role, not part of the name.
    /// </summary>
    private static IEnumerable<(Role? Role, string Name)> MarkedNames(string list)
    {
        foreach (var part in NameSeparator().Split(SpaceBeforeMarker().Replace(list, "")))
        {
            var name = part.Trim();
            Role? marked = null;
            if (RoleMarker().Match(name) is { Success: true } marker)
            {
                marked = RoleOf(marker.Groups["word"].Value);
                name = name[..marker.Index].Trim();
            }
            name = Etc().Replace(name, "").Trim();
            if (name.StartsWith('由'))
            {
                name = name[1..];
            }
            if (name.Length > 0 && !UnitMatcher.IsPlaceholder(name))
            {
                yield return (marked, name);
            }
        }
    }

    /// <summary>Clauses at ，；。 and before each label ("牵头单位：A 配合单位：B" is two).</summary>
    private static IEnumerable<string> Clauses(string text) =>
        ClauseSeparator().Split(text).SelectMany(c => BeforeLabel().Split(c)).Select(c => c.Trim()).Where(c => c.Length > 0);

    private const string LabelPattern = @"(责任|牵头|主责|主办|配合|参与|参加|协办|协同|协作)(处室|单位|部门|科室|主体)\s*[：:]";

    [GeneratedRegex(LabelPattern)]
    private static partial Regex Label();

    [GeneratedRegex("(?=" + LabelPattern + ")", RegexOptions.ExplicitCapture)]
    private static partial Regex BeforeLabel();

    [GeneratedRegex("^" + LabelPattern)]
    private static partial Regex LabelAtStart();

    [GeneratedRegex(@"(牵头|负责|主责|参加|配合|参与|协办|协助|协同)$")]
    private static partial Regex TrailingRole();

    [GeneratedRegex(@"^(?:由)?([^，,。；;：:]{2,60}?)牵头")]
    private static partial Regex InlineLeadClause();

    [GeneratedRegex(@"[、/／\s]+")]
    private static partial Regex NameSeparator();

    private const string MarkerPattern = @"[（(]\s*(?<word>牵头|主责|主办|负责|配合|参与|参加|协办|协助|协同|协作)(单位|处室|部门|科室)?\s*[）)]";

    /// <summary>A role marker closing a name: "（牵头）", "(配合单位)".</summary>
    [GeneratedRegex(MarkerPattern + "$")]
    private static partial Regex RoleMarker();

    /// <summary>Spaces between a name and its marker ("基础教育处 （牵头）"), which would otherwise split them.</summary>
    [GeneratedRegex(@"\s+(?=" + MarkerPattern + ")")]
    private static partial Regex SpaceBeforeMarker();

    [GeneratedRegex(@"[，,；;。]")]
    private static partial Regex ClauseSeparator();

    [GeneratedRegex(@"等(部门|单位|处室|科室)?$")]
    private static partial Regex Etc();
}
