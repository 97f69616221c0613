using Qedu.Kernel.Files;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Registry.Import;
using Qedu.Registry.Records;

namespace Qedu.Registry.Tests;

/// <summary>
/// Files made to hurt: an .xlsx cell past Excel's last column, a cell longer than Excel allows, a zip bomb, bytes that
/// are no text at all, a CSV row cut short, a megabyte-long value. Each is a report naming the file (and row or cell)
/// with nothing written, never a crash, a hang or gigabytes of memory; and no report repeats a huge value.
/// </summary>
public sealed class HostileFileTests(SeededCity city) : IClassFixture<SeededCity>, IDisposable
{
    private const string ClassHeader = "学校标识码,班级代码,班级名称,年级,入学年份";
    private static readonly string?[] Header = ClassHeader.Split(',');
    private readonly RegistryFiles _files = new();

    [Fact]
    public async Task An_xlsx_cell_past_column_XFD_is_refused_naming_the_cell()
    {
        var path = Xlsx("far.xlsx", [Header, [Demo.AnchorSchool, "HX-1", "一班", "一年级", "2026"]],
            sheet => sheet.Replace("r=\"E2\"", "r=\"EZZZZZ2\"", StringComparison.Ordinal));
        var before = GC.GetTotalAllocatedBytes();

        var report = await ImportAsync(path);

        var error = Assert.Single(report.Errors);
        Assert.Contains("EZZZZZ2", error.Message, StringComparison.Ordinal);
        Assert.Contains("XFD", error.Message, StringComparison.Ordinal);
        Assert.Equal("far.xlsx", error.File);
        // Padding a row out to column EZZZZZ would allocate gigabytes; the refusal allocates next to nothing.
        Assert.True(GC.GetTotalAllocatedBytes() - before < 500L << 20, $"{(GC.GetTotalAllocatedBytes() - before) >> 20} MB allocated");
    }

    [Fact]
    public async Task An_xlsx_cell_longer_than_excel_allows_is_refused_and_not_repeated()
    {
        var path = Xlsx("long.xlsx", [Header, [Demo.AnchorSchool, "HX-2", new string('班', 40_000), "一年级", "2026"]]);

        var report = await ImportAsync(path);

        var error = Assert.Single(report.Errors);
        Assert.Contains("C2", error.Message, StringComparison.Ordinal);
        Assert.Contains("32767", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 300, error.Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_xlsx_that_unpacks_to_more_than_the_limit_is_refused_before_it_is_opened()
    {
        // A sheet of one repeated letter compresses a thousandfold: small on disk, large unpacked.
        var rows = new List<string?[]> { Header };
        rows.AddRange(Enumerable.Range(0, 200).Select(i => new string?[] { Demo.AnchorSchool, $"HB-{i}", new string('a', 5000), "一年级", "2026" }));
        var path = Xlsx("bomb.xlsx", rows);
        Assert.True(new FileInfo(path).Length < 64 * 1024, $"{new FileInfo(path).Length} bytes on disk");

        var report = await ImportAsync(path, new ImportOptions { MaxUnpackedBytes = 512 * 1024 });

        var error = Assert.Single(report.Errors);
        Assert.Equal(0, error.Row);
        Assert.Contains("解压后过大", error.Message, StringComparison.Ordinal);
        Assert.Contains("上限为 512 KB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_whose_first_bytes_are_no_text_is_a_report_not_a_crash()
    {
        var path = _files.PathOf("garbage.csv");
        // Invalid in UTF-8 and in GB18030 (0x80 and 0xFF lead no sequence in either), in the first buffer the reader fills.
        await File.WriteAllBytesAsync(path, [0x80, 0xFF, 0xFE, 0x80, .. Encoding.UTF8.GetBytes("," + ClassHeader + "\r\n")]);

        var report = await ImportAsync(path);

        var error = Assert.Single(report.Errors);
        Assert.Equal(0, error.Row);
        Assert.Contains("不是有效的 UTF-8 或 GB18030", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_row_with_fewer_fields_than_the_header_is_refused_naming_the_row()
    {
        var path = _files.Write("short.csv", $"{ClassHeader}\r\n{Demo.AnchorSchool},HS-1,一班,一年级,2026\r\n{Demo.AnchorSchool},HS-2,二班\r\n");

        var report = await ImportAsync(path);

        Assert.False(report.Ok);
        var error = Assert.Single(report.Errors);
        Assert.Equal(3, error.Row);
        Assert.Contains("第 3 行只有 3 个字段，少于表头的 5 个", error.Message, StringComparison.Ordinal);
        Assert.Empty(report.Written);
    }

    [Fact]
    public async Task A_huge_value_is_cut_in_the_report()
    {
        var huge = new string('X', 1_000_000);
        var path = _files.Write("huge.csv", $"{ClassHeader}\r\n{Demo.AnchorSchool},HH-1,一班,{huge},2026\r\n");

        var report = await ImportAsync(path);

        var error = Assert.Single(report.Errors);
        Assert.Equal("年级", error.Column);
        Assert.True(error.Value!.Length <= 101, $"{error.Value.Length} characters repeated");
        Assert.EndsWith("…", error.Value, StringComparison.Ordinal);
    }

    private async Task<ImportReport> ImportAsync(string path, ImportOptions? options = null)
    {
        await using var scope = city.Host.Scope(AccessContext.System("test"));
        var importer = ActivatorUtilities.CreateInstance<RegistryImporter>(scope.ServiceProvider, Microsoft.Extensions.Options.Options.Create(options ?? new ImportOptions()));
        var format = path.EndsWith(".xlsx", StringComparison.Ordinal) ? TableFormat.Xlsx : TableFormat.Csv;
        return await importer.ImportAsync([new ImportSource(RecordKind.Classes, Path.GetFileName(path), path, format)], dryRun: false);
    }

    /// <summary>An .xlsx written by Qedu's own writer, its sheet's XML then changed as an attacker would.</summary>
    private string Xlsx(string name, List<string?[]> rows, Func<string, string>? tamper = null)
    {
        var path = _files.PathOf(name);
        using (var stream = File.Create(path))
        using (var writer = TableWriter.Create(stream, TableFormat.Xlsx, "t"))
        {
            writer.WriteHeader(rows[0]!);
            foreach (var row in rows.Skip(1))
            {
                writer.WriteRow(row);
            }
            writer.Complete();
        }
        if (tamper is not null)
        {
            using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
            var entry = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }
            entry.Delete();
            using var output = new StreamWriter(zip.CreateEntry(entry.FullName).Open());
            output.Write(tamper(xml));
        }
        return path;
    }

    public void Dispose() => _files.Dispose();
}
