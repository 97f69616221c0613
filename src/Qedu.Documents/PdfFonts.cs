using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Qedu.Documents;

/// <summary>
/// The font PDF documents are set in, found once per process: the TrueType file named by <see cref="Setting"/>
/// (<c>Pdf:Font</c>; the older <c>Plans:ReportFont</c> is still read), else the first of
/// <see cref="CjkFont.Candidates"/> that exists (Debian's fonts-wqy-microhei first). Registered by
/// <see cref="PdfServiceCollectionExtensions.AddQeduPdf"/>; a module asks for it and renders with
/// <see cref="Current"/> (answering 503 when it is null) or <see cref="Require"/> (which throws).
/// </summary>
public sealed class PdfFonts
{
    /// <summary>The setting naming a font file with Chinese glyphs (.ttf or .ttc).</summary>
    public const string Setting = "Pdf:Font";

    /// <summary>The setting's earlier name, from when only the plans module printed PDF; read when <see cref="Setting"/> is not set.</summary>
    public const string LegacySetting = "Plans:ReportFont";

    private readonly Lazy<CjkFont?> _font;

    /// <summary>Fonts from <paramref name="configuredPath"/> when given (and only from it), else from the candidates.</summary>
    public PdfFonts(string? configuredPath)
    {
        ConfiguredPath = string.IsNullOrWhiteSpace(configuredPath) ? null : configuredPath;
        _font = new Lazy<CjkFont?>(() => CjkFont.Load(ConfiguredPath));
    }

    /// <summary>The configured font file, or null when the candidates are searched.</summary>
    public string? ConfiguredPath { get; }

    /// <summary>The font, or null when this server has none that can set Chinese text.</summary>
    public CjkFont? Current => _font.Value;

    /// <summary>The font, or a <see cref="PdfFontMissingException"/> saying what to install or configure.</summary>
    public CjkFont Require() => Current ?? throw new PdfFontMissingException(ConfiguredPath);

    /// <summary>The font file <paramref name="configuration"/> names: <see cref="Setting"/>, else <see cref="LegacySetting"/>, else null.</summary>
    public static string? ConfiguredPathIn(IConfiguration? configuration) =>
        configuration?[Setting] is { Length: > 0 } path ? path
        : configuration?[LegacySetting] is { Length: > 0 } legacy ? legacy
        : null;
}

/// <summary>No font with Chinese glyphs: the message says what to install or which setting to fix.</summary>
public sealed class PdfFontMissingException : InvalidOperationException
{
    /// <summary>The message for a server without a font (no <paramref name="configuredPath"/>) or with a wrong setting.</summary>
    public PdfFontMissingException(string? configuredPath)
        : base(configuredPath is null
            ? $"No font with Chinese glyphs for PDF documents: install one (Debian: apt-get install fonts-wqy-microhei) or set {PdfFonts.Setting} to a TrueType font file (.ttf or .ttc) that has them."
            : $"The font file {configuredPath} named by {PdfFonts.Setting} does not exist or has no Chinese glyphs: point {PdfFonts.Setting} at a TrueType font file (.ttf or .ttc) with Chinese glyphs, or remove the setting to use fonts-wqy-microhei.")
    {
        ConfiguredPath = configuredPath;
    }

    /// <summary>The configured file that was refused, or null when none was configured.</summary>
    public string? ConfiguredPath { get; }
}

/// <summary>Registration of the PDF services.</summary>
public static class PdfServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PdfFonts"/> once (a singleton read from the host's configuration, if it has one). Every
    /// module that prints PDF calls it in its own setup; calling it again changes nothing.
    /// </summary>
    public static IServiceCollection AddQeduPdf(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new PdfFonts(PdfFonts.ConfiguredPathIn(sp.GetService<IConfiguration>())));
        return services;
    }
}
