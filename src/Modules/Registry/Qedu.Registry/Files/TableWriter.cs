using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Qedu.Kernel.Files;

namespace Qedu.Registry.Files;

/// <summary>
/// Writes a table file row by row. Every cell is escaped against formula injection (<see cref="SpreadsheetCells"/>), so a
/// value such as "=HYPERLINK(…)" stays text when a spreadsheet opens the file; the importer undoes exactly that.
/// </summary>
internal abstract class TableWriter : IDisposable
{
    public static TableWriter Create(Stream stream, TableFormat format, string sheetName) =>
        format == TableFormat.Csv ? new CsvTableWriter(stream) : new XlsxTableWriter(stream, sheetName);

    public abstract void WriteHeader(IReadOnlyList<string> headers);

    public abstract void WriteRow(IReadOnlyList<string?> cells);

    /// <summary>Finishes the file (an .xlsx is only valid once its parts are closed).</summary>
    public abstract void Complete();

    public abstract void Dispose();
}

/// <summary>UTF-8 with a byte-order mark (so Excel shows the Chinese), comma-separated, CRLF, quoted where needed.</summary>
internal sealed class CsvTableWriter(Stream stream) : TableWriter
{
    private readonly StreamWriter _writer = new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);

    public override void WriteHeader(IReadOnlyList<string> headers) => WriteRow(headers);

    public override void WriteRow(IReadOnlyList<string?> cells) => CsvRecords.WriteRecord(_writer, cells);

    public override void Complete() => _writer.Flush();

    public override void Dispose() => _writer.Dispose();
}

/// <summary>One worksheet, streamed with the Open XML SDK's writer: text cells (inline strings) in text-formatted columns, a bold header.</summary>
internal sealed class XlsxTableWriter : TableWriter
{
    private const uint TextStyle = 1;
    private const uint HeaderStyle = 2;

    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlWriter _writer;
    private string[] _columns = [];
    private uint _row;
    private bool _completed;

    public XlsxTableWriter(Stream stream, string sheetName)
    {
        _document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = _document.AddWorkbookPart();
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
        _writer.WriteEndElement(); // Worksheet
        _writer.Close();
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

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true, FontId = 1, ApplyFont = true }));
}
