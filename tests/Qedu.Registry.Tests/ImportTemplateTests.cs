using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Files;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Export;
using Qedu.Registry.Import;
using Qedu.Registry.Records;

namespace Qedu.Registry.Tests;

/// <summary>
/// Import templates: the example row (skipped when imported unchanged), the code-list and instruction sheets, the
/// drop-downs on coded and yes/no columns (read back with the Open XML SDK), and invalid codes named with the valid ones.
/// </summary>
public sealed class ImportTemplateTests(SeededCity city) : IClassFixture<SeededCity>, IDisposable
{
    private readonly RegistryFiles _files = new();

    private KernelHost Host => city.Host;

    private async Task<string> TemplateAsync(RecordKind kind, TableFormat format)
    {
        var path = _files.PathOf($"registry-{RecordKinds.Name(kind)}-template{TableFormats.Extension(format)}");
        await using var scope = Host.Scope(AccessContext.System("test"));
        var context = scope.ServiceProvider.GetRequiredService<RecordContextFactory>().Create();
        await using (var stream = File.Create(path))
        {
            ImportTemplate.Write(kind, format, stream, context);
        }
        return path;
    }

    /// <summary>Registry row counts (the audit log left out: an import of nothing still says it ran).</summary>
    private async Task<string> RecordsAsync()
    {
        var fingerprint = await RegistryFiles.FingerprintAsync(Host);
        return fingerprint[..fingerprint.LastIndexOf(' ')];
    }

    private static async Task<T> WithLanguageAsync<T>(string language, Func<Task<T>> run)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            return await run();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string Text(Cell cell) => cell.InlineString?.Text?.Text ?? cell.CellValue?.Text ?? "";

    [Fact]
    public async Task The_xlsx_template_has_the_data_first_an_example_row_code_lists_drop_downs_and_instructions()
    {
        var path = await TemplateAsync(RecordKind.Students, TableFormat.Xlsx);
        var definition = RecordDefinitions.Students;
        CodeBook codes;
        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            codes = scope.ServiceProvider.GetRequiredService<CodeBook>();
        }

        using var document = SpreadsheetDocument.Open(path, false);
        // Valid against the schema (element order included), so Excel opens it without "repairing" the drop-downs away.
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["学生", ImportTemplate.CodeSheet, ImportTemplate.InstructionSheet], sheets.Select(s => s.Name!.Value));
        Worksheet SheetOf(Sheet s) => ((WorksheetPart)workbook.GetPartById(s.Id!.Value!)).Worksheet;
        var data = SheetOf(sheets[0]);
        var codeSheet = SheetOf(sheets[1]);
        var codeCells = codeSheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, Text);

        // Row 2 is the example: every required field filled, in grey italics, with a valid resident ID.
        var rows = data.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(2, rows.Count);
        var example = rows[1].Elements<Cell>().ToDictionary(c => c.CellReference!.Value!, c => c);
        string ExampleOf(RecordField f) => example.TryGetValue(SpreadsheetCells.ColumnName(f.Index) + "2", out var c) ? Text(c) : "";
        Assert.All(definition.Fields.Where(f => f.Required), f => Assert.NotEqual("", ExampleOf(f)));
        Assert.True(ResidentId.Validate(ExampleOf(definition.ResidentId), codes.Today, expectedBirthDate: DateOnly.Parse(ExampleOf(definition.BirthDate), CultureInfo.InvariantCulture),
            expectedGenderCode: ExampleOf(definition.Gender) == "男" ? 1 : 2).IsValid);
        Assert.True(ResidentId.Validate(ExampleOf(definition.Guardians[0].ResidentId), codes.Today).IsValid);
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)example.Values.First().StyleIndex!.Value);
        var font = stylesheet.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value);
        Assert.NotNull(font.GetFirstChild<Italic>());
        Assert.Equal("FF808080", font.GetFirstChild<Color>()?.Rgb?.Value);

        // Drop-downs come after the sheet's data (schema order) and cover every coded and yes/no column.
        var validations = data.GetFirstChild<DataValidations>();
        Assert.NotNull(validations);
        Assert.True(data.ChildElements.ToList().IndexOf(validations) > data.ChildElements.ToList().IndexOf(data.GetFirstChild<SheetData>()!));
        var byRange = validations.Elements<DataValidation>().ToDictionary(v => v.SequenceOfReferences!.InnerText!, v => v);
        var coded = definition.Fields.Where(f => f.Type == FieldType.Code).ToList();
        Assert.Contains(definition.EntryReason, coded);
        var lists = new Dictionary<RecordField, List<string>>();
        foreach (var field in coded)
        {
            var column = SpreadsheetCells.ColumnName(field.Index);
            Assert.True(byRange.TryGetValue($"{column}2:{column}{ImportTemplate.DropDownRows}", out var validation), $"no drop-down on {field.HeaderZh}");
            Assert.Equal(DataValidationValues.List, validation.Type!.Value);
            var formula = validation.Formula1!.Text;
            var match = System.Text.RegularExpressions.Regex.Match(formula, @"^'代码表'!\$([A-Z]+)\$2:\$\1\$([0-9]+)$");
            Assert.True(match.Success, formula);
            var listColumn = match.Groups[1].Value;
            Assert.Equal(field.HeaderZh, codeCells[listColumn + "1"]);
            var last = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            var listed = Enumerable.Range(2, last - 1).Select(r => codeCells[listColumn + r.ToString(CultureInfo.InvariantCulture)]).ToList();
            var expected = codes.Values(field.CodeList!).Where(v => field.Allowed?.Invoke(v) ?? true).Select(v => v.NameZh).ToList();
            Assert.Equal(expected, listed);
            Assert.Contains(ExampleOf(field), listed);
            lists[field] = listed;
        }
        // 入学方式 lists K-12 entries only: 转学(转入) but no exits such as 退学.
        Assert.Contains("转学(转入)", lists[definition.EntryReason]);
        Assert.DoesNotContain("退学", lists[definition.EntryReason]);
        Assert.Contains("退学", codes.Values(CodeLists.StatusChange).Select(v => v.NameZh));
        foreach (var field in definition.Fields.Where(f => f.Type == FieldType.Boolean))
        {
            var column = SpreadsheetCells.ColumnName(field.Index);
            Assert.Equal("\"是,否\"", byRange[$"{column}2:{column}{ImportTemplate.DropDownRows}"].Formula1!.Text);
        }
        Assert.Equal(coded.Count + definition.Fields.Count(f => f.Type == FieldType.Boolean), byRange.Count);

        // The instructions list every column: header, required or not, format, the example.
        var instructions = SheetOf(sheets[2]).Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(Text).ToList()).ToList();
        Assert.Equal(["列名", "是否必填", "填写格式", "示例"], instructions[0]);
        foreach (var field in definition.Fields)
        {
            var line = instructions.Single(r => r.Count > 0 && r[0] == field.HeaderZh);
            Assert.Equal(field.Required ? "必填" : "选填", line[1]);
            Assert.Equal(ExampleOf(field), line.Count > 3 ? line[3] : "");
        }
        Assert.Contains(instructions, r => r.Count == 1 && r[0].Contains("示例行", StringComparison.Ordinal));

        // The importer reads the first sheet: the template's rows are exactly the header and the example.
        var read = RegistryFiles.Rows(path);
        Assert.Equal(2, read.Count);
        Assert.StartsWith("学校标识码 | 学籍号 | 姓名", read[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("schools", "xlsx")]
    [InlineData("classes", "csv")]
    [InlineData("staff", "xlsx")]
    [InlineData("assets", "csv")]
    [InlineData("teaching", "xlsx")]
    [InlineData("students", "xlsx")]
    [InlineData("students", "csv")]
    public async Task An_untouched_template_imports_nothing_and_says_its_example_row_was_skipped(string kindName, string formatName)
    {
        Assert.True(RecordKinds.TryParse(kindName, out var kind));
        Assert.True(TableFormats.TryParse(formatName, out var format));
        var path = await TemplateAsync(kind, format);
        var before = await RecordsAsync();

        var report = await RegistryFiles.ImportAsync(Host, AccessContext.System("test"), dryRun: false, (kind, path));

        Assert.True(report.Ok, string.Join("\n", report.Errors));
        Assert.All(report.Written.Values, n => Assert.Equal(0, n));
        Assert.Equal(0, report.Files.Single().Rows);
        Assert.Equal(before, await RecordsAsync());
        var notice = Assert.Single(report.Notices);
        Assert.Equal(2, notice.Row);
        Assert.Equal(Path.GetFileName(path), notice.File);
        Assert.Equal($"文件“{Path.GetFileName(path)}”第 2 行是导入模板的示例行，已跳过，未导入", notice.Message);
    }

    [Fact]
    public async Task The_example_row_left_above_a_real_row_is_skipped_and_only_the_real_row_is_written()
    {
        var template = await File.ReadAllTextAsync(await TemplateAsync(RecordKind.Students, TableFormat.Csv), Encoding.UTF8);
        var birth = new DateOnly(2017, 2, 3);
        var id = ResidentId.Compose("370202", birth, 551);
        var real = $"{Demo.AnchorSchool},T{id},模板测试,男,{id},2017-02-03{new string(',', RecordDefinitions.Students.Fields.Count - 6)}";
        var path = _files.Write("students-template-filled.csv", template + real + "\r\n");
        Assert.Equal(3, RegistryFiles.Rows(path).Count);

        var report = await WithLanguageAsync("en", () => RegistryFiles.ImportAsync(Host, AccessContext.System("test"), dryRun: false, (RecordKind.Students, path)));

        Assert.True(report.Ok, string.Join("\n", report.Errors));
        Assert.Equal(1, report.Written[nameof(Student)]);
        Assert.Equal(1, report.Files.Single().Rows);
        Assert.Equal("Row 2 of 'students-template-filled.csv' is the import template's example row: skipped, not imported", Assert.Single(report.Notices).Message);
        await using var scope = Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        Assert.Equal(["模板测试"], await db.Students.Where(s => s.StudentNumber == "T" + id || s.Name.Contains("示例")).Select(s => s.Name).ToListAsync());
    }

    [Fact]
    public async Task An_edited_example_row_is_data_again()
    {
        var lines = (await File.ReadAllTextAsync(await TemplateAsync(RecordKind.Assets, TableFormat.Csv), Encoding.UTF8)).TrimStart('\uFEFF').Split("\r\n");
        var cells = lines[1].Split(',');
        cells[1] = "ZC-EDITED-1"; // 资产编号: one cell changed, the school still the example's (not in the city)
        var path = _files.Write("assets-edited.csv", $"{lines[0]}\r\n{string.Join(',', cells)}\r\n");

        var report = await RegistryFiles.ImportAsync(Host, AccessContext.System("test"), dryRun: true, (RecordKind.Assets, path));

        Assert.False(report.Ok);
        Assert.Empty(report.Notices);
        Assert.Contains(report.Errors, e => e.Row == 2 && e.Column == "学校标识码" && e.Message.Contains("不存在", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_code_names_the_valid_ones_or_points_to_the_code_list_sheet()
    {
        var header = "学校标识码,学籍号,姓名,性别,身份证号,出生日期,民族,入学方式";
        var id = ResidentId.Compose("370202", new DateOnly(2018, 1, 2), 771);
        var path = _files.Write("codes.csv", $"{header}\r\n{Demo.AnchorSchool},C{id},代码测试,X,{id},2018-01-02,火星族,退学\r\n");

        var report = await RegistryFiles.ImportAsync(Host, AccessContext.System("test"), dryRun: true, (RecordKind.Students, path));

        Assert.False(report.Ok);
        string MessageOf(string column) => report.Errors.Single(e => e.Column == column).Message;
        Assert.Equal("“X”不是有效的性别代码，可选：未知的性别、男、女、未说明的性别", MessageOf("性别"));
        // 民族 has 56 values and more: the message points to the template's sheet instead.
        Assert.Equal("“火星族”不是有效的民族代码，可选值见导入模板的“代码表”工作表", MessageOf("民族"));
        // 入学方式 names only the entries it takes (退学 is in the list, but an exit).
        var entry = MessageOf("入学方式");
        Assert.Contains("转学(转入)", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("、退学", entry, StringComparison.Ordinal);

        var english = await WithLanguageAsync("en", () => RegistryFiles.ImportAsync(Host, AccessContext.System("test"), dryRun: true, (RecordKind.Students, path)));
        Assert.Equal("'X' is not a valid Gender code; choose one of: Unknown, Male, Female, Not stated",
            english.Errors.Single(e => e.Column == "性别").Message);
    }

    public void Dispose() => _files.Dispose();
}
