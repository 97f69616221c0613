using Qedu.Indicators.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Plans.Data;
using Qedu.Plans.Domain;
using Qedu.PlanDocuments;
using Qedu.Plans.Resources;
using Qedu.Plans.Tasks;

namespace Qedu.Plans.Features.Plans;

/// <summary>
/// A plan document (text or .docx) into a draft plan of a bureau: parsed with the bureau's units and remembered
/// mappings, stored whole (sections, tasks, units, milestones, targets) as a draft that only the plan's owners see until
/// they have reviewed it and publish it.
/// </summary>
internal sealed class PlanImport(
    PlansDb db, PlanUnits units, PlanOwners owners, ICurrentAccess access, TimeProvider clock, IStringLocalizer<PlansText> t, IIndicatorValues indicators)
{
    /// <summary>Plans are a few hundred KB of text; a .docx with pictures is larger, but nothing needs more.</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    public async Task<Outcome<long>> ImportAsync(byte[] bytes, string fileName, string? bureauCode, CancellationToken ct = default)
    {
        var bureau = await owners.BureauForAsync(bureauCode, ct);
        if (!bureau.IsOk)
        {
            return Outcome<long>.Invalid(bureau.Errors ?? new InputErrors().Add("org", bureau.Message!));
        }
        var errors = new InputErrors();
        if (bytes.Length == 0)
        {
            return Outcome<long>.Invalid(errors.Add("file", string.Format(t["Import.Empty"], fileName)));
        }
        if (bytes.Length > MaxFileBytes)
        {
            return Outcome<long>.Invalid(errors.Add("file", string.Format(t["Import.TooLarge"], fileName, MaxFileBytes / 1024 / 1024)));
        }
        string text;
        try
        {
            text = PlanFile.Read(bytes);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FormatException)
        {
            return Outcome<long>.Invalid(errors.Add("file", string.Format(t["Import.Unreadable"], fileName)));
        }
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Outcome<long>.Invalid(errors.Add("file", string.Format(t["Import.Unreadable"], fileName)));
        }

        var bureauId = bureau.Value!.Id;
        var resolver = await units.ResolverAsync(bureauId, ct);
        var document = new PlanDocumentParser(resolver.Matcher).Parse(text);
        if (!document.AllTasks().Any())
        {
            return Outcome<long>.Invalid(errors.Add("file", string.Format(t["Import.NoTasks"], fileName)));
        }

        var plan = new Plan
        {
            OrgUnitId = bureauId,
            Title = Clip(string.IsNullOrWhiteSpace(document.Title) ? Path.GetFileNameWithoutExtension(fileName) : document.Title, 300),
            Issuer = Clip(string.Join("、", document.Issuer), 300),
            DocumentNumber = document.DocumentNumber is { } n ? Clip(n, 64) : null,
            IssuedOn = document.Date,
            State = PlanState.Draft,
            SourceFileName = Clip(Path.GetFileName(fileName), 260),
            ImportedAt = clock.GetUtcNow(),
            ImportedBy = access.Current.ActorName,
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        await AddSectionsAsync(plan, document.Sections, null, resolver, ct);
        await tx.CommitAsync(ct);
        return Outcome<long>.Ok(plan.Id);
    }

    private int _sectionOrder;
    private int _taskOrder;

    /// <summary>Sections level by level: each level is saved before the next so children know their parent's id.</summary>
    private async Task AddSectionsAsync(Plan plan, IReadOnlyList<PlanDocuments.PlanSection> sections, long? parentId, PlanUnits.Resolver resolver, CancellationToken ct)
    {
        var rows = sections.Select(s => (Source: s, Row: new Domain.PlanSection
        {
            OrgUnitId = plan.OrgUnitId,
            PlanId = plan.Id,
            ParentId = parentId,
            Number = Clip(s.Number, 16),
            Title = Clip(s.Title, 300),
            SortOrder = _sectionOrder++,
        })).ToList();
        db.Sections.AddRange(rows.Select(r => r.Row));
        await db.SaveChangesAsync(ct);

        foreach (var (source, row) in rows)
        {
            var tasks = source.Tasks.Select(task => (Source: task, Row: NewTask(plan, row.Id, task))).ToList();
            db.Tasks.AddRange(tasks.Select(x => x.Row));
            await db.SaveChangesAsync(ct);
            foreach (var (task, taskRow) in tasks)
            {
                db.TaskUnits.AddRange(resolver.Assign(plan.OrgUnitId,
                    task.LeadUnits.Select(u => (u, UnitRole.Lead)).Concat(task.ParticipatingUnits.Select(u => (u, UnitRole.Participating))))
                    .Select(u => { u.TaskId = taskRow.Id; return u; }));
                db.Milestones.AddRange(task.Milestones.Select((m, i) => new TaskMilestone
                {
                    OrgUnitId = plan.OrgUnitId,
                    TaskId = taskRow.Id,
                    Year = m.Year,
                    Text = m.Text,
                    DueOn = new DateOnly(m.Year, 12, 31),
                    SortOrder = i,
                }));
                db.Targets.AddRange(task.Targets.Select((x, i) => new TaskTarget
                {
                    OrgUnitId = plan.OrgUnitId,
                    TaskId = taskRow.Id,
                    Text = x.Text,
                    Value = x.Value,
                    Unit = Clip(x.Unit, 16),
                    Comparator = x.Comparator,
                    Year = x.Year,
                    // A suggestion from the indicator's keywords ("普惠性幼儿园覆盖率…" → inclusive-kindergarten-coverage); the reviewer may change it.
                    IndicatorCode = indicators.Match(x.Text)?.Code,
                    SortOrder = i,
                }));
            }
            await db.SaveChangesAsync(ct);
            await AddSectionsAsync(plan, source.Sections, row.Id, resolver, ct);
        }
    }

    private Domain.PlanTask NewTask(Plan plan, long sectionId, PlanDocuments.PlanTask task) => new()
    {
        OrgUnitId = plan.OrgUnitId,
        PlanId = plan.Id,
        SectionId = sectionId,
        Number = Clip(task.Number, 32),
        Title = Clip(task.Title, 500),
        Text = task.Text,
        DeadlineText = task.Deadline is { } d ? Clip(d.Text, 100) : null,
        DueOn = TaskStatusRules.LastDay(task.Deadline?.Date),
        Policies = string.Join('\n', task.Policies),
        Measures = string.Join('\n', task.Measures),
        ExpectedEffects = string.Join('\n', task.ExpectedEffects),
        SortOrder = _taskOrder++,
    };

    internal static string Clip(string value, int length) => value.Length <= length ? value : value[..length];
}
