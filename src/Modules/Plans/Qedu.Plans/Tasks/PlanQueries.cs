using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Indicators.Contracts;
using Microsoft.EntityFrameworkCore;
using Qedu.Plans.Data;
using Qedu.Plans.Domain;
using Qedu.Rectifications.Contracts;

namespace Qedu.Plans.Tasks;

/// <summary>
/// Reads of plans and tasks within the caller's scope (the scope filter applies to every row). A draft is visible only
/// to those who manage its bureau: departments see a plan once it is published.
/// </summary>
internal sealed class PlanQueries(PlansDb db, OrgTree orgTree, PlanOwners owners, StatusBoard board, TaskAccess access, IIndicatorValues indicators,
    IRectifications rectificationsOf)
{
    public async Task<IReadOnlyList<PlanSummary>> ListAsync(CancellationToken ct = default)
    {
        var plans = await db.Plans.AsNoTracking().OrderByDescending(p => p.IssuedOn).ThenByDescending(p => p.Id).ToListAsync(ct);
        var visible = new List<Plan>();
        foreach (var plan in plans)
        {
            if (plan.State != PlanState.Draft || await owners.ManagesAsync(plan.OrgUnitId, ct))
            {
                visible.Add(plan);
            }
        }
        var ids = visible.Select(p => p.Id).ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.PlanId)).ToListAsync(ct);
        var facts = await board.FactsAsync([.. tasks.Select(t => t.Id)], ct);
        var owners2 = await orgTree.VisibleAsync(visible.Select(p => p.OrgUnitId), ct);
        return [.. visible.Select(p =>
        {
            var mine = tasks.Where(t => t.PlanId == p.Id).ToList();
            var byStatus = mine.GroupBy(t => board.StatusOf(t, facts[t.Id])).ToDictionary(g => g.Key, g => g.Count());
            var owner = owners2.GetValueOrDefault(p.OrgUnitId);
            return new PlanSummary(p.Id, p.Title, p.DocumentNumber, p.IssuedOn, p.State.ToString(), owner?.Code ?? "", owner?.Name ?? "", mine.Count, byStatus);
        })];
    }

    /// <summary>The plan and its tree, or null when it does not exist for the caller.</summary>
    public async Task<PlanView?> PlanAsync(long id, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return null;
        }
        var canManage = await owners.ManagesAsync(plan.OrgUnitId, ct);
        if (plan.State == PlanState.Draft && !canManage)
        {
            return null;
        }
        var sections = await db.Sections.AsNoTracking().Where(s => s.PlanId == id).OrderBy(s => s.SortOrder).ToListAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PlanId == id).OrderBy(t => t.SortOrder).ToListAsync(ct);
        var summaries = await SummariesAsync(tasks, ct);
        var owner = await orgTree.FindAsync(plan.OrgUnitId, ct) ?? throw new InvalidOperationException($"The plan's bureau {plan.OrgUnitId} is out of sight.");

        var bySection = summaries.ToLookup(s => tasks.First(t => t.Id == s.Id).SectionId);
        var children = sections.ToLookup(s => s.ParentId);
        List<SectionView> Build(long? parent) =>
            [.. children[parent].Select(s => new SectionView(s.Id, s.Number, s.Title, Build(s.Id), [.. bySection[s.Id]]))];
        var tree = Build(null);
        if (bySection[null].Any())
        {
            tree.Insert(0, new SectionView(0, "", "", [], [.. bySection[null]]));
        }
        var unmatched = summaries.SelectMany(s => s.Units).Where(u => !u.Matched).Select(u => u.PrintedName).Distinct().ToList();
        return new PlanView(plan.Id, plan.Title, plan.Issuer, plan.DocumentNumber, plan.IssuedOn, plan.State.ToString(), owner.Id, owner.Code,
            owner.Name, plan.SourceFileName, plan.ImportedAt, plan.ImportedBy, plan.PublishedAt, plan.Revision, tree, unmatched, canManage);
    }

    /// <summary>
    /// Summaries (units and status) of the given tasks, in the order given. The callers pass only tasks the caller may
    /// see (read through the scope filter, or through <see cref="TaskAccess"/> for a unit named on a task), so the
    /// task's own unit rows are read past the filter, and unit codes are not scoped data.
    /// </summary>
    public async Task<List<TaskSummary>> SummariesAsync(IReadOnlyList<PlanTask> tasks, CancellationToken ct = default)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var units = new List<TaskUnit>();
        foreach (var chunk in ids.Chunk(2000))
        {
            units.AddRange(await db.TaskUnits.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(u => chunk.Contains(u.TaskId)).OrderBy(u => u.SortOrder).ToListAsync(ct));
        }
        var unitIds = units.Where(u => u.UnitId is not null).Select(u => u.UnitId!.Value).Distinct().ToList();
        var codes = await orgTree.CodesOfAsync(unitIds, ct);
        var byTask = units.ToLookup(u => u.TaskId);
        var facts = await board.FactsAsync(ids, ct);
        return [.. tasks.Select(t => new TaskSummary(
            t.Id, t.PlanId, t.Number, t.Title, t.DeadlineText, t.DueOn, board.StatusOf(t, facts[t.Id]),
            [.. byTask[t.Id].Select(u => new UnitView(u.Name, u.PrintedName, u.Role.ToString(), u.UnitId,
                u.UnitId is { } uid ? codes.GetValueOrDefault(uid) : null, u.Matched, u.IsGroup))],
            facts[t.Id].LastReportAt))];
    }

    /// <summary>
    /// A task with everything about it, or null when the caller may not see it. A unit named on a task sees it even
    /// when the plan's bureau is outside its scope (<see cref="TaskAccess"/>); the supervision rows (reports, notices,
    /// rectifications) are still read through the scope filter, so such a unit sees its own and the bureau sees all.
    /// </summary>
    /// <param name="context">The task's access context when the caller has loaded it already (the task page), so it is not loaded twice.</param>
    public async Task<TaskDetail?> TaskAsync(long id, TaskContext? context = null, CancellationToken ct = default)
    {
        context ??= await access.LoadAsync(id, ct: ct);
        if (context is null || !context.Visible)
        {
            return null;
        }
        var (task, plan, canManage) = (context.Task, context.Plan, context.Manages);
        var summary = (await SummariesAsync([task], ct))[0];
        var section = task.SectionId is { } sid ? await db.Sections.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(s => s.Id == sid).Select(s => s.Number + " " + s.Title).FirstOrDefaultAsync(ct) : null;
        var today = board.Today;

        var reports = await db.Reports.AsNoTracking().Where(r => r.TaskId == id).ToListAsync(ct);
        reports = [.. reports.OrderByDescending(r => r.ReportedAt)];
        var reportIds = reports.Select(r => r.Id).ToList();
        var figures = await db.Figures.AsNoTracking().Where(f => reportIds.Contains(f.ReportId)).ToListAsync(ct);
        var evidence = await db.Evidence.AsNoTracking().Where(e => reportIds.Contains(e.ReportId))
            .Select(e => new { e.Id, e.ReportId, e.FileName, e.ContentType, e.Length }).ToListAsync(ct);
        var targets = await db.Targets.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(x => x.TaskId == id).OrderBy(x => x.SortOrder).ToListAsync(ct);
        var milestones = await db.Milestones.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(m => m.TaskId == id).OrderBy(m => m.Year).ThenBy(m => m.SortOrder).ToListAsync(ct);
        var notices = await db.Notices.AsNoTracking().Where(n => n.TaskId == id).ToListAsync(ct);
        var rectifications = await rectificationsOf.ForSourcesAsync(PlanRectifications.Kind, [id], ct);

        var unitIds = reports.Select(r => r.ReportingUnitId).Concat(notices.Select(n => n.ToUnitId)).Distinct().ToList();
        var unitNames = await orgTree.NamesOfAsync(unitIds, ct);
        var reportAt = reports.ToDictionary(r => r.Id, r => r.ReportedAt);

        // A target's current value is the figure of the latest report that gave one.
        var latest = figures.GroupBy(f => f.TargetId).ToDictionary(g => g.Key, g => g.OrderByDescending(f => reportAt[f.ReportId]).First());
        var bound = await BoundIndicatorsAsync(targets, ct);
        var targetViews = targets.Select(x =>
        {
            var current = latest.GetValueOrDefault(x.Id);
            return new TargetView(x.Id, x.Text, x.Value, x.Unit, x.Comparator, x.Year, x.IndicatorCode, current?.Value,
                current is null ? null : reportAt[current.ReportId], current is null ? null : x.IsMetBy(current.Value), bound.GetValueOrDefault(x.Id));
        }).ToList();
        var targetText = targets.ToDictionary(x => x.Id);
        var lastByMilestone = reports.Where(r => r.MilestoneId is not null).GroupBy(r => r.MilestoneId!.Value).ToDictionary(g => g.Key, g => g.Max(r => r.ReportedAt));

        var canReport = context.Active && task.AcceptedAt is null && context.Me is not null;

        return new TaskDetail(
            summary, plan.Title, plan.State.ToString(), section, task.Text, task.Policies, task.Measures, task.ExpectedEffects,
            task.AcceptedAt, task.AcceptedBy, task.Revision,
            [.. milestones.Select(m => new MilestoneView(m.Id, m.Year, m.Text, m.DueOn,
                TaskStatusRules.ForMilestone(today, m.AcceptedAt is not null, m.DueOn, lastByMilestone.TryGetValue(m.Id, out var at) ? at : summary.LastReportAt),
                m.AcceptedAt, m.AcceptedBy))],
            targetViews,
            [.. reports.Select(r => new ReportView(r.Id, r.MilestoneId, r.ReportingUnitId, unitNames.GetValueOrDefault(r.ReportingUnitId, ""), r.IsLead,
                r.Text, r.ClaimsDone, r.ReportedAt, r.ReportedBy,
                [.. figures.Where(f => f.ReportId == r.Id).Select(f => new FigureView(f.TargetId, targetText.TryGetValue(f.TargetId, out var x) ? x.Text : "", f.Value, x?.Unit ?? ""))],
                [.. evidence.Where(e => e.ReportId == r.Id).Select(e => new EvidenceView(e.Id, e.FileName, e.ContentType, e.Length))]))],
            [.. notices.OrderByDescending(n => n.SentAt).Select(n => new NoticeView(n.Id, n.ToUnitId, unitNames.GetValueOrDefault(n.ToUnitId, ""), n.Text,
                n.ReplyBy, n.SentAt, n.SentBy, n.ReplyText, n.RepliedAt, n.RepliedBy, n.RepliedAt is null && n.ReplyBy < today))],
            [.. rectifications.Select(r => new RectificationView(r.Id, r.SourceItemId, r.ResponsibleUnitId, r.ResponsibleUnit,
                r.Finding, r.DueOn, r.RaisedAt, r.RaisedBy, r.FixReport, r.FixedAt, r.ClosedAt, r.ClosedBy, r.Overdue, r.State.ToString()))],
            canManage, canReport, plan.OrgUnitId);
    }

    /// <summary>The live value of each bound target's indicator for the unit that counts (the plan's bureau unless the binding names another).</summary>
    private async Task<Dictionary<long, TargetIndicator>> BoundIndicatorsAsync(IReadOnlyList<TaskTarget> targets, CancellationToken ct)
    {
        var bound = targets.Where(x => x.IndicatorCode is not null && indicators.Find(x.IndicatorCode) is not null).ToList();
        if (bound.Count == 0)
        {
            return [];
        }
        var unitIds = bound.Select(x => x.IndicatorOrgUnitId ?? x.OrgUnitId).Distinct().ToList();
        var units = await orgTree.UnitsOfAsync(unitIds, ct);
        var values = (await indicators.LatestAsync([.. bound.Select(x => (x.IndicatorCode!, x.IndicatorOrgUnitId ?? x.OrgUnitId))], null, ct))
            .ToDictionary(v => (v.Code, v.OrgUnitId));
        return bound.ToDictionary(x => x.Id, x =>
        {
            var info = indicators.Find(x.IndicatorCode!)!;
            var unitId = x.IndicatorOrgUnitId ?? x.OrgUnitId;
            var unit = units.GetValueOrDefault(unitId);
            var value = values.GetValueOrDefault((info.Code, unitId));
            return new TargetIndicator(info.Code, info.NameZh, info.NameEn, info.UnitZh, info.UnitEn, unit?.Code ?? "", unit?.Name ?? "",
                value?.Value, value?.Period, value is null ? null : x.IsMetBy(value.Value), value?.Answered, value?.Asked, value?.ResponsePercent);
        });
    }
}
