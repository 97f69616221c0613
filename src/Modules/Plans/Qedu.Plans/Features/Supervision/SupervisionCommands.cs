using Qedu.Kernel.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Plans.Data;
using Qedu.Plans.Domain;
using Qedu.Plans.Tasks;
using Qedu.Rectifications.Contracts;

namespace Qedu.Plans.Features.Supervision;

/// <summary>
/// The supervision workflow: units named on a task report progress (the lead reports, the others contribute); the
/// plan owner accepts a task or milestone as done (or reopens it), sends 督办单 that the addressed unit answers, and
/// raises 整改 items (kept by the shared rectification module, where the unit reports them fixed and the owner verifies). Every use case checks first that
/// the thing exists for the caller (404), then who the caller is to it (403), then the input (400), and writes in one
/// save, so a refusal writes nothing.
/// </summary>
internal sealed class SupervisionCommands(
    PlansDb db, TaskAccess tasks, PlanOwners owners, StatusBoard board, ICurrentAccess access, TimeProvider clock,
    IRectifications rectifications, IStringLocalizer<SupervisionText> t)
{
    public const int MaxText = 4000;

    /// <summary>Reports progress for the caller's unit; returns the report's id.</summary>
    public async Task<Outcome<long>> ReportAsync(ReportInput? input, CancellationToken ct = default)
    {
        input ??= new ReportInput();
        if (input.TaskId is not { } taskId)
        {
            return Outcome<long>.Invalid(new InputErrors().Add("taskId", t["Field.Required"]));
        }
        var task = await tasks.LoadAsync(taskId, ct: ct);
        if (task is null || !task.Visible)
        {
            return Outcome<long>.NotFound(t["Task.NotFound"]);
        }
        if (task.MyUnit is null)
        {
            return Outcome<long>.Forbidden(t["Report.NoUnit"]);
        }
        if (task.Me is null)
        {
            return Outcome<long>.Forbidden(t["Report.NotYourTask"]);
        }
        if (!task.Active)
        {
            return Outcome<long>.Conflict("taskId", t["Task.NotActive"]);
        }
        if (task.Task.AcceptedAt is not null)
        {
            return Outcome<long>.Conflict("taskId", t["Report.TaskAccepted"]);
        }

        var errors = new InputErrors();
        var text = Text(errors, "text", input.Text, MaxText, required: true);
        if (input.MilestoneId is { } milestoneId)
        {
            var milestone = await db.Milestones.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().FirstOrDefaultAsync(m => m.Id == milestoneId && m.TaskId == taskId, ct);
            if (milestone is null)
            {
                errors.Add("milestoneId", t["Report.UnknownMilestone"]);
            }
            else if (milestone.AcceptedAt is not null)
            {
                errors.Add("milestoneId", t["Report.MilestoneAccepted"]);
            }
        }
        var targetIds = await db.Targets.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(x => x.TaskId == taskId).Select(x => x.Id).ToListAsync(ct);
        var seen = new HashSet<long>();
        for (var i = 0; i < input.Figures.Count; i++)
        {
            var figure = input.Figures[i] ?? new FigureInput();
            if (figure.TargetId is not { } targetId)
            {
                errors.Add($"figures[{i}].targetId", t["Field.Required"]);
            }
            else if (!targetIds.Contains(targetId))
            {
                errors.Add($"figures[{i}].targetId", t["Report.UnknownTarget"]);
            }
            else if (!seen.Add(targetId))
            {
                errors.Add($"figures[{i}].targetId", t["Report.DuplicateTarget"]);
            }
            if (figure.Value is not { } value)
            {
                errors.Add($"figures[{i}].value", t["Field.Required"]);
            }
            else if (Math.Abs(value) >= 100_000_000_000_000m || decimal.Round(value, 4) != value)
            {
                errors.Add($"figures[{i}].value", t["Report.ValueRange"]);
            }
        }
        var files = new List<Evidence>();
        if (input.Evidence.Count > EvidenceFiles.MaxFiles)
        {
            errors.Add("evidence", string.Format(t["Evidence.TooMany"], EvidenceFiles.MaxFiles));
        }
        else
        {
            long total = 0;
            for (var i = 0; i < input.Evidence.Count; i++)
            {
                var file = input.Evidence[i] ?? new EvidenceInput();
                var name = FileKinds.CleanName(file.FileName);
                if (name.Length == 0)
                {
                    errors.Add($"evidence[{i}].fileName", t["Field.Required"]);
                    continue;
                }
                if (file.Content is not { Length: > 0 } content)
                {
                    errors.Add($"evidence[{i}].content", string.Format(t["Evidence.Empty"], name));
                    continue;
                }
                total += content.Length;
                if (content.Length > EvidenceFiles.MaxFileBytes)
                {
                    errors.Add($"evidence[{i}].content", string.Format(t["Evidence.TooLarge"], name, EvidenceFiles.MaxFileBytes / 1024 / 1024));
                    continue;
                }
                if (EvidenceFiles.MediaType(name, content) is not { } type)
                {
                    errors.Add($"evidence[{i}].fileName", string.Format(t["Evidence.Type"], name));
                    continue;
                }
                files.Add(new Evidence { OrgUnitId = task.Me.Id, FileName = name, ContentType = type, Length = content.Length, Content = content });
            }
            if (total > EvidenceFiles.MaxTotalBytes)
            {
                errors.Add("evidence", string.Format(t["Evidence.TotalTooLarge"], EvidenceFiles.MaxTotalBytes / 1024 / 1024));
            }
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }

        // The report and what hangs on it belong to the reporting unit (see TaskAccess); one transaction for all.
        var report = new ProgressReport
        {
            OrgUnitId = task.Me.Id, TaskId = taskId, MilestoneId = input.MilestoneId, ReportingUnitId = task.Me.Id, IsLead = task.Me.IsLead,
            Text = text!, ClaimsDone = input.ClaimsDone, ReportedAt = clock.GetUtcNow(), ReportedBy = access.Current.ActorName ?? "",
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Reports.Add(report);
        await db.SaveChangesAsync(ct);
        db.Figures.AddRange(input.Figures.Select(f => new ReportFigure { OrgUnitId = task.Me.Id, ReportId = report.Id, TargetId = f.TargetId!.Value, Value = f.Value!.Value }));
        foreach (var file in files)
        {
            file.ReportId = report.Id;
        }
        db.Evidence.AddRange(files);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<long>.Ok(report.Id);
    }

    /// <summary>The owner accepts a task as done (<paramref name="accept"/>) or reopens it.</summary>
    public async Task<Outcome<bool>> DecideTaskAsync(long taskId, bool accept, CancellationToken ct = default)
    {
        var (task, refusal) = await OwnedAsync(taskId, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var row = await db.Tasks.FirstAsync(x => x.Id == taskId, ct);
        if (accept == (row.AcceptedAt is not null))
        {
            return Outcome<bool>.Conflict("state", t[accept ? "Accept.Already" : "Accept.NotAccepted"]);
        }
        row.AcceptedAt = accept ? clock.GetUtcNow() : null;
        row.AcceptedBy = accept ? access.Current.ActorName : null;
        row.Revision++;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>The owner accepts a milestone as done or reopens it.</summary>
    public async Task<Outcome<bool>> DecideMilestoneAsync(long milestoneId, bool accept, CancellationToken ct = default)
    {
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == milestoneId, ct);
        if (milestone is null)
        {
            return Outcome<bool>.NotFound(t["Milestone.NotFound"]);
        }
        var (_, refusal) = await OwnedAsync(milestone.TaskId, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (accept == (milestone.AcceptedAt is not null))
        {
            return Outcome<bool>.Conflict("state", t[accept ? "Accept.Already" : "Accept.NotAccepted"]);
        }
        milestone.AcceptedAt = accept ? clock.GetUtcNow() : null;
        milestone.AcceptedBy = accept ? access.Current.ActorName : null;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>The owner sends a 督办单 to one of the task's units; returns its id.</summary>
    public async Task<Outcome<long>> SendNoticeAsync(long taskId, NoticeInput? input, CancellationToken ct = default)
    {
        input ??= new NoticeInput();
        var (task, refusal) = await OwnedAsync<long>(taskId, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var errors = new InputErrors();
        var unit = Unit(errors, task!, input.UnitId);
        var text = Text(errors, "text", input.Text, MaxText, required: true);
        if (input.ReplyBy is not { } replyBy)
        {
            errors.Add("replyBy", t["Field.Required"]);
        }
        else if (replyBy < board.Today)
        {
            errors.Add("replyBy", t["Field.DatePast"]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        // Addressed to the unit, so the unit reads and answers it within its own scope (see TaskAccess).
        var notice = new SupervisionNotice
        {
            OrgUnitId = unit!.Id, TaskId = taskId, ToUnitId = unit.Id, Text = text!, ReplyBy = input.ReplyBy!.Value,
            SentAt = clock.GetUtcNow(), SentBy = access.Current.ActorName ?? "",
        };
        db.Notices.Add(notice);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(notice.Id);
    }

    /// <summary>The addressed unit answers a notice (once).</summary>
    public async Task<Outcome<bool>> ReplyAsync(long noticeId, TextInput? input, CancellationToken ct = default)
    {
        var notice = await db.Notices.FirstOrDefaultAsync(n => n.Id == noticeId, ct);
        if (notice is null)
        {
            return Outcome<bool>.NotFound(t["Notice.NotFound"]);
        }
        var me = await owners.ReportingUnitAsync(ct);
        if (me?.Id != notice.ToUnitId)
        {
            return Outcome<bool>.Forbidden(t["Notice.NotYours"]);
        }
        if (notice.RepliedAt is not null)
        {
            return Outcome<bool>.Conflict("text", t["Notice.Replied"]);
        }
        var errors = new InputErrors();
        var text = Text(errors, "text", input?.Text, MaxText, required: true);
        if (errors.Any)
        {
            return Outcome<bool>.Invalid(errors);
        }
        notice.ReplyText = text;
        notice.RepliedAt = clock.GetUtcNow();
        notice.RepliedBy = access.Current.ActorName;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// The owner raises a 整改 item for one of the task's units (by default the notice's unit); returns its id. The item
    /// lives in the shared rectification module: the unit reports it fixed there (plans.report), the owner verifies it
    /// (plans.manage over the plan's bureau).
    /// </summary>
    public async Task<Outcome<long>> RaiseAsync(long taskId, RectificationInput? input, CancellationToken ct = default)
    {
        input ??= new RectificationInput();
        var (task, refusal) = await OwnedAsync<long>(taskId, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var errors = new InputErrors();
        var unitId = input.UnitId;
        if (input.NoticeId is { } noticeId)
        {
            var notice = await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId && n.TaskId == taskId, ct);
            if (notice is null)
            {
                errors.Add("noticeId", t["Rectification.NoticeElsewhere"]);
            }
            else
            {
                unitId ??= notice.ToUnitId;
            }
        }
        var unit = Unit(errors, task!, unitId);
        var problem = Text(errors, "problem", input.Problem, MaxText, required: true);
        if (input.DueOn is not { } dueOn)
        {
            errors.Add("dueOn", t["Field.Required"]);
        }
        else if (dueOn < board.Today)
        {
            errors.Add("dueOn", t["Field.DatePast"]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var line = task!.Task;
        return await rectifications.RaiseAsync(new RectificationRequest
        {
            SourceKind = PlanRectifications.Kind, SourceId = taskId, SourceItemId = input.NoticeId, SourceTitle = $"{line.Number} {line.Title}",
            SourceUrl = $"/plans/tasks/{taskId}", RaisedByUnitId = task.Plan.OrgUnitId, ResponsibleUnitId = unit!.Id, Finding = problem!,
            DueOn = input.DueOn!.Value, FixPermission = Permissions.PlansReport, VerifyPermission = Permissions.PlansManage,
        }, ct);
    }

    private Task<(TaskContext?, Outcome<bool>?)> OwnedAsync(long taskId, CancellationToken ct) => OwnedAsync<bool>(taskId, ct);

    /// <summary>The task when the caller owns its plan and the plan is being supervised; otherwise why not.</summary>
    private async Task<(TaskContext?, Outcome<T>?)> OwnedAsync<T>(long taskId, CancellationToken ct)
    {
        var task = await tasks.LoadAsync(taskId, ct: ct);
        if (task is null || !task.Visible)
        {
            return (null, Outcome<T>.NotFound(t["Task.NotFound"]));
        }
        if (!task.Manages)
        {
            return (null, Outcome<T>.Forbidden(t["Task.NotOwner"]));
        }
        if (!task.Active)
        {
            return (null, Outcome<T>.Conflict("state", t["Task.NotActive"]));
        }
        return (task, null);
    }

    private AssignedUnit? Unit(InputErrors errors, TaskContext task, int? unitId)
    {
        if (unitId is not { } id)
        {
            errors.Add("unitId", t["Field.Required"]);
            return null;
        }
        var unit = task.Units.FirstOrDefault(u => u.Id == id);
        if (unit is null)
        {
            errors.Add("unitId", t["Unit.NotOnTask"]);
        }
        return unit;
    }

    private string? Text(InputErrors errors, string field, string? value, int max, bool required)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors.Add(field, t["Field.Required"]);
            }
            return null;
        }
        if (text.Length > max)
        {
            errors.Add(field, string.Format(t["Field.TooLong"], max));
        }
        return text;
    }
}
