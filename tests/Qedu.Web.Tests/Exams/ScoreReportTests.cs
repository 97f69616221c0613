using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Registry.Data;
using Qedu.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Qedu.Web.Tests.Exams;

/// <summary>
/// Score reports (成绩报告单): a guardian sees their own child's, and only once the bureau that ran the exam has released
/// it; grades and position bands are worked by hand from a small exam; a school prints a class's, one student to a page;
/// who may do what, and every read audited.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ScoreReportTests(WebApp app)
{
    [Fact]
    public async Task A_guardian_sees_their_childs_report_once_released_with_hand_worked_grades_and_bands_and_nobody_elses()
    {
        var world = await new ExamWorld(app).CreateAsync();
        var phone = Parents.NewPhone();
        var a = await world.StudentsAsync(world.SchoolA.Id, world.ClassA, 4, phone, ["王小明", "李小红", "赵小刚", "钱小丽"]);
        var code = ExamWorld.Code("RPT");
        // 语文 90, 70, 50, 30: quartiles (Excel's QUARTILE.INC) 45, 60, 75. 数学 82, 60, 40 and one absent: 50, 60, 71.
        // Totals 172, 130, 90 (the absent student has none): 110, 130, 151.
        (string, string, string, string)[] rows =
        [
            (a[0], "语文", "90", "100"), (a[0], "数学", "82", "100"), (a[1], "语文", "70", "100"), (a[1], "数学", "60", "100"),
            (a[2], "语文", "50", "100"), (a[2], "数学", "40", "100"), (a[3], "语文", "30", "100"), (a[3], "数学", "", "100"),
        ];
        var city = await app.ClientAsync("city.admin");
        using (var imported = await city.PostAsync("/api/exams/import", ExamWorld.Upload(code, "报告单测试", ExamWorld.File(rows))))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }
        var ids = await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Students.Where(s => a.Contains(s.StudentNumber))
            .ToDictionaryAsync(s => s.StudentNumber, s => s.Id));
        var (family, _) = await Parents.SignInAsync(app, phone);

        // Not released: nothing to see.
        Assert.DoesNotContain(code, await family.GetStringAsync("/parent/exams"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await family.GetAsync($"/parent/exams/{code}/{ids[a[0]]}/report.pdf")).StatusCode);

        // Only the bureau that ran it releases; again changes nothing.
        var district = await app.ClientAsync("shinan.admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await district.PostAsync($"/api/exams/{code}/release", null)).StatusCode);
        var released = await (await city.PostAsync($"/api/exams/{code}/release", null)).JsonAsync();
        var again = await (await city.PostAsync($"/api/exams/{code}/release", null)).JsonAsync();
        Assert.Equal(released.GetProperty("releasedAt").GetDateTimeOffset(), again.GetProperty("releasedAt").GetDateTimeOffset());

        var page = await family.GetStringAsync("/parent/exams");
        Assert.Contains($"data-testid=\"report-{code}-{ids[a[0]]}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("李小红", page, StringComparison.Ordinal);

        using var response = await family.GetAsync($"/parent/exams/{code}/{ids[a[0]]}/report.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, pdf.NumberOfPages);
        var text = Lines(pdf);
        Assert.Contains("学业成绩报告单", text, StringComparison.Ordinal);
        Assert.Contains("王小明", text, StringComparison.Ordinal);
        Assert.DoesNotContain(a[0], text, StringComparison.Ordinal);
        // Each line: subject, score, full marks, grade, band.
        Assert.Contains("语文90100优秀前25%", text, StringComparison.Ordinal);
        Assert.Contains("数学82100合格前25%", text, StringComparison.Ordinal);
        Assert.Contains("总分172200优秀前25%", text, StringComparison.Ordinal);
        Assert.DoesNotContain("名次：", text, StringComparison.Ordinal);

        // Another family's child, and a stranger: nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await family.GetAsync($"/parent/exams/{code}/{ids[a[1]]}/report.pdf")).StatusCode);
        var (stranger, _) = await Parents.SignInAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/parent/exams/{code}/{ids[a[0]]}/report.pdf")).StatusCode);

        var audited = await app.KernelAsync(db => db.AuditEntries
            .Where(e => e.Action == "pii.read" && e.EntityType == "ExamScoreReport" && e.Details!.Contains($"{code}/{ids[a[0]]}")).CountAsync());
        Assert.True(audited >= 2, "the page and the PDF are each audited");
    }

    [Fact]
    public async Task A_school_prints_its_class_one_student_to_a_page_and_no_one_else_may()
    {
        var world = await new ExamWorld(app).CreateAsync();
        var a = await world.StudentsAsync(world.SchoolA.Id, world.ClassA, 3, names: ["周一", "吴二", "郑三"]);
        var b = await world.StudentsAsync(world.SchoolB.Id, world.ClassB, 1);
        var code = ExamWorld.Code("CLS");
        (string, string, string, string)[] rows =
            [(a[0], "语文", "88", "100"), (a[1], "语文", "58", "100"), (a[2], "语文", "", "100"), (b[0], "语文", "70", "100")];
        using (var imported = await (await app.ClientAsync("city.admin")).PostAsync("/api/exams/import", ExamWorld.Upload(code, "班级打印", ExamWorld.File(rows))))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        var head = await app.NewAccountAsync("rpt", Roles.SchoolAdmin, world.SchoolA.Code);
        var school = await app.ClientAsync(head);
        using var response = await school.GetAsync($"/api/exams/{code}/score-reports.pdf?class={world.ClassA}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, pdf.NumberOfPages);
        var pages = pdf.GetPages().Select(p => p.Text.Replace(" ", "", StringComparison.Ordinal)).ToList();
        Assert.Contains(pages, p => p.Contains("周一", StringComparison.Ordinal) && p.Contains("语文88100优秀", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Contains("吴二", StringComparison.Ordinal) && p.Contains("语文58100待合格", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Contains("郑三", StringComparison.Ordinal) && p.Contains("语文—100缺考", StringComparison.Ordinal));

        // The class must be named; another school's head and a district administrator (no such permission) may not print it.
        using (var missing = await school.GetAsync($"/api/exams/{code}/score-reports.pdf"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.True((await missing.JsonAsync()).GetProperty("errors").TryGetProperty("class", out _));
        }
        var otherHead = await app.ClientAsync(await app.NewAccountAsync("rpt", Roles.SchoolAdmin, world.SchoolB.Code));
        Assert.Equal(HttpStatusCode.NotFound, (await otherHead.GetAsync($"/api/exams/{code}/score-reports.pdf?class={world.ClassA}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("shinan.admin")).GetAsync($"/api/exams/{code}/score-reports.pdf?class={world.ClassA}")).StatusCode);

        var audited = await app.KernelAsync(db => db.AuditEntries.Where(e => e.Action == "pii.read" && e.EntityType == "ExamScoreReport" && e.EntityKey == code)
            .Select(e => e.ActorName).ToListAsync());
        Assert.Equal([head], audited);
    }

    [Fact]
    public async Task A_units_report_prints_as_a_pdf_with_its_subjects_and_the_units_below()
    {
        var world = await new ExamWorld(app).CreateAsync();
        var a = await world.StudentsAsync(world.SchoolA.Id, world.ClassA, 2);
        var code = ExamWorld.Code("PDF");
        (string, string, string, string)[] rows = [(a[0], "语文", "90", "100"), (a[0], "数学", "70", "100"), (a[1], "语文", "60", "100"), (a[1], "数学", "50", "100")];
        var city = await app.ClientAsync("city.admin");
        using (var imported = await city.PostAsync("/api/exams/import", ExamWorld.Upload(code, "单位报告", ExamWorld.File(rows))))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }
        using var response = await city.GetAsync($"/api/exams/{code}/report.pdf?unit={world.SchoolA.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = Lines(pdf);
        Assert.Contains($"{world.SchoolA.Name}考试分析报告", text, StringComparison.Ordinal);
        // 语文: 2 sat, 0 absent, mean 75.0, SD 21.2, median 75.0, pass 100 %, excellent 50 %.
        Assert.Contains("语文2075.021.275.0100.0%50.0%", text, StringComparison.Ordinal);
        Assert.Contains("各班级情况", text, StringComparison.Ordinal);

        var stranger = await app.ClientAsync(await app.NewAccountAsync("rpt", Roles.SchoolAdmin, world.SchoolB.Code));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/exams/{code}/report.pdf?unit={world.SchoolA.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_exam_pages_release_button_releases_the_results_for_the_bureau_that_ran_it_only()
    {
        var world = await new ExamWorld(app).CreateAsync();
        var a = await world.StudentsAsync(world.SchoolA.Id, world.ClassA, 1);
        var code = ExamWorld.Code("REL");
        var city = await app.ClientAsync("city.admin");
        using (var imported = await city.PostAsync("/api/exams/import", ExamWorld.Upload(code, "发布测试", ExamWorld.File([(a[0], "语文", "80", "100")]))))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }
        // A district's administrator sees the exam's page for their schools, without the button; a post of it changes nothing.
        var district = await app.ClientAsync("shinan.admin");
        Assert.DoesNotContain("data-testid=\"release-form\"", await district.GetStringAsync($"/exams/{code}?unit={world.DistrictAB.Id}"), StringComparison.Ordinal);
        using (await PageForms.SubmitAsync(district, $"/exams/{code}?unit={world.DistrictAB.Id}", "release"))
        {
        }
        Assert.False((await (await city.GetAsync($"/api/exams/{code}")).JsonAsync()).GetProperty("exam").TryGetProperty("releasedAt", out var none) && none.ValueKind != System.Text.Json.JsonValueKind.Null);

        using var released = await PageForms.SubmitAsync(city, $"/exams/{code}", "release");
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.Contains("data-testid=\"released\"", await city.GetStringAsync($"/exams/{code}"), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.String, (await (await city.GetAsync($"/api/exams/{code}")).JsonAsync()).GetProperty("exam").GetProperty("releasedAt").ValueKind);
    }

    private static string Lines(PdfDocument pdf) => string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
}
