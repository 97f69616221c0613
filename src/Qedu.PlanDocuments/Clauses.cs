using System.Text;

namespace Qedu.PlanDocuments;

/// <summary>A clause of a paragraph: its position in the original text and its text with titles masked.</summary>
public sealed record Clause(int Start, int End, string Masked);

/// <summary>
/// Splits a paragraph into sentence parts (at 。！？；) and those into clauses (at ，,). Titles of other documents
/// (《…2018-2020年…》) are masked so their years and numbers are never taken for the plan's own.
/// </summary>
public static class Clauses
{
    public const char Mask = '□';

    public static List<List<Clause>> Parts(string paragraph)
    {
        var masked = MaskTitles(paragraph);
        var parts = new List<List<Clause>>();
        var current = new List<Clause>();
        int start = 0;
        for (int i = 0; i <= masked.Length; i++)
        {
            char c = i < masked.Length ? masked[i] : '。';
            bool endsPart = c is '。' or '！' or '？' or '；' or ';' or '!' or '?' || IsHalfWidthStop(masked, i);
            bool endsClause = endsPart || c is '，' or ',';
            if (!endsClause)
            {
                continue;
            }
            if (i > start && masked[start..i].Trim().Length > 0)
            {
                current.Add(new Clause(start, i, masked[start..i]));
            }
            start = i + 1;
            if (endsPart && current.Count > 0)
            {
                parts.Add(current);
                current = [];
            }
        }
        return parts;
    }

    /// <summary>A half-width "." ends a sentence in Chinese text unless it sits in a number ("2.0") or starts an item ("1.").</summary>
    public static bool IsHalfWidthStop(string text, int i) =>
        i < text.Length && text[i] == '.' && i > 0 && !char.IsAsciiDigit(text[i - 1]) && (i + 1 == text.Length || !char.IsAsciiDigit(text[i + 1]));

    /// <summary>Replaces what stands between 《 and 》 with <see cref="Mask"/>, keeping positions.</summary>
    public static string MaskTitles(string text)
    {
        var builder = new StringBuilder(text);
        int depth = 0;
        for (int i = 0; i < builder.Length; i++)
        {
            switch (builder[i])
            {
                case '《':
                    depth++;
                    break;
                case '》':
                    depth = Math.Max(0, depth - 1);
                    break;
                default:
                    if (depth > 0)
                    {
                        builder[i] = Mask;
                    }
                    break;
            }
        }
        return builder.ToString();
    }
}
