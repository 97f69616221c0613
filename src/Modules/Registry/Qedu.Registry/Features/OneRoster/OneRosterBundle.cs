using System.IO.Compression;
using System.Text;
using Qedu.Kernel.Files;
using Sylvan.Data.Csv;

namespace Qedu.Registry.Features.OneRoster;

/// <summary>One row of a bundle file: its number as a spreadsheet counts rows (the header is row 1) and its cells.</summary>
internal sealed class BundleRow(BundleTable table, int number, string[] cells)
{
    public BundleTable Table { get; } = table;
    public int Number { get; } = number;

    /// <summary>The trimmed cell of <paramref name="column"/>, "" when the file has no such column or the row is short.</summary>
    public string this[string column] => Table.Index(column) is var i and >= 0 && i < cells.Length ? cells[i].Trim() : "";

    public string Cell(int index) => index >= 0 && index < cells.Length ? cells[index].Trim() : "";
}

/// <summary>One CSV file of a bundle, read whole (bundles are bounded by <see cref="OneRosterImportOptions.MaxBundleBytes"/>).</summary>
internal sealed class BundleTable(string name, string[] header)
{
    public int HeaderCount { get; } = header.Length;

    private readonly Dictionary<string, int> _columns = header
        .Select((h, i) => (Name: h.Trim().TrimStart('\uFEFF'), i))
        .Where(h => h.Name.Length > 0)
        .GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);

    public string Name { get; } = name;
    public IReadOnlyList<string> Header { get; } = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
    public List<BundleRow> Rows { get; } = [];

    public int Index(string column) => _columns.GetValueOrDefault(column, -1);

    public bool Has(string column) => _columns.ContainsKey(column);
}

/// <summary>
/// Reads the CSV files of a OneRoster bundle (a zip with the files at its root) with Sylvan.Data.Csv: strict UTF-8
/// (a byte-order mark is allowed), comma-separated, quoted per RFC 4180. Problems are handed to the caller as
/// (file, row, message key, detail) so the import reports them with the rest.
/// </summary>
internal static class OneRosterBundle
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The entry named exactly <paramref name="name"/> at the zip's root, or null.</summary>
    public static ZipArchiveEntry? Entry(ZipArchive zip, string name) =>
        zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.Ordinal));

    /// <summary>Reads one entry; null (with <paramref name="problem"/> called) when it is not readable CSV.</summary>
    public static BundleTable? Read(ZipArchiveEntry entry, Action<int, string, string?> problem)
    {
        using var text = new StreamReader(entry.Open(), StrictUtf8, detectEncodingFromByteOrderMarks: true, 1 << 16);
        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',', MaxBufferSize = 1 << 24 });
        }
        catch (Exception e) when (e is CsvFormatException or DecoderFallbackException or InvalidDataException)
        {
            problem(0, Key(e), e.Message);
            return null;
        }
        using (csv)
        {
            BundleTable? table = null;
            var number = 0;
            try
            {
                while (csv.Read())
                {
                    number++;
                    var cells = new string[csv.RowFieldCount];
                    for (var i = 0; i < cells.Length; i++)
                    {
                        cells[i] = SpreadsheetCells.Unescape(csv.GetString(i)); // undoes the export's formula escape (CsvRecords)
                    }
                    if (table is null)
                    {
                        table = new BundleTable(entry.FullName, cells);
                        continue;
                    }
                    if (cells.All(string.IsNullOrWhiteSpace))
                    {
                        continue;
                    }
                    if (cells.Length < table.HeaderCount)
                    {
                        // A row cut short is a broken file, not a row of empty fields.
                        problem(number, "Bundle.ShortRow", $"{cells.Length} / {table.HeaderCount}");
                        continue;
                    }
                    table.Rows.Add(new BundleRow(table, number, cells));
                }
            }
            catch (Exception e) when (e is CsvFormatException or DecoderFallbackException or InvalidDataException)
            {
                problem(number + 1, Key(e), e.Message);
                return null;
            }
            if (table is null)
            {
                problem(0, "Bundle.EmptyFile", null);
            }
            return table;
        }
    }

    private static string Key(Exception e) => e is DecoderFallbackException ? "Bundle.Encoding" : "Bundle.Malformed";
}
