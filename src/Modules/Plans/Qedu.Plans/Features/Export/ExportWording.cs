using System.Globalization;
using System.Text;
using Qedu.Plans.Domain;
using Qedu.Plans.Resources;

namespace Qedu.Plans.Features.Export;

/// <summary>
/// The wording both exports share. The documents are Chinese whatever the caller's interface language: they are filed
/// and printed as the bureau's own papers, in the layout of its task tables.
/// </summary>
internal static class ExportWording
{
    /// <summary>The columns of the task table (附件2 of 青岛市教育局实施“十大行动计划”), in its order and wording.</summary>
    public static readonly IReadOnlyList<string> TableColumns = ["序号", "问题清单", "拟出台政策", "采取措施", "预期效果", "完成时间", "责任处室"];

    /// <summary>What the platform adds after the document's columns: where the task stands in supervision.</summary>
    public static readonly IReadOnlyList<string> SupervisionColumns = ["所属部分", "状态", "计划节点", "量化指标及当前值", "最新进展"];

    private static readonly System.Resources.ResourceManager PlansText = new(typeof(PlansText).FullName!, typeof(PlansText).Assembly);

    /// <summary>A status by the name the pages give it (PlansText, in Chinese: the neutral resources).</summary>
    public static string Status(SupervisionStatus status) => PlansText.GetString($"Status.{status}", CultureInfo.InvariantCulture) ?? status.ToString();

    public static string State(string state) => state switch
    {
        nameof(PlanState.Draft) => "草稿（未发布）",
        nameof(PlanState.Active) => "已发布",
        nameof(PlanState.Closed) => "已结束",
        _ => state,
    };

    /// <summary>"牵头：A、B" and, when there are any, "参加：C、D" on the next line.</summary>
    public static string Units(ExportTask task)
    {
        var text = "牵头：" + (task.LeadUnits.Count == 0 ? "（未指定）" : string.Join("、", task.LeadUnits));
        return task.ParticipatingUnits.Count == 0 ? text : text + "\n参加：" + string.Join("、", task.ParticipatingUnits);
    }

    public static string Milestone(ExportMilestone m) => $"{MilestoneText(m)}〔{Status(m.Status)}〕";

    /// <summary>The milestone led by its year, unless its text already starts with it ("2020年，…").</summary>
    public static string MilestoneText(ExportMilestone m) =>
        m.Text.StartsWith($"{m.Year}年", StringComparison.Ordinal) ? m.Text : $"{m.Year}年：{m.Text}";

    /// <summary>"…达到98%｜目标 ≥98%（2020年）｜当前 95%（2026-05-01）未达标", or "当前 未报送".</summary>
    public static string Target(ExportTarget x)
    {
        var goal = $"目标 {Comparator(x.Comparator)}{Number(x.Value)}{x.Unit}{(x.Year is { } y ? $"（{y}年）" : "")}";
        var now = x.Current is { } c
            ? $"当前 {Number(c)}{x.Unit}（{Date(x.CurrentAt!.Value)}）{(x.Met == true ? "已达标" : "未达标")}"
            : "当前 未报送";
        return $"{x.Text}｜{goal}｜{now}";
    }

    public static string Report(ExportReport? r, int maxLength) => r is null
        ? "尚无进展报送"
        : $"{Date(r.At)} {r.Unit}{(r.ClaimsDone ? "（申报完成）" : "")}：{Excerpt(r.Text, maxLength)}";

    public static string Deadline(ExportTask t) => string.IsNullOrWhiteSpace(t.DeadlineText) ? "—" : t.DeadlineText;

    public static string Comparator(string comparator) => comparator switch { "<=" => "≤", "=" => "", _ => "≥" };

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A date in China Standard Time, where deadlines and reports are reckoned.</summary>
    public static string Date(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Excerpt(string text, int maxLength)
    {
        var flat = new StringBuilder(text.Length);
        foreach (var part in text.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            flat.Append(flat.Length > 0 ? " " : "").Append(part);
        }
        return flat.Length <= maxLength ? flat.ToString() : flat.ToString(0, maxLength) + "…";
    }

    /// <summary>A file name from a title: no characters file systems refuse, not too long.</summary>
    public static string FileName(string title, string suffix)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat("\\/:*?\"<>|").ToHashSet();
        var name = new string([.. title.Where(c => !invalid.Contains(c) && !char.IsControl(c))]).Trim();
        if (name.Length > 60)
        {
            name = name[..60];
        }
        return (name.Length == 0 ? "plan" : name) + suffix;
    }
}
