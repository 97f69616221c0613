using Microsoft.Extensions.Configuration;
using SkiaSharp;

namespace Qedu.Plans.Features.Export;

/// <summary>
/// The font PDF reports are set in. Skia embeds whatever font it is given, and a font without Chinese glyphs would
/// print empty boxes, so the report refuses to render without one that has them. It is the file named by
/// <see cref="Setting"/>, else the first of <see cref="Candidates"/> that exists (Debian's fonts-wqy-microhei first).
/// </summary>
internal sealed class ReportFont(IConfiguration configuration)
{
    public const string Setting = "Plans:ReportFont";

    /// <summary>Fonts with Chinese glyphs where Debian, Windows and macOS install them. TrueType collections work (face 0).</summary>
    public static readonly IReadOnlyList<string> Candidates =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        @"C:\Windows\Fonts\msyh.ttc",
        @"C:\Windows\Fonts\simsun.ttc",
        "/System/Library/Fonts/PingFang.ttc",
    ];

    private readonly Lazy<SKTypeface?> _typeface = new(() => Load(configuration[Setting]));

    /// <summary>The typeface, or null when this server has no font that can set Chinese text.</summary>
    public SKTypeface? Typeface => _typeface.Value;

    /// <summary>The configured file if one is set (and only it: a wrong setting should show, not be papered over), else the first candidate that works.</summary>
    public static SKTypeface? Load(string? configured)
    {
        var paths = string.IsNullOrWhiteSpace(configured) ? Candidates : [configured];
        foreach (var path in paths.Where(File.Exists))
        {
            var typeface = SKTypeface.FromFile(path, 0);
            // A font that maps 中 and 督 to real glyphs can set the reports' text.
            if (typeface is not null && typeface.GetGlyph('中') != 0 && typeface.GetGlyph('督') != 0)
            {
                return typeface;
            }
            typeface?.Dispose();
        }
        return null;
    }
}
