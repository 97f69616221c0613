using System.Globalization;
using Qedu.Documents;
using Qedu.Plans.Domain;
using SkiaSharp;

namespace Qedu.Plans.Features.Export;

/// <summary>
/// The printable supervision report of a plan (A4, PDF): the document's header, how many tasks stand where, then per
/// section every task with its units, deadline, status, milestones, targets with current values and the latest report.
/// Whatever is overdue is printed in red.
/// </summary>
internal static class SupervisionReport
{
    public const string MediaType = "application/pdf";

    private static readonly SKColor Red = new(0xC0, 0x00, 0x00);
    private static readonly SKColor Amber = new(0xB2, 0x6B, 0x00);
    private static readonly SKColor Green = new(0x2E, 0x7D, 0x32);
    private static readonly SKColor Blue = new(0x1F, 0x5F, 0xA8);
    private static readonly SKColor Grey = new(0x66, 0x66, 0x66);
    private static readonly SKColor Light = new(0xBB, 0xBB, 0xBB);
    private static readonly SKColor Band = new(0xEE, 0xF3, 0xF9);

    private static readonly TextStyle TitleStyle = new(18);
    private static readonly TextStyle SubtitleStyle = new(13);
    private static readonly TextStyle MetaStyle = new(9.5f, Color: Grey);
    private static readonly TextStyle HeadingStyle = new(14, Color: new SKColor(0x1A, 0x1A, 0x1A));
    private static readonly TextStyle SectionStyle = new(11.5f, Color: Blue);
    private static readonly TextStyle TaskStyle = new(11);
    private static readonly TextStyle LabelStyle = new(9.5f, Color: Grey);
    private static readonly TextStyle BodyStyle = new(9.5f);

    public static SKColor Colour(SupervisionStatus status) => status switch
    {
        SupervisionStatus.Overdue => Red,
        SupervisionStatus.AtRisk => Amber,
        SupervisionStatus.Done => Green,
        SupervisionStatus.OnTrack => Blue,
        _ => Grey,
    };

    public static void Write(Stream stream, ExportPlan plan, CjkFont font)
    {
        using var pdf = new PdfLayout(font);
        var tasks = plan.AllTasks().ToList();

        pdf.Paragraph(plan.Title, TitleStyle, after: 2, align: Align.Center);
        pdf.Paragraph("任务督办情况报告", SubtitleStyle, after: 8, align: Align.Center);
        pdf.Paragraph($"文号：{plan.DocumentNumber ?? "（无）"}　　发文单位：{(plan.Issuer.Length > 0 ? plan.Issuer : plan.OwnerName)}　　印发日期：{plan.IssuedOn ?? "（未注明）"}", MetaStyle, after: 0, align: Align.Center);
        pdf.Paragraph($"报告日期：{plan.Today:yyyy-MM-dd}　　生成时间：{plan.GeneratedAt:yyyy-MM-dd HH:mm}（北京时间）　　状态：{ExportWording.State(plan.State)}", MetaStyle, after: 6, align: Align.Center);
        pdf.Rule(SKColors.Black, 1);
        pdf.Space(6);

        Summary(pdf, tasks);

        pdf.Space(8);
        pdf.Paragraph("二、分项任务推进情况", HeadingStyle, after: 4);
        foreach (var section in plan.Sections)
        {
            Section(pdf, section);
        }

        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{plan.Title} 任务督办情况报告",
            Subject = plan.DocumentNumber ?? plan.Title,
            Creator = "Qedu 区域教育治理平台",
            Producer = "Qedu",
            Creation = plan.GeneratedAt.UtcDateTime,
            Modified = plan.GeneratedAt.UtcDateTime,
        };
        var header = plan.Title.Length > 40 ? plan.Title[..40] + "…" : plan.Title;
        pdf.Render(stream, metadata, (page, number, count) =>
        {
            if (number > 1)
            {
                page.At(PdfLayout.Margin, 40, header, MetaStyle);
                page.LineAt(46, Light);
            }
            page.At(PdfLayout.PageWidth / 2, PdfLayout.PageHeight - 30, $"第 {number} 页 / 共 {count} 页", MetaStyle, Align.Center);
        });
    }

    private static void Summary(PdfLayout pdf, List<ExportTask> tasks)
    {
        pdf.Paragraph("一、总体情况", HeadingStyle, after: 4);
        var byStatus = tasks.GroupBy(t => t.Status).ToDictionary(g => g.Key, g => g.Count());
        float[] offsets = [8, 150, 230];
        var head = new TextStyle(9.5f);
        pdf.Row(offsets, [new Run("状态", head), new Run("任务数", head), new Run("占比", head)], Band);
        SupervisionStatus[] order = [SupervisionStatus.Overdue, SupervisionStatus.AtRisk, SupervisionStatus.NotStarted, SupervisionStatus.OnTrack, SupervisionStatus.Done];
        foreach (var status in order)
        {
            var count = byStatus.GetValueOrDefault(status);
            var style = new TextStyle(9.5f, Color: count > 0 && status == SupervisionStatus.Overdue ? Red : null);
            pdf.Row(offsets,
                [new Run(ExportWording.Status(status), style), new Run(count.ToString(CultureInfo.InvariantCulture), style), new Run(Percent(count, tasks.Count), style)],
                marker: Colour(status));
        }
        pdf.Rule(Light);
        pdf.Row(offsets, [new Run("合计", head), new Run(tasks.Count.ToString(CultureInfo.InvariantCulture), head), new Run(tasks.Count == 0 ? "—" : "100%", head)]);
        pdf.Space(4);

        var overdue = tasks.Where(t => t.Status == SupervisionStatus.Overdue).ToList();
        if (overdue.Count > 0)
        {
            pdf.Paragraph(
                [new Run("逾期任务：", new TextStyle(9.5f, Color: Red)),
                 new Run(string.Join("；", overdue.Select(t => $"{t.Number}. {Short(t.Title, 24)}（{string.Join("、", t.LeadUnits)}）")), new TextStyle(9.5f, Color: Red))],
                after: 2);
        }
        var atRisk = tasks.Where(t => t.Status == SupervisionStatus.AtRisk).ToList();
        if (atRisk.Count > 0)
        {
            pdf.Paragraph(
                [new Run("临期预警：", new TextStyle(9.5f, Color: Amber)),
                 new Run(string.Join("；", atRisk.Select(t => $"{t.Number}. {Short(t.Title, 24)}（{string.Join("、", t.LeadUnits)}）")), BodyStyle)],
                after: 2);
        }
    }

    private static void Section(PdfLayout pdf, ExportSection section)
    {
        if (section.Label.Length > 0)
        {
            pdf.KeepTogether(80);
            pdf.Space(4);
            pdf.Paragraph(section.Label, SectionStyle, indent: section.Depth * 12, after: 3);
        }
        foreach (var task in section.Tasks)
        {
            Task(pdf, task);
        }
        foreach (var child in section.Sections)
        {
            Section(pdf, child);
        }
    }

    private static void Task(PdfLayout pdf, ExportTask task)
    {
        var overdue = task.Status == SupervisionStatus.Overdue;
        var status = new TextStyle(9.5f, Color: Colour(task.Status));
        pdf.KeepTogether(70);
        pdf.Paragraph(
            [new Run($"{task.Number}. {task.Title}", TaskStyle with { Color = overdue ? Red : null }), new Run($"　〔{ExportWording.Status(task.Status)}〕", status)],
            after: 1);

        const float indent = 14;
        pdf.Paragraph([new Run("牵头：", LabelStyle), new Run(task.LeadUnits.Count == 0 ? "（未指定）" : string.Join("、", task.LeadUnits), BodyStyle),
            new Run("　　参加：", LabelStyle), new Run(task.ParticipatingUnits.Count == 0 ? "—" : string.Join("、", task.ParticipatingUnits), BodyStyle)],
            indent, after: 0);
        pdf.Paragraph([new Run("完成时限：", LabelStyle), new Run(ExportWording.Deadline(task), BodyStyle with { Color = overdue ? Red : null }),
            new Run("　　状态：", LabelStyle), new Run(ExportWording.Status(task.Status), status)],
            indent, after: 0);

        if (task.Milestones.Count > 0)
        {
            pdf.Paragraph("计划节点：", LabelStyle, indent, after: 0);
            foreach (var m in task.Milestones)
            {
                var late = m.Status == SupervisionStatus.Overdue;
                pdf.Paragraph(
                    [new Run($"· {ExportWording.MilestoneText(m)}", BodyStyle with { Color = late ? Red : null }),
                     new Run($"　〔{ExportWording.Status(m.Status)}〕", new TextStyle(9.5f, Color: Colour(m.Status)))],
                    indent + 10, after: 0);
            }
        }
        if (task.Targets.Count > 0)
        {
            pdf.Paragraph("量化指标：", LabelStyle, indent, after: 0);
            foreach (var x in task.Targets)
            {
                var goal = $"目标 {ExportWording.Comparator(x.Comparator)}{ExportWording.Number(x.Value)}{x.Unit}{(x.Year is { } y ? $"（{y}年）" : "")}";
                var now = x.Current is { } c
                    ? new Run($"当前 {ExportWording.Number(c)}{x.Unit}（{ExportWording.Date(x.CurrentAt!.Value)}）{(x.Met == true ? "已达标" : "未达标")}",
                        new TextStyle(9.5f, Color: x.Met == true ? Green : Amber))
                    : new Run("当前 未报送", new TextStyle(9.5f, Color: Grey));
                pdf.Paragraph([new Run($"· {x.Text}　{goal}　", BodyStyle), now], indent + 10, after: 0);
            }
        }
        pdf.Paragraph([new Run("最新进展：", LabelStyle), new Run(ExportWording.Report(task.LatestReport, 160), task.LatestReport is null ? new TextStyle(9.5f, Color: Grey) : BodyStyle)],
            indent, after: 4);
        pdf.Rule(Light, 0.3f, indent);
        pdf.Space(3);
    }

    private static string Percent(int count, int total) =>
        total == 0 ? "—" : (100m * count / total).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Short(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
