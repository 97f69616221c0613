using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
namespace Qedu.Kernel.Files;

/// <summary>One table as a worksheet: a title line, headings, then rows of text and numbers (decimal, int or double).</summary>
public sealed record WorkbookSheet(string Name, string Title, IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// A report workbook with one worksheet per table (a dashboard's, an exam's). Numbers stay numbers (a spreadsheet can sum
/// and chart them), text is escaped against formula injection, the headings stay in view. Exchange files and templates,
/// all text, are <see cref="TableWriter"/>'s.
/// </summary>
public static class ReportWorkbook
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint Body = 0;
    private const uint Heading = 1;
    private const uint Title = 2;
    private const uint Number = 3;

    public static void Write(Stream stream, IReadOnlyList<WorkbookSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var list = new Sheets();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var title = new Row { RowIndex = 1 };
            title.Append(Text(1, 0, sheet.Title, Title));
            data.Append(title);
            var headings = new Row { RowIndex = 2 };
            for (var i = 0; i < sheet.Headings.Count; i++)
            {
                headings.Append(Text(2, i, sheet.Headings[i], Heading));
            }
            data.Append(headings);
            uint r = 3;
            foreach (var cells in sheet.Rows)
            {
                var row = new Row { RowIndex = r };
                for (var i = 0; i < cells.Count; i++)
                {
                    row.Append(cells[i] switch
                    {
                        null => Text(r, i, "", Body),
                        decimal d => NumberCell(r, i, d),
                        int n => NumberCell(r, i, n),
                        double x when double.IsFinite(x) => NumberCell(r, i, (decimal)x),
                        var other => Text(r, i, Convert.ToString(other, CultureInfo.InvariantCulture) ?? "", Body),
                    });
                }
                data.Append(row);
                r++;
            }
            var widths = Enumerable.Range(0, sheet.Headings.Count)
                .Select(i => Math.Clamp(sheet.Rows.Select(c => i < c.Count ? Width(c[i]) : 0).Append(Width(sheet.Headings[i])).Max() + 2, 8, 60))
                .ToList();
            part.Worksheet = new Worksheet(
                new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft }) { WorkbookViewId = 0 }),
                new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
                data);
            list.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = SheetName(sheet.Name) });
        }
        workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(list);
    }

    /// <summary>Excel allows 31 characters and none of []:*?/\ in a sheet name.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '_' : c).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static int Width(object? value) => value switch
    {
        null => 0,
        string s => s.Sum(c => c > 0x2E80 ? 2 : 1),
        _ => 12,
    };

    private static Cell Text(uint row, int column, string text, uint style) => new()
    {
        CellReference = Reference(row, column),
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(SpreadsheetCells.Escape(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell NumberCell(uint row, int column, decimal value) => new()
    {
        CellReference = Reference(row, column),
        DataType = CellValues.Number,
        StyleIndex = Number,
        CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
    };

    private static string Reference(uint row, int column) => SpreadsheetCells.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }),
            new Font(new Bold(), new FontSize { Val = 11 }),
            new Font(new Bold(), new FontSize { Val = 14 })),
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE8F0FB" }) { PatternType = PatternValues.Solid })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat { FontId = 1, FillId = 2, BorderId = 0, ApplyFont = true, ApplyFill = true },
            new CellFormat { FontId = 2, FillId = 0, BorderId = 0, ApplyFont = true },
            // Built-in format 4: #,##0.00.
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 4, ApplyNumberFormat = true }));
}
