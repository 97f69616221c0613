using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Registry;

/// <summary>Registry templates, exports and imports over HTTP: scope, masking and its audit, the refusal report.</summary>
[Collection(WebCollection.Name)]
public sealed class RegistryFilesApiTests(WebApp app)
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private Task<int> StudentCountAsync() => app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Students.CountAsync());

    [Fact]
    public async Task A_district_admin_cannot_import_into_another_district_and_nothing_is_written()
    {
        var shibeiSchool = await app.KernelAsync(db => db.OrgUnits
            .Where(o => o.Kind == OrgUnitKind.School && o.DivisionCode == TestWorld.Shibei).Select(o => o.Code).FirstAsync());
        var inside = ResidentId.Compose("370202", new DateOnly(2019, 7, 7), 971);
        var outside = ResidentId.Compose("370203", new DateOnly(2019, 7, 7), 973);
        var csv = "学校标识码,学籍号,姓名,性别,身份证号,出生日期\r\n"
                + $"{TestWorld.AnchorSchool},G{inside},甲,男,{inside},2019-07-07\r\n"
                + $"{shibeiSchool},G{outside},乙,男,{outside},2019-07-07\r\n";
        var before = await StudentCountAsync();
        var client = await app.ClientAsync("shinan.admin");

        using var response = await client.PostAsync("/api/registry/import/students?fileName=s.csv", Csv(csv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains("未写入任何数据", problem.Detail, StringComparison.Ordinal);
        var key = Assert.Single(problem.Errors.Keys);
        Assert.Equal("s.csv:3:学校标识码", key);
        Assert.Equal($"学校“{shibeiSchool}”不在您的管理范围内", Assert.Single(problem.Errors[key]));
        var row = (await response.JsonAsync()).GetProperty("report").GetProperty("errors")[0];
        Assert.Equal(("schoolCode", shibeiSchool), (row.GetProperty("field").GetString(), row.GetProperty("value").GetString()));
        Assert.Equal(before, await StudentCountAsync());
    }

    [Fact]
    public async Task An_import_in_scope_writes_the_students_with_their_enrolment_and_guardians_and_is_audited()
    {
        var id = ResidentId.Compose("370202", new DateOnly(2019, 8, 8), 975);
        var csv = "学校标识码,学籍号,姓名,性别,身份证号,入学方式,监护人1姓名,监护人1关系,监护人1电话\r\n"
                + $"{TestWorld.AnchorSchool},G{id},丙,男,{id},转学(转入),丙父,父亲,13512345678\r\n";
        var client = await app.ClientAsync("school.admin");

        using var response = await client.PostAsync("/api/registry/import/students?fileName=in.csv", Csv(csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var written = (await response.JsonAsync()).GetProperty("written");
        Assert.Equal(1, written.GetProperty("Guardian").GetInt64());
        var stored = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegistryDb>();
            var student = await db.Students.SingleAsync(s => s.ResidentIdIndex == db.FieldEncryption.Index(id)); // encrypted at rest (ADR 11)
            var enrolment = await db.Enrolments.SingleAsync(e => e.StudentId == student.Id);
            var guardian = await db.Guardians.SingleAsync(g => g.StudentId == student.Id);
            return (student.BirthDate, enrolment.EntryReasonCode, enrolment.To, guardian.RelationCode, guardian.Phone);
        });
        Assert.Equal((new DateOnly(2019, 8, 8), "22", (DateOnly?)null, "11", "13512345678"), stored);
        var audit = await app.KernelAsync(db => db.AuditEntries.Where(e => e.ActorName == "school.admin" && e.EntityType == "RegistryImport")
            .OrderByDescending(e => e.Sequence).Select(e => e.Details).FirstAsync());
        Assert.Contains("in.csv (students, 1 rows)", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_masks_resident_ids_and_phones_without_pii_view_and_audits_an_unmasked_export()
    {
        var masked = await (await app.ClientAsync("shinan.admin")).GetAsync($"/api/registry/export/students?format=csv&school={TestWorld.AnchorSchool}&purpose=测试核对");
        Assert.Equal(HttpStatusCode.OK, masked.StatusCode);
        var maskedRows = (await masked.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(maskedRows.Length > 10);
        var cells = maskedRows[1].Split(',');
        Assert.Matches("^G[0-9]{6}\\*+[0-9X]{4}$", cells[1]);
        Assert.Matches("^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$", cells[4]);
        Assert.Matches("^1[0-9]{2}\\*{4}[0-9]{4}$", cells[20]);

        var open = await (await app.ClientAsync("school.admin")).GetAsync($"/api/registry/export/students?format=csv&school={TestWorld.AnchorSchool}&purpose=测试核对");
        var openRows = (await open.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches("^[0-9]{17}[0-9X]$", openRows[1].Split(',')[4]);
        var audit = await app.KernelAsync(db => db.AuditEntries.Where(e => e.Action == "pii.read" && e.ActorName == "school.admin")
            .OrderByDescending(e => e.Sequence).Select(e => e.Details).FirstAsync());
        Assert.Contains("export students:", audit, StringComparison.Ordinal);

        var outside = await (await app.ClientAsync("shinan.admin")).GetAsync($"/api/registry/export/students?school={TestWorld.OtherCitySchool}");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Fact]
    public async Task Templates_are_xlsx_or_csv_and_a_refused_import_can_be_downloaded_as_a_spreadsheet()
    {
        var client = await app.ClientAsync("school.admin");
        using var template = await client.GetAsync("/api/registry/templates/assets");
        Assert.Equal(XlsxType, template.Content.Headers.ContentType?.MediaType);
        var bytes = await template.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]); // a zip package

        using var csv = await client.GetAsync("/api/registry/templates/assets?format=csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Trim('\uFEFF', '\r', '\n').Split("\r\n");
        Assert.Equal("学校标识码,资产编号,资产名称,资产类别,数量,金额(元),购置日期", lines[0]);
        // The example row, with the category as a name from the code list; imported unchanged it writes nothing.
        Assert.Equal("2137020001,ZC-2024-0001,显微镜（示例）,教学仪器,10,12800.00,2024-03-01", Assert.Single(lines[1..]));
        using var untouched = await client.PostAsync("/api/registry/import/assets", Csv(string.Join("\r\n", lines)));
        Assert.Equal(HttpStatusCode.OK, untouched.StatusCode);
        var skipped = JsonDocument.Parse(await untouched.Content.ReadAsStringAsync()).RootElement;
        Assert.True(skipped.GetProperty("ok").GetBoolean());
        Assert.Equal(2, Assert.Single(skipped.GetProperty("notices").EnumerateArray()).GetProperty("row").GetInt32());

        using var unknown = await client.GetAsync("/api/registry/templates/pupils");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var report = await client.PostAsync("/api/registry/import/assets?report=xlsx",
            Csv($"学校标识码,资产编号,资产名称,资产类别,数量,金额(元)\r\n{TestWorld.AnchorSchool},A-1,钢琴,乐器,1,abc\r\n"));
        Assert.Equal(HttpStatusCode.BadRequest, report.StatusCode);
        Assert.Equal(XlsxType, report.Content.Headers.ContentType?.MediaType);

        using var plain = new StringContent("x", Encoding.UTF8, "text/plain");
        using var refused = await client.PostAsync("/api/registry/import/assets", plain);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
    }

    [Fact]
    public async Task An_upload_larger_than_the_JSON_body_limit_reaches_the_importer()
    {
        // 1.5 MB of rows: past the API's 1 MB JSON limit, well under the import limit. Every row is wrong (no such
        // school), which proves the importer read the file rather than the body limit refusing it.
        var builder = new StringBuilder("学校标识码,资产编号,资产名称,资产类别,数量,金额(元)\r\n");
        for (var i = 0; builder.Length < 1_500_000; i++)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"0000000000,A-{i},桌子,其他,1,1\r\n");
        }
        var client = await app.ClientAsync("city.admin");
        using var response = await client.PostAsync("/api/registry/import/assets", Csv(builder.ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var report = (await response.JsonAsync()).GetProperty("report");
        Assert.True(report.GetProperty("errorCount").GetInt32() > 30_000);
        Assert.True(report.GetProperty("errorsTruncated").GetBoolean());
    }
}
