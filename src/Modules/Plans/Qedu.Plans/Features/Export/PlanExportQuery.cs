using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.OrgUnits;
using Qedu.Plans.Data;
using Qedu.Plans.Domain;
using Qedu.Plans.Tasks;

namespace Qedu.Plans.Features.Export;

/// <summary>
/// Reads a plan for export. Visibility is exactly <see cref="PlanQueries.PlanAsync"/>'s (drafts only for their owners),
/// and the task statuses are its; the rest (columns of the task table, milestones, targets, reports) comes in a few
/// plan-wide queries rather than one round of queries per task.
/// </summary>
internal sealed class PlanExportQuery(PlansDb db, OrgTree tree, PlanQueries queries, StatusBoard board, TimeProvider clock)
{
    /// <summary>The plan ready for export, or null when it does not exist for the caller.</summary>
    public async Task<ExportPlan?> LoadAsync(long id, CancellationToken ct = default)
    {
        var plan = await queries.PlanAsync(id, ct);
        if (plan is null)
        {
            return null;
        }
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == id).ToDictionaryAsync(t => t.Id, ct);
        var inPlan = db.Tasks.Where(t => t.PlanId == id).Select(t => t.Id);
        var milestones = await db.Milestones.AsNoTracking().Where(m => inPlan.Contains(m.TaskId)).ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().Where(x => inPlan.Contains(x.TaskId)).ToListAsync(ct);
        var reports = await db.Reports.AsNoTracking().Where(r => inPlan.Contains(r.TaskId)).ToListAsync(ct);
        var reportIds = reports.Select(r => r.Id).ToList();
        var figures = new List<ReportFigure>();
        foreach (var chunk in reportIds.Chunk(2000))
        {
            figures.AddRange(await db.Figures.AsNoTracking().Where(f => chunk.Contains(f.ReportId)).ToListAsync(ct));
        }
        var unitIds = reports.Select(r => r.ReportingUnitId).Distinct().ToList();
        var unitNames = (await tree.VisibleAsync(unitIds, ct)).ToDictionary(u => u.Key, u => u.Value.Name);

        // Latest first: the first report of a task is its latest, the first figure of a target its current value.
        reports = [.. reports.OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id)];
        var reportAt = reports.ToDictionary(r => r.Id, r => r.ReportedAt);
        var current = figures.OrderByDescending(f => reportAt[f.ReportId]).GroupBy(f => f.TargetId).ToDictionary(g => g.Key, g => g.First());
        var reportsByTask = reports.ToLookup(r => r.TaskId);
        var lastByMilestone = reports.Where(r => r.MilestoneId is not null).GroupBy(r => r.MilestoneId!.Value).ToDictionary(g => g.Key, g => g.First().ReportedAt);
        var milestonesByTask = milestones.OrderBy(m => m.Year).ThenBy(m => m.SortOrder).ToLookup(m => m.TaskId);
        var targetsByTask = targets.OrderBy(x => x.SortOrder).ToLookup(x => x.TaskId);
        var today = board.Today;

        ExportTask Task(TaskSummary s, string section)
        {
            var task = tasks[s.Id];
            var latest = reportsByTask[s.Id].FirstOrDefault();
            return new ExportTask(
                s.Id, task.SortOrder, s.Number, s.Title, section,
                [.. s.Lead.Select(u => u.Name)], [.. s.Participating.Select(u => u.Name)],
                s.DeadlineText, s.DueOn, s.Status, Lines(task.Policies), Lines(task.Measures), Lines(task.ExpectedEffects),
                [.. milestonesByTask[s.Id].Select(m => new ExportMilestone(m.Year, m.Text, m.DueOn,
                    TaskStatusRules.ForMilestone(today, m.AcceptedAt is not null, m.DueOn,
                        lastByMilestone.TryGetValue(m.Id, out var at) ? at : s.LastReportAt)))],
                [.. targetsByTask[s.Id].Select(x =>
                {
                    var figure = current.GetValueOrDefault(x.Id);
                    return new ExportTarget(x.Text, x.Comparator, x.Value, x.Unit, x.Year, figure?.Value,
                        figure is null ? null : reportAt[figure.ReportId], figure is null ? null : x.IsMetBy(figure.Value));
                })],
                latest is null ? null : new ExportReport(latest.ReportedAt, unitNames.GetValueOrDefault(latest.ReportingUnitId, ""), latest.Text, latest.ClaimsDone));
        }

        ExportSection Section(SectionView s, int depth)
        {
            var label = Label(s.Number, s.Title);
            return new ExportSection(label, depth, [.. s.Tasks.Select(t => Task(t, label))], [.. s.Sections.Select(c => Section(c, depth + 1))]);
        }

        return new ExportPlan(plan.Id, plan.Title, plan.Issuer, plan.DocumentNumber, plan.IssuedOn, plan.State, plan.OwnerName, today,
            clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)), [.. plan.Sections.Select(s => Section(s, 0))]);
    }

    /// <summary>A heading as printed: "一" and "开展…" give "一、开展…"; a number that brings its own mark ("（一）", "1.") keeps it.</summary>
    public static string Label(string number, string title)
    {
        if (number.Length == 0)
        {
            return title;
        }
        var mark = char.IsPunctuation(number[^1]) ? "" : "、";
        return $"{number}{mark}{title}";
    }

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
