using System.Globalization;
using System.Text.RegularExpressions;

namespace Qedu.PlanDocuments;

/// <summary>
/// Deadlines as printed ("2022年12月", "2022年底", "2019年", "长期") to a date: "YYYY-MM", or "YYYY-MM-DD" when a day
/// is given; a bare year or "年底" means the end of that year (December); a range ends at its last year. Open-ended
/// wording (长期, 持续, 常态化) has no date, even when a first step is dated in brackets.
/// </summary>
public static partial class DeadlineParser
{
    public static Deadline? Parse(string? printed)
    {
        var text = printed?.Trim().TrimEnd('。', '；', ';', '，', ',');
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return new Deadline(text, OpenEnded().IsMatch(text) ? null : DateOf(text));
    }

    /// <summary>A labelled deadline in a task's text ("完成时限：2022年底"), or null.</summary>
    public static Deadline? FromText(IEnumerable<string> paragraphs)
    {
        foreach (var paragraph in paragraphs)
        {
            if (Labelled().Match(paragraph) is { Success: true } match)
            {
                return Parse(match.Groups[1].Value);
            }
        }
        return null;
    }

    private static string? DateOf(string text)
    {
        if (YearRange().Match(text) is { Success: true } range)
        {
            return $"{range.Groups[2].Value}-12";
        }
        if (FullDate().Match(text) is { Success: true } full)
        {
            return Iso(full.Groups[1].Value, full.Groups[2].Value, full.Groups[3].Value);
        }
        if (YearPart().Match(text) is { Success: true } part)
        {
            var month = part.Groups[2].Value switch
            {
                "上半年" or "年中" or "第二季度" or "二季度" => "06",
                "第一季度" or "一季度" => "03",
                "第三季度" or "三季度" => "09",
                _ => "12",
            };
            return $"{part.Groups[1].Value}-{month}";
        }
        return null;
    }

    private static string Iso(string year, string month, string day)
    {
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        if (m is < 1 or > 12)
        {
            return $"{year}-12";
        }
        var iso = $"{year}-{m:00}";
        return day.Length > 0 && int.Parse(day, CultureInfo.InvariantCulture) is >= 1 and <= 31 and var d ? $"{iso}-{d:00}" : iso;
    }

    [GeneratedRegex(@"^(长期|持续|常态|经常|每年|逐年|动态)")]
    private static partial Regex OpenEnded();

    [GeneratedRegex(@"((?:19|20)\d{2})\s*[年\-\./]\s*(\d{1,2})\s*月?(?:\s*(\d{1,2})\s*日)?")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"((?:19|20)\d{2})\s*年?\s*[-—–~～至到]\s*((?:19|20)\d{2})\s*年")]
    private static partial Regex YearRange();

    [GeneratedRegex(@"((?:19|20)\d{2})\s*年\s*(上半年|下半年|年中|年底|年末|底|末|第[一二三四]季度|[一二三四]季度)?")]
    private static partial Regex YearPart();

    [GeneratedRegex(@"(?:完成时限|完成时间|完成期限|时间节点|时限要求|办结时限|时限|截止时间)\s*[：:]\s*([^；;。）)\n]+)")]
    private static partial Regex Labelled();
}
