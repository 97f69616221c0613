using System.Text.RegularExpressions;

namespace Qedu.PlanDocuments;

/// <summary>Title, issuers, document number (文号) and date of a plan.</summary>
public sealed record PlanHeader(string Title, IReadOnlyList<string> Issuer, string? DocumentNumber, string? Date);

/// <summary>
/// Reads the header: the lines before the first numbered heading. Official documents print the number (文号) on a
/// line of its own and close the covering notice with the issuers above the date; pages copied from a government
/// site add a metadata block (发文字号, 发文单位, 成文日期). What is printed in the document wins over the metadata.
/// A covering notice "关于印发《X》的通知" names the plan X.
/// </summary>
public static partial class HeaderReader
{
    public static PlanHeader Read(IReadOnlyList<string> header)
    {
        var lines = header.Select(PlanFile.Content).ToList();
        var metadata = Metadata(lines);
        var title = Title(lines);
        return new PlanHeader(title, Issuers(lines, metadata, title), DocumentNumber(lines, metadata), Date(lines, metadata));
    }

    private static Dictionary<string, string> Metadata(List<string> lines)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (MetadataLine().Match(line) is { Success: true } match)
            {
                metadata.TryAdd(match.Groups[1].Value, match.Groups[2].Value.Trim());
            }
        }
        return metadata;
    }

    private static string Title(List<string> lines)
    {
        foreach (var line in lines)
        {
            if (Notice().Match(line) is { Success: true } notice)
            {
                return notice.Groups[1].Value.Trim().Trim('《', '》', '“', '”').Trim();
            }
        }
        // Otherwise the short lines just above the body (skipping an introductory paragraph), joined.
        var collected = new List<string>();
        for (int i = lines.Count - 1; i >= 0; i--)
        {
            var line = lines[i];
            bool titleLike = line.Length is > 0 and <= 50 && !SentencePunctuation().IsMatch(line) && !IsMetadataOrMark(line);
            if (titleLike)
            {
                collected.Insert(0, line);
                continue;
            }
            if (collected.Count == 0 || (line.Length == 0 && collected.All(c => c.StartsWith('(') || c.StartsWith('（'))))
            {
                continue; // still above the intro, or a bracketed subtitle "(2016-2018年)" under the title
            }
            break;
        }
        return collected.Count > 0 ? string.Concat(collected) : lines.FirstOrDefault(l => l.Length > 0 && !IsMetadataOrMark(l)) ?? "";
    }

    private static bool IsMetadataOrMark(string line) =>
        MetadataLine().IsMatch(line) || Attachment().IsMatch(line) || DateLine().IsMatch(line) || NumberLine().IsMatch(line)
        || line.StartsWith('•') || line.Contains("字体大小", StringComparison.Ordinal);

    private static List<string> Issuers(List<string> lines, Dictionary<string, string> metadata, string title)
    {
        int dateLine = lines.FindIndex(l => DateLine().IsMatch(l));
        for (int i = dateLine - 1; i >= 0 && dateLine > 0; i--)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }
            if (IsSignature(lines[i]))
            {
                return SignatureNames(lines[i]);
            }
            break;
        }
        if (metadata.TryGetValue("发文单位", out var issuer) && issuer.Length > 0)
        {
            return [.. SignatureSeparator().Split(issuer).Where(n => n.Length > 0)];
        }
        return TitleIssuer().Match(title) is { Success: true } match ? [match.Groups[1].Value] : [];
    }

    /// <summary>True for a line of issuer names above a date ("中共…委员会    青岛市教育局").</summary>
    public static bool IsSignature(string line)
    {
        var names = SignatureNames(line);
        return names.Count > 0 && names.All(n => n.Length <= 30 && OrgName().IsMatch(n));
    }

    /// <summary>True for a date standing alone on its line, as under a signature.</summary>
    public static bool IsDateLine(string line) => DateLine().IsMatch(PlanFile.Content(line));

    private static List<string> SignatureNames(string line) =>
        [.. SignatureSeparator().Split(PlanFile.Content(line)).Select(n => n.Trim()).Where(n => n.Length > 0)];

    private static string? DocumentNumber(List<string> lines, Dictionary<string, string> metadata)
    {
        if (metadata.TryGetValue("发文字号", out var number) && DocumentNumberPattern().Match(number) is { Success: true } m)
        {
            return m.Value;
        }
        return lines.FirstOrDefault(l => NumberLine().IsMatch(l));
    }

    private static string? Date(List<string> lines, Dictionary<string, string> metadata)
    {
        foreach (var line in lines)
        {
            if (DateLine().Match(line) is { Success: true } signed)
            {
                return Iso(signed.Groups[1].Value, signed.Groups[2].Value, signed.Groups[3].Value);
            }
        }
        if (metadata.TryGetValue("成文日期", out var written) && IsoDate().Match(written) is { Success: true } iso)
        {
            return Iso(iso.Groups[1].Value, iso.Groups[2].Value, iso.Groups[3].Value);
        }
        foreach (var line in lines)
        {
            if (BracketDate().Match(line) is { Success: true } bracket)
            {
                return Iso(bracket.Groups[1].Value, bracket.Groups[2].Value, bracket.Groups[3].Value);
            }
        }
        return null;
    }

    private static string Iso(string year, string month, string day) =>
        $"{year}-{int.Parse(month, System.Globalization.CultureInfo.InvariantCulture):00}-{int.Parse(day, System.Globalization.CultureInfo.InvariantCulture):00}";

    [GeneratedRegex(@"^[•·\s]*(发文字号|发文单位|成文日期|发布日期|索引号|主题分类|有效性)\s*[：:]?\s*(.*)$")]
    private static partial Regex MetadataLine();

    [GeneratedRegex(@"关于印发(.+?)的通知")]
    private static partial Regex Notice();

    [GeneratedRegex(@"[。，,；;：:！？]")]
    private static partial Regex SentencePunctuation();

    [GeneratedRegex(@"^附件\s*\d*\s*[：:]?$")]
    private static partial Regex Attachment();

    [GeneratedRegex(@"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"[（(]((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[）)]")]
    private static partial Regex BracketDate();

    private const string NumberCore = @"[\p{IsCJKUnifiedIdeographs}]{1,12}\s*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号";

    [GeneratedRegex("^" + NumberCore + "$")]
    private static partial Regex NumberLine();

    [GeneratedRegex(NumberCore)]
    private static partial Regex DocumentNumberPattern();

    [GeneratedRegex(@"\s{2,}|\u3000+|[、,，]")]
    private static partial Regex SignatureSeparator();

    [GeneratedRegex(@"(局|厅|委员会|工委|政府|办公室|办公厅|委|院|中心|部)$")]
    private static partial Regex OrgName();

    [GeneratedRegex(@"^([^“”《》（）()\d\s]{2,20}?(?:局|厅|委员会|政府))")]
    private static partial Regex TitleIssuer();
}
