using Qedu.Kernel.Files;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Qedu.Plans.Domain;

namespace Qedu.Plans.Features.Export;

/// <summary>
/// The task list as an .xlsx in the layout of the bureau's own task table (附件2): a title row, a band naming the two
/// column groups, then the table's columns in its order and wording, one row per task, and after them, shaded
/// differently, what supervision adds (status, milestones, targets with current values, the latest report). The
/// header stays in view and prints on every page; every cell is text, escaped against formula injection.
/// </summary>
internal static class TaskListWorkbook
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetName = "任务清单";

    /// <summary>Rows above the first task: title, subtitle, the column-group band, the column headings.</summary>
    public const int HeaderRow = 4;

    private static readonly double[] Widths = [7, 30, 28, 50, 40, 12, 22, 20, 10, 36, 44, 40];

    // Cell formats, by index into the stylesheet below.
    private const uint Body = 1;
    private const uint BodyCentered = 2;
    private const uint TableHeader = 3;
    private const uint SupervisionHeader = 4;
    private const uint Title = 5;
    private const uint Subtitle = 6;
    private const uint Overdue = 7;
    private const uint AtRisk = 8;
    private const uint Done = 9;

    public static void Write(Stream stream, ExportPlan plan)
    {
        var columns = ExportWording.TableColumns.Concat(ExportWording.SupervisionColumns).ToList();
        var last = SpreadsheetCells.ColumnName(columns.Count - 1);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();

        var data = new SheetData();
        var row = 0u;
        Row Next(double? height = null)
        {
            var r = new Row { RowIndex = ++row };
            if (height is { } h)
            {
                r.Height = h;
                r.CustomHeight = true;
            }
            data.Append(r);
            return r;
        }

        Add(Next(30), 0, plan.Title, Title);
        var subtitle = $"文号：{plan.DocumentNumber ?? "（无）"}　　发文单位：{(plan.Issuer.Length > 0 ? plan.Issuer : plan.OwnerName)}　　"
            + $"印发日期：{plan.IssuedOn ?? "（未注明）"}　　状态：{ExportWording.State(plan.State)}　　导出时间：{plan.GeneratedAt:yyyy-MM-dd HH:mm}";
        Add(Next(), 0, subtitle, Subtitle);
        var band = Next();
        Add(band, 0, "任务清单（附件2）", TableHeader);
        Add(band, ExportWording.TableColumns.Count, "督办情况（系统生成）", SupervisionHeader);
        var headings = Next(32);
        for (var i = 0; i < columns.Count; i++)
        {
            Add(headings, i, columns[i], i < ExportWording.TableColumns.Count ? TableHeader : SupervisionHeader);
        }

        foreach (var task in plan.AllTasks())
        {
            var r = Next();
            string[] cells =
            [
                task.Number, task.Title, string.Join("\n", task.Policies), string.Join("\n", task.Measures),
                string.Join("\n", task.ExpectedEffects), ExportWording.Deadline(task), ExportWording.Units(task),
                task.Section, ExportWording.Status(task.Status), string.Join("\n", task.Milestones.Select(ExportWording.Milestone)),
                string.Join("\n", task.Targets.Select(ExportWording.Target)), ExportWording.Report(task.LatestReport, 300),
            ];
            for (var i = 0; i < cells.Length; i++)
            {
                var style = i switch
                {
                    0 or 5 => BodyCentered,
                    8 => task.Status switch { SupervisionStatus.Overdue => Overdue, SupervisionStatus.AtRisk => AtRisk, SupervisionStatus.Done => Done, _ => BodyCentered },
                    _ => Body,
                };
                Add(r, i, cells[i], style);
            }
        }

        var tableEnd = SpreadsheetCells.ColumnName(ExportWording.TableColumns.Count - 1);
        var supervisionStart = SpreadsheetCells.ColumnName(ExportWording.TableColumns.Count);
        sheetPart.Worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(
                new Pane
                {
                    // The headings and the number and task columns stay in view while scrolling.
                    HorizontalSplit = 2, VerticalSplit = HeaderRow, TopLeftCell = "C" + (HeaderRow + 1).ToString(CultureInfo.InvariantCulture),
                    ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen,
                },
                new Selection { Pane = PaneValues.BottomRight })
            { WorkbookViewId = 0 }),
            new Columns(Widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
            data,
            new MergeCells(
                new MergeCell { Reference = $"A1:{last}1" },
                new MergeCell { Reference = $"A2:{last}2" },
                new MergeCell { Reference = $"A3:{tableEnd}3" },
                new MergeCell { Reference = $"{supervisionStart}3:{last}3" }),
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });

        workbook.Workbook = new Workbook(
            new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }),
            // Printed, every page repeats the band and the headings.
            new DefinedNames(new DefinedName($"'{SheetName}'!$3:${HeaderRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
    }

    private static void Add(Row row, int column, string? text, uint style)
    {
        var reference = SpreadsheetCells.ColumnName(column) + row.RowIndex!.Value.ToString(CultureInfo.InvariantCulture);
        row.Append(new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            StyleIndex = style,
            InlineString = new InlineString(new Text(SpreadsheetCells.Escape(text ?? "")) { Space = SpaceProcessingModeValues.Preserve }),
        });
    }

    private static Stylesheet Styles()
    {
        static Font Font(double size = 10.5, bool bold = false, string? rgb = null)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }
            font.Append(new FontSize { Val = size });
            if (rgb is not null)
            {
                font.Append(new Color { Rgb = rgb });
            }
            font.Append(new FontName { Val = "宋体" });
            return font;
        }
        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }) { PatternType = PatternValues.Solid });
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        static Alignment Wrap(HorizontalAlignmentValues horizontal, VerticalAlignmentValues vertical) =>
            new() { WrapText = true, Horizontal = horizontal, Vertical = vertical };
        CellFormat Format(uint font, uint fill, uint border, Alignment alignment) => new(alignment)
        {
            NumberFormatId = 49, FontId = font, FillId = fill, BorderId = border,
            ApplyNumberFormat = true, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true,
        };
        var top = VerticalAlignmentValues.Top;
        var center = VerticalAlignmentValues.Center;
        return new Stylesheet(
            // 0 default, 1 bold, 2 title, 3 red, 4 amber, 5 green
            new Fonts(Font(), Font(bold: true), Font(16, bold: true), Font(rgb: "FFC00000"), Font(rgb: "FFB26B00"), Font(rgb: "FF2E7D32")),
            // 0 and 1 are what Excel expects first; 2 the table's blue, 3 supervision's yellow
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFDDEBF7"), Solid("FFFFF2CC")),
            new Borders(new Border(), thin),
            new CellFormats(
                new CellFormat(),
                Format(0, 0, 1, Wrap(HorizontalAlignmentValues.Left, top)),
                Format(0, 0, 1, Wrap(HorizontalAlignmentValues.Center, top)),
                Format(1, 2, 1, Wrap(HorizontalAlignmentValues.Center, center)),
                Format(1, 3, 1, Wrap(HorizontalAlignmentValues.Center, center)),
                Format(2, 0, 0, Wrap(HorizontalAlignmentValues.Center, center)),
                Format(0, 0, 0, Wrap(HorizontalAlignmentValues.Left, center)),
                Format(3, 0, 1, Wrap(HorizontalAlignmentValues.Center, top)),
                Format(4, 0, 1, Wrap(HorizontalAlignmentValues.Center, top)),
                Format(5, 0, 1, Wrap(HorizontalAlignmentValues.Center, top))));
    }
}
