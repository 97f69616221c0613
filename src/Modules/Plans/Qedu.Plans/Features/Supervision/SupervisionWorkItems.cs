using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Plans.Data;
using Qedu.Plans.Domain;
using Qedu.Plans.Tasks;

namespace Qedu.Plans.Features.Supervision;

/// <summary>
/// The plans module's part of the home page. For a unit that reports (a department, a district bureau): its tasks and
/// milestones due within the reminder window or past it, the 督办单 it has not answered (the "我的任务" reminders; its
/// rectifications are the rectification module's lines). For a plan owner: the imported plans still under review, and the
/// overdue tasks of the plans it manages as one line to the overdue page.
/// </summary>
internal sealed class SupervisionWorkItems(
    PlansDb db, SupervisionQueries queries, PlanOwners owners, ICurrentAccess access, IStringLocalizer<SupervisionText> T) : IWorkItems
{
    /// <summary>Task titles can run to a paragraph; the home page shows their start.</summary>
    private const int TitleLength = 60;

    public async Task<IReadOnlyList<WorkItem>> ForCurrentUserAsync(CancellationToken ct = default)
    {
        var caller = access.Current;
        var items = new List<WorkItem>();
        if (caller.Has(Permissions.PlansReport) && await queries.MineAsync(ct: ct) is { } mine)
        {
            // Notices and rectifications one by one: each asks for an answer. Tasks one by one while they fit; when a
            // unit has more (an old plan's overdue tasks), one line per kind to 我的任务, so no notice drops off the list.
            // A task's rectifications are the rectification module's lines on the home page (with every other source's).
            var reminders = mine.Reminders.Where(r => r.Kind != ReminderKind.Rectification).Select(Item).ToList();
            var asks = reminders.Where(r => r.Kind is WorkItemKind.NoticeToAnswer or WorkItemKind.Rectification).ToList();
            var tasks = reminders.Except(asks).ToList();
            items.AddRange(asks);
            if (asks.Count + tasks.Count <= IWorkItems.Limit)
            {
                items.AddRange(tasks);
            }
            else
            {
                items.AddRange(tasks.GroupBy(t => t.Kind).Select(g =>
                    new WorkItem(g.Key, T["Mine.Title"], g.Min(t => t.Due), "/plans/mine", g.Count()) { Overdue = g.Key == WorkItemKind.TaskOverdue }));
            }
        }
        if (caller.Has(Permissions.PlansManage))
        {
            foreach (var plan in await db.Plans.AsNoTracking().Where(p => p.State == PlanState.Draft)
                .OrderByDescending(p => p.ImportedAt).ThenByDescending(p => p.Id).Take(IWorkItems.Limit).ToListAsync(ct))
            {
                if (await owners.ManagesAsync(plan.OrgUnitId, ct))
                {
                    items.Add(new WorkItem(WorkItemKind.PlanReview, Short(plan.Title), null, $"/plans/{plan.Id}"));
                }
            }
            var overdue = await queries.OverdueAsync(ct);
            if (overdue.Count > 0)
            {
                items.Add(new WorkItem(WorkItemKind.TaskOverdue, T["Overdue.Title"], overdue.Min(o => o.DueOn), "/plans/overdue", overdue.Count)
                    { Overdue = true });
            }
        }
        return [.. items.OrderByDescending(i => i.Overdue).ThenBy(i => i.Due ?? DateOnly.MaxValue).Take(IWorkItems.Limit)];
    }

    private static WorkItem Item(Reminder r)
    {
        var kind = r.Kind switch
        {
            ReminderKind.Notice => WorkItemKind.NoticeToAnswer,
            ReminderKind.Rectification => WorkItemKind.Rectification,
            _ when r.DaysLeft < 0 => WorkItemKind.TaskOverdue,
            _ => WorkItemKind.TaskDue,
        };
        var title = r.Kind is ReminderKind.Task ? $"{r.TaskNumber} {r.TaskTitle}" : $"{r.TaskNumber} {r.TaskTitle}: {r.Text}";
        return new WorkItem(kind, Short(title), r.DueOn, $"/plans/tasks/{r.TaskId}") { Overdue = r.DaysLeft < 0 };
    }

    private static string Short(string text)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= TitleLength ? text : string.Concat(text.AsSpan(0, TitleLength), "…");
    }
}
