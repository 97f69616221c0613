using System.Globalization;
using System.Text.RegularExpressions;

namespace Qedu.PlanDocuments;

/// <summary>
/// Quantitative targets: a number with a unit of measure (%, 个百分点, 万元, 亿元, 所, 个, 人, 名, 项, 门, 处 …)
/// that the clause commits to: a goal verb (建成, 新建, 遴选, 开发 …) or a comparison (达到, 不低于, 以上, 不超过,
/// 控制在…以内) stands before it or 以上/以内 after it. "…全覆盖" (closing its clause), "全部实现" and "均实现" are 100%. Ordinals
/// (第14届), document titles, and population slices ("后30%的学生") are not targets. The year is the last dating
/// year before the number in the same paragraph ("到2020年，…达到98%" is 2020).
/// </summary>
public static partial class TargetExtractor
{
    public static List<Target> Extract(IEnumerable<string> paragraphs)
    {
        var targets = new List<Target>();
        foreach (var paragraph in paragraphs)
        {
            int? year = null;
            foreach (var part in Clauses.Parts(paragraph))
            {
                foreach (var clause in part)
                {
                    var markers = YearMarker.All(clause.Masked).ToList();
                    var text = paragraph[clause.Start..clause.End].Trim();
                    int? YearAt(int index) => markers.Where(m => m.Index <= index).Select(m => (int?)m.Year).LastOrDefault() ?? year;

                    var found = new List<(int Index, Target Target)>();
                    foreach (Match match in Quantity().Matches(clause.Masked))
                    {
                        if (Accept(clause.Masked, match) is { } comparator)
                        {
                            var value = decimal.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
                            var unit = match.Groups["unit"].Value.Replace('％', '%');
                            found.Add((match.Index, new Target(text, value, unit, comparator, YearAt(match.Index))));
                        }
                    }
                    foreach (Match match in ChineseQuantity().Matches(clause.Masked))
                    {
                        if (ChineseNumber.Parse(match.Groups["value"].Value) is { } value)
                        {
                            found.Add((match.Index, new Target(text, value, match.Groups["unit"].Value, "=", YearAt(match.Index))));
                        }
                    }
                    if (!found.Any(f => f.Target.Unit == "%" && f.Target.Value == 100) && Whole().Match(clause.Masked) is { Success: true } whole)
                    {
                        found.Add((whole.Index, new Target(text, 100, "%", ">=", YearAt(whole.Index))));
                    }
                    targets.AddRange(found.OrderBy(f => f.Index).Select(f => f.Target).Where(t => !targets.Contains(t)));
                    if (markers.Count > 0)
                    {
                        year = markers[^1].Year;
                    }
                }
            }
        }
        return targets;
    }

    /// <summary>The comparator when the number is a target, or null when it is not one.</summary>
    private static string? Accept(string clause, Match match)
    {
        var before = clause[..match.Index];
        var after = clause[(match.Index + match.Length)..];
        if (before.EndsWith('第') || before.EndsWith('前') || before.EndsWith('后') || before.EndsWith(Clauses.Mask))
        {
            return null; // 第14届, 前/后30%的学生 (a slice, not a goal), a masked title
        }
        if (match.Groups["unit"].Value is "G" or "M" && after.Length > 0 && "网技通手基信".Contains(after[0], StringComparison.Ordinal))
        {
            return null; // 5G网络 is a technology, 40G带宽 a target
        }
        var near = before.Length > 8 ? before[^8..] : before;
        string? comparator = null;
        if (AtMost().IsMatch(near) || AtMostAfter().IsMatch(after))
        {
            comparator = "<=";
        }
        else if (AtLeast().IsMatch(near) || AtLeastAfter().IsMatch(after) || match.Groups["upper"].Success)
        {
            comparator = ">=";
        }
        if (comparator is null && (before.EndsWith('率') || before.EndsWith("率为", StringComparison.Ordinal)))
        {
            return "="; // a rate stated is a target: "问题整改率100%"
        }
        bool shareThatAchieves = match.Groups["unit"].Value is "%" or "％" && after.StartsWith('的') && Goal().IsMatch(after);
        if (comparator is null && !Goal().IsMatch(before) && !shareThatAchieves) // "85%的中小学实现…" is a target too
        {
            return null;
        }
        return comparator ?? (match.Groups["more"].Success ? ">=" : "="); // "400余名" is at least 400
    }

    private const string Units = "个百分点|万人次|人次|万人|亿元|万元|元|万册|平方米|课时|学时|小时|个|所|人|名|项|门|处|家|间|套|台|张|支|座|条|例|场|批|节|次|种|类|篇|部|G|M|%|％";

    [GeneratedRegex(@"(?<![0-9.．A-Za-z])(?<value>\d+(?:\.\d+)?)(?:\s*[-—–~～至到]\s*(?<upper>\d+(?:\.\d+)?))?\s*(?<more>余|多)?\s*(?<unit>" + Units + ")")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"(?:建立|建成|新建|建设|打造|培育|遴选|引进|开发|培养|设立|成立|创建|评选)(?<value>[一二两三四五六七八九十百千]+)(?<unit>所|个|名|人|项|处|家|门)")]
    private static partial Regex ChineseQuantity();

    [GeneratedRegex(@"全覆盖\s*$|全部(?:实现|纳入|达到|通过|完成|建成|达标)|均(?:实现|达到|开展|实施|完成|建成|达标)")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(不超过|不高于|控制在|(?<!不)低于|(?<!不)少于|不多于)")]
    private static partial Regex AtMost();

    [GeneratedRegex(@"^\s*(以内|以下|之内)")]
    private static partial Regex AtMostAfter();

    [GeneratedRegex(@"(达到|达|不低于|不少于|至少|(?<!不)超过|(?<!不)高于|巩固在|保持在|保持|提高|提升|增加|增长|力争)")]
    private static partial Regex AtLeast();

    [GeneratedRegex(@"^\s*(以上|及以上|左右以上)")]
    private static partial Regex AtLeastAfter();

    [GeneratedRegex(@"(建立|建成|建设|组建|新建|改扩建|扩建|打造|培育|遴选|引进|开发|培养|培训|支持|完成|实现|覆盖|启用|汇聚|整合|共享|开设|配备|招聘|评选|创建|扩大|新增|更新|累计|共计|保证|确保|设立|成立|举办|组织|认定|选树|推出)")]
    private static partial Regex Goal();
}
