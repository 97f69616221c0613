using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Data;
using Qedu.Kernel.Files;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Import;
using Qedu.Registry.Records;

namespace Qedu.Registry.Tests;

/// <summary>Imports that must be refused whole, with a report precise enough to fix the file; file encodings; formula escaping.</summary>
public sealed class RegistryImportTests(SeededCity city) : IClassFixture<SeededCity>, IDisposable
{
    private const string StudentHeader = "学校标识码,学籍号,姓名,性别,身份证号,出生日期,班级代码,监护人1姓名,监护人1关系,监护人1电话";
    private readonly RegistryFiles _files = new();

    private KernelHost Host => city.Host;

    private sealed record Places(string AnchorClass, string ExistingNumber, string OtherDistrictSchool);

    private async Task<Places> PlacesAsync()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        var kernel = scope.ServiceProvider.GetRequiredService<KernelDb>();
        var anchor = await kernel.OrgUnits.SingleAsync(o => o.Code == Demo.AnchorSchool);
        var anchorClass = await db.Classes.Where(c => c.OrgUnitId == anchor.Id).OrderBy(c => c.Code).Select(c => c.Code).FirstAsync();
        var existing = await db.Students.OrderBy(s => s.Id).Select(s => s.StudentNumber).FirstAsync();
        var other = await kernel.OrgUnits.Where(o => o.Kind == OrgUnitKind.School && o.DivisionCode == Demo.Shibei).Select(o => o.Code).FirstAsync();
        return new Places(anchorClass, existing, other);
    }

    private static string Id(DateOnly birth, int sequence) => ResidentId.Compose("370202", birth, sequence);

    [Fact]
    public async Task A_broken_students_file_is_refused_whole_with_file_row_column_value_and_message_for_each_problem()
    {
        var places = await PlacesAsync();
        var birth = new DateOnly(2019, 5, 4);
        var good = Id(birth, 901); // male
        var badChecksum = Id(birth, 903)[..17] + (Id(birth, 903)[17] == '0' ? '1' : '0');
        var a = Demo.AnchorSchool;
        var c = places.AnchorClass;
        var lines = new[]
        {
            StudentHeader,
            $"{a},G{good},王小明,男,{good},2019-05-04,{c},王大明,父亲,13800000001",                  // 2: valid on its own
            $"{a},G{Id(birth, 905)},,男,{Id(birth, 905)},2019-05-04,{c},,,",                          // 3: name missing
            $"{a},G{Id(birth, 907)},李四,X,{Id(birth, 907)},2019-05-04,{c},,,",                         // 4: gender not a code
            $"{a},G{badChecksum},张三,男,{badChecksum},2019-05-04,{c},,,",                              // 5: checksum wrong
            $"{a},G{Id(birth, 909)},赵五,男,{Id(birth, 909)},2019-05-05,{c},,,",                        // 6: birth date disagrees with the ID
            $"{a},G{good},钱六,男,{Id(birth, 911)},2019-05-04,{c},,,",                                  // 7: 学籍号 repeats row 2
            $"{a},{places.ExistingNumber},孙七,男,{Id(birth, 913)},2019-05-04,{c},,,",                   // 8: 学籍号 already in the database
            $"{a},G{Id(birth, 915)},周八,男,{Id(birth, 915)},2019-05-04,NO-SUCH-CLASS,,,",                // 9: class unknown
            $"{places.OtherDistrictSchool},G{Id(birth, 917)},吴九,男,{Id(birth, 917)},2019-05-04,,,,",   // 10: school outside Shinan
            $"9999999999,G{Id(birth, 919)},郑十,男,{Id(birth, 919)},2019-05-04,,,,",                    // 11: no such school
            $"{a},G{Id(birth, 921)},冯一,男,{Id(birth, 921)},2019-05-04,{c},冯二,,",                    // 12: guardian without relation
        };
        var path = _files.Write("broken.csv", string.Join("\r\n", lines));
        var before = await RegistryFiles.FingerprintAsync(Host);

        var caller = await Host.UserAsync(Qedu.Kernel.Access.Roles.DistrictAdmin, Demo.Shinan);
        var report = await RegistryFiles.ImportAsync(Host, caller, dryRun: false, (RecordKind.Students, path));

        Assert.False(report.Ok);
        Assert.Equal(before, await RegistryFiles.FingerprintAsync(Host));
        Assert.Empty(report.Written);
        void Expect(int row, string column, string? value, string message)
        {
            Assert.True(report.Errors.Any(e => e.File == "broken.csv" && e.Row == row && e.Column == column && e.Value == value && e.Message.Contains(message, StringComparison.Ordinal)),
                $"row {row} {column} '{value}' '{message}' not in:\n{string.Join("\n", report.Errors)}");
        }
        Expect(3, "姓名", null, "姓名不能为空");
        Expect(4, "性别", "X", "不是有效的性别代码");
        Expect(5, "身份证号", badChecksum, "校验位错误");
        Expect(6, "身份证号", Id(birth, 909), "出生日期与身份证号码不一致");
        Expect(7, "学籍号", "G" + good, "在导入数据中重复（已出现在 broken.csv 第 2 行）");
        Expect(8, "学籍号", places.ExistingNumber, "已存在");
        Expect(9, "班级代码", "NO-SUCH-CLASS", "没有班级");
        Expect(10, "学校标识码", places.OtherDistrictSchool, "不在您的管理范围内");
        Expect(11, "学校标识码", "9999999999", "请先在组织管理中创建该学校");
        Expect(12, "监护人1关系", null, "监护人1的姓名和关系须同时填写");
        Assert.DoesNotContain(report.Errors, e => e.Row == 2);
        Assert.Equal(report.Errors.Count, report.ErrorCount);
    }

    [Fact]
    public async Task Messages_follow_the_callers_language()
    {
        var path = _files.Write("en.csv", $"{StudentHeader}\r\n{Demo.AnchorSchool},G1,,男,,2019-05-04,,,,");
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
        try
        {
            var report = await RegistryFiles.ImportAsync(Host, AccessContext.System("test"), dryRun: true, (RecordKind.Students, path));
            Assert.Contains(report.Errors, e => e.Column == "姓名" && e.Message == "Name is required");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task A_header_with_unknown_or_missing_columns_is_reported_on_row_1_and_nothing_is_read()
    {
        var path = _files.Write("header.csv", "学校标识码,学籍号,性别,身份证号,颜色\r\n2137000001,G1,男,,红\r\n");
        var report = await RegistryFiles.ImportAsync(Host, AccessContext.System("test"), dryRun: true, (RecordKind.Students, path));

        Assert.False(report.Ok);
        Assert.Contains(report.Errors, e => e.Row == 1 && e.Column == "颜色" && e.Message.Contains("未知的列", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Row == 1 && e.Column == "姓名" && e.Message.Contains("缺少必填列", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Errors, e => e.Row > 1);
    }

    [Theory]
    [InlineData("gb18030")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16")]
    public async Task A_CSV_saved_by_Chinese_Excel_is_read_in_its_encoding(string encodingName)
    {
        var encoding = encodingName switch
        {
            "gb18030" => TextEncodings.Gb18030,
            "utf-8-bom" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            _ => Encoding.Unicode,
        };
        var birth = new DateOnly(2018, 3, 2);
        var id = Id(birth, 2); // female
        // A valid row and a row whose invalid value is Chinese: the report must quote it exactly.
        var text = $"{StudentHeader}\r\n{Demo.AnchorSchool},G{id},欧阳娜娜,女,{id},2018-03-02,,欧阳峰,父亲,13900000000\r\n"
                 + $"{Demo.AnchorSchool},G{Id(birth, 4)},林黛玉,女生,{Id(birth, 4)},2018-03-02,,,,\r\n";
        var path = _files.Write($"{encodingName}.csv", text, encoding);
        Assert.Equal(encodingName == "gb18030" ? TextEncodings.Gb18030.WebName : null,
            encodingName == "gb18030" ? new CsvTableReader(path, null, (k, _) => k).Encoding.WebName : null);

        var report = await RegistryFiles.ImportAsync(Host, AccessContext.System("test"), dryRun: true, (RecordKind.Students, path));

        var error = Assert.Single(report.Errors);
        Assert.Equal((3, "性别", "女生"), (error.Row, error.Column, error.Value));
        Assert.Equal(["学校标识码", "学籍号", "姓名"], RegistryFiles.Rows(path)[0].Split(" | ")[..3]);
        Assert.Contains("欧阳娜娜", RegistryFiles.Rows(path)[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")")]
    [InlineData("-2+3")]
    [InlineData("+1)")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tTab")]
    [InlineData("'=already quoted")]
    [InlineData("''")]
    [InlineData("'plain")]
    [InlineData("ordinary")]
    public void Cells_a_spreadsheet_would_run_are_escaped_and_reading_undoes_exactly_that(string value)
    {
        var escaped = SpreadsheetCells.Escape(value);
        Assert.False(escaped.Length > 0 && escaped[0] is '=' or '+' or '-' or '@' or '\t' or '\r', escaped);
        Assert.Equal(value, SpreadsheetCells.Unescape(escaped));
        foreach (var format in new[] { TableFormat.Csv, TableFormat.Xlsx })
        {
            var path = _files.PathOf($"cell-{Guid.NewGuid():N}{TableFormats.Extension(format)}");
            using (var stream = File.Create(path))
            using (var writer = TableWriter.Create(stream, format, "t"))
            {
                writer.WriteHeader(["h"]);
                writer.WriteRow([value]);
                writer.Complete();
            }
            using var reader = TableReader.Open(path, format, (k, _) => k);
            Assert.True(reader.Read());
            Assert.Equal(escaped, reader.Cells[0]);
            Assert.Equal(value, SpreadsheetCells.Unescape(reader.Cells[0]));
        }
    }

    [Theory]
    [InlineData("-2")]
    [InlineData("+1")]
    [InlineData("-12.5")]
    public void A_plain_number_cannot_run_and_stays_a_number(string value) => Assert.Equal(value, SpreadsheetCells.Escape(value));

    [Fact]
    public async Task A_file_over_the_limit_is_refused_before_it_is_read()
    {
        var path = _files.Write("big.csv", StudentHeader + "\r\n" + new string('x', 4096));
        await using var scope = Host.Scope(AccessContext.System("test"));
        var options = Microsoft.Extensions.Options.Options.Create(new ImportOptions { MaxFileBytes = 1024 });
        var importer = ActivatorUtilities.CreateInstance<RegistryImporter>(scope.ServiceProvider, options);
        var report = await importer.ImportAsync([new ImportSource(RecordKind.Students, "big.csv", path, TableFormat.Csv)], dryRun: false);

        var error = Assert.Single(report.Errors);
        Assert.Equal(0, error.Row);
        Assert.Contains("文件“big.csv”过大", error.Message, StringComparison.Ordinal);
        Assert.Contains("上限为 1 KB", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
