using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Qedu.Kernel.Files;
using Sylvan.Data.Csv;

namespace Qedu.Kernel.Files;

/// <summary>
/// Reads a table file row by row, never holding more than the current row: the first row is the header, blank rows
/// are skipped, and <see cref="RowNumber"/> is the row as a spreadsheet numbers it (the header is row 1).
/// </summary>
public abstract class TableReader : IDisposable
{
    private static readonly string[] NoCells = [];

    public IReadOnlyList<string> Header { get; protected set; } = NoCells;

    /// <summary>The current row's cells as written in the file (neither trimmed nor unescaped).</summary>
    public IReadOnlyList<string> Cells { get; protected set; } = NoCells;

    public int RowNumber { get; protected set; }

    /// <summary>How far through the file the reader is, 0 to 1 (an estimate).</summary>
    public abstract double Progress { get; }

    /// <summary>The cells of the row <see cref="ReadRow"/> last read (reused row after row).</summary>
    protected List<string> RowCells { get; } = [];

    /// <summary>Moves to the next row that is not blank; false at the end.</summary>
    public bool Read()
    {
        while (ReadRow())
        {
            if (!IsBlank(RowCells))
            {
                Cells = RowCells;
                return true;
            }
        }
        return false;
    }

    /// <summary>Reads the file's next row, blank or not, into <see cref="RowCells"/>; false at the end.</summary>
    protected abstract bool ReadRow();

    public abstract void Dispose();

    /// <summary>
    /// Whether every row must have as many fields as the header: in a CSV a short row is a broken file; an .xlsx leaves
    /// trailing empty cells out.
    /// </summary>
    public abstract bool RowsMustBeFull { get; }

    /// <summary>
    /// Opens <paramref name="path"/>; a CSV's encoding is detected unless given. Throws <see cref="TableFileException"/>
    /// with <paramref name="describe"/>'s message for a resource key and the values that go after the file's name.
    /// </summary>
    public static TableReader Open(string path, TableFormat format, Func<string, object?[], string> describe, TableLimits? limits = null, Encoding? encoding = null) =>
        format == TableFormat.Csv ? new CsvTableReader(path, encoding, describe) : new XlsxTableReader(path, describe, limits ?? new TableLimits());

    private static bool IsBlank(IReadOnlyList<string> cells)
    {
        foreach (var cell in cells)
        {
            if (!string.IsNullOrWhiteSpace(cell))
            {
                return false;
            }
        }
        return true;
    }
}

public sealed class CsvTableReader : TableReader
{
    private readonly Stream _stream;
    private readonly CsvDataReader _csv;
    private readonly Func<string, object?[], string> _describe;

    public CsvTableReader(string path, Encoding? encoding, Func<string, object?[], string> describe)
        : this(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), encoding, describe)
    {
    }

    /// <summary>Reads a seekable <paramref name="stream"/> (a file shipped inside an assembly); disposes it with the reader.</summary>
    public CsvTableReader(Stream stream, Encoding? encoding, Func<string, object?[], string> describe)
    {
        _describe = describe;
        _stream = stream;
        try
        {
            Encoding = encoding ?? TextEncodings.Detect(_stream);
            var text = new StreamReader(_stream, Encoding, detectEncodingFromByteOrderMarks: true, 1 << 16);
            // Never guess the delimiter: a file with semicolons must fail visibly, not be half-read.
            // Creating the reader fills its first buffer: bad bytes there surface here, not in ReadRow.
            _csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',', MaxBufferSize = 1 << 24 });
            if (ReadRow())
            {
                Header = RowCells.ToArray();
            }
        }
        catch (DecoderFallbackException e)
        {
            _stream.Dispose();
            throw new TableFileException(describe("File.Encoding", []), e);
        }
        catch (CsvFormatException e)
        {
            _stream.Dispose();
            throw new TableFileException(describe("File.Malformed", [e.Message]), e);
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    public override bool RowsMustBeFull => true;

    public Encoding Encoding { get; }

    public override double Progress => _stream.Length == 0 ? 1 : Math.Min(1, (double)_stream.Position / _stream.Length);

    protected override bool ReadRow()
    {
        try
        {
            if (!_csv.Read())
            {
                return false;
            }
        }
        catch (CsvFormatException e)
        {
            throw new TableFileException(_describe("File.Malformed", [e.Message]), e);
        }
        catch (DecoderFallbackException e)
        {
            throw new TableFileException(_describe("File.Encoding", []), e);
        }
        RowNumber++;
        RowCells.Clear();
        for (var i = 0; i < _csv.RowFieldCount; i++)
        {
            RowCells.Add(_csv.GetString(i));
        }
        return true;
    }

    public override void Dispose()
    {
        _csv?.Dispose();
        _stream.Dispose();
    }
}

/// <summary>The first worksheet of an .xlsx, read with the Open XML SDK's forward-only reader.</summary>
public sealed class XlsxTableReader : TableReader
{
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlReader _reader;
    private readonly List<string> _sharedStrings = [];
    private readonly HashSet<uint> _dateStyles = [];
    private readonly Func<string, object?[], string> _describe;
    private readonly TableLimits _limits;
    private int _lastRow;

    public XlsxTableReader(string path, Func<string, object?[], string> describe, TableLimits limits)
    {
        _describe = describe;
        _limits = limits;
        CheckPackage(path);
        try
        {
            _document = SpreadsheetDocument.Open(path, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            throw new TableFileException(describe("File.NotXlsx", []), e);
        }
        try
        {
            var workbook = _document.WorkbookPart ?? throw new TableFileException(describe("File.NotXlsx", []));
            var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new TableFileException(describe("File.NotXlsx", []));
            var worksheet = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            LoadSharedStrings(workbook);
            LoadDateStyles(workbook);
            _reader = OpenXmlReader.Create(worksheet);
            if (ReadRow())
            {
                Header = RowCells.ToArray();
            }
        }
        catch (Exception e) when (e is not TableFileException)
        {
            _document.Dispose();
            throw new TableFileException(describe("File.NotXlsx", []), e);
        }
        catch
        {
            _document.Dispose();
            throw;
        }
    }

    public override bool RowsMustBeFull => false;

    /// <summary>
    /// Against zip bombs, before anything is unpacked: the whole package may not unpack to more than
    /// <see cref="TableLimits.MaxUnpackedBytes"/>, and the parts read whole (shared strings, styles, the workbook) to
    /// more than <see cref="TableLimits.MaxWholePartBytes"/>. The sheet itself is read as a stream.
    /// </summary>
    private void CheckPackage(string path)
    {
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            var unpacked = zip.Entries.Sum(e => e.Length);
            var largestWhole = zip.Entries.Where(e => !e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase))
                .Select(e => e.Length).DefaultIfEmpty(0).Max();
            if (unpacked > _limits.MaxUnpackedBytes || largestWhole > _limits.MaxWholePartBytes)
            {
                throw new TableFileException(_describe("File.Unpacked", [FileSize.Describe(Math.Max(unpacked, largestWhole)),
                    FileSize.Describe(unpacked > _limits.MaxUnpackedBytes ? _limits.MaxUnpackedBytes : _limits.MaxWholePartBytes)]));
            }
        }
        catch (InvalidDataException e)
        {
            throw new TableFileException(_describe("File.NotXlsx", []), e);
        }
    }

    public override double Progress => _lastRow <= 0 ? 0 : Math.Min(1, (double)RowNumber / _lastRow);

    protected override bool ReadRow()
    {
        try
        {
            while (_reader.Read())
            {
                if (_reader.ElementType == typeof(SheetDimension) && _reader.IsStartElement)
                {
                    var dimension = (SheetDimension)_reader.LoadCurrentElement()!;
                    var end = dimension.Reference?.Value?.Split(':')[^1];
                    _lastRow = end is null ? 0 : int.TryParse(end.AsSpan(end.AsSpan().IndexOfAnyInRange('0', '9') is var d and >= 0 ? d : end.Length), out var last) ? last : 0;
                    continue;
                }
                if (_reader.ElementType != typeof(Row) || !_reader.IsStartElement)
                {
                    continue;
                }
                var row = (Row)_reader.LoadCurrentElement()!;
                RowNumber = row.RowIndex?.Value is uint index ? (int)index : RowNumber + 1;
                RowCells.Clear();
                var next = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                    if (column is < 0 or >= MaxColumns)
                    {
                        // Past Excel's last column (XFD): padding up to it would take gigabytes for one cell.
                        throw new TableFileException(_describe("File.ColumnTooFar", [ReportValue.Cut(cell.CellReference?.Value ?? "")]));
                    }
                    while (RowCells.Count < column)
                    {
                        RowCells.Add("");
                    }
                    var value = Value(cell);
                    if (value.Length > MaxCellCharacters)
                    {
                        throw new TableFileException(_describe("File.CellTooLong", [SpreadsheetCells.ColumnName(column) + RowNumber.ToString(CultureInfo.InvariantCulture), MaxCellCharacters]));
                    }
                    RowCells.Add(value);
                    next = column + 1;
                }
                return true;
            }
            return false;
        }
        catch (Exception e) when (e is not TableFileException)
        {
            throw new TableFileException(_describe("File.NotXlsx", []), e);
        }
    }

    /// <summary>Excel's limits: 16,384 columns (A to XFD), 32,767 characters in a cell.</summary>
    private const int MaxColumns = 16_384;
    private const int MaxCellCharacters = 32_767;

    private string Value(Cell cell)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Count ? _sharedStrings[i] : "";
        }
        if (type == CellValues.InlineString)
        {
            return TextOf(cell.InlineString);
        }
        if ((type is null || type == CellValues.Number) && cell.StyleIndex?.Value is uint style && _dateStyles.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            // A date typed into Excel is a serial number in a date-formatted cell: give the date as text.
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return raw;
    }

    /// <summary>The text of a shared or inline string: its plain text, or its rich-text runs joined (phonetic hints left out).</summary>
    private static string TextOf(OpenXmlElement? item)
    {
        if (item is null)
        {
            return "";
        }
        var plain = item.GetFirstChild<Text>();
        if (plain is not null)
        {
            return plain.Text;
        }
        var builder = new StringBuilder();
        foreach (var run in item.Elements<Run>())
        {
            builder.Append(run.Text?.Text);
        }
        return builder.ToString();
    }

    private void LoadSharedStrings(WorkbookPart workbook)
    {
        if (workbook.SharedStringTablePart is not { } part)
        {
            return;
        }
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                var text = TextOf(reader.LoadCurrentElement());
                // A shared string longer than a cell may hold is never a cell's value: keep it out of memory.
                _sharedStrings.Add(text.Length > MaxCellCharacters ? text[..(MaxCellCharacters + 1)] : text);
            }
        }
    }

    private void LoadDateStyles(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null)
        {
            return;
        }
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58
                || (custom.TryGetValue(id, out var code) && IsDateFormat(code)))
            {
                _dateStyles.Add(index);
            }
            index++;
        }
    }

    /// <summary>A custom number format shows a date if it has y, m or d outside quotes and brackets.</summary>
    private static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        foreach (var c in code)
        {
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '[':
                    bracket = true;
                    break;
                case ']':
                    bracket = false;
                    break;
                case 'y' or 'Y' or 'd' or 'D' when !quoted && !bracket:
                    return true;
            }
        }
        return false;
    }

    /// <summary>"AB12" → 27 (zero-based column of the reference); -1 past any real column (no overflow on long letters).</summary>
    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            if (column > MaxColumns)
            {
                return -1;
            }
        }
        return column - 1;
    }

    public override void Dispose()
    {
        _reader?.Dispose();
        _document.Dispose();
    }
}
