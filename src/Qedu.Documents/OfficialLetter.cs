using System.Globalization;
using SkiaSharp;

namespace Qedu.Documents;

/// <summary>
/// A one- or two-page official letter (an offer letter 入学通知书, a notice, a certificate): what it says, in the order
/// it is printed. <see cref="OfficialLetterPdf"/> prints it on A4.
/// </summary>
public sealed record OfficialLetter
{
    /// <summary>The title, large and centred at the top (入学通知书).</summary>
    public required string Title { get; init; }

    /// <summary>The issuing body, printed above the date at the end (青岛市市南区教育局).</summary>
    public required string Issuer { get; init; }

    /// <summary>The date the letter is issued (成文日期), printed under the issuer as 2026年7月15日.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The document number (文号), right under the title; none when null.</summary>
    public string? Reference { get; init; }

    /// <summary>Whom the letter is to, on its own line before the text (张小明同学家长：); none when null.</summary>
    public string? Salutation { get; init; }

    /// <summary>The text before the table, one paragraph each, first lines indented two characters.</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>The table of label/value rows (学生姓名 / 张小明); values wrap. None when empty.</summary>
    public IReadOnlyList<LetterField> Fields { get; init; } = [];

    /// <summary>The text after the table, as <see cref="Paragraphs"/>.</summary>
    public IReadOnlyList<string> ClosingParagraphs { get; init; } = [];

    /// <summary>The code printed in every page's footer by which the letter can be checked (核验码); none when null.</summary>
    public string? VerificationCode { get; init; }

    /// <summary>Where and how to check the code, printed beside it (登录……输入核验码查验); none when null.</summary>
    public string? VerificationNote { get; init; }
}

/// <summary>One row of an <see cref="OfficialLetter"/>'s table.</summary>
/// <param name="Label">The row's label (录取学校).</param>
/// <param name="Value">Its value (青岛市实验小学); wraps when long.</param>
public sealed record LetterField(string Label, string Value);

/// <summary>
/// Prints an <see cref="OfficialLetter"/> as an A4 PDF set in a Chinese font: the title centred, the reference, the
/// salutation, the paragraphs, the table, the closing paragraphs, then the issuer and the date to the right; every page's
/// footer has the verification code and "第 1 页 / 共 2 页". A long letter flows onto further pages.
/// </summary>
/// <example>
/// <code>
/// // In the module's setup: services.AddQeduPdf();  In an endpoint, with PdfFonts fonts:
/// if (fonts.Current is not { } font) return TypedResults.Problem("…", statusCode: 503);
/// var letter = new OfficialLetter { Title = "入学通知书", Issuer = "青岛市市南区教育局", Date = new DateOnly(2026, 7, 15),
///     Salutation = "张小明同学家长：", Paragraphs = ["经审核，……"], Fields = [new("录取学校", "青岛市实验小学")],
///     VerificationCode = "7KQ2-M9XD" };
/// return TypedResults.File(OfficialLetterPdf.Render(letter, font), OfficialLetterPdf.MediaType, "入学通知书.pdf");
/// </code>
/// </example>
public static class OfficialLetterPdf
{
    /// <summary>The media type to serve the result as.</summary>
    public const string MediaType = "application/pdf";

    private static readonly SKColor Grey = new(0x55, 0x55, 0x55);
    private static readonly SKColor Border = new(0x88, 0x88, 0x88);
    private static readonly SKColor Band = new(0xF2, 0xF2, 0xF2);
    private static readonly TextStyle TitleStyle = new(22);
    private static readonly TextStyle ReferenceStyle = new(11, Grey);
    private static readonly TextStyle BodyStyle = new(12.5f);
    private static readonly TextStyle LabelStyle = new(11.5f, Grey);
    private static readonly TextStyle ValueStyle = new(11.5f);
    private static readonly TextStyle FooterStyle = new(9, Grey);

    /// <summary>The letter as PDF bytes.</summary>
    public static byte[] Render(OfficialLetter letter, CjkFont font)
    {
        using var stream = new MemoryStream();
        Write(stream, letter, font);
        return stream.ToArray();
    }

    /// <summary>Writes the letter as PDF to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, OfficialLetter letter, CjkFont font)
    {
        using var pdf = new PdfLayout(font);
        pdf.Space(8);
        pdf.Paragraph(letter.Title, TitleStyle, after: 6, align: Align.Center);
        if (letter.Reference is { Length: > 0 } reference)
        {
            pdf.Paragraph(reference, ReferenceStyle, after: 4, align: Align.Center);
        }
        pdf.Space(14);
        if (letter.Salutation is { Length: > 0 } salutation)
        {
            pdf.Paragraph(salutation, BodyStyle, after: 4);
        }
        foreach (var paragraph in letter.Paragraphs)
        {
            pdf.Paragraph(paragraph, BodyStyle, after: 6, firstLineIndent: 2 * BodyStyle.Size);
        }
        if (letter.Fields.Count > 0)
        {
            pdf.Space(6);
            pdf.LabelValueTable([.. letter.Fields.Select(f => (f.Label, f.Value))], LabelStyle, ValueStyle, labelWidth: 110, Border, Band);
            pdf.Space(10);
        }
        foreach (var paragraph in letter.ClosingParagraphs)
        {
            pdf.Paragraph(paragraph, BodyStyle, after: 6, firstLineIndent: 2 * BodyStyle.Size);
        }

        // The issuer and the date centred on one axis, four characters in from the right margin.
        var date = FormatDate(letter.Date);
        var block = Math.Max(pdf.Measure(letter.Issuer, BodyStyle), pdf.Measure(date, BodyStyle));
        var gap = 4 * BodyStyle.Size;
        var indent = Math.Max(0, PdfLayout.ContentWidth - block - gap);
        pdf.Space(24);
        pdf.KeepTogether(3 * BodyStyle.Size * 1.6f);
        pdf.Paragraph(letter.Issuer, BodyStyle, indent, after: 2, align: Align.Center);
        pdf.Paragraph(date, BodyStyle, indent, after: 0, align: Align.Center);

        var issued = letter.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = letter.Title,
            Subject = letter.Reference ?? letter.Title,
            Author = letter.Issuer,
            Creator = "Qedu 区域教育治理平台",
            Producer = "Qedu",
            Creation = issued,
            Modified = issued,
        };
        var code = letter.VerificationCode is { Length: > 0 } c ? $"核验码：{c}" : null;
        pdf.Render(stream, metadata, (page, number, count) =>
        {
            const float footer = PdfLayout.PageHeight - 40;
            page.LineAt(footer - 14, Border, 0.4f);
            if (code is not null)
            {
                page.At(PdfLayout.Margin, footer, code, FooterStyle);
                if (letter.VerificationNote is { Length: > 0 } note)
                {
                    page.At(PdfLayout.Margin + page.Measure(code, FooterStyle) + 12, footer, note, FooterStyle);
                }
            }
            page.At(PdfLayout.PageWidth - PdfLayout.Margin, footer, $"第 {number} 页 / 共 {count} 页", FooterStyle, Align.Right);
        });
    }

    /// <summary>A date as official documents print it (GB/T 9704): 2026年7月15日.</summary>
    public static string FormatDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
