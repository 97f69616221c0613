using System.Globalization;
using Qedu.Documents;
using Qedu.Growth.Domain;
using Qedu.Growth.Rules;
using SkiaSharp;

namespace Qedu.Growth.Features.Records;

/// <summary>
/// A student's growth handbook (《“十个一”素质成长手册》) as an A4 PDF: the 十个一 items with their progress, then each
/// area of 综合素质评价 with its lines by date, then the terms the school confirmed with their comments. The same record
/// the page shows; Chinese text set in the server's CJK font (Qedu.Documents).
/// </summary>
internal static class HandbookPdf
{
    public const string MediaType = "application/pdf";

    private static readonly SKColor Grey = new(0x55, 0x55, 0x55);
    private static readonly SKColor Light = new(0xBB, 0xBB, 0xBB);
    private static readonly SKColor Band = new(0xEE, 0xF3, 0xF9);
    private static readonly SKColor Done = new(0x1B, 0x7F, 0x3B);
    private static readonly TextStyle TitleStyle = new(18);
    private static readonly TextStyle SubtitleStyle = new(11, Grey);
    private static readonly TextStyle HeadingStyle = new(13);
    private static readonly TextStyle HeadStyle = new(8.5f, Grey);
    private static readonly TextStyle CellStyle = new(9.5f);
    private static readonly TextStyle NoteStyle = new(9, Grey);
    private static readonly float[] ItemColumns = [4, 200, 320];
    private static readonly float[] LineColumns = [4, 70, 330];
    private static readonly string[] Numbers = ["一", "二", "三", "四", "五", "六", "七", "八"];

    public static byte[] Render(StudentRecord record, RecordRules rules, CjkFont font, DateTimeOffset printedAt)
    {
        using var stream = new MemoryStream();
        using var pdf = new PdfLayout(font);
        pdf.Paragraph("“十个一”素质成长手册", TitleStyle, after: 4, align: Align.Center);
        pdf.Paragraph($"{record.Name}　学籍号 {record.StudentNumber}　{record.SchoolName} {record.ClassName}", SubtitleStyle, after: 6, align: Align.Center);
        pdf.Rule(SKColors.Black, 1);
        pdf.Space(6);

        var section = 0;
        pdf.Paragraph($"{Numbers[section++]}、“十个一”项目", HeadingStyle, after: 4);
        pdf.Row(ItemColumns, [new Run("项目", HeadStyle), new Run("进度", HeadStyle), new Run("完成", HeadStyle)], Band);
        foreach (var item in record.Items)
        {
            var progress = rules.Item(item.Code) is { Kind: ItemRule.Count } ? $"{item.Done} / {item.Target} {item.Unit}" : $"{item.Done} 项记录";
            pdf.Row(ItemColumns, [new Run(item.Name, CellStyle), new Run(progress, CellStyle),
                item.Complete ? new Run("已完成", CellStyle with { Color = Done }) : new Run("—", CellStyle)]);
        }
        pdf.Rule(Light, 0.4f);

        foreach (var area in rules.Areas)
        {
            var lines = record.Lines.Where(l => l.Area == area.Code).OrderBy(l => l.On).ToList();
            pdf.Space(8);
            pdf.KeepTogether(60);
            pdf.Paragraph($"{Numbers[section++]}、{area.Zh}", HeadingStyle, after: 4);
            if (lines.Count == 0)
            {
                pdf.Paragraph("暂无记录。", NoteStyle, after: 2);
                continue;
            }
            pdf.Row(LineColumns, [new Run("日期", HeadStyle), new Run("内容", HeadStyle), new Run("记录人", HeadStyle)], Band);
            foreach (var line in lines)
            {
                var what = line.Item is { } code && rules.Item(code) is { } item
                    ? $"【{item.Zh}】{line.Title}{(line.Quantity is { } q && item.Kind == ItemRule.Count ? $"（{q}{item.UnitZh}）" : "")}"
                    : line.Title;
                pdf.Row(LineColumns, [new Run(line.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CellStyle), new Run(Short(what, 30), CellStyle),
                    new Run(Short(line.By, 12), CellStyle)]);
                if (line.Detail is { Length: > 0 } detail)
                {
                    pdf.Paragraph(detail, NoteStyle, indent: 66, after: 2);
                }
            }
            pdf.Rule(Light, 0.4f);
        }

        pdf.Space(8);
        pdf.KeepTogether(60);
        pdf.Paragraph($"{Numbers[section]}、学期确认与评语", HeadingStyle, after: 4);
        if (record.Terms.Count == 0)
        {
            pdf.Paragraph("尚无学校确认的学期。", NoteStyle, after: 2);
        }
        foreach (var term in record.Terms)
        {
            pdf.Paragraph($"{RecordRules.TermName(term.Year, term.Term, english: false)}　学校确认于 {term.ConfirmedOn:yyyy-MM-dd}", CellStyle, after: 2);
            if (term.Comment is { Length: > 0 } comment)
            {
                pdf.Paragraph($"评语：{comment}", NoteStyle, indent: 12, after: 4);
            }
        }
        pdf.Space(6);
        pdf.Paragraph($"项目依据：{rules.Source}（版本 {rules.Edition}）。", NoteStyle, after: 2);

        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"“十个一”素质成长手册 {record.Name}",
            Author = record.SchoolName,
            Creator = "Qedu 区域教育治理平台",
            Producer = "Qedu",
            Creation = printedAt.UtcDateTime,
            Modified = printedAt.UtcDateTime,
        };
        var printed = $"生成时间：{printedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}（北京时间）";
        pdf.Render(stream, metadata, (page, number, count) =>
        {
            page.At(PdfLayout.Margin, PdfLayout.PageHeight - 30, printed, NoteStyle);
            page.At(PdfLayout.PageWidth - PdfLayout.Margin, PdfLayout.PageHeight - 30, $"第 {number} 页 / 共 {count} 页", NoteStyle, Align.Right);
        });
        return stream.ToArray();
    }

    private static string Short(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
