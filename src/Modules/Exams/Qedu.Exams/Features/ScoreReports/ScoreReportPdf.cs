using System.Globalization;
using Qedu.Documents;
using SkiaSharp;

namespace Qedu.Exams.Features.ScoreReports;

/// <summary>
/// Score reports (成绩报告单) as an A4 PDF, one student to a page: the exam, the student, a table of every subject and
/// the total with score, full marks, grade and position band, and what the grade and the band mean. Official Chinese
/// whatever the page's language: it is the paper a family keeps.
/// </summary>
internal static class ScoreReportPdf
{
    public const string MediaType = "application/pdf";

    private static readonly SKColor Grey = new(0x55, 0x55, 0x55);
    private static readonly SKColor Border = new(0x88, 0x88, 0x88);
    private static readonly SKColor Band = new(0xEE, 0xF3, 0xF9);
    private static readonly TextStyle TitleStyle = new(20);
    private static readonly TextStyle SubtitleStyle = new(14);
    private static readonly TextStyle MetaStyle = new(10, Grey);
    private static readonly TextStyle HeadStyle = new(11, Grey);
    private static readonly TextStyle CellStyle = new(11.5f);
    private static readonly TextStyle NoteStyle = new(9.5f, Grey);
    private static readonly float[] Columns = [8, 130, 210, 290, 370];

    public static byte[] Render(IReadOnlyList<ScoreReport> reports, CjkFont font, DateTimeOffset printedAt)
    {
        using var stream = new MemoryStream();
        using var pdf = new PdfLayout(font);
        foreach (var report in reports)
        {
            pdf.PageBreak();
            Page(pdf, report);
        }
        var first = reports.Count > 0 ? reports[0] : null;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = first is null ? "成绩报告单" : $"{first.ExamName} 成绩报告单",
            Author = first?.Issuer ?? "",
            Creator = "Qedu 区域教育治理平台",
            Producer = "Qedu",
            Creation = printedAt.UtcDateTime,
            Modified = printedAt.UtcDateTime,
        };
        var printed = $"打印时间：{printedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}（北京时间）";
        pdf.Render(stream, metadata, (page, number, count) =>
        {
            const float footer = PdfLayout.PageHeight - 36;
            page.LineAt(footer - 14, Border, 0.4f);
            page.At(PdfLayout.Margin, footer, printed, NoteStyle);
            page.At(PdfLayout.PageWidth - PdfLayout.Margin, footer, $"第 {number} 页 / 共 {count} 页", NoteStyle, Align.Right);
        });
        return stream.ToArray();
    }

    private static void Page(PdfLayout pdf, ScoreReport r)
    {
        pdf.Space(4);
        pdf.Paragraph(r.ExamName, TitleStyle, after: 2, align: Align.Center);
        pdf.Paragraph("学业成绩报告单", SubtitleStyle, after: 6, align: Align.Center);
        pdf.Paragraph($"考试日期：{r.ExamDate:yyyy年M月d日}　　组织单位：{r.Issuer}", MetaStyle, after: 10, align: Align.Center);
        pdf.LabelValueTable(
            [("姓名", r.StudentName), ("学籍号", r.StudentNumber), ("学校", r.School), ("班级", r.ClassName ?? "—")],
            HeadStyle, CellStyle, labelWidth: 90, Border, Band);
        pdf.Space(14);
        pdf.Row(Columns, [new Run("科目", HeadStyle), new Run("成绩", HeadStyle), new Run("满分", HeadStyle), new Run("等级", HeadStyle), new Run("位置段", HeadStyle)], Band);
        foreach (var line in r.Lines)
        {
            var total = line == r.Lines[^1];
            if (total)
            {
                pdf.Rule(Border, 0.4f);
            }
            pdf.Row(Columns,
            [
                new Run(line.Subject, CellStyle), new Run(line.Score is { } s ? ScoreReports.Marks(s) : "—", CellStyle),
                new Run(ScoreReports.Marks(line.FullMarks), CellStyle), new Run(Grade(line.Grade), CellStyle), new Run(BandText(line.Band), CellStyle),
            ]);
        }
        pdf.Rule(Border, 0.4f);
        pdf.Space(10);
        var pass = Percent(r.PassShare);
        var excellent = Percent(r.ExcellentShare);
        pdf.Paragraph($"说明：1. 等级按本次考试的标准评定：得分达到满分的{excellent}为优秀，达到{pass}为合格，低于{pass}为待合格。", NoteStyle, after: 1);
        pdf.Paragraph("2. 位置段是该科成绩在本次考试全体考生中所处的四分之一区间（前25%、25%–50%、50%–75%、后25%），不排名次。", NoteStyle, indent: 30, after: 1);
        pdf.Paragraph("3. 成绩如有疑问，请在成绩发布后向就读学校提出复核申请。", NoteStyle, indent: 30, after: 1);
    }

    internal static string Grade(ScoreGrade grade) => grade switch
    {
        ScoreGrade.Excellent => "优秀",
        ScoreGrade.Pass => "合格",
        ScoreGrade.BelowPass => "待合格",
        _ => "缺考",
    };

    internal static string BandText(PositionBand? band) => band switch
    {
        PositionBand.Top => "前25%",
        PositionBand.UpperMiddle => "25%–50%",
        PositionBand.LowerMiddle => "50%–75%",
        PositionBand.Bottom => "后25%",
        _ => "—",
    };

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
