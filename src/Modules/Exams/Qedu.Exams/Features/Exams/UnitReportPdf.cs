using System.Globalization;
using Qedu.Documents;
using Qedu.Exams.Analysis;
using Qedu.Exams.Domain;
using SkiaSharp;

namespace Qedu.Exams.Features.Exams;

/// <summary>
/// A unit's report of an exam as an A4 PDF (the school report a head takes to a staff meeting, a district's to its
/// bureau): the figures of every subject, the units one level down in the chosen subject, the score bands, and, for a
/// school, its value-added with the interval. The same figures as the page and the .xlsx; aggregates only.
/// </summary>
internal static class UnitReportPdf
{
    public const string MediaType = "application/pdf";

    private static readonly SKColor Grey = new(0x55, 0x55, 0x55);
    private static readonly SKColor Light = new(0xBB, 0xBB, 0xBB);
    private static readonly SKColor Band = new(0xEE, 0xF3, 0xF9);
    private static readonly SKColor Bar = new(0x1F, 0x5F, 0xA8);
    private static readonly TextStyle TitleStyle = new(18);
    private static readonly TextStyle SubtitleStyle = new(13);
    private static readonly TextStyle MetaStyle = new(9.5f, Grey);
    private static readonly TextStyle HeadingStyle = new(13);
    private static readonly TextStyle HeadStyle = new(8.5f, Grey);
    private static readonly TextStyle CellStyle = new(9);
    private static readonly TextStyle NoteStyle = new(9, Grey);
    private static readonly string[] SubjectHeadings = ["科目", "参考", "缺考", "平均分", "标准差", "中位数", "及格率", "优秀率", "差值", "后30%"];
    private static readonly string[] BelowHeadings = ["单位", "参考", "平均分", "及格率", "优秀率", "差值", "后30%"];
    private static readonly float[] SubjectColumns = [4, 62, 104, 140, 186, 230, 276, 322, 370, 418];
    private static readonly float[] BelowColumns = [4, 176, 218, 264, 312, 360, 408];

    public static byte[] Render(UnitReport report, ValueAddedLine? valueAdded, ValueAddedReport? run, CjkFont font, DateTimeOffset printedAt)
    {
        using var stream = new MemoryStream();
        using var pdf = new PdfLayout(font);
        string Subject(short number) => number == ExamFigure.Total ? "总分" : report.Subjects.FirstOrDefault(s => s.Number == number)?.Name ?? "";
        var unit = report.Unit;

        pdf.Paragraph($"{report.Exam.Name}", TitleStyle, after: 2, align: Align.Center);
        pdf.Paragraph($"{unit.Unit} 考试分析报告", SubtitleStyle, after: 6, align: Align.Center);
        pdf.Paragraph($"考试日期：{report.Exam.Date:yyyy-MM-dd}　　组织单位：{report.Exam.Owner}　　及格线：满分的{Percent(report.Exam.PassShare)}　　优秀线：满分的{Percent(report.Exam.ExcellentShare)}",
            MetaStyle, after: 6, align: Align.Center);
        pdf.Rule(SKColors.Black, 1);
        pdf.Space(6);

        pdf.Paragraph("一、各科成绩", HeadingStyle, after: 4);
        pdf.Row(SubjectColumns, [.. SubjectHeadings.Select(h => new Run(h, HeadStyle))], Band);
        foreach (var f in report.BySubject)
        {
            pdf.Row(SubjectColumns,
            [
                new Run(Subject(f.Subject), CellStyle), Cell(f.Sat), Cell(f.Absent), Cell(f.Mean), Cell(f.StandardDeviation), Cell(f.Median),
                CellPercent(f.PassRate), CellPercent(f.ExcellentRate), Cell(f.Gap, signed: true), f.Bottom30Share is { } b ? CellPercent(b) : new Run("", CellStyle),
            ]);
        }
        pdf.Rule(Light, 0.4f);
        if (report.Path.Count > 0)
        {
            pdf.Paragraph($"差值为平均分与上一级（{report.Path[^1].Unit}）平均分之差；后30%为总分处于全体考生最低30%的学生占比。", NoteStyle, after: 4);
        }

        if (report.Below.Count > 0)
        {
            pdf.Space(8);
            var level = report.Below[0].Level switch { "class" => "各班级", "school" => "各学校", _ => "各区（市）" };
            pdf.Paragraph($"二、{level}情况（{Subject(report.Subject)}）", HeadingStyle, after: 4);
            pdf.Row(BelowColumns, [.. BelowHeadings.Select(h => new Run(h, HeadStyle))], Band);
            foreach (var f in report.Below)
            {
                pdf.Row(BelowColumns,
                [
                    new Run(Short(f.Unit, 16), CellStyle), Cell(f.Sat), Cell(f.Mean), CellPercent(f.PassRate), CellPercent(f.ExcellentRate), Cell(f.Gap, signed: true),
                    f.Bottom30Share is { } b ? CellPercent(b) : new Run("", CellStyle),
                ]);
            }
            pdf.Rule(Light, 0.4f);
        }

        pdf.Space(8);
        pdf.KeepTogether(200);
        pdf.Paragraph($"{(report.Below.Count > 0 ? "三" : "二")}、分数段分布（{Subject(report.Subject)}，按满分的百分比）", HeadingStyle, after: 4);
        var bands = unit.Bands;
        var most = Math.Max(1, bands.Max());
        for (var i = 0; i < bands.Count; i++)
        {
            var label = $"{i * 100 / bands.Count}–{(i + 1) * 100 / bands.Count}%";
            var share = unit.Sat == 0 ? 0 : (double)bands[i] / unit.Sat;
            pdf.Row([4, 90, 150], [new Run(label, CellStyle), new Run(bands[i].ToString(CultureInfo.InvariantCulture), CellStyle),
                new Run(new string('■', (int)Math.Round(20.0 * bands[i] / most)) + $" {Percent(share)}", CellStyle with { Color = Bar })]);
        }

        if (valueAdded is not null && run is not null)
        {
            pdf.Space(8);
            pdf.KeepTogether(90);
            pdf.Paragraph($"{(report.Below.Count > 0 ? "四" : "三")}、增值评价", HeadingStyle, after: 4);
            var subject = run.Subject == "total" ? "总分" : run.Subject;
            pdf.Paragraph(valueAdded.TooFew || valueAdded.Effect is not { } effect
                ? $"以{run.Prior}为起点（{subject}），本校匹配学生{valueAdded.Students}人，人数过少，不作增值估计。"
                : $"以{run.Prior}为起点（{subject}），本校{valueAdded.Students}名学生的增值为{Signed(effect)}分，95%区间{Signed(valueAdded.Lower!.Value)}～{Signed(valueAdded.Upper!.Value)}分。"
                    + (valueAdded.Lower > 0 ? "区间在零以上：高于同起点学生的预期。" : valueAdded.Upper < 0 ? "区间在零以下：低于同起点学生的预期。" : "区间跨过零：与同起点学生的预期无可分辨的差别。"),
                CellStyle with { Size = 10 }, after: 2);
            pdf.Paragraph("增值是学生本次成绩相对于同样起点学生预期成绩的平均差，已按学校规模收缩估计；请看区间，不宜按点估计排名。", NoteStyle, after: 2);
        }

        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{report.Exam.Name} {unit.Unit} 考试分析报告",
            Author = report.Exam.Owner,
            Creator = "Qedu 区域教育治理平台",
            Producer = "Qedu",
            Creation = printedAt.UtcDateTime,
            Modified = printedAt.UtcDateTime,
        };
        var printed = $"生成时间：{printedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}（北京时间）";
        pdf.Render(stream, metadata, (page, number, count) =>
        {
            page.At(PdfLayout.Margin, PdfLayout.PageHeight - 30, printed, MetaStyle);
            page.At(PdfLayout.PageWidth - PdfLayout.Margin, PdfLayout.PageHeight - 30, $"第 {number} 页 / 共 {count} 页", MetaStyle, Align.Right);
        });
        return stream.ToArray();
    }

    private static Run Cell(int value) => new(value.ToString(CultureInfo.InvariantCulture), CellStyle);

    private static Run Cell(double? value, bool signed = false) =>
        new(value is { } v ? signed ? Signed(v) : v.ToString("0.0", CultureInfo.InvariantCulture) : "—", CellStyle);

    private static Run CellPercent(double share) => new(Percent(share), CellStyle);

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Signed(double value) => value.ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture);

    private static string Short(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
