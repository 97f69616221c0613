using System.Text;
using System.Text.RegularExpressions;

namespace Qedu.PlanDocuments;

/// <summary>
/// Bytes of a plan file to lines of text. Plans arrive as UTF-8 (with or without BOM), GB18030 from older Windows
/// tools, or .docx; the lines keep their leading tabs because a tab-started line is a table cell.
/// </summary>
public static partial class PlanFile
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static PlanFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes text bytes: a BOM wins, then strict UTF-8, then GB18030 (a superset of GBK and GB2312).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return StrictUtf8.GetString(bytes[3..]);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    /// <summary>True for a .docx (a ZIP container), whatever the file is called.</summary>
    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]);

    /// <summary>Reads a plan file (.txt in any supported encoding, or .docx) as text.</summary>
    public static string Read(byte[] bytes) => IsZip(bytes) ? DocxReader.Extract(bytes) : Decode(bytes);

    /// <summary>
    /// Splits into lines and removes what converters leave behind: "[bookmark: _GoBack]" markers, zero-width
    /// characters, non-breaking and ideographic spaces at the ends. Leading tabs stay (table cells).
    /// </summary>
    public static List<string> Lines(string text)
    {
        var lines = new List<string>();
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = Bookmark().Replace(raw, "");
            line = line.Replace("\u200B", "", StringComparison.Ordinal).Replace("\uFEFF", "", StringComparison.Ordinal);
            int tabs = 0;
            while (tabs < line.Length && line[tabs] == '\t')
            {
                tabs++;
            }
            var rest = line[tabs..].Trim(' ', '\u3000', '\u00A0', '\t', '\r');
            lines.Add(tabs > 0 ? "\t" + rest : rest);
        }
        return lines;
    }

    /// <summary>Text without its leading cell tab, for reading.</summary>
    public static string Content(string line) => line.TrimStart('\t').Trim();

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex Bookmark();
}
