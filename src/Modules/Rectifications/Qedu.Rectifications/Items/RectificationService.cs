using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Files;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;
using Qedu.Rectifications.Contracts;
using Qedu.Rectifications.Data;
using Qedu.Rectifications.Domain;
using Qedu.Rectifications.Resources;

namespace Qedu.Rectifications.Items;

/// <summary>
/// Rectification (整改) from finding to 销号, for every module: raise (by the module that found it), fix with evidence
/// (the responsible unit), verify or send back (the raiser), re-check (回头看) when one was asked. Who may fix and verify
/// is the permission the raiser named, held over the responsible unit and the raising unit respectively.
/// </summary>
internal sealed class RectificationService(
    RectificationsDb db, OrgTree orgTree, UserDirectory users, IFileStore store, ICurrentAccess access, TimeProvider clock,
    IServiceProvider services, DatabaseSettings settings, IStringLocalizer<RectificationText> t) : IRectifications
{
    public const int MaxFinding = 4000;
    public const int MaxText = 2000;
    public const int MaxFiles = 6;
    public const long MaxFileBytes = 10L * 1024 * 1024;

    private DateOnly Today => CityDate.Today(clock);

    public Task<Outcome<long>> RaiseAsync(RectificationRequest request, CancellationToken ct = default) => RaiseCoreAsync(db, null, request, ct);

    public async Task<Outcome<long>> RaiseAsync(DbTransaction transaction, RectificationRequest request, CancellationToken ct = default)
    {
        await using var joined = await ModuleDbOnTransaction.OpenAsync<RectificationsDb, RectificationsDbSqlite, RectificationsDbPostgres>(services, settings, transaction, ct);
        return await RaiseCoreAsync(joined, transaction, request, ct);
    }

    /// <summary>Raises into <paramref name="target"/>: this request's context, or one on the caller's transaction.</summary>
    private async Task<Outcome<long>> RaiseCoreAsync(RectificationsDb target, DbTransaction? joined, RectificationRequest request, CancellationToken ct)
    {
        var errors = new InputErrors();
        var finding = errors.Text("finding", request.Finding, MaxFinding, t["Field.Required"], string.Format(t["Field.TooLong"], MaxFinding));
        if (request.DueOn < Today)
        {
            errors.Add("dueOn", t["Field.DatePast"]);
        }
        if (request.RecheckOn is { } recheck && recheck < request.DueOn)
        {
            errors.Add("recheckOn", t["Item.RecheckBeforeDue"]);
        }
        var uploads = await CheckUploadsAsync(errors, request.Photos, ct);
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        if (await orgTree.FindAsync(request.ResponsibleUnitId, ct) is null)
        {
            return Outcome<long>.NotFound(t["Item.UnitNotFound"]);
        }
        var now = clock.GetUtcNow();
        var by = access.Current.ActorName ?? "";
        var item = new Rectification
        {
            OrgUnitId = request.ResponsibleUnitId, RaisedByUnitId = request.RaisedByUnitId, SourceKind = request.SourceKind, SourceId = request.SourceId,
            SourceItemId = request.SourceItemId, SourceTitle = Clip(request.SourceTitle, 300), SourceUrl = Clip(request.SourceUrl, 200), Finding = finding!,
            Serious = request.Serious, DueOn = request.DueOn, RecheckOn = request.RecheckOn, FixPermission = request.FixPermission,
            VerifyPermission = request.VerifyPermission, FixNeedsEvidence = request.FixNeedsEvidence, State = RectificationState.Open, RaisedAt = now, RaisedBy = by,
        };
        // The item, its history and its photos are written together or not at all (within the caller's transaction when joined).
        await using var own = joined is null ? await target.Database.BeginTransactionAsync(ct) : null;
        target.Items.Add(item);
        await target.SaveChangesAsync(ct);
        var raised = AddStep(target, item, StepKind.Raised, null, null, now, by);
        if (request.Serious && await orgTree.NearestAboveAsync(item.OrgUnitId, [OrgUnitKind.City], ct) is { } city)
        {
            // A serious finding goes to the city the moment it is raised (its work list and the overdue board show it).
            item.EscalatedToUnitId = city.Id;
            item.EscalatedAt = now;
            AddStep(target, item, StepKind.Escalated, city.Name, null, now, by);
        }
        await target.SaveChangesAsync(ct);
        await StoreAsync(target, item, raised, uploads, ct);
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }
        return Outcome<long>.Ok(item.Id);
    }

    /// <summary>The responsible unit reports the finding put right, with its evidence.</summary>
    public async Task<Outcome<RectificationState>> FixAsync(long id, string? text, IReadOnlyList<RectificationUpload> photos, CancellationToken ct = default)
    {
        var (item, refusal) = await LoadAsync(id, ct);
        if (item is null)
        {
            return refusal!;
        }
        if (!await MayFixAsync(item, ct))
        {
            return Outcome<RectificationState>.Forbidden(t["Item.NotYours"]);
        }
        if (item.State != RectificationState.Open)
        {
            return Outcome<RectificationState>.Conflict("state", t[$"Item.State.{item.State}.NotOpen"]);
        }
        var errors = new InputErrors();
        var report = errors.Text("text", text, MaxText, t["Field.Required"], string.Format(t["Field.TooLong"], MaxText));
        var uploads = await CheckUploadsAsync(errors, photos, ct);
        if (item.FixNeedsEvidence && uploads.Count == 0 && !errors.ByField.ContainsKey("files"))
        {
            errors.Add("files", t["Item.EvidenceRequired"]);
        }
        if (errors.Any)
        {
            return Outcome<RectificationState>.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var by = access.Current.ActorName ?? "";
        item.State = RectificationState.Fixed;
        item.FixReport = report;
        item.FixedAt = now;
        item.FixedBy = by;
        var step = AddStep(db, item, StepKind.Fixed, report, null, now, by);
        // The state is taken by one conditional update: two reports at once, one fix.
        return await SaveOnceAsync(item, RectificationState.Open, ct, () => StoreAsync(db, item, step, uploads, ct))
            ? Outcome<RectificationState>.Ok(item.State)
            : Outcome<RectificationState>.Conflict("state", t["Item.Changed"]);
    }

    /// <summary>The raiser accepts the fix (销号, or waits for the 回头看 when one was asked) or sends it back with a reason.</summary>
    public async Task<Outcome<RectificationState>> VerifyAsync(long id, bool accept, string? text, DateOnly? newDueOn, CancellationToken ct = default)
    {
        var (item, refusal) = await LoadAsync(id, ct);
        if (item is null)
        {
            return refusal!;
        }
        if (!await MayVerifyAsync(item, ct))
        {
            return Outcome<RectificationState>.Forbidden(t["Item.NotRaiser"]);
        }
        if (item.State != RectificationState.Fixed)
        {
            return Outcome<RectificationState>.Conflict("state", t["Item.NotFixed"]);
        }
        var errors = new InputErrors();
        var note = accept ? Optional(errors, "text", text) : errors.Text("text", text, MaxText, t["Field.Required"], string.Format(t["Field.TooLong"], MaxText));
        if (!accept)
        {
            CheckNewDue(errors, newDueOn);
        }
        if (errors.Any)
        {
            return Outcome<RectificationState>.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var by = access.Current.ActorName ?? "";
        if (accept)
        {
            item.VerifiedAt = now;
            item.VerifiedBy = by;
            item.State = item.RecheckOn is null ? RectificationState.Closed : RectificationState.Verified;
            if (item.State == RectificationState.Closed)
            {
                (item.ClosedAt, item.ClosedBy) = (now, by);
            }
            AddStep(db, item, StepKind.Verified, note, null, now, by);
        }
        else
        {
            Reopen(item, newDueOn);
            AddStep(db, item, StepKind.SentBack, note, newDueOn, now, by);
        }
        return await SaveOnceAsync(item, RectificationState.Fixed, ct)
            ? Outcome<RectificationState>.Ok(item.State)
            : Outcome<RectificationState>.Conflict("state", t["Item.Changed"]);
    }

    /// <summary>The 回头看: on or after its date the raiser finds the fix held (销号) or the problem back (open again, a new date).</summary>
    public async Task<Outcome<RectificationState>> RecheckAsync(long id, bool held, string? text, DateOnly? newDueOn, CancellationToken ct = default)
    {
        var (item, refusal) = await LoadAsync(id, ct);
        if (item is null)
        {
            return refusal!;
        }
        if (!await MayVerifyAsync(item, ct))
        {
            return Outcome<RectificationState>.Forbidden(t["Item.NotRaiser"]);
        }
        if (item.State != RectificationState.Verified)
        {
            return Outcome<RectificationState>.Conflict("state", t["Item.NoRecheck"]);
        }
        if (item.RecheckOn > Today)
        {
            return Outcome<RectificationState>.Conflict("state", string.Format(t["Item.RecheckNotYet"], item.RecheckOn?.ToString("yyyy-MM-dd")));
        }
        var errors = new InputErrors();
        var note = errors.Text("text", text, MaxText, t["Field.Required"], string.Format(t["Field.TooLong"], MaxText));
        if (!held)
        {
            CheckNewDue(errors, newDueOn);
        }
        if (errors.Any)
        {
            return Outcome<RectificationState>.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var by = access.Current.ActorName ?? "";
        if (held)
        {
            item.State = RectificationState.Closed;
            (item.ClosedAt, item.ClosedBy) = (now, by);
            AddStep(db, item, StepKind.RecheckHeld, note, null, now, by);
        }
        else
        {
            Reopen(item, newDueOn);
            AddStep(db, item, StepKind.RecheckFailed, note, newDueOn, now, by);
        }
        return await SaveOnceAsync(item, RectificationState.Verified, ct)
            ? Outcome<RectificationState>.Ok(item.State)
            : Outcome<RectificationState>.Conflict("state", t["Item.Changed"]);
    }

    /// <summary>One item with its history and files, and what the caller may do with it; null when out of sight.</summary>
    public async Task<RectificationDetail?> DetailAsync(long id, CancellationToken ct = default)
    {
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (item is null)
        {
            return null;
        }
        var steps = await db.Steps.AsNoTracking().Where(s => s.RectificationId == id).OrderBy(s => s.At).ThenBy(s => s.Id).ToListAsync(ct);
        var files = await db.Files.AsNoTracking().Where(f => f.RectificationId == id).OrderBy(f => f.Id).ToListAsync(ct);
        var names = await orgTree.NamesOfAsync([item.OrgUnitId, item.RaisedByUnitId, .. item.EscalatedToUnitId is { } e ? new[] { e } : []], ct);
        var today = Today;
        return new RectificationDetail(
            Summary(item, names, today), names.GetValueOrDefault(item.RaisedByUnitId, ""), item.SourceTitle, item.SourceUrl,
            item.EscalatedToUnitId is { } city ? names.GetValueOrDefault(city) : null, item.EscalatedAt, item.Returns,
            [.. steps.Select(s => new StepView(s.Kind.ToString(), s.Text, s.DueOn, s.At, s.By,
                [.. files.Where(f => f.StepId == s.Id).Select(f => new FileView(f.Id, f.FileName, f.MediaType, f.Length))]))],
            CanFix: item.State == RectificationState.Open && await MayFixAsync(item, ct),
            CanVerify: item.State == RectificationState.Fixed && await MayVerifyAsync(item, ct),
            CanRecheck: item.State == RectificationState.Verified && item.RecheckOn <= today && await MayVerifyAsync(item, ct));
    }

    /// <summary>
    /// The rectifications the caller sees, filtered, with counts per responsible unit (the overdue list per unit). At most
    /// <paramref name="limit"/> items, the most urgent first: overdue, then by date.
    /// </summary>
    public async Task<RectificationList> ListAsync(RectificationFilter filter, int limit = 200, CancellationToken ct = default)
    {
        var today = Today;
        var query = db.Items.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            var kind = filter.Kind.Trim();
            query = query.Where(r => r.SourceKind == kind);
        }
        if (!string.IsNullOrWhiteSpace(filter.Unit))
        {
            var unit = await orgTree.FindAsync(filter.Unit.Trim(), ct);
            if (unit is null)
            {
                return new RectificationList([], [], 0, 0, 0, 0, 0);
            }
            var ids = await orgTree.SubtreeIdsAsync([unit.Id], ct);
            query = unit.Kind == OrgUnitKind.School ? query.Where(r => r.OrgUnitId == unit.Id) : query.Where(r => ids.Contains(r.OrgUnitId));
        }
        // Counts over the filtered set, by unit and state: one grouped query, whatever the number of items.
        var grouped = await query.GroupBy(r => new { r.OrgUnitId, r.State, Late = r.DueOn < today, Recheck = r.RecheckOn <= today, r.Serious })
            .Select(g => new { g.Key.OrgUnitId, g.Key.State, g.Key.Late, g.Key.Recheck, g.Key.Serious, Count = g.Count() }).ToListAsync(ct);
        var units = grouped.GroupBy(g => g.OrgUnitId).Select(g => new RectificationCount(g.Key, g.Sum(x => x.Count),
            g.Where(x => x.State == RectificationState.Open).Sum(x => x.Count),
            g.Where(x => x.State == RectificationState.Open && x.Late).Sum(x => x.Count),
            g.Where(x => x.State == RectificationState.Fixed).Sum(x => x.Count),
            g.Where(x => x.State == RectificationState.Closed).Sum(x => x.Count),
            g.Where(x => x.Serious && x.State != RectificationState.Closed).Sum(x => x.Count))).ToList();
        var open = units.Sum(u => u.Open);
        var overdue = units.Sum(u => u.Overdue);
        var fixedCount = units.Sum(u => u.Fixed);
        var recheckDue = grouped.Where(g => g.State == RectificationState.Verified && g.Recheck).Sum(g => g.Count);
        var serious = units.Sum(u => u.Serious);

        query = filter.State switch
        {
            "open" => query.Where(r => r.State == RectificationState.Open),
            "overdue" => query.Where(r => r.State == RectificationState.Open && r.DueOn < today),
            "fixed" => query.Where(r => r.State == RectificationState.Fixed),
            "recheck" => query.Where(r => r.State == RectificationState.Verified),
            "closed" => query.Where(r => r.State == RectificationState.Closed),
            "serious" => query.Where(r => r.Serious && r.State != RectificationState.Closed),
            "all" => query,
            _ => query.Where(r => r.State != RectificationState.Closed),
        };
        var items = await query.OrderBy(r => r.State == RectificationState.Closed).ThenBy(r => r.DueOn).ThenBy(r => r.Id).Take(limit).ToListAsync(ct);
        var names = await orgTree.NamesOfAsync(items.Select(i => i.OrgUnitId).Concat(units.Select(u => u.UnitId)), ct);
        var perUnit = units.Where(u => u.Open + u.Fixed > 0)
            .OrderByDescending(u => u.Overdue).ThenByDescending(u => u.Open).ThenBy(u => names.GetValueOrDefault(u.UnitId, ""), StringComparer.Ordinal)
            .Select(u => new UnitLine(u.UnitId, names.GetValueOrDefault(u.UnitId, ""), u.Open, u.Overdue, u.Fixed, u.Closed, u.Serious)).ToList();
        return new RectificationList([.. items.Select(i => Summary(i, names, today))], perUnit, open, overdue, fixedCount, recheckDue, serious);
    }

    /// <summary>A file of a step, for download (scoped like its item).</summary>
    public async Task<(RectificationFile File, Stream Content)?> OpenFileAsync(long fileId, CancellationToken ct = default)
    {
        var file = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is null || await store.OpenAsync(file.Hash, ct) is not { } content)
        {
            return null;
        }
        return (file, content);
    }

    public async Task<IReadOnlyList<RectificationSummary>> ForSourcesAsync(string sourceKind, IReadOnlyCollection<long> sourceIds, CancellationToken ct = default)
    {
        var items = new List<Rectification>();
        foreach (var chunk in sourceIds.Distinct().Chunk(2000))
        {
            items.AddRange(await db.Items.AsNoTracking().Where(r => r.SourceKind == sourceKind && chunk.Contains(r.SourceId)).ToListAsync(ct));
        }
        var names = await orgTree.NamesOfAsync(items.Select(i => i.OrgUnitId), ct);
        var today = Today;
        return [.. items.OrderByDescending(i => i.RaisedAt).ThenByDescending(i => i.Id).Select(i => Summary(i, names, today))];
    }

    public async Task<IReadOnlyList<RectificationSummary>> OpenOfSourcesAsync(string sourceKind, IReadOnlyCollection<long> sourceIds, int? responsibleUnitId, CancellationToken ct = default)
    {
        var items = new List<Rectification>();
        foreach (var chunk in sourceIds.Distinct().Chunk(2000))
        {
            // The caller was allowed to see these source records (a unit named on a plan's task sees the task's items
            // addressed to it even when the plan's bureau is outside its scope): read past the scope for them alone.
            items.AddRange(await db.Items.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
                .Where(r => r.SourceKind == sourceKind && chunk.Contains(r.SourceId) && r.State == RectificationState.Open
                    && (responsibleUnitId == null || r.OrgUnitId == responsibleUnitId)).ToListAsync(ct));
        }
        var names = await orgTree.NamesOfAsync(items.Select(i => i.OrgUnitId), ct);
        var today = Today;
        return [.. items.OrderBy(i => i.DueOn).ThenBy(i => i.Id).Select(i => Summary(i, names, today))];
    }

    public Task<IReadOnlyList<RectificationCount>> CountsAsync(string sourceKind, CancellationToken ct = default) =>
        CountAsync(db.Items.AsNoTracking().Where(r => r.SourceKind == sourceKind), ct);

    public Task<IReadOnlyList<RectificationCount>> CityCountsAsync(string sourceKind, CancellationToken ct = default) =>
        // Counts per unit for the indicators' facts, which are computed for the whole city and filtered on their own pages.
        CountAsync(db.Items.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(r => r.SourceKind == sourceKind), ct);

    private async Task<IReadOnlyList<RectificationCount>> CountAsync(IQueryable<Rectification> query, CancellationToken ct)
    {
        var today = Today;
        var grouped = await query.GroupBy(r => new { r.OrgUnitId, r.State, Late = r.DueOn < today, r.Serious })
            .Select(g => new { g.Key.OrgUnitId, g.Key.State, g.Key.Late, g.Key.Serious, Count = g.Count() }).ToListAsync(ct);
        return [.. grouped.GroupBy(g => g.OrgUnitId).Select(g => new RectificationCount(g.Key, g.Sum(x => x.Count),
            g.Where(x => x.State == RectificationState.Open).Sum(x => x.Count),
            g.Where(x => x.State == RectificationState.Open && x.Late).Sum(x => x.Count),
            g.Where(x => x.State == RectificationState.Fixed).Sum(x => x.Count),
            g.Where(x => x.State == RectificationState.Closed).Sum(x => x.Count),
            g.Where(x => x.Serious).Sum(x => x.Count)))];
    }

    private static RectificationSummary Summary(Rectification i, IReadOnlyDictionary<int, string> names, DateOnly today) =>
        new(i.Id, i.SourceKind, i.SourceId, i.SourceItemId, i.OrgUnitId, names.GetValueOrDefault(i.OrgUnitId, ""), i.RaisedByUnitId, i.Finding,
            i.Serious, i.DueOn, i.RecheckOn, i.State, i.RaisedAt, i.RaisedBy, i.FixReport, i.FixedAt, i.ClosedAt ?? i.VerifiedAt, i.ClosedBy ?? i.VerifiedBy,
            i.State == RectificationState.Open && i.DueOn < today);

    private async Task<(Rectification?, Outcome<RectificationState>?)> LoadAsync(long id, CancellationToken ct)
    {
        var item = await db.Items.FirstOrDefaultAsync(r => r.Id == id, ct);
        return item is null ? (null, Outcome<RectificationState>.NotFound(t["Item.NotFound"])) : (item, null);
    }

    private Task<bool> MayFixAsync(Rectification item, CancellationToken ct) => ActsForAsync(item.OrgUnitId, item.FixPermission, ct);

    private Task<bool> MayVerifyAsync(Rectification item, CancellationToken ct) => ActsForAsync(item.RaisedByUnitId, item.VerifyPermission, ct);

    /// <summary>
    /// The caller holds <paramref name="permission"/> over the unit and works there or above it. The second half matters
    /// for a department's staff, whose grant covers the city: they act for their own department (their home unit), not
    /// for every unit their grant could read.
    /// </summary>
    private async Task<bool> ActsForAsync(int unitId, string permission, CancellationToken ct)
    {
        var caller = access.Current;
        if (caller.IsSystem)
        {
            return true;
        }
        if (!caller.Has(permission) || !(await orgTree.WithinScopeAsync(caller, permission, [unitId], ct)).Contains(unitId))
        {
            return false;
        }
        if (caller.Kind == ActorKind.User && Guid.TryParse(caller.ActorId, out var userId))
        {
            _home ??= await users.HomeUnitIdAsync(userId, ct) ?? 0;
            return _home == 0 || await orgTree.IsUnderAsync([_home.Value], unitId, ct);
        }
        return true;
    }

    /// <summary>The caller's home unit, read once per request (0: none).</summary>
    private int? _home;

    private static void Reopen(Rectification item, DateOnly? newDueOn)
    {
        item.State = RectificationState.Open;
        item.DueOn = newDueOn ?? item.DueOn;
        item.FixedAt = null;
        item.FixedBy = null;
        item.VerifiedAt = null;
        item.VerifiedBy = null;
        item.Returns++;
    }

    private void CheckNewDue(InputErrors errors, DateOnly? newDueOn)
    {
        if (newDueOn is { } due && due < Today)
        {
            errors.Add("dueOn", t["Field.DatePast"]);
        }
    }

    /// <summary>Saves the item's change only if it is still in <paramref name="from"/>: the first of two deciders wins, the second is told.</summary>
    private async Task<bool> SaveOnceAsync(Rectification item, RectificationState from, CancellationToken ct, Func<Task>? then = null)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.Items.Where(r => r.Id == item.Id && r.State == from)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, item.State), ct);
        if (taken == 0)
        {
            return false;
        }
        // The row's state is already the new one: the tracked entity takes it as the stored value and writes its other fields.
        db.Entry(item).Property(r => r.State).OriginalValue = item.State;
        await db.SaveChangesAsync(ct);
        if (then is not null)
        {
            await then();
        }
        await tx.CommitAsync(ct);
        return true;
    }

    private static RectificationStep AddStep(RectificationsDb target, Rectification item, StepKind kind, string? text, DateOnly? dueOn, DateTimeOffset at, string by)
    {
        var step = new RectificationStep { OrgUnitId = item.OrgUnitId, RectificationId = item.Id, Kind = kind, Text = text, DueOn = dueOn, At = at, By = by };
        target.Steps.Add(step);
        return step;
    }

    private async Task<List<(RectificationUpload Upload, FileKind Kind)>> CheckUploadsAsync(InputErrors errors, IReadOnlyList<RectificationUpload> uploads, CancellationToken ct)
    {
        var accepted = new List<(RectificationUpload, FileKind)>();
        var real = uploads.Where(u => u.Length > 0).ToList();
        if (real.Count > MaxFiles)
        {
            errors.Add("files", string.Format(t["Item.TooManyFiles"], MaxFiles));
            return accepted;
        }
        foreach (var upload in real)
        {
            var check = FileKinds.Check(await FileKinds.ReadHeadAsync(upload.Content, ct), upload.Length, FileKinds.ScansAndPictures, MaxFileBytes, upload.FileName);
            if (!check.IsAccepted)
            {
                errors.Add("files", string.Format(t[$"Item.File.{check.Problem}"], FileKinds.CleanName(upload.FileName), MaxFileBytes / 1024 / 1024));
                continue;
            }
            accepted.Add((upload, check.Kind!));
        }
        return accepted;
    }

    private async Task StoreAsync(RectificationsDb target, Rectification item, RectificationStep step, List<(RectificationUpload Upload, FileKind Kind)> uploads, CancellationToken ct)
    {
        if (uploads.Count == 0)
        {
            return;
        }
        foreach (var (upload, kind) in uploads)
        {
            upload.Content.Position = 0;
            var stored = await store.PutAsync(upload.Content, ct);
            target.Files.Add(new RectificationFile
            {
                OrgUnitId = item.OrgUnitId, RectificationId = item.Id, StepId = step.Id, Hash = stored.Hash, FileName = FileKinds.CleanName(upload.FileName),
                MediaType = kind.MediaType, Length = stored.Length,
            });
        }
        await target.SaveChangesAsync(ct);
    }


    private string? Optional(InputErrors errors, string field, string? value) =>
        errors.Text(field, value, MaxText, null, string.Format(t["Field.TooLong"], MaxText));

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
