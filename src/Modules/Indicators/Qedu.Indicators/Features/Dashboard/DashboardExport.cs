using Qedu.Kernel.Files;
using System.Globalization;
using Qedu.Indicators.Definitions;
using Qedu.Indicators.Domain;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Indicators.Features.Dashboard;

/// <summary>The tables of a dashboard as worksheets, in the page's order, headed in Chinese as the bureau files them.</summary>
internal sealed class DashboardExport(DashboardQueries queries, IndicatorCatalog catalog, CodeBook codes)
{
    /// <summary>The registry's grade code list (一年级 for P1): people read grades by name.</summary>
    private const string GradeList = "grade";

    public async Task<IReadOnlyList<WorkbookSheet>> SheetsAsync(DashboardView view, CancellationToken ct)
    {
        var period = view.Period!;
        var unit = view.Unit.Name;
        var sheets = new List<WorkbookSheet>
        {
            new("指标", $"{unit} 教育指标（{period}）",
                ["类别", "指标代码", "指标", "数值", "单位", "分子", "分母", "上期", "目标", "目标年份", "差距", "是否达标", "规划任务", "计算口径", "应填报单位", "已填报单位", "填报率(%)"],
                [.. view.Rows.Select(r => (IReadOnlyList<object?>)
                [
                    catalog.Categories.FirstOrDefault(c => c.Code == r.Indicator.Category)?.Name.Zh, r.Indicator.Code, r.Indicator.Name.Zh,
                    r.Value, r.Indicator.Unit.Zh, r.Numerator, r.Denominator, r.Previous,
                    r.Target is { } b ? $"{TargetStatus.Symbol(b.Comparator)}{b.Value.ToString(CultureInfo.InvariantCulture)}" : null, r.Target?.Year,
                    r.Status?.Gap, r.Status is null ? null : r.Status.Met ? "达标" : "未达标",
                    r.Target is { } task ? $"{task.TaskNumber}. {task.TaskTitle}" : null, r.Indicator.Definition.Zh,
                    r.Response?.Asked, r.Response?.Answered, r.Response?.Percent,
                ])]),
        };

        var children = await queries.ChildUnitsAsync(view.Unit.Id, ct);
        if (children.Count > 0)
        {
            var matrix = await queries.ChildMatrixAsync(children, period, ct);
            var indicators = catalog.Indicators.Where(i => !i.IsBand && children.Any(c => matrix.ContainsKey((c.Id, i.Code)))).ToList();
            var noun = view.Unit.Kind == OrgUnitKind.District ? "学校" : "区(市)";
            sheets.Add(new WorkbookSheet($"各{noun}指标", $"{unit} 各{noun}教育指标（{period}）",
                [$"{noun}代码", noun, .. indicators.Select(i => $"{i.Name.Zh}（{i.Unit.Zh}）")],
                [.. children.Select(c => (IReadOnlyList<object?>)
                    [c.Code, c.Name, .. indicators.Select(i => matrix.TryGetValue((c.Id, i.Code), out var v) ? (object?)v : null)])]));
            if (view.Selected is { } selected)
            {
                sheets.Add(new WorkbookSheet($"{selected.Name.Zh}-按{noun}", $"{selected.Name.Zh}（{selected.Unit.Zh}）· {unit} 各{noun}（{period}）",
                    [$"{noun}代码", noun, "数值", "分子", "分母", .. selected.FormCode is null ? Array.Empty<string>() : ["应填报单位", "已填报单位", "填报率(%)"]],
                    [.. view.Children.Select(c => (IReadOnlyList<object?>)[c.Unit.Code, c.Unit.Name, c.Value, c.Numerator, c.Denominator,
                        .. selected.FormCode is null ? Array.Empty<object?>() : [c.Response?.Asked, c.Response?.Answered, c.Response?.Percent]])]));
            }
        }
        if (view.Selected is { } trendOf && view.Trend.Count > 0)
        {
            sheets.Add(new WorkbookSheet($"{trendOf.Name.Zh}-趋势", $"{trendOf.Name.Zh}（{trendOf.Unit.Zh}）· {unit} 历期",
                ["统计期", "数值"], [.. view.Trend.Select(p => (IReadOnlyList<object?>)[p.Period, p.Value])]));
        }
        sheets.Add(new WorkbookSheet("班额分布", $"{unit} 小学、初中、高中班额分布（{period}）",
            ["班额", "班级数"], [.. view.Bands.Select(b => (IReadOnlyList<object?>)[b.Band.To is null ? $"{b.Band.From}人及以上" : $"{b.Band.From}–{b.Band.To}人", b.Classes])]));
        if (view.Classes is { } classes)
        {
            sheets.Add(new WorkbookSheet("班级", $"{unit} 班级在读人数（当前）",
                ["班级代码", "班级", "年级", "在读人数", "大班额"],
                [.. classes.Select(c => (IReadOnlyList<object?>)[c.Code, c.Name, codes.Find(GradeList, c.GradeCode, anyDate: true)?.NameZh ?? c.GradeCode, c.Students, c.Students >= 66 ? "超大班额" : c.Students >= 56 ? "大班额" : ""])]));
        }
        return sheets;
    }

}
