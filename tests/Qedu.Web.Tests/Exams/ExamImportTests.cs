using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Qedu.Exams.Resources;
using Qedu.Kernel.Access;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Exams;

/// <summary>
/// The score intake over HTTP and the figures it leaves: statistics worked by hand on a small exam at every level, the
/// contract's refusals (every row and column named, nothing written), a dry run, a GB18030 file, and the scope: a district
/// imports only its own students and sees only its own schools.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ExamImportTests(WebApp app)
{
    private static readonly string[] Statistics = ["mean", "standardDeviation", "min", "q1", "median", "q3", "max", "passRate", "excellentRate", "aboveMean", "gap"];
    private static readonly string[] TotalFigures = ["sat", "absent", "mean", "standardDeviation", "passRate", "excellentRate", "bottom30Share"];

    [Fact]
    public async Task A_small_exam_gives_the_figures_worked_by_hand_at_every_level()
    {
        var world = await new ExamWorld(app).CreateAsync();
        var a = await world.StudentsAsync(world.SchoolA.Id, world.ClassA, 4);
        var b = await world.StudentsAsync(world.SchoolB.Id, world.ClassB, 2);
        var c = await world.StudentsAsync(world.SchoolC.Id, world.ClassC, 2);
        // 语文 first (subject 1), then 数学 (2); full marks 100 each, so the total is out of 200 (pass 120, excellent 170).
        (string, string, string, string)[] rows =
        [
            (a[0], "语文", "60", "100"), (a[0], "数学", "90", "100"),     // total 150
            (a[1], "语文", "70", "100"), (a[1], "数学", "100", "100"),    // 170
            (a[2], "语文", "80", "100"), (a[2], "数学", "50", "100"),     // 130
            (a[3], "语文", "", "100"), (a[3], "数学", "85", "100"),       // absent in 语文: no total
            (b[0], "语文", "100", "100"), (b[0], "数学", "40", "100"),    // 140
            (b[1], "语文", "45", "100"), (b[1], "数学", "45", "100"),     // 90
            (c[0], "语文", "90", "100"), (c[0], "数学", "95", "100"),     // 185
            (c[1], "语文", "55", "100"), (c[1], "数学", "60", "100"),     // 115
        ];
        var code = ExamWorld.Code("HAND");
        var city = await app.ClientAsync("city.admin");
        using (var imported = await city.PostAsync("/api/exams/import", ExamWorld.Upload(code, "手算考试", ExamWorld.File(rows))))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            var report = await imported.JsonAsync();
            Assert.Equal((true, 16, 8, 2, 1), (report.GetProperty("ok").GetBoolean(), report.GetProperty("rows").GetInt32(),
                report.GetProperty("students").GetInt32(), report.GetProperty("subjects").GetInt32(), report.GetProperty("absent").GetInt32()));
        }

        // School A, 语文: 60, 70, 80 and one absent. Mean 70; SD √((100 + 0 + 100) / 2) = 10; quartiles by R-7 (Excel's
        // QUARTILE.INC): h = 2 × 0.25 = 0.5 → 65, median 70, h = 1.5 → 75; all pass (≥ 60), none excellent (≥ 85); one each
        // in the 60–70, 70–80 and 80–90 bands. 市南区 (A and B): 60, 70, 80, 100, 45 → mean 71, so A's gap is −1.
        var schoolA = await (await city.GetAsync($"/api/exams/{code}?unit={world.SchoolA.Id}&subject=1")).JsonAsync();
        var chinese = schoolA.GetProperty("unit");
        Assert.Equal(("school", 3, 1), (chinese.GetProperty("level").GetString(), chinese.GetProperty("sat").GetInt32(), chinese.GetProperty("absent").GetInt32()));
        Assert.Equal(new double[] { 70, 10, 60, 65, 70, 75, 80, 1, 0, 71, -1 },
            Statistics.Select(p => chinese.GetProperty(p).GetDouble()).ToArray());
        Assert.Equal([0, 0, 0, 0, 0, 0, 1, 1, 1, 0], chinese.GetProperty("bands").EnumerateArray().Select(x => x.GetInt32()).ToArray());
        // The way up: the whole exam (the city), then 市南区; one level down: A's one class.
        Assert.Equal([world.DistrictAB.Name], schoolA.GetProperty("path").EnumerateArray().Skip(1).Select(p => p.GetProperty("unit").GetString()!).ToArray());
        var klass = Assert.Single(schoolA.GetProperty("below").EnumerateArray());
        Assert.Equal(("class", 70.0), (klass.GetProperty("level").GetString(), klass.GetProperty("mean").GetDouble()));

        // The total (subject 0), school A: 150, 170, 130 (the fourth has no total) → mean 150, SD 20; all reach 120, one 170.
        var total = (await (await city.GetAsync($"/api/exams/{code}?unit={world.SchoolA.Id}")).JsonAsync()).GetProperty("unit");
        Assert.Equal(new double[] { 3, 1, 150, 20, 1, 1 / 3.0, 0 }, TotalFigures
            .Select(p => total.GetProperty(p).GetDouble()).ToArray(), new Close());
        // The city's totals 90, 115, 130, 140, 150, 170, 185: the 30th percentile (h = 6 × 0.3 = 1.8) is 115 + 0.8 × 15 = 127,
        // so the lowest 30 % are B's 90 and C's 115: one of 市南区's five totals, one of C's two, none of A's; two of seven city-wide.
        var whole = await (await city.GetAsync($"/api/exams/{code}")).JsonAsync();
        Assert.Equal(("city", 7, Math.Round(2 / 7.0, 6)), (whole.GetProperty("unit").GetProperty("level").GetString(), whole.GetProperty("unit").GetProperty("sat").GetInt32(),
            Math.Round(whole.GetProperty("unit").GetProperty("bottom30Share").GetDouble(), 6)));
        var districts = whole.GetProperty("below").EnumerateArray().ToDictionary(d => d.GetProperty("unitId").GetInt32());
        Assert.Equal(0.2, districts[world.DistrictAB.Id].GetProperty("bottom30Share").GetDouble(), 6);
        Assert.Equal(0.5, districts[world.DistrictC.Id].GetProperty("bottom30Share").GetDouble(), 6);
        // 市南区's 语文 gap to the city: 71 − 500 / 7.
        var cityChinese = await (await city.GetAsync($"/api/exams/{code}?subject=1")).JsonAsync();
        var ab = cityChinese.GetProperty("below").EnumerateArray().Single(d => d.GetProperty("unitId").GetInt32() == world.DistrictAB.Id);
        Assert.Equal(71 - 500 / 7.0, ab.GetProperty("gap").GetDouble(), 3);

        // The same figures as an .xlsx: 语文's row of school A, the numbers as numbers.
        using (var file = await city.GetAsync($"/api/exams/{code}/report.xlsx?unit={world.SchoolA.Id}&subject=1"))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            using var document = SpreadsheetDocument.Open(new MemoryStream(await file.Content.ReadAsByteArrayAsync()), false);
            var first = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
            var chineseRow = first.Worksheet.Descendants<Row>().Skip(2).Select(r => r.Elements<Cell>().ToList()).Single(r => r[1].InnerText == "语文");
            Assert.Equal(CellValues.Number, chineseRow[4].DataType!.Value);
            Assert.Equal(("70", "65", "100"), (chineseRow[4].CellValue!.Text, chineseRow[7].CellValue!.Text, chineseRow[11].CellValue!.Text));
        }

        // Scope: school A's head sees school A (its highest unit in the exam) and not school B; another district sees neither.
        var head = await app.ClientAsync(await app.NewAccountAsync("exam", Roles.SchoolAdmin, world.SchoolA.Code));
        var own = await (await head.GetAsync($"/api/exams/{code}")).JsonAsync();
        Assert.Equal(world.SchoolA.Id, own.GetProperty("unit").GetProperty("unitId").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/exams/{code}?unit={world.SchoolB.Id}")).StatusCode);
        var other = await app.ClientAsync(await app.NewAccountAsync("exam", Roles.DistrictAdmin, world.DistrictC.Code));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/exams/{code}?unit={world.SchoolA.Id}")).StatusCode);
        var seen = await (await other.GetAsync($"/api/exams/{code}")).JsonAsync();
        Assert.Equal((world.DistrictC.Id, 2), (seen.GetProperty("unit").GetProperty("unitId").GetInt32(), seen.GetProperty("unit").GetProperty("sat").GetInt32()));
    }

    [Fact]
    public async Task Bad_rows_are_each_named_by_row_and_column_and_nothing_is_written()
    {
        var world = await new ExamWorld(app).CreateAsync();
        var a = await world.StudentsAsync(world.SchoolA.Id, world.ClassA, 3);
        var code = ExamWorld.Code("BAD");
        var city = await app.ClientAsync("city.admin");
        (string, string, string, string)[] rows =
        [
            ("G0000000000000000", "语文", "70", "100"),   // row 2: no such student
            (a[0], "语文", "70", "100"),                  // row 3
            (a[0], "语文", "71", "100"),                  // row 4: the same student and subject again
            (a[1], "语文", "130", "100"),                 // row 5: above full marks
            (a[1], "数学", "七十", "100"),                // row 6: not a number
            (a[2], "语文", "80", "120"),                  // row 7: 语文's full marks were 100 from row 2 on
        ];
        using var refused = await city.PostAsync("/api/exams/import", ExamWorld.Upload(code, "错误文件", ExamWorld.File(rows)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var report = await refused.JsonAsync();
        Assert.False(report.GetProperty("ok").GetBoolean());
        var problems = report.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString(), p.GetProperty("message").GetString())).OrderBy(p => p.Item1).ToList();
        Assert.Equal(
        [
            (2, "学籍号", Text("Row.Unknown", "G0000000000000000")),
            (4, "科目", Text("Row.Duplicate", a[0], "语文", 3)),
            (5, "分数", Text("Row.Range", "130", "100")),
            (6, "分数", Text("Row.Number", "七十")),
            (7, "满分", Text("Row.FullMarksDiffers", "语文", 2, "100", "120")),
        ], problems);
        Assert.Equal(5, report.GetProperty("problemCount").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/api/exams/{code}")).StatusCode);

        // The exam's own fields, named as the request names them.
        using var noExam = await city.PostAsync("/api/exams/import", ExamWorld.Upload("空 格", "", ExamWorld.File([(a[0], "语文", "70", "100")]), date: "2026-13-01"));
        var fields = (await noExam.JsonAsync()).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("column").GetString()).ToList();
        Assert.Equal(["code", "name", "date"], fields);

        // A dry run of a right file: all checked, nothing written.
        using var dry = await city.PostAsync("/api/exams/import", ExamWorld.Upload(code, "试运行", ExamWorld.File([(a[0], "语文", "70", "100")]), dryRun: true));
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.True((await dry.JsonAsync()).GetProperty("dryRun").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/api/exams/{code}")).StatusCode);
    }

    [Fact]
    public async Task A_gb18030_file_imports_and_a_district_imports_its_own_students_only()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var world = await new ExamWorld(app).CreateAsync();
        var a = await world.StudentsAsync(world.SchoolA.Id, world.ClassA, 2);
        var c = await world.StudentsAsync(world.SchoolC.Id, world.ClassC, 1);
        var district = await app.ClientAsync(await app.NewAccountAsync("exam", Roles.DistrictAdmin, world.DistrictAB.Code));
        var gb = Encoding.GetEncoding("GB18030");

        // 市南区's own exam with a student of another district: that row is refused as unknown (out of scope).
        using (var refused = await district.PostAsync("/api/exams/import",
                   ExamWorld.Upload(ExamWorld.Code("DIST"), "区统考", ExamWorld.File([(a[0], "语文", "70", "100"), (c[0], "语文", "80", "100")], gb))))
        {
            var problem = Assert.Single((await refused.JsonAsync()).GetProperty("problems").EnumerateArray());
            Assert.Equal((3, Text("Row.Unknown", c[0])), (problem.GetProperty("row").GetInt32(), problem.GetProperty("message").GetString()));
        }
        var code = ExamWorld.Code("DIST");
        using var imported = await district.PostAsync("/api/exams/import",
            ExamWorld.Upload(code, "区统考", ExamWorld.File([(a[0], "语文", "70.5", "100"), (a[1], "语文", "", "100")], gb)));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var report = await (await district.GetAsync($"/api/exams/{code}?subject=1")).JsonAsync();
        // The district's own exam: its top is the district, with the school right below.
        Assert.Equal(("city", world.DistrictAB.Id, 70.5, 1), (report.GetProperty("unit").GetProperty("level").GetString(),
            report.GetProperty("unit").GetProperty("unitId").GetInt32(), report.GetProperty("unit").GetProperty("mean").GetDouble(),
            report.GetProperty("unit").GetProperty("absent").GetInt32()));
        Assert.Equal("school", Assert.Single(report.GetProperty("below").EnumerateArray()).GetProperty("level").GetString());
        var list = await (await district.GetAsync("/api/exams")).JsonAsync();
        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("code").GetString() == code && e.GetProperty("owner").GetString() == world.DistrictAB.Name);
    }

    private string Text(string key, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, app.Text<ExamsText>(key), args);

    /// <summary>Compares figures to six decimals.</summary>
    private sealed class Close : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-6;
        public int GetHashCode(double obj) => 0;
    }
}
