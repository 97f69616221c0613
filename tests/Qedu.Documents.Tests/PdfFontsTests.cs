using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Documents;
using SkiaSharp;

namespace Qedu.Documents.Tests;

/// <summary>Finding the font: the setting (new name first, old name still read), the candidates, and a clear refusal.</summary>
public sealed class PdfFontsTests
{
    private const string LatinOnly = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    [Fact]
    public void Without_a_font_that_has_chinese_glyphs_rendering_is_refused_with_a_message_saying_what_to_do()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"qedu-no-font-{Guid.NewGuid():N}.ttf");
        var fonts = new PdfFonts(missing);

        Assert.Null(fonts.Current);
        var error = Assert.Throws<PdfFontMissingException>(fonts.Require);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains(PdfFonts.Setting, error.Message, StringComparison.Ordinal);
        Assert.Contains("fonts-wqy-microhei", new PdfFontMissingException(null).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_font_without_chinese_glyphs_and_a_file_that_is_no_font_are_not_taken()
    {
        var junk = Path.Combine(Path.GetTempPath(), $"qedu-not-a-font-{Guid.NewGuid():N}.ttf");
        File.WriteAllBytes(junk, [0, 1, 0, 0, 1, 2, 3, 4]);
        try
        {
            Assert.Null(CjkFont.Load(junk));
        }
        finally
        {
            File.Delete(junk);
        }
        Assert.True(File.Exists(LatinOnly), "DejaVu Sans (fonts-dejavu-core) is the Latin-only font this test needs");
        Assert.Null(CjkFont.Load(LatinOnly));
    }

    [Fact]
    public void Without_a_setting_the_first_installed_candidate_is_used()
    {
        var font = new PdfFonts(null).Require();

        Assert.Equal(CjkFont.Candidates.First(File.Exists), font.Path);
        Assert.NotEqual(0, font.Typeface.GetGlyph('入'));
    }

    [Fact]
    public void The_setting_is_Pdf_Font_and_the_old_Plans_ReportFont_is_still_read()
    {
        static string? Configured(params (string Key, string Value)[] settings) => PdfFonts.ConfiguredPathIn(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

        Assert.Equal("/fonts/new.ttc", Configured(("Pdf:Font", "/fonts/new.ttc"), ("Plans:ReportFont", "/fonts/old.ttc")));
        Assert.Equal("/fonts/old.ttc", Configured(("Plans:ReportFont", "/fonts/old.ttc")));
        Assert.Null(Configured());
    }

    [Fact]
    public void AddQeduPdf_registers_one_font_service_from_the_hosts_configuration_however_often_it_is_called()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create("Pdf:Font", (string?)LatinOnly)]).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);

        services.AddQeduPdf().AddQeduPdf();

        using var provider = services.BuildServiceProvider();
        Assert.Single(services, d => d.ServiceType == typeof(PdfFonts));
        var fonts = provider.GetRequiredService<PdfFonts>();
        Assert.Equal(LatinOnly, fonts.ConfiguredPath);
        Assert.Null(fonts.Current);
    }

    [Fact]
    public void The_subset_keeps_the_glyphs_used_and_empties_the_others()
    {
        var font = new PdfFonts(null).Require();

        using var subset = font.Subset(["入学通知书"]);

        Assert.NotSame(font.Typeface, subset);
        using var cut = new SKFont(subset, 12);
        using var whole = new SKFont(font.Typeface, 12);
        Assert.False(Outline(cut, '学').IsEmpty);
        Assert.True(Outline(cut, '督').IsEmpty);
        Assert.False(Outline(whole, '督').IsEmpty);
        // The character map and metrics are the full font's: the same glyph ids, the same widths.
        Assert.Equal(whole.GetGlyphs("入学"), cut.GetGlyphs("入学"));
        Assert.Equal(whole.MeasureText("入学"), cut.MeasureText("入学"));
    }

    private static SKPath Outline(SKFont font, char c) => font.GetGlyphPath(font.GetGlyph(c));
}
