using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;
using Qedu.StudentServices.Data;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Features.Changes;
using Qedu.StudentServices.Resources;

namespace Qedu.StudentServices.Catalogue;

/// <summary>What an editor gives for a version of an item (API body and page form alike); enums by name.</summary>
internal sealed record ItemInput(
    string? Name, string? NameEn, string? Category, string? ImplementingBody, string? LegalBasis, string? Conditions,
    IReadOnlyList<MaterialInput>? Materials, string? Process, int LegalDays, int PromisedDays, string? Fees, IReadOnlyList<string>? Channels,
    bool Immediate, bool ZeroTrip, string? Procedure, string? ChangeNote);

/// <summary>One material of an item: its name, whether Qedu already holds it (免提交), a note.</summary>
internal sealed record MaterialInput(string? Name, bool HeldByQedu, string? Note);

/// <summary>An item as the public sees it: its code, the version in force.</summary>
internal sealed record PublishedItem(string Code, ServiceItemVersion Version);

/// <summary>An item as its editors see it: the version in force (if any), the draft (if any), withdrawn or not.</summary>
internal sealed record ManagedItem(string Code, ServiceItemVersion? Published, ServiceItemVersion? Draft, DateTimeOffset? WithdrawnAt)
{
    public ServiceItemVersion Latest => Draft ?? Published!;
}

/// <summary>
/// The 一次办好 service catalogue: the items in force for everyone (no sign-in), and the city bureau's editing — a
/// draft is the next version, edited in place; publishing puts it in force and it is never changed again; an item can
/// be withdrawn. A status change takes its limits from the item in force for its procedure when it starts.
/// </summary>
internal sealed partial class ServiceCatalogue(StudentServicesDb db, ICurrentAccess access, TimeProvider clock, IStringLocalizer<ServicesText> t)
{
    public const int MaxMaterials = 30;
    public const int MaxDays = 365;

    /// <summary>The items in force (published, not withdrawn), by name.</summary>
    public async Task<IReadOnlyList<PublishedItem>> PublishedAsync(CancellationToken ct = default)
    {
        var rows = await (from v in db.Versions.AsNoTracking()
                          join i in db.Items.AsNoTracking() on v.ItemId equals i.Id
                          where i.PublishedVersion == v.Version && i.WithdrawnAt == null
                          select new { i.Code, v }).ToListAsync(ct);
        return rows.Select(r => new PublishedItem(r.Code, r.v)).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The items whose text has every word of <paramref name="query"/> (split at spaces; a word matches inside the name,
    /// the English name, the code, the body, the conditions or a material: Chinese needs no segmenter for a catalogue of
    /// dozens of items), in <paramref name="category"/> when given.
    /// </summary>
    public static IReadOnlyList<PublishedItem> Search(IEnumerable<PublishedItem> items, string? query, ServiceCategory? category)
    {
        var words = (query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items
            .Where(i => category is null || i.Version.Category == category)
            .Where(i => words.All(w => Text(i).Contains(w, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        static string Text(PublishedItem i) => string.Join('\n', [i.Code, i.Version.Name, i.Version.NameEn, i.Version.ImplementingBody,
            i.Version.Conditions, .. i.Version.Materials.Select(m => m.Name)]);
    }

    /// <summary>One item's version in force, or the one named by <paramref name="version"/> if published (a draft only for editors).</summary>
    public async Task<PublishedItem?> FindAsync(string code, int? version = null, CancellationToken ct = default)
    {
        var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, ct);
        var number = version ?? item?.PublishedVersion;
        if (item is null || number is null || (version is null && item.WithdrawnAt is not null))
        {
            return null;
        }
        var found = await db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.ItemId == item.Id && v.Version == number, ct);
        return found is not null && (found.State == VersionState.Published || MayEdit) ? new PublishedItem(item.Code, found) : null;
    }

    /// <summary>An item's versions, newest first (drafts only for editors).</summary>
    public async Task<IReadOnlyList<ServiceItemVersion>> HistoryAsync(string code, CancellationToken ct = default)
    {
        var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, ct);
        if (item is null)
        {
            return [];
        }
        var edit = MayEdit;
        return await db.Versions.AsNoTracking().Where(v => v.ItemId == item.Id && (edit || v.State == VersionState.Published))
            .OrderByDescending(v => v.Version).ToListAsync(ct);
    }

    /// <summary>Every item with its version in force and its draft, for the editors.</summary>
    public async Task<IReadOnlyList<ManagedItem>> ManagedAsync(CancellationToken ct = default)
    {
        var items = await db.Items.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
        var versions = await db.Versions.AsNoTracking()
            .Where(v => v.State == VersionState.Draft || db.Items.Any(i => i.Id == v.ItemId && i.PublishedVersion == v.Version))
            .ToListAsync(ct);
        return items.Select(i => new ManagedItem(i.Code,
                versions.SingleOrDefault(v => v.ItemId == i.Id && v.Version == i.PublishedVersion && v.State == VersionState.Published),
                versions.SingleOrDefault(v => v.ItemId == i.Id && v.State == VersionState.Draft), i.WithdrawnAt))
            .ToList();
    }

    /// <summary>
    /// Saves the next version of <paramref name="code"/> as a draft (a new item when the code is new): the draft there is
    /// edited in place; a published version never is.
    /// </summary>
    public async Task<Outcome<ServiceItemVersion>> SaveDraftAsync(string code, ItemInput input, CancellationToken ct = default)
    {
        if (!MayEdit)
        {
            return Outcome<ServiceItemVersion>.Forbidden(t["Catalogue.MayNot"]);
        }
        var errors = new InputErrors();
        code = code.Trim().ToUpperInvariant();
        if (!CodePattern().IsMatch(code))
        {
            errors.Add("code", t["Catalogue.Code"]);
        }
        var content = Check(input, errors);
        if (errors.Any)
        {
            return Outcome<ServiceItemVersion>.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        // A new item and its first draft are written together: never an item without a version.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var item = await db.Items.SingleOrDefaultAsync(i => i.Code == code, ct);
        if (item is null)
        {
            item = new ServiceItem { Code = code, CreatedAt = now };
            db.Items.Add(item);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                return Outcome<ServiceItemVersion>.Conflict(t["Catalogue.Concurrent"]);
            }
        }
        var draft = await db.Versions.SingleOrDefaultAsync(v => v.ItemId == item.Id && v.State == VersionState.Draft, ct);
        if (draft is null)
        {
            var last = await db.Versions.Where(v => v.ItemId == item.Id).MaxAsync(v => (int?)v.Version, ct) ?? 0;
            draft = new ServiceItemVersion { ItemId = item.Id, Version = last + 1, CreatedAt = now, CreatedBy = Caller };
            db.Versions.Add(draft);
        }
        else
        {
            draft.UpdatedAt = now;
        }
        Fill(draft, content);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<ServiceItemVersion>.Conflict(t["Catalogue.Concurrent"]);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ServiceItemVersion>.Conflict(t["Catalogue.Concurrent"]);
        }
        return Outcome<ServiceItemVersion>.Ok(draft);
    }

    /// <summary>Puts the item's draft in force; refused when another item in force already runs the same procedure.</summary>
    public async Task<Outcome<ServiceItemVersion>> PublishAsync(string code, CancellationToken ct = default)
    {
        if (!MayEdit)
        {
            return Outcome<ServiceItemVersion>.Forbidden(t["Catalogue.MayNot"]);
        }
        var item = await db.Items.SingleOrDefaultAsync(i => i.Code == code, ct);
        if (item is null)
        {
            return Outcome<ServiceItemVersion>.NotFound(t["Catalogue.NotFound"]);
        }
        var draft = await db.Versions.SingleOrDefaultAsync(v => v.ItemId == item.Id && v.State == VersionState.Draft, ct);
        if (draft is null)
        {
            return Outcome<ServiceItemVersion>.Conflict(t["Catalogue.NoDraft"]);
        }
        if (draft.Procedure != OnlineProcedure.None
            && (await PublishedAsync(ct)).FirstOrDefault(p => p.Code != code && p.Version.Procedure == draft.Procedure) is { } other)
        {
            return Outcome<ServiceItemVersion>.Conflict("procedure", t["Catalogue.ProcedureTaken", other.Code, other.Version.Name]);
        }
        var now = clock.GetUtcNow();
        (draft.State, draft.PublishedAt, draft.PublishedBy) = (VersionState.Published, now, Caller);
        (item.PublishedVersion, item.WithdrawnAt) = (draft.Version, null);
        item.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ServiceItemVersion>.Conflict(t["Catalogue.Concurrent"]);
        }
        return Outcome<ServiceItemVersion>.Ok(draft);
    }

    /// <summary>Takes an item out of the public catalogue (its procedure, if any, can no longer be asked for); its versions stay.</summary>
    public async Task<Outcome<ServiceItem>> WithdrawAsync(string code, CancellationToken ct = default)
    {
        if (!MayEdit)
        {
            return Outcome<ServiceItem>.Forbidden(t["Catalogue.MayNot"]);
        }
        var item = await db.Items.SingleOrDefaultAsync(i => i.Code == code, ct);
        if (item is null)
        {
            return Outcome<ServiceItem>.NotFound(t["Catalogue.NotFound"]);
        }
        if (item.PublishedVersion is null || item.WithdrawnAt is not null)
        {
            return Outcome<ServiceItem>.Conflict(t["Catalogue.NotInForce"]);
        }
        item.WithdrawnAt = clock.GetUtcNow();
        item.Revision++;
        await db.SaveChangesAsync(ct);
        return Outcome<ServiceItem>.Ok(item);
    }

    /// <summary>The item in force for a change's kind: its limits are the change's. Null when none is (the change cannot be asked for).</summary>
    public async Task<PublishedItem?> ForChangeAsync(ChangeKind kind, CancellationToken ct = default)
    {
        var procedure = kind switch
        {
            ChangeKind.Transfer => OnlineProcedure.Transfer,
            ChangeKind.TransferOut => OnlineProcedure.TransferOut,
            ChangeKind.Suspension => OnlineProcedure.Suspension,
            ChangeKind.Resumption => OnlineProcedure.Resumption,
            ChangeKind.TransferIn => OnlineProcedure.TransferIn,
            _ => OnlineProcedure.None,
        };
        return (await PublishedAsync(ct)).FirstOrDefault(p => p.Version.Procedure == procedure);
    }

    /// <summary>The materials an item's version asks the applicant to bring (not those Qedu holds): names to suggest for a file.</summary>
    public async Task<IReadOnlyList<string>> MaterialsToBringAsync(string? code, int? version, CancellationToken ct = default) =>
        code is null || await FindAsync(code, version, ct) is not { } item ? [] : [.. item.Version.Materials.Where(m => !m.HeldByQedu).Select(m => m.Name)];

    /// <summary>A copy of a version's content (not its number, state or dates): the next draft starts from it.</summary>
    public static ServiceItemVersion Copy(ServiceItemVersion from)
    {
        var copy = new ServiceItemVersion();
        Fill(copy, from);
        return copy;
    }

    private bool MayEdit => access.Current.Has(Permissions.ServiceCatalogueManage);

    private string Caller => access.Current.ActorName ?? "?";

    private static void Fill(ServiceItemVersion to, ServiceItemVersion from)
    {
        (to.Name, to.NameEn, to.Category, to.ImplementingBody, to.LegalBasis, to.Conditions) =
            (from.Name, from.NameEn, from.Category, from.ImplementingBody, from.LegalBasis, from.Conditions);
        (to.Materials, to.Process, to.LegalDays, to.PromisedDays, to.Fees, to.Channels) =
            (from.Materials.ToList(), from.Process, from.LegalDays, from.PromisedDays, from.Fees, from.Channels);
        (to.Immediate, to.ZeroTrip, to.Procedure, to.ChangeNote) = (from.Immediate, from.ZeroTrip, from.Procedure, from.ChangeNote);
    }

    /// <summary>The input as a version's content, each refusal named by its field.</summary>
    private ServiceItemVersion Check(ItemInput input, InputErrors errors)
    {
        var v = new ServiceItemVersion
        {
            Name = Required(input.Name, "name", 100, errors),
            NameEn = Optional(input.NameEn, "nameEn", 200, errors),
            ImplementingBody = Required(input.ImplementingBody, "implementingBody", 200, errors),
            LegalBasis = Required(input.LegalBasis, "legalBasis", 2000, errors),
            Conditions = Required(input.Conditions, "conditions", 2000, errors),
            Process = string.Join('\n', (input.Process ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
            Fees = Required(input.Fees, "fees", 200, errors),
            LegalDays = input.LegalDays,
            PromisedDays = input.PromisedDays,
            Immediate = input.Immediate,
            ZeroTrip = input.ZeroTrip,
            ChangeNote = Optional(input.ChangeNote, "changeNote", 500, errors),
        };
        if (v.Process.Length is 0 or > 2000)
        {
            errors.Add("process", t["Catalogue.Field", t["Catalogue.Process"], 2000]);
        }
        if (!EnumNames.TryParseName<ServiceCategory>(input.Category, out var category))
        {
            errors.Add("category", t["Catalogue.Category"]);
        }
        v.Category = category;
        if (!EnumNames.TryParseName<OnlineProcedure>(string.IsNullOrWhiteSpace(input.Procedure) ? nameof(OnlineProcedure.None) : input.Procedure, out var procedure))
        {
            errors.Add("procedure", t["Catalogue.Procedure"]);
        }
        v.Procedure = procedure;
        foreach (var channel in input.Channels ?? [])
        {
            if (EnumNames.TryParseName<ServiceChannels>(channel, out var c) && c != ServiceChannels.None)
            {
                v.Channels |= c;
            }
            else
            {
                errors.Add("channels", t["Catalogue.Channel", channel]);
            }
        }
        if (v.Channels == ServiceChannels.None)
        {
            errors.Add("channels", t["Catalogue.NoChannel"]);
        }
        if (v.LegalDays is < 0 or > MaxDays)
        {
            errors.Add("legalDays", t["Catalogue.Days", MaxDays]);
        }
        if (v.PromisedDays is < 0 or > MaxDays)
        {
            errors.Add("promisedDays", t["Catalogue.Days", MaxDays]);
        }
        else if (v.LegalDays > 0 && v.PromisedDays > v.LegalDays)
        {
            errors.Add("promisedDays", t["Catalogue.PromiseOverLegal"]);
        }
        if (v.Immediate && v.PromisedDays != 0)
        {
            errors.Add("immediate", t["Catalogue.Immediate"]);
        }
        if (v.Procedure is OnlineProcedure.Transfer or OnlineProcedure.TransferOut or OnlineProcedure.Suspension or OnlineProcedure.Resumption
            or OnlineProcedure.TransferIn
            && (v.LegalDays < 1 || v.PromisedDays < 1))
        {
            errors.Add("promisedDays", t["Catalogue.ProcedureDays"]);
        }
        var materials = input.Materials ?? [];
        if (materials.Count > MaxMaterials)
        {
            errors.Add("materials", t["Catalogue.TooManyMaterials", MaxMaterials]);
        }
        for (var i = 0; i < Math.Min(materials.Count, MaxMaterials); i++)
        {
            var name = Required(materials[i].Name, $"materials[{i}].name", 100, errors);
            var note = Optional(materials[i].Note, $"materials[{i}].note", 200, errors);
            v.Materials.Add(new ServiceMaterial(name, materials[i].HeldByQedu, note));
        }
        return v;
    }

    private string Required(string? value, string field, int max, InputErrors errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0 || text.Length > max)
        {
            errors.Add(field, t["Catalogue.Field", t[$"Catalogue.{FieldLabel(field)}"], max]);
        }
        return text;
    }

    private string? Optional(string? value, string field, int max, InputErrors errors)
    {
        var text = value?.Trim();
        if (text?.Length > max)
        {
            errors.Add(field, t["Catalogue.Field", t[$"Catalogue.{FieldLabel(field)}"], max]);
        }
        return string.IsNullOrEmpty(text) ? null : text;
    }

    // "materials[3].name" → "MaterialName"; "legalBasis" → "LegalBasis": the resource key of the field's label.
    private static string FieldLabel(string field) =>
        field.StartsWith("materials[", StringComparison.Ordinal)
            ? "Material" + char.ToUpperInvariant(field[(field.LastIndexOf('.') + 1)]) + field[(field.LastIndexOf('.') + 2)..]
            : char.ToUpperInvariant(field[0]) + field[1..];

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{2,29}$")]
    private static partial Regex CodePattern();
}
