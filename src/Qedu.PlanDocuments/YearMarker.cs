using System.Globalization;
using System.Text.RegularExpressions;

namespace Qedu.PlanDocuments;

/// <summary>
/// The years plans date things with: a clause that opens with a year ("2016年,…", "到2020年，…", "2018—2022年，…",
/// "从2020年开始，…", "确保2020年…"), or "到/确保/力争 2020年" inside a clause. A range counts as its last year.
/// </summary>
public static partial class YearMarker
{
    /// <summary>The year a clause opens with, or null.</summary>
    public static int? AtStart(string clause) => Year(Opening().Match(clause.TrimStart()));

    /// <summary>Every dating year in a clause with its position (opening or "到2020年" inside).</summary>
    public static IEnumerable<(int Index, int Year)> All(string clause)
    {
        if (Opening().Match(clause.TrimStart()) is { Success: true } opening && Year(opening) is { } first)
        {
            yield return (0, first);
        }
        foreach (Match inner in Inside().Matches(clause))
        {
            if (Year(inner) is { } year)
            {
                yield return (inner.Index, year);
            }
        }
    }

    private static int? Year(Match match)
    {
        if (!match.Success)
        {
            return null;
        }
        var text = match.Groups[2].Success ? match.Groups[2].Value : match.Groups[1].Value;
        return int.Parse(text, CultureInfo.InvariantCulture);
    }

    private const string Span = @"((?:19|20)\d{2})\s*(?:年\s*)?(?:[-—–~～至到]\s*((?:19|20)\d{2})\s*)?年";

    [GeneratedRegex(@"^(?:到|至|从|自|在|于|截至|截止|确保|力争|争取|计划)?\s*" + Span + @"(?!度|第|级|届|版)")]
    private static partial Regex Opening();

    [GeneratedRegex(@"(?:到|至|于|确保|力争|争取)\s*" + Span + @"(?!度|第|级|届|版)")]
    private static partial Regex Inside();
}
