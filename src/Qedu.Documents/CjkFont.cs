using SkiaSharp;

namespace Qedu.Documents;

/// <summary>
/// A font file with Chinese glyphs and the typeface of its first face, which PDF documents are set in. Skia embeds
/// whatever font it is given, and a font without Chinese glyphs would print empty boxes, so only a font that maps
/// Chinese characters to real glyphs is taken. Get one from <see cref="PdfFonts"/> (the configured file or the first
/// of <see cref="Candidates"/> that exists); <see cref="Load"/> is the one place this library reads from disk.
/// </summary>
public sealed class CjkFont
{
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

    private CjkFont(string path, byte[] data, SKTypeface typeface)
    {
        Path = path;
        Data = data;
        Typeface = typeface;
    }

    /// <summary>The font file's path.</summary>
    public string Path { get; }

    /// <summary>The font file's bytes, which <see cref="Subset"/> cuts down.</summary>
    public byte[] Data { get; }

    /// <summary>The typeface of the file's first face (measuring; drawing uses a <see cref="Subset"/>).</summary>
    public SKTypeface Typeface { get; }

    /// <summary>
    /// A typeface holding only the glyphs of <paramref name="texts"/>, for drawing (metrics are the full font's);
    /// the full typeface when the font cannot be cut down (CFF outlines).
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

    /// <summary>
    /// The configured file if one is set (and only it: a wrong setting should show, not be papered over), else the
    /// first candidate that works; null when none of them exists or has Chinese glyphs.
    /// </summary>
    public static CjkFont? Load(string? configured)
    {
        var paths = string.IsNullOrWhiteSpace(configured) ? Candidates : [configured];
        foreach (var path in paths.Where(File.Exists))
        {
            var data = File.ReadAllBytes(path);
            var typeface = SKTypeface.FromData(SKData.CreateCopy(data), 0);
            // A font that maps 中 and 督 to real glyphs can set Chinese text.
            if (typeface is not null && typeface.GetGlyph('中') != 0 && typeface.GetGlyph('督') != 0)
            {
                return new CjkFont(path, data, typeface);
            }
            typeface?.Dispose();
        }
        return null;
    }
}
