using System.Text.RegularExpressions;

namespace Qedu.PlanDocuments;

/// <summary>The numbering styles of Chinese policy documents, outermost first.</summary>
public enum NumberStyle
{
    Chapter = 0,      // 第一章 / 第一部分 / 第一篇
    Chinese = 1,      // 一、
    ChineseParen = 2, // （一） (一)
    Article = 3,      // 第一条
    Arabic = 4,       // 1. 1、 1．
    ArabicParen = 5,  // (1) （1）
    Circled = 6,      // ①
}

/// <summary>A line that starts with a number: its style, the number as printed (without punctuation) and the rest.</summary>
public sealed record NumberedLine(NumberStyle Style, string Number, string Rest)
{
    /// <summary>The number's value (一 is 1, ① is 1), for checking sequences.</summary>
    public int? Value => Style == NumberStyle.Circled ? Number[0] - '①' + 1 : ChineseNumber.ParseAny(Number);
}

/// <summary>Recognises numbered lines. Half-width and full-width punctuation both occur, with or without spaces.</summary>
public static partial class Numbering
{
    public static NumberedLine? Parse(string line)
    {
        var text = line.Trim();
        if (Chapter().Match(text) is { Success: true } chapter)
        {
            return new(NumberStyle.Chapter, chapter.Groups[1].Value, chapter.Groups[3].Value.Trim());
        }
        if (Article().Match(text) is { Success: true } article)
        {
            return new(NumberStyle.Article, article.Groups[1].Value, article.Groups[2].Value.Trim());
        }
        if (Chinese().Match(text) is { Success: true } chinese)
        {
            return new(NumberStyle.Chinese, chinese.Groups[1].Value, chinese.Groups[2].Value.Trim());
        }
        if (ChineseParen().Match(text) is { Success: true } chineseParen)
        {
            return new(NumberStyle.ChineseParen, chineseParen.Groups[1].Value, chineseParen.Groups[2].Value.Trim());
        }
        if (Arabic().Match(text) is { Success: true } arabic)
        {
            return new(NumberStyle.Arabic, arabic.Groups[1].Value, arabic.Groups[2].Value.Trim());
        }
        if (ArabicParen().Match(text) is { Success: true } arabicParen)
        {
            return new(NumberStyle.ArabicParen, arabicParen.Groups[1].Value, arabicParen.Groups[2].Value.Trim());
        }
        if (text.Length > 1 && text[0] is >= '①' and <= '⑳')
        {
            return new(NumberStyle.Circled, text[..1], text[1..].Trim());
        }
        return null;
    }

    /// <summary>Removes a leading item number ("1.", "（2）", "③") from a table cell's item.</summary>
    public static string StripItemNumber(string text)
    {
        var parsed = Parse(text);
        return parsed is { Style: NumberStyle.Arabic or NumberStyle.ArabicParen or NumberStyle.Circled } && parsed.Rest.Length > 0
            ? parsed.Rest
            : text.Trim();
    }

    [GeneratedRegex(@"^第([一二三四五六七八九十百零〇两]+)(章|部分|篇)\s*[、，,：:.．]?\s*(.*)$")]
    private static partial Regex Chapter();

    [GeneratedRegex(@"^第([一二三四五六七八九十百零〇两]+)条\s*(.*)$")]
    private static partial Regex Article();

    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3})\s*[、.．，,]\s*(.*)$")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*[、.．]?\s*(.*)$")]
    private static partial Regex ChineseParen();

    // "2.0行动计划" is not item 2: the delimiter must not be followed by a digit.
    [GeneratedRegex(@"^(\d{1,3})\s*[、.．](?![0-9０-９])\s*(.*)$")]
    private static partial Regex Arabic();

    [GeneratedRegex(@"^[（(]\s*(\d{1,3})\s*[）)]\s*(.*)$")]
    private static partial Regex ArabicParen();
}
