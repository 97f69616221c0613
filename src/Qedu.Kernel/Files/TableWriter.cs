using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Qedu.Kernel.Files;

/// <summary>
/// Writes a table file row by row. Every cell is escaped against formula injection (<see cref="SpreadsheetCells"/>), so a
/// value such as "=HYPERLINK(…)" stays text when a spreadsheet opens the file; the importer undoes exactly that.
/// </summary>
public abstract class TableWriter : IDisposable
{
    public static TableWriter Create(Stream stream, TableFormat format, string sheetName) =>
        format == TableFormat.Csv ? new CsvTableWriter(stream) : new XlsxTableWriter(stream, sheetName);

    public abstract void WriteHeader(IReadOnlyList<string> headers);

    public abstract void WriteRow(IReadOnlyList<string?> cells);

    /// <summary>A template's example row: a plain row in a CSV, grey italics in an .xlsx.</summary>
    public virtual void WriteExample(IReadOnlyList<string?> cells) => WriteRow(cells);

    /// <summary>
    /// A drop-down on a column of the first sheet, rows <paramref name="firstRow"/> to <paramref name="lastRow"/>:
    /// <paramref name="formula"/> is a range or a quoted list. A value off the list is warned about, not refused (codes
    /// and English names are accepted too). Only an .xlsx has drop-downs.
    /// </summary>
    public virtual void AddDropDown(int column, uint firstRow, uint lastRow, string formula, string error)
    {
    }

    /// <summary>A further sheet after the first (its first row is the header). Only an .xlsx has more than one.</summary>
    public virtual void AddSheet(string name, IReadOnlyList<IReadOnlyList<string?>> rows)
    {
    }

    /// <summary>Finishes the file (an .xlsx is only valid once its parts are closed).</summary>
    public abstract void Complete();

    public abstract void Dispose();
}

/// <summary>UTF-8 with a byte-order mark (so Excel shows the Chinese), comma-separated, CRLF, quoted where needed.</summary>
public sealed class CsvTableWriter(Stream stream) : TableWriter
{
    private readonly StreamWriter _writer = new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);

    public override void WriteHeader(IReadOnlyList<string> headers) => WriteRow(headers);

    public override void WriteRow(IReadOnlyList<string?> cells) => CsvRecords.WriteRecord(_writer, cells);

    public override void Complete() => _writer.Flush();

    public override void Dispose() => _writer.Dispose();
}

/// <summary>
/// One worksheet, streamed with the Open XML SDK's writer: text cells (inline strings) in text-formatted columns, a bold
/// header. Further sheets (small: a template's code lists and instructions) and drop-downs are kept until
/// <see cref="Complete"/>, which writes them once the first sheet's rows are done.
/// </summary>
public sealed class XlsxTableWriter : TableWriter
{
    private const uint TextStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint ExampleStyle = 3;

    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly OpenXmlWriter _writer;
    private readonly List<DataValidation> _dropDowns = [];
    private readonly List<(string Name, IReadOnlyList<IReadOnlyList<string?>> Rows)> _sheets = [];
    private string[] _columns = [];
    private uint _row;
    private bool _completed;

    public XlsxTableWriter(Stream stream, string sheetName)
    {
        _document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = _workbook = _document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var worksheet = workbook.AddNewPart<WorksheetPart>();
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = sheetName }));
        _writer = OpenXmlWriter.Create(worksheet);
        _writer.WriteStartElement(new Worksheet());
    }

    public override void WriteHeader(IReadOnlyList<string> headers)
    {
        _columns = Enumerable.Range(0, headers.Count).Select(SpreadsheetCells.ColumnName).ToArray();
        // Text format on whole columns, so an ID typed in later stays text instead of becoming 3.70202E+17.
        _writer.WriteStartElement(new Columns());
        for (var i = 0; i < headers.Count; i++)
        {
            _writer.WriteElement(new Column
            {
                Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(headers[i].Length * 2.4 + 4, 10, 40), CustomWidth = true, Style = TextStyle,
            });
        }
        _writer.WriteEndElement();
        _writer.WriteStartElement(new SheetData());
        WriteCells(headers, HeaderStyle);
    }

    public override void WriteRow(IReadOnlyList<string?> cells) => WriteCells(cells, TextStyle);

    public override void WriteExample(IReadOnlyList<string?> cells) => WriteCells(cells, ExampleStyle);

    public override void AddDropDown(int column, uint firstRow, uint lastRow, string formula, string error)
    {
        var letters = SpreadsheetCells.ColumnName(column);
        _dropDowns.Add(new DataValidation
        {
            Type = DataValidationValues.List,
            AllowBlank = true,
            ShowErrorMessage = true,
            ErrorStyle = DataValidationErrorStyleValues.Warning,
            Error = error,
            SequenceOfReferences = new ListValue<StringValue> { InnerText = FormattableString.Invariant($"{letters}{firstRow}:{letters}{lastRow}") },
            Formula1 = new Formula1(formula),
        });
    }

    public override void AddSheet(string name, IReadOnlyList<IReadOnlyList<string?>> rows) => _sheets.Add((name, rows));

    private void WriteCells(IReadOnlyList<string?> cells, uint style)
    {
        _row++;
        _writer.WriteStartElement(new Row { RowIndex = _row });
        for (var i = 0; i < cells.Count; i++)
        {
            if (string.IsNullOrEmpty(cells[i]))
            {
                continue;
            }
            _writer.WriteElement(new Cell
            {
                CellReference = _columns[i] + _row.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                StyleIndex = style,
                InlineString = new InlineString(new Text(SpreadsheetCells.Escape(cells[i]!)) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        _writer.WriteEndElement();
    }

    public override void Complete()
    {
        if (_completed)
        {
            return;
        }
        _writer.WriteEndElement(); // SheetData
        if (_dropDowns.Count > 0)
        {
            // The schema's order: dataValidations come after sheetData (and mergeCells, conditional formats).
            _writer.WriteElement(new DataValidations(_dropDowns) { Count = (uint)_dropDowns.Count });
        }
        _writer.WriteEndElement(); // Worksheet
        _writer.Close();
        var sheets = _workbook.Workbook.Sheets!;
        foreach (var (name, rows) in _sheets)
        {
            var part = _workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = SmallSheet(rows);
            sheets.Append(new Sheet { Id = _workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
        }
        _document.Dispose();
        _completed = true;
    }

    public override void Dispose()
    {
        if (!_completed)
        {
            _writer.Dispose();
            _document.Dispose();
        }
    }

    /// <summary>A sheet built whole (a few hundred cells at most): bold header, text cells, columns as wide as their longest text.</summary>
    private static Worksheet SmallSheet(IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var columns = new Columns();
        for (var i = 0; i < width; i++)
        {
            var longest = rows.Max(r => i < r.Count ? r[i]?.Length ?? 0 : 0);
            columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(longest * 2.1 + 2, 10, 80), CustomWidth = true, Style = TextStyle });
        }
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var index = (uint)r + 1;
            var row = new Row { RowIndex = index };
            for (var i = 0; i < rows[r].Count; i++)
            {
                if (!string.IsNullOrEmpty(rows[r][i]))
                {
                    row.Append(new Cell
                    {
                        CellReference = SpreadsheetCells.ColumnName(i) + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        DataType = CellValues.InlineString,
                        StyleIndex = r == 0 ? HeaderStyle : TextStyle,
                        InlineString = new InlineString(new Text(SpreadsheetCells.Escape(rows[r][i]!)) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                }
            }
            data.Append(row);
        }
        return new Worksheet(columns, data);
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold()), new Font(new Italic(), new Color { Rgb = "FF808080" })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true, FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true, FontId = 2, ApplyFont = true }));
}
