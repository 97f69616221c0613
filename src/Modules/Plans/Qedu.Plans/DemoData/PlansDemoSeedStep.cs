using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Plans.Data;
using Qedu.Plans.Domain;
using Qedu.Plans.Features.Plans;
using Qedu.Plans.Tasks;
using Qedu.Rectifications.Contracts;

namespace Qedu.Plans.DemoData;

/// <summary>
/// The plans module's part of the demo city: the city bureau's "十大行动计划" (seed 001) imported through the real
/// importer and published, then supervised as a bureau would have by now. The plan was issued in 2019 with deadlines
/// from 2019 to 2022 and beyond, so against today's date most dated tasks are accepted as done after a closing
/// report; every <see cref="OverdueEvery"/>th dated task is still open, hence overdue, and the first two of those
/// carry a 督办单 (one awaiting its reply, one answered, with a 整改 item still open). Undated and future tasks have
/// recent progress reports (on track) or none yet (not started). The targets the importer bound to indicators
/// (campus network compliance, sister schools) are kept, so the leader overview measures them.
/// Deterministic: tasks are taken in document order and every date is relative to the clock, as the forms' demo
/// round is. Runs after the registry (10) and before the forms' round (80) and the indicators' computation (90).
/// </summary>
internal sealed class PlansDemoSeedStep(PlanImport import, PlanEditing editing, PlansDb db, StatusBoard board, TimeProvider clock, IRectifications rectifications) : IDemoSeedStep
{
    /// <summary>Every this-many-th task whose deadline has passed is left open (overdue); the others are done.</summary>
    public const int OverdueEvery = 6;

    /// <summary>The name the seed's plan is imported under.</summary>
    public const string FileName = "十大行动计划.txt";

    /// <summary>Who the demo's owner-side rows name: the city administrator account.</summary>
    private const string Owner = "city.admin";

    public int Order => 50;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        var imported = await import.ImportAsync(SeedDocument(), FileName, DemoCityGenerator.CityCode, ct);
        if (!imported.IsOk)
        {
            throw new InvalidOperationException($"The demo plan was refused: {imported.Message ?? string.Join("; ", imported.Errors?.ByField.SelectMany(e => e.Value) ?? [])}");
        }
        var planId = imported.Value;
        var published = await editing.PublishAsync(planId, ct);
        if (!published.IsOk)
        {
            throw new InvalidOperationException($"The demo plan could not be published: {published.Message}");
        }

        var now = clock.GetUtcNow();
        var today = board.Today;
        var tasks = await db.Tasks.Where(t => t.PlanId == planId).OrderBy(t => t.SortOrder).ToListAsync(ct);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var leads = (await db.TaskUnits.Where(u => taskIds.Contains(u.TaskId) && u.Role == UnitRole.Lead && u.UnitId != null && !u.IsGroup)
                .OrderBy(u => u.SortOrder).ToListAsync(ct))
            .GroupBy(u => u.TaskId).ToDictionary(g => g.Key, g => g.First());
        var targets = (await db.Targets.Where(x => taskIds.Contains(x.TaskId)).ToListAsync(ct)).ToLookup(x => x.TaskId);
        var milestones = (await db.Milestones.Where(m => taskIds.Contains(m.TaskId)).ToListAsync(ct)).ToLookup(m => m.TaskId);

        var dated = 0;
        var open = 0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            var lead = leads.GetValueOrDefault(task.Id);
            if (task.DueOn is { } due && due < today)
            {
                if (dated++ % OverdueEvery == OverdueEvery - 1 && lead is not null)
                {
                    // Left open past its deadline: reported on long ago, then nothing, so it shows as overdue.
                    Report(task, lead, $"已启动{task.Title}相关工作，部分措施尚未落实，正在协调推进。", now.AddDays(-200 - i), claimsDone: false, figures: null);
                    if (open++ < 2)
                    {
                        var notice = new SupervisionNotice
                        {
                            OrgUnitId = lead.UnitId!.Value, TaskId = task.Id, ToUnitId = lead.UnitId.Value,
                            Text = $"该任务已逾期，请于回复期限前报送未完成原因、整改措施和完成时限。",
                            ReplyBy = today.AddDays(open == 1 ? 10 : 3), SentAt = now.AddDays(-5 - open), SentBy = Owner,
                        };
                        if (open == 2)
                        {
                            notice.ReplyText = "已制定整改方案，本月底前完成剩余工作并报送材料。";
                            notice.RepliedAt = now.AddDays(-2);
                            notice.RepliedBy = "demo";
                        }
                        db.Notices.Add(notice);
                        if (open == 2)
                        {
                            await db.SaveChangesAsync(ct);
                            // Through the shared rectification module, as the owner's page raises one.
                            var raised = await rectifications.RaiseAsync(new RectificationRequest
                            {
                                SourceKind = PlanRectifications.Kind, SourceId = task.Id, SourceItemId = notice.Id, SourceTitle = $"{task.Number} {task.Title}",
                                SourceUrl = $"/plans/tasks/{task.Id}", RaisedByUnitId = task.OrgUnitId, ResponsibleUnitId = lead.UnitId.Value,
                                Finding = "配套制度未出台，进展材料不全。", DueOn = today.AddDays(20), FixPermission = Permissions.PlansReport,
                                VerifyPermission = Permissions.PlansManage,
                            }, ct);
                            if (!raised.IsOk)
                            {
                                throw new InvalidOperationException($"The demo rectification was refused: {raised.Message}");
                            }
                        }
                    }
                    Count(counts, "overdue");
                    continue;
                }
                // Done: the lead's closing report with the targets met, then the owner's acceptance.
                if (lead is not null)
                {
                    Report(task, lead, $"{task.Title}各项措施已落实，达到预期效果，申请验收。", now.AddDays(-400 - i * 7), claimsDone: true,
                        targets[task.Id].Select(x => (x, x.Value)));
                }
                task.AcceptedAt = now.AddDays(-390 - i * 7);
                task.AcceptedBy = Owner;
                foreach (var m in milestones[task.Id].Where(m => m.DueOn < today))
                {
                    m.AcceptedAt = task.AcceptedAt;
                    m.AcceptedBy = Owner;
                }
                Count(counts, "done");
                continue;
            }
            // Long-term or not yet due: two in three have reported in the last weeks, the rest have not started.
            if (lead is not null && i % 3 != 2)
            {
                Report(task, lead, $"{task.Title}按计划推进，本季度完成阶段性工作。", now.AddDays(-3 - i % 20), claimsDone: false,
                    targets[task.Id].Select(x => (x, Math.Round(x.Value * 0.9m, 2))));
                Count(counts, "reported");
            }
            else
            {
                Count(counts, "not started");
            }
        }
        await db.SaveChangesAsync(ct);
        // Figures point at their report, whose id is known once the reports are saved.
        foreach (var (report, figure) in _pendingFigures)
        {
            figure.ReportId = report.Id;
            db.Figures.Add(figure);
        }
        await db.SaveChangesAsync(ct);
        var bound = targets.SelectMany(g => g).Count(x => x.IndicatorCode is not null);
        context.Progress?.Report(
            $"plans: 1 published plan, {tasks.Count} tasks ({string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))}), {bound} targets bound to indicators");
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>A report from the task's lead unit, as <c>ReportAsync</c> writes it: the report and its figures belong to that unit.</summary>
    private void Report(PlanTask task, TaskUnit lead, string text, DateTimeOffset at, bool claimsDone, IEnumerable<(TaskTarget Target, decimal Value)>? figures)
    {
        var unit = lead.UnitId!.Value;
        var report = new ProgressReport
        {
            OrgUnitId = unit, TaskId = task.Id, ReportingUnitId = unit, IsLead = true, Text = text, ClaimsDone = claimsDone,
            ReportedAt = at, ReportedBy = "demo",
        };
        db.Reports.Add(report);
        foreach (var (target, value) in figures ?? [])
        {
            _pendingFigures.Add((report, new ReportFigure { OrgUnitId = unit, TargetId = target.Id, Value = value }));
        }
    }

    private readonly List<(ProgressReport Report, ReportFigure Figure)> _pendingFigures = [];

    private static byte[] SeedDocument()
    {
        using var stream = typeof(PlansDemoSeedStep).Assembly.GetManifestResourceStream("Qedu.Plans.DemoData.seed-001.txt")
            ?? throw new InvalidOperationException("The demo plan document is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
