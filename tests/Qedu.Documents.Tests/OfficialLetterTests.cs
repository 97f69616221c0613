using System.Text;
using Qedu.Documents;
using UglyToad.PdfPig;

namespace Qedu.Documents.Tests;

/// <summary>An offer letter (入学通知书) printed with the shared PDF helper: Chinese text in an embedded subset font.</summary>
public sealed class OfficialLetterTests
{
    private static CjkFont Font => new PdfFonts(null).Require();

    private static OfficialLetter Letter(int paragraphs = 2) => new()
    {
        Title = "入学通知书",
        Reference = "市南教入〔2026〕0001号",
        Issuer = "青岛市市南区教育局",
        Date = new DateOnly(2026, 7, 15),
        Salutation = "张小明同学家长：",
        Paragraphs = [.. Enumerable.Range(1, paragraphs).Select(i =>
            $"（{i}）经审核，你的孩子符合2026年市南区义务教育阶段学校招生入学条件，现录取到青岛市实验小学一年级就读。请于2026年8月28日前，持本通知书及户口簿、房产证明原件到学校报到，逾期视为放弃入学资格。")],
        Fields =
        [
            new("学生姓名", "张小明"),
            new("录取学校", "青岛市实验小学"),
            new("报到地点", "青岛市市南区香港中路一百号青岛市实验小学东校区教学楼一楼招生办公室（请从东门进入，学校不提供停车位）"),
        ],
        ClosingParagraphs = ["特此通知。"],
        VerificationCode = "7KQ2-M9XD",
        VerificationNote = "登录入学服务平台输入核验码，可查验本通知书真伪",
    };

    [Fact]
    public void A_letter_is_one_pdf_page_with_the_chinese_font_embedded_as_a_subset()
    {
        var font = Font;

        var bytes = OfficialLetterPdf.Render(Letter(), font);

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        // The text is set in the font the letter was given, embedded (a font file in the PDF), and cut down: the
        // whole document is far smaller than the font file alone.
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        Assert.NotEmpty(letters);
        Assert.All(letters, l => Assert.NotEqual("\uFFFD", l.Value));
        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.True(bytes.Length < font.Data.Length / 10, $"{bytes.Length} bytes for a font of {font.Data.Length}");
        var text = page.Text.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("入学通知书", text, StringComparison.Ordinal);
        Assert.Contains("青岛市实验小学", text, StringComparison.Ordinal);
        Assert.Contains("核验码：7KQ2-M9XD", text, StringComparison.Ordinal);
        Assert.Contains("2026年7月15日", text, StringComparison.Ordinal);
        Assert.Contains("第1页/共1页", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_layout_puts_the_title_centred_the_table_beside_its_labels_and_the_issuer_to_the_right()
    {
        using var pdf = PdfDocument.Open(OfficialLetterPdf.Render(Letter(), Font));
        var words = pdf.GetPage(1).Letters.ToList();
        double X(string c) => words.First(l => l.Value == c).StartBaseLine.X;
        double Y(string c) => words.First(l => l.Value == c).StartBaseLine.Y;

        // The title (the only text at 22 points) is centred on the page.
        var title = words.Where(l => l.PointSize > 20).ToList();
        Assert.Equal("入学通知书", string.Concat(title.Select(l => l.Value)));
        var middle = (title[0].StartBaseLine.X + title[^1].EndBaseLine.X) / 2;
        Assert.InRange(middle, PdfLayout.PageWidth / 2 - 2, PdfLayout.PageWidth / 2 + 2);
        // The long value wraps onto a second line inside its cell, to the right of the labels.
        Assert.True(X("香") > PdfLayout.Margin + 110, "values start after the label column");
        Assert.Contains(words, l => l.Value == "停" && l.StartBaseLine.Y < Y("香"));
        // The issuer is in the right half, below the table, above the footer.
        Assert.True(X("局") > PdfLayout.PageWidth / 2);
        Assert.True(Y("局") < Y("停") && Y("局") > Y("核"));
    }

    [Fact]
    public void A_long_letter_flows_onto_a_second_page_whose_footer_has_the_code_too()
    {
        var bytes = OfficialLetterPdf.Render(Letter(paragraphs: 14), Font);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(2, pdf.NumberOfPages);
        foreach (var page in pdf.GetPages())
        {
            var text = page.Text.Replace(" ", "", StringComparison.Ordinal);
            Assert.Contains("核验码：7KQ2-M9XD", text, StringComparison.Ordinal);
            Assert.Contains($"第{page.Number}页/共2页", text, StringComparison.Ordinal);
        }
        Assert.Contains("青岛市市南区教育局", pdf.GetPage(2).Text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_are_printed_as_official_documents_print_them() =>
        Assert.Equal("2026年8月1日", OfficialLetterPdf.FormatDate(new DateOnly(2026, 8, 1)));
}
