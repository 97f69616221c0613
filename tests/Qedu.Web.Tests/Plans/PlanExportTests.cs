using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Documents;
using Qedu.Plans.Data;
using Qedu.Plans.Features.Export;
using Qedu.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Qedu.Web.Tests.Plans;

/// <summary>
/// Exports of a plan over HTTP, from seed 001 imported as a person would: the task list in the layout of the seed's own
/// task table (附件2) and the printable supervision report; drafts stay with their owners.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PlanExportTests(WebApp app)
{
    private const string Seed001 = "001_49a8bf4b45a6b867.txt";
    private const string Owner = "city.admin";
    private const string Department = "jjc.staff";

    private static string SeedPath => Path.Combine(AppContext.BaseDirectory, "Seeds", Seed001);

    /// <summary>The headings of the seed's 附件2 table, read from the document: the tab-indented lines after its title, up to the first blank line.</summary>
    private static List<string> SeedTableHeadings()
    {
        var lines = File.ReadAllLines(SeedPath);
        var start = Array.FindIndex(lines, l => l.Trim() == "附件2");
        var first = Array.FindIndex(lines, start, l => l.StartsWith('\t'));
        return [.. lines.Skip(first).TakeWhile(l => l.Trim().Length > 0).Select(l => l.Trim())];
    }

    private async Task<long> ImportAsync() =>
        await PlanFiles.ImportAsync(await app.ClientAsync(Owner), await File.ReadAllBytesAsync(SeedPath), "001.txt");

    /// <summary>The plan's tasks as the API shows them, by printed number.</summary>
    private async Task<Dictionary<string, JsonElement>> TasksAsync(long id) => await PlanFiles.TaskElementsAsync(await app.ClientAsync(Owner), id);

    /// <summary>The first worksheet's cells by reference ("B5"), whether written as inline or shared strings.</summary>
    private static (Dictionary<string, string> Cells, Worksheet Sheet, string SheetName) ReadSheet(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cell in part.Worksheet.Descendants<Cell>())
        {
            cells[cell.CellReference!] = cell.DataType?.Value == CellValues.SharedString
                ? shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
                : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";
        }
        return (cells, (Worksheet)part.Worksheet.CloneNode(true), sheet.Name!);
    }

    private static string At(Dictionary<string, string> cells, int column, int row) =>
        cells.GetValueOrDefault(Qedu.Kernel.Files.SpreadsheetCells.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture), "");

    [Fact]
    public async Task The_task_list_has_the_seed_tables_columns_then_supervision_and_one_row_per_task()
    {
        var id = await ImportAsync();
        var tasks = await TasksAsync(id);

        using var response = await (await app.ClientAsync(Owner)).GetAsync($"/api/plans/{id}/tasks.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TaskListWorkbook.MediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        var (cells, sheet, name) = ReadSheet(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("任务清单", name);
        Assert.Contains("青岛市教育局实施“十大行动计划”", At(cells, 0, 1), StringComparison.Ordinal);

        // The header row: exactly the seed's headings, in its order, then the supervision columns.
        var header = TaskListWorkbook.HeaderRow;
        var seed = SeedTableHeadings();
        Assert.Equal(["序号", "问题清单", "拟出台政策", "采取措施", "预期效果", "完成时间", "责任处室"], seed);
        Assert.Equal(seed, Enumerable.Range(0, seed.Count).Select(c => At(cells, c, header)));
        Assert.Equal(["所属部分", "状态", "计划节点", "量化指标及当前值", "最新进展"], Enumerable.Range(seed.Count, 5).Select(c => At(cells, c, header)));
        Assert.Equal("任务清单（附件2）", At(cells, 0, header - 1));
        Assert.Equal("督办情况（系统生成）", At(cells, seed.Count, header - 1));

        // One row per task, numbered as printed, and nothing after them.
        var numbers = Enumerable.Range(header + 1, 40).Select(r => At(cells, 0, r)).TakeWhile(n => n.Length > 0).ToList();
        Assert.Equal(Enumerable.Range(1, 34).Select(n => n.ToString(CultureInfo.InvariantCulture)), numbers);

        // Task 9: its title, deadline and units land in their columns; its deadline (2022年12月) has passed.
        var row = header + 9;
        Assert.Equal("9", At(cells, 0, row));
        Assert.Equal(tasks["9"].GetProperty("title").GetString(), At(cells, 1, row));
        Assert.Equal("2022年12月", At(cells, 5, row));
        Assert.StartsWith("牵头：国际处\n参加：", At(cells, 6, row), StringComparison.Ordinal);
        Assert.Contains("教科院", At(cells, 6, row), StringComparison.Ordinal);
        Assert.Contains("国际交流", At(cells, 3, row), StringComparison.Ordinal);
        Assert.Equal("已逾期", At(cells, 8, row));
        Assert.StartsWith("2022年", At(cells, 9, row), StringComparison.Ordinal);
        Assert.EndsWith("〔已逾期〕", At(cells, 9, row), StringComparison.Ordinal);
        Assert.Contains("目标 ≥50个（2022年）｜当前 未报送", At(cells, 10, row), StringComparison.Ordinal);
        Assert.Equal("尚无进展报送", At(cells, 11, row));
        // Task 5 has no deadline date and no milestone: nothing can be late yet.
        Assert.Equal("长期", At(cells, 5, header + 5));
        Assert.Equal("未开始", At(cells, 8, header + 5));

        // The headings stay in view: frozen below the header row and right of the task column.
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State?.Value);
        Assert.Equal((double)header, pane.VerticalSplit?.Value);
        Assert.Equal(2d, pane.HorizontalSplit?.Value);
    }

    [Fact]
    public async Task A_cell_that_looks_like_a_formula_is_exported_as_text()
    {
        var id = await ImportAsync();
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlansDb>();
            var task = await db.Tasks.SingleAsync(t => t.PlanId == id && t.Number == "3");
            task.Policies = "=HYPERLINK(\"http://evil.example/\",\"点击\")";
            task.Title = "@SUM(1+1)";
            return await db.SaveChangesAsync();
        });

        using var response = await (await app.ClientAsync(Owner)).GetAsync($"/api/plans/{id}/tasks.xlsx");

        var (cells, _, _) = ReadSheet(await response.Content.ReadAsByteArrayAsync());
        var row = TaskListWorkbook.HeaderRow + 3;
        Assert.Equal("'@SUM(1+1)", At(cells, 1, row));
        Assert.Equal("'=HYPERLINK(\"http://evil.example/\",\"点击\")", At(cells, 2, row));
        Assert.Empty(ReadFormulas(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task A_reported_figure_is_the_targets_current_value_and_the_report_the_latest_progress()
    {
        var id = await ImportAsync();
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlansDb>();
            var task = await db.Tasks.SingleAsync(t => t.PlanId == id && t.Number == "3");
            var lead = await db.TaskUnits.FirstAsync(u => u.TaskId == task.Id && u.Role == Qedu.Plans.Domain.UnitRole.Lead);
            var target = await db.Targets.Where(x => x.TaskId == task.Id).OrderBy(x => x.SortOrder).FirstAsync();
            var older = new Qedu.Plans.Domain.ProgressReport
            {
                OrgUnitId = task.OrgUnitId, TaskId = task.Id, ReportingUnitId = lead.UnitId!.Value, IsLead = true, Text = "早先的报送",
                ReportedAt = new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero), ReportedBy = "tests",
            };
            db.Reports.Add(older);
            await db.SaveChangesAsync();
            db.Figures.Add(new Qedu.Plans.Domain.ReportFigure { OrgUnitId = task.OrgUnitId, ReportId = older.Id, TargetId = target.Id, Value = 90 });
            var report = new Qedu.Plans.Domain.ProgressReport
            {
                OrgUnitId = task.OrgUnitId, TaskId = task.Id, ReportingUnitId = lead.UnitId!.Value, IsLead = true,
                Text = "全市中小学校网络基础建设达标率达到95%。\n下一步继续推进。", ReportedAt = new DateTimeOffset(2026, 5, 1, 2, 0, 0, TimeSpan.Zero), ReportedBy = "tests",
            };
            db.Reports.Add(report);
            await db.SaveChangesAsync();
            db.Figures.Add(new Qedu.Plans.Domain.ReportFigure { OrgUnitId = task.OrgUnitId, ReportId = report.Id, TargetId = target.Id, Value = 95 });
            return await db.SaveChangesAsync();
        });

        using var response = await (await app.ClientAsync(Owner)).GetAsync($"/api/plans/{id}/tasks.xlsx");

        var (cells, _, _) = ReadSheet(await response.Content.ReadAsByteArrayAsync());
        var row = TaskListWorkbook.HeaderRow + 3;
        Assert.Contains("目标 ≥98%（2020年）｜当前 95%（2026-05-01）未达标", At(cells, 10, row), StringComparison.Ordinal);
        Assert.Equal("2026-05-01 教育装备与信息中心：全市中小学校网络基础建设达标率达到95%。 下一步继续推进。", At(cells, 11, row));
    }

    private static List<string> ReadFormulas(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return [.. document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()).Select(f => f.Text)];
    }

    [Fact]
    public async Task The_supervision_report_is_a_pdf_with_the_tasks_in_chinese_and_overdue_in_red()
    {
        var id = await ImportAsync();
        var tasks = await TasksAsync(id);

        using var response = await (await app.ClientAsync(Owner)).GetAsync($"/api/plans/{id}/report.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.NumberOfPages >= 3, $"{pdf.NumberOfPages} pages");
        var pages = pdf.GetPages().ToList();
        var text = string.Concat(pages.Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("任务督办情况报告", text, StringComparison.Ordinal);
        Assert.Contains("一、总体情况", text, StringComparison.Ordinal);
        Assert.Contains($"第1页/共{pdf.NumberOfPages}页", text, StringComparison.Ordinal);
        foreach (var number in new[] { "1", "9", "34" })
        {
            Assert.Contains(tasks[number].GetProperty("title").GetString()!.Replace(" ", "", StringComparison.Ordinal), text, StringComparison.Ordinal);
        }
        Assert.Contains("牵头：国际处", text, StringComparison.Ordinal);
        Assert.Contains("完成时限：2022年12月", text, StringComparison.Ordinal);

        // Every glyph is a real one (no empty boxes from a font without Chinese), and the overdue marks are red.
        var letters = pages.SelectMany(p => p.Letters).ToList();
        Assert.DoesNotContain(letters, l => l.Value == "\uFFFD" || l.Value == "\0");
        Assert.Contains(letters, l => l.Value == "逾" && IsRed(l.Color));
    }

    private static bool IsRed(UglyToad.PdfPig.Graphics.Colors.IColor color)
    {
        var (r, g, b) = color.ToRGBValues();
        return r > 0.6 && g < 0.2 && b < 0.2;
    }

    [Fact]
    public async Task A_draft_is_not_found_for_a_department_until_it_is_published()
    {
        var id = await ImportAsync();
        var department = await app.ClientAsync(Department);

        foreach (var file in new[] { "tasks.xlsx", "report.pdf" })
        {
            using var hidden = await department.GetAsync($"/api/plans/{id}/{file}");
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            Assert.Equal("规划不存在", (await hidden.ProblemAsync()).Detail);
        }

        using var publish = await (await app.ClientAsync(Owner)).PostAsync($"/api/plans/{id}/publish", null);
        Assert.Equal(HttpStatusCode.NoContent, publish.StatusCode);

        using var xlsx = await department.GetAsync($"/api/plans/{id}/tasks.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var pdf = await department.GetAsync($"/api/plans/{id}/report.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
    }

    [Fact]
    public async Task An_unknown_plan_is_not_found()
    {
        var client = await app.ClientAsync(Owner);
        foreach (var file in new[] { "tasks.xlsx", "report.pdf" })
        {
            using var response = await client.GetAsync($"/api/plans/987654321/{file}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public void Without_a_font_that_has_chinese_glyphs_there_is_no_typeface_and_the_message_says_what_to_install()
    {
        var junk = Path.Combine(Path.GetTempPath(), $"qedu-not-a-font-{Guid.NewGuid():N}.ttf");
        File.WriteAllBytes(junk, [0, 1, 0, 0, 1, 2, 3, 4]);
        try
        {
            Assert.Null(CjkFont.Load(junk));
            Assert.Null(CjkFont.Load(junk + ".missing"));
        }
        finally
        {
            File.Delete(junk);
        }
        Assert.Contains("fonts-wqy-microhei", app.Text<PlanExportText>("Export.FontMissing"), StringComparison.Ordinal);
        Assert.Contains("fonts-wqy-microhei", app.Text<PlanExportText>("Export.FontMissing", english: true), StringComparison.Ordinal);
    }
}
