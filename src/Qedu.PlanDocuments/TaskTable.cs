using System.Text.RegularExpressions;

namespace Qedu.PlanDocuments;

/// <summary>One row of a task table: the task numbers it covers ("1、2" covers two) and its columns.</summary>
public sealed record TaskTableRow(
    string NumberText,
    IReadOnlyList<string> Numbers,
    string Title,
    IReadOnlyList<string> Policies,
    IReadOnlyList<string> Measures,
    IReadOnlyList<string> ExpectedEffects,
    string Deadline,
    string Units,
    string LeadUnits,
    string ParticipatingUnits);

/// <summary>A task table (任务清单) with the caption printed above it.</summary>
public sealed record TaskTable(string Caption, IReadOnlyList<TaskTableRow> Rows);

/// <summary>
/// Reads a task table from text. In plain text (and in what <see cref="DocxReader"/> writes) a cell starts on a line
/// that begins with a tab and runs on over the following untabbed lines; a row is as many cells as the header has.
/// Columns are recognised by their header words (序号, 问题/任务, 政策, 措施, 效果/目标, 时间/时限, 牵头, 配合,
/// 责任/处室/单位), so tables with other columns or in another order read the same.
/// </summary>
public static partial class TaskTableReader
{
    private enum Column { Other, Number, Title, Policies, Measures, Effects, Deadline, Lead, Participating, Units }

    /// <summary>True when a table starts at <paramref name="start"/>: tab-started cells with a 序号 header among the first.</summary>
    public static bool StartsAt(IReadOnlyList<string> lines, int start) =>
        lines[start].StartsWith('\t') && Cells(lines, start, lines.Count).Take(12).Any(c => NumberHeader().IsMatch(c.Trim()));

    /// <summary>Reads the table in lines [start, end); the caption is the last text line before it.</summary>
    public static TaskTable Read(IReadOnlyList<string> lines, int start, int end)
    {
        var caption = "";
        for (int i = start - 1; i >= 0; i--)
        {
            var line = PlanFile.Content(lines[i]);
            if (line.Length > 0)
            {
                caption = line;
                break;
            }
        }
        var cells = Cells(lines, start, end).ToList();
        int width = cells.FindIndex(c => IsRowNumber(c));
        if (width <= 0)
        {
            return new TaskTable(caption, []);
        }
        var columns = cells.Take(width).Select(ColumnOf).ToList();
        var rows = new List<TaskTableRow>();
        int at = width;
        while (at + width <= cells.Count)
        {
            if (!IsRowNumber(cells[at]))
            {
                at++; // out of step (a stray tab line): move on to the next row number
                continue;
            }
            rows.Add(Row(columns, cells.GetRange(at, width)));
            at += width;
        }
        return new TaskTable(caption, rows);
    }

    private static TaskTableRow Row(List<Column> columns, List<string> cells)
    {
        string Cell(Column column) => columns.IndexOf(column) is >= 0 and var i ? cells[i].Trim() : "";
        var numberText = Cell(Column.Number).Replace('，', '、').Replace(',', '、');
        return new TaskTableRow(
            numberText,
            [.. RowNumber().Matches(numberText).Select(m => m.Value)],
            Collapse(Cell(Column.Title)),
            Items(Cell(Column.Policies)),
            Items(Cell(Column.Measures)),
            Items(Cell(Column.Effects)),
            Collapse(Cell(Column.Deadline)),
            Cell(Column.Units),
            Cell(Column.Lead),
            Cell(Column.Participating));
    }

    /// <summary>The cells: each starts at a tab line and takes the untabbed lines after it.</summary>
    private static IEnumerable<string> Cells(IReadOnlyList<string> lines, int start, int end)
    {
        string? cell = null;
        for (int i = start; i < end; i++)
        {
            if (lines[i].StartsWith('\t'))
            {
                if (cell is not null)
                {
                    yield return cell;
                }
                cell = PlanFile.Content(lines[i]);
            }
            else if (cell is not null)
            {
                cell += "\n" + lines[i].Trim();
            }
        }
        if (cell is not null)
        {
            yield return cell;
        }
    }

    /// <summary>
    /// A cell's items: one per line, and a line holding "…。2.…" is split at the number. Numbers are dropped;
    /// a piece that starts with a closing mark ("》2.《…") belongs to the item before.
    /// </summary>
    internal static List<string> Items(string cell)
    {
        var pieces = new List<string>();
        foreach (var line in cell.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            pieces.AddRange(InlineNumber().Split(line).Select(p => p.Trim()).Where(p => p.Length > 0));
        }
        var items = new List<string>();
        foreach (var piece in pieces)
        {
            if (items.Count > 0 && "》〉”」）)".Contains(piece[0], StringComparison.Ordinal))
            {
                items[^1] += piece[..1];
                var rest = piece[1..].Trim();
                if (rest.Length > 0)
                {
                    items.Add(Numbering.StripItemNumber(rest));
                }
                continue;
            }
            items.Add(Numbering.StripItemNumber(piece));
        }
        return [.. items.Where(i => i.Length > 0)];
    }

    private static string Collapse(string cell) => string.Join("", cell.Split('\n').Select(l => l.Trim()));

    private static bool IsRowNumber(string cell) => RowNumberCell().IsMatch(cell.Trim());

    private static Column ColumnOf(string header)
    {
        var h = header.Replace("\n", "", StringComparison.Ordinal);
        return h switch
        {
            _ when NumberHeader().IsMatch(h) => Column.Number,
            _ when h.Contains("时间", StringComparison.Ordinal) || h.Contains("时限", StringComparison.Ordinal) || h.Contains("期限", StringComparison.Ordinal) || h.Contains("节点", StringComparison.Ordinal) => Column.Deadline,
            _ when h.Contains("牵头", StringComparison.Ordinal) => Column.Lead,
            _ when Regex.IsMatch(h, "配合|参与|参加|协办") => Column.Participating,
            _ when Regex.IsMatch(h, "责任|处室|单位|部门|科室") => Column.Units,
            _ when Regex.IsMatch(h, "政策|文件|制度") => Column.Policies,
            _ when Regex.IsMatch(h, "措施|举措|做法|路径") => Column.Measures,
            _ when Regex.IsMatch(h, "效果|成效|目标|成果") => Column.Effects,
            _ when Regex.IsMatch(h, "问题|任务|事项|名称|内容|工作|项目") => Column.Title,
            _ => Column.Other,
        };
    }

    [GeneratedRegex(@"^(序号|编号|序)$")]
    private static partial Regex NumberHeader();

    [GeneratedRegex(@"^\d{1,3}(\s*[、,，\-—~]\s*\d{1,3})*$")]
    private static partial Regex RowNumberCell();

    [GeneratedRegex(@"\d{1,3}")]
    private static partial Regex RowNumber();

    // Splits before "2." when it follows the end of a sentence or a closing mark; "2.0" is not a number.
    [GeneratedRegex(@"(?<=[。；;》”）)])\s*(?=\d{1,2}\s*[.．、](?![0-9]))")]
    private static partial Regex InlineNumber();
}
