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

    private readonly Lazy<Face?> _face = new(() => Load(configuration[Setting]));

    /// <summary>A font file and the typeface of its first face.</summary>
    public sealed record Face(string Path, byte[] Data, SKTypeface Typeface)
    {
        /// <summary>
        /// A typeface holding only the glyphs of <paramref name="texts"/>, for drawing (metrics are the full font's);
        /// the full typeface when the font cannot be cut down.
        /// </summary>
        public SKTypeface Subset(IEnumerable<string> texts)
        {
            using var font = new SKFont(Typeface);
            var glyphs = new HashSet<ushort>();
            foreach (var text in texts)
            {
                glyphs.UnionWith(font.GetGlyphs(text));
            }
            var data = FontSubset.Subset(Data, glyphs);
            return data is null ? Typeface : SKTypeface.FromData(SKData.CreateCopy(data)) ?? Typeface;
        }
    }

    /// <summary>The font, or null when this server has none that can set Chinese text.</summary>
    public Face? Current => _face.Value;

    /// <summary>The configured file if one is set (and only it: a wrong setting should show, not be papered over), else the first candidate that works.</summary>
    public static Face? Load(string? configured)
    {
        var paths = string.IsNullOrWhiteSpace(configured) ? Candidates : [configured];
        foreach (var path in paths.Where(File.Exists))
        {
            var data = File.ReadAllBytes(path);
            var typeface = SKTypeface.FromData(SKData.CreateCopy(data), 0);
            // A font that maps 中 and 督 to real glyphs can set the reports' text.
            if (typeface is not null && typeface.GetGlyph('中') != 0 && typeface.GetGlyph('督') != 0)
            {
                return new Face(path, data, typeface);
            }
            typeface?.Dispose();
        }
        return null;
    }
}
