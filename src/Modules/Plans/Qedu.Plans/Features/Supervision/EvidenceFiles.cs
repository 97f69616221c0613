using System.Text;

namespace Qedu.Plans.Features.Supervision;

/// <summary>
/// What an evidence file may be: documents and pictures a department keeps as proof (PDF, images, Word, Excel, text),
/// bounded in number and size because they live in the database. The stored type comes from the name and is checked
/// against the file's first bytes, so a page or script renamed to .pdf is refused rather than served back.
/// </summary>
internal static class EvidenceFiles
{
    public const int MaxFiles = 5;
    public const int MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxTotalBytes = 15 * 1024 * 1024;

    /// <summary>A report's whole request: the files in base64 (4/3) plus the text and figures.</summary>
    public const long MaxRequestBytes = MaxTotalBytes / 3 * 4 + 1024 * 1024;

    /// <summary>Accepted extensions and the media type each is stored and served as.</summary>
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".doc"] = "application/msword",
        [".xls"] = "application/vnd.ms-excel",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
    };

    /// <summary>The accept attribute of a file input.</summary>
    public static string Accept => string.Join(',', Types.Keys);

    /// <summary>The media type to store, or null when the name or the content is not an accepted kind.</summary>
    public static string? MediaType(string fileName, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(fileName);
        if (!Types.TryGetValue(extension, out var type))
        {
            return null;
        }
        var ok = extension.ToLowerInvariant() switch
        {
            ".pdf" => content.StartsWith("%PDF-"u8),
            ".png" => content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            ".jpg" or ".jpeg" => content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
            ".docx" or ".xlsx" => content.StartsWith("PK\u0003\u0004"u8),
            ".doc" or ".xls" => content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
            _ => IsText(content),
        };
        return ok ? type : null;
    }

    /// <summary>Text is UTF-8 (or GB18030, as Chinese offices often save it) without control bytes other than whitespace.</summary>
    private static bool IsText(ReadOnlySpan<byte> content)
    {
        foreach (var b in content)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The file name kept: no path, no control characters, at most 200 characters (keeping the extension).</summary>
    public static string CleanName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            clean.Append(char.IsControl(c) ? '_' : c);
        }
        var result = clean.ToString().Trim();
        if (result.Length > 200)
        {
            var extension = Path.GetExtension(result);
            result = result[..(200 - extension.Length)] + extension;
        }
        return result;
    }
}
