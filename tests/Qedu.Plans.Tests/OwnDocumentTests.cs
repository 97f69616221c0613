using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Qedu.PlanDocuments;

namespace Qedu.Plans.Tests;

/// <summary>
/// Plans written for these tests in the seeds' style but with other conventions: 第一章/第一条 with "牵头单位：…；
/// 配合单位：…" and "完成时限：" on lines of their own and the signature at the end; （一）/1./(1) with half-width
/// punctuation, units in brackets or on a line of their own, a GB18030 file, and the same plan as a .docx table.
/// </summary>
public sealed class OwnDocumentTests
{
    [Fact]
    public void Chapters_and_articles()
    {
        var plan = Plans.Document("article_style.txt");
        Assert.Equal("2023年李沧区教育惠民行动方案", plan.Title);
        Assert.Equal<string>(["李沧区教育和体育局"], plan.Issuer); // from the signature after the last article
        Assert.Equal("李教体发〔2023〕12号", plan.DocumentNumber);
        Assert.Equal("2023-02-15", plan.Date);
        Assert.Equal<string>(["总体要求", "重点任务", "保障措施"], plan.Sections.Select(s => s.Title));
        Assert.Empty(plan.Sections[0].Tasks); // 指导思想 is not a task, and its "30所" is not a task's target
        Assert.Equal<string>(["二", "三", "四", "五"], plan.AllTasks().Select(t => t.Number));
        Assert.DoesNotContain("李沧区教育和体育局", plan.Task("五").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("二", "基教处", "计财处|区住房城乡建设局", "2023年12月", "2023-12", "6所; 1800个; >=60%", "")]
    [InlineData("三", "基教处", "思政处|体卫艺处", "长期", null, ">=100%; >=90%", "2023|2023")]
    [InlineData("四", "人事处", "教师发展中心", "2023年底", "2023-12", ">=200名; >=72学时", "")]
    [InlineData("五", "计财处", "区财政局", "2023年12月31日", "2023-12-31", ">=15亿元; <=5%", "")]
    public void Articles_units_deadlines_targets(string number, string lead, string participating, string deadline, string? date, string targets, string milestones)
    {
        var task = Plans.Document("article_style.txt").Task(number);
        Assert.Equal(lead, string.Join("|", task.LeadUnits));
        Assert.Equal(participating, string.Join("|", task.ParticipatingUnits));
        Assert.Equal(new Deadline(deadline, date), task.Deadline);
        Assert.Equal(targets, Plans.Compact(task.Targets));
        Assert.Equal(milestones, string.Join("|", task.Milestones.Select(m => m.Year)));
    }

    [Fact]
    public void Unknown_units_are_kept_and_flagged() =>
        Assert.Equal<string>(["区住房城乡建设局", "教师发展中心", "区财政局"], Plans.Document("article_style.txt").UnmatchedUnits);

    /// <summary>Remembered names are no longer flagged; the document still says what it printed, and review maps it (ReviewMappingTests).</summary>
    [Fact]
    public void Remembered_mappings_resolve_flagged_units()
    {
        var matcher = new UnitMatcher(KnownUnits.Default, new Dictionary<string, string> { ["教师发展中心"] = "教科院", ["区财政局"] = "市财政局" });
        var plan = new PlanDocumentParser(matcher).Parse(Plans.Text("Documents", "article_style.txt"));
        Assert.Equal<string>(["区住房城乡建设局"], plan.UnmatchedUnits);
        Assert.Equal<string>(["教师发展中心"], plan.Task("四").ParticipatingUnits);
        Assert.Equal("教科院", matcher.Match("教师发展中心").Single().Name);
    }

    [Fact]
    public void Parenthesised_sections_and_numbered_items()
    {
        var plan = Plans.Document("paren_style.txt");
        Assert.Equal("即墨区教育和体育局关于2022年教育信息化工作的实施意见", plan.Title);
        Assert.Equal<string>(["即墨区教育和体育局"], plan.Issuer);
        Assert.Equal("即教体字[2022]7号", plan.DocumentNumber);
        Assert.Null(plan.Date);
        Assert.Equal<string>(["一", "二", "三"], plan.Sections.Select(s => s.Number));
        Assert.Equal<int>([2, 2, 1], plan.Sections.Select(s => s.Tasks.Count));
        Assert.Equal<string>(["区大数据局"], plan.UnmatchedUnits);
    }

    [Theory]
    [InlineData("1", "升级校园网络", "装备信息中心", "计财处", ">=100%@2022; >=95%@2022")] // bracket with labels, short name as printed (review maps it: ReviewMappingTests)
    [InlineData("2", "建设智慧教室", "教育装备与信息中心", "基教处", "120间; <=30间")] // units on a line of their own
    [InlineData("3", "完善学生数据库(学籍、健康、成长记录)", "基教处", "区大数据局", ">=98%")] // half-width, "牵头,…配合"
    [InlineData("4", "开展数据质量检查", "招考办", "督导室", ">=1次; 100%")] // a bracket line after sub-items
    [InlineData("5", "提升教师信息素养", "人事处", "各学校", ">=100%@2022; >=50名@2022")] // 责任科室 with a comma
    public void Items_units_and_targets(string number, string title, string lead, string participating, string targets)
    {
        var task = Plans.Document("paren_style.txt").Task(number);
        Assert.Equal(title, task.Title);
        Assert.Equal(lead, string.Join("|", task.LeadUnits));
        Assert.Equal(participating, string.Join("|", task.ParticipatingUnits));
        Assert.Equal(targets, Plans.Compact(task.Targets));
    }

    [Fact]
    public void Sub_items_stay_in_the_task_text()
    {
        var task = Plans.Document("paren_style.txt").Task("4");
        Assert.Contains("(1)制定检查清单；", task.Text, StringComparison.Ordinal);
        Assert.Contains("(2)组织交叉检查。", task.Text, StringComparison.Ordinal);
        Assert.Equal(new Deadline("2022年12月", "2022-12"), Plans.Document("paren_style.txt").Task("1").Deadline);
    }

    [Fact]
    public void A_GB18030_file_reads_the_same_as_UTF8()
    {
        var text = Plans.Text("Documents", "paren_style.txt");
        var gb = PlanFile.Read(Encoding.GetEncoding("GB18030").GetBytes(text));
        var bom = PlanFile.Read([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        Assert.Equal(text, gb);
        Assert.Equal(text, bom);
        Assert.Equal(PlanJson.Serialize(Plans.Document("paren_style.txt")), PlanJson.Serialize(new PlanDocumentParser().Parse(gb)));
    }

    [Fact]
    public void A_docx_with_a_task_table_imports_like_the_text()
    {
        var plan = new PlanDocumentParser().Parse(PlanFile.Read(Docx()));
        Assert.Equal("2024年教育督导工作要点", plan.Title);
        var tasks = plan.AllTasks().ToList();
        Assert.Equal<string>(["1", "2"], tasks.Select(t => t.Number));
        Assert.Equal<string>(["督导室"], tasks[0].LeadUnits);
        Assert.Equal<string>(["基教处"], tasks[0].ParticipatingUnits);
        Assert.Equal<string>(["《督导评估办法》"], tasks[0].Policies);
        Assert.Equal<string>(["制定评估指标", "开展专项督导"], tasks[0].Measures);
        Assert.Equal(new Deadline("2024年6月", "2024-06"), tasks[0].Deadline);
        Assert.Equal(new Deadline("长期", null), tasks[1].Deadline);
        Assert.Equal(">=95%@2024", Plans.Compact(tasks[0].Targets));
    }

    /// <summary>A small .docx: title, two items, and a 任务清单 table whose cells hold several paragraphs.</summary>
    private static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            static Paragraph P(string text) => new(new Run(new Text(text)));
            static TableCell Cell(params string[] paragraphs) => new(paragraphs.Select(P));
            var table = new Table(
                new TableRow(Cell("序号"), Cell("拟出台政策"), Cell("采取措施"), Cell("完成时间"), Cell("责任处室")),
                new TableRow(Cell("1"), Cell("《督导评估办法》"), Cell("1.制定评估指标", "2.开展专项督导"), Cell("2024年6月"), Cell("督导室、", "基教处")),
                new TableRow(Cell("2"), Cell(""), Cell("组织交叉检查"), Cell("长期"), Cell("督导室")));
            main.Document = new Document(new Body(
                P("2024年教育督导工作要点"),
                P("一、完善督导制度"),
                P("1.健全督导评估机制。到2024年，督导评估覆盖率达到95%。"),
                P("2.开展学校督导检查。"),
                P("任务清单"),
                table));
        }
        return stream.ToArray();
    }
}
