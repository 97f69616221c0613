using System.Text;

namespace Qedu.Resources;

/// <summary>
/// How words are matched in the library, the same on SQLite and PostgreSQL: an item's title, keywords, subject, edition,
/// chapter and description are kept normalised in one search column (Unicode NFKC, so full-width letters and digits are
/// plain ones; lower case; runs of spaces and punctuation one space). A query is cut into terms the same way: a run of
/// Chinese characters into overlapping pairs (勾股定理 → 勾股, 股定, 定理; one character alone stays itself), anything else
/// at spaces and punctuation. An item matches when its column contains every term (substring containment: instr on
/// SQLite, strpos on PostgreSQL). No dictionary segmenter, no ranking by relevance: results are ordered by award, rating
/// and date. A pg_trgm GIN index on the column is the way to make it fast on a large PostgreSQL library (docs/resources.md).
/// </summary>
internal static class SearchWords
{
    public const int MaxTerms = 12;

    public static string Normalize(params string?[] parts)
    {
        var text = string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p))).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                result.Append(c);
                space = false;
            }
            else if (!space && result.Length > 0)
            {
                result.Append(' ');
                space = true;
            }
        }
        var normalized = result.ToString().TrimEnd();
        return normalized.Length <= 4000 ? normalized : normalized[..4000];
    }

    /// <summary>The terms every one of which a match contains.</summary>
    public static IReadOnlyList<string> Terms(string? query)
    {
        var terms = new List<string>();
        foreach (var word in Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var run = new StringBuilder();
            var chinese = false;
            foreach (var c in word)
            {
                var isChinese = IsChinese(c);
                if (run.Length > 0 && isChinese != chinese)
                {
                    Add(terms, run.ToString(), chinese);
                    run.Clear();
                }
                chinese = isChinese;
                run.Append(c);
            }
            if (run.Length > 0)
            {
                Add(terms, run.ToString(), chinese);
            }
        }
        return [.. terms.Distinct(StringComparer.Ordinal).Take(MaxTerms)];
    }

    private static void Add(List<string> terms, string run, bool chinese)
    {
        if (!chinese || run.Length == 1)
        {
            terms.Add(run);
            return;
        }
        for (var i = 0; i + 1 < run.Length; i++)
        {
            terms.Add(run.Substring(i, 2));
        }
    }

    private static bool IsChinese(char c) => c is (>= '\u3400' and <= '\u9fff') or (>= '\uf900' and <= '\ufaff');
}
