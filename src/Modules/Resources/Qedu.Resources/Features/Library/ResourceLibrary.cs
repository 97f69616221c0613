using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Files;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Resources.Data;
using Qedu.Resources.Domain;
using Qedu.Resources.Resources;

namespace Qedu.Resources.Features.Library;

internal sealed record ResourceFilter(string? Q = null, string? Type = null, string? Stage = null, int? Grade = null, string? Subject = null, string? Edition = null, bool FeaturedOnly = false);

internal sealed record ResourceSearch(IReadOnlyList<string> Terms, IReadOnlyList<ResourceLine> Items);

internal sealed record ResourceDetail(
    ResourceLine Item, string? Description, string? Keywords, string? FileName, string? MediaType, long? Length, string? Url, string? ReviewNote,
    string? RetiredReason, DateTimeOffset? RetiredAt, int? MyStars, bool CanRate);

/// <summary>What a contributor enters: metadata, the reach asked for (School, District, City), and a link when there is no file.</summary>
internal sealed record ResourceInput(
    string? Title, string? Description, string? Type, string? Stage, int? Grade, string? Subject, string? Edition, string? Chapter, string? Keywords,
    string? Reach, string? Url, string? Unit = null);

/// <summary>An uploaded file: its name as sent, its length and a seekable stream of it.</summary>
internal sealed record ResourceUpload(string FileName, long Length, Stream Content);

/// <summary>
/// The teaching resource library (教学资源库): search what the caller may see, open an item, add one (a file stored by
/// content hash, or a link) for review by the level it is to be shared at, download it or follow its link (counted),
/// rate it (one rating per account, changeable). resources.read to use, resources.contribute to add.
/// </summary>
internal sealed class ResourceLibrary(
    ResourcesDb db, ResourcesAccess access, ResourceLines lines, ResourceLimits limits, IFileStore store, OrgTree tree, TimeProvider clock,
    IStringLocalizer<ResourcesText> t)
{
    public const int MaxResults = 100;

    public async Task<ResourceSearch> SearchAsync(ResourceFilter filter, CancellationToken ct = default)
    {
        var terms = SearchWords.Terms(filter.Q);
        var query = access.Published(await access.ReaderAsync(ct)).AsNoTracking();
        foreach (var term in terms)
        {
            query = query.Where(i => i.SearchText.Contains(term));
        }
        if (Enum.TryParse<ResourceType>(filter.Type, ignoreCase: true, out var type) && Enum.IsDefined(type))
        {
            query = query.Where(i => i.Type == type);
        }
        if (!string.IsNullOrWhiteSpace(filter.Stage))
        {
            var stage = filter.Stage.Trim();
            query = query.Where(i => i.Stage == stage);
        }
        if (filter.Grade is int grade)
        {
            query = query.Where(i => i.Grade == grade);
        }
        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            var subject = filter.Subject.Trim();
            query = query.Where(i => i.Subject == subject);
        }
        if (!string.IsNullOrWhiteSpace(filter.Edition))
        {
            var edition = filter.Edition.Trim();
            query = query.Where(i => i.Edition == edition);
        }
        if (filter.FeaturedOnly)
        {
            query = query.Where(i => i.Award != ResourceAward.None);
        }
        var items = await query.OrderByDescending(i => i.Award == ResourceAward.CityExcellent).ThenByDescending(i => i.Award == ResourceAward.Featured)
            .ThenByDescending(i => i.Id).Take(MaxResults).ToListAsync(ct);
        return new ResourceSearch(terms, await lines.OfAsync(items, ct));
    }

    public async Task<ResourceDetail?> DetailAsync(long id, CancellationToken ct = default)
    {
        var item = await access.ItemAsync(id, ct);
        if (item is null)
        {
            return null;
        }
        var line = (await lines.OfAsync([item], ct))[0];
        var actor = access.Caller.ActorId;
        // The caller's own rating, wherever it was kept.
        int? mine = actor is null ? null : await db.Ratings.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(r => r.ItemId == id && r.AccountId == actor).Select(r => (int?)r.Stars).FirstOrDefaultAsync(ct);
        return new ResourceDetail(line, item.Description, item.Keywords, item.FileName, item.MediaType, item.Length, item.Url, item.ReviewNote,
            item.RetiredReason, item.RetiredAt, mine, item.State == ResourceState.Published && actor is not null);
    }

    public async Task<Outcome<long>> CreateAsync(ResourceInput input, ResourceUpload? upload, CancellationToken ct = default)
    {
        var errors = new InputErrors();
        OrgUnit? unit;
        if (string.IsNullOrWhiteSpace(input.Unit))
        {
            unit = await access.HomeAsync(Permissions.ResourcesContribute, ct);
        }
        else
        {
            unit = await tree.FindAsync(input.Unit.Trim(), ct);
            if (unit is not null && !await access.MayAsync(Permissions.ResourcesContribute, unit.Id, ct))
            {
                unit = null;
            }
        }
        if (unit is not { Kind: OrgUnitKind.School or OrgUnitKind.District or OrgUnitKind.City })
        {
            errors.Add("unit", t["Item.Unit.Unknown"]);
        }
        var title = errors.Text("title", input.Title, 200, t["Field.Required"], string.Format(t["Field.TooLong"], 200));
        var description = errors.Text("description", input.Description, 2000, null, string.Format(t["Field.TooLong"], 2000));
        var subject = errors.Text("subject", input.Subject, 40, t["Field.Required"], string.Format(t["Field.TooLong"], 40));
        var edition = errors.Text("edition", input.Edition, 60, null, string.Format(t["Field.TooLong"], 60));
        var chapter = errors.Text("chapter", input.Chapter, 100, null, string.Format(t["Field.TooLong"], 100));
        var keywords = errors.Text("keywords", input.Keywords, 200, null, string.Format(t["Field.TooLong"], 200));
        if (!Enum.TryParse<ResourceType>(input.Type, ignoreCase: true, out var type) || !Enum.IsDefined(type) || int.TryParse(input.Type, out _))
        {
            errors.Add("type", t["Item.Type.Unknown"]);
        }
        if (!Enum.TryParse<Stage>(input.Stage, ignoreCase: true, out var stage) || !Enum.IsDefined(stage) || int.TryParse(input.Stage, out _))
        {
            errors.Add("stage", t["Item.Stage.Unknown"]);
        }
        if (input.Grade is < 1 or > 12)
        {
            errors.Add("grade", string.Format(t["Field.Range"], 1, 12));
        }
        if (!Enum.TryParse<ResourceReach>(input.Reach, ignoreCase: true, out var reach) || !Enum.IsDefined(reach) || int.TryParse(input.Reach, out _))
        {
            errors.Add("reach", t["Item.Reach.Unknown"]);
        }
        var url = input.Url?.Trim();
        var hasFile = upload is { Length: > 0 };
        if (string.IsNullOrEmpty(url))
        {
            url = null;
            if (!hasFile)
            {
                errors.Add("file", t["Item.FileOrLink"]);
            }
        }
        else if (hasFile)
        {
            errors.Add("url", t["Item.FileAndLink"]);
        }
        else if (url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add("url", t["Item.Url.Invalid"]);
        }
        FileKind? kind = null;
        if (hasFile)
        {
            var check = FileKinds.Check(await FileKinds.ReadHeadAsync(upload!.Content, ct), upload.Length, limits.Kinds, limits.MaxBytes, upload.FileName);
            if (check.IsAccepted)
            {
                kind = check.Kind;
            }
            else
            {
                errors.Add("file", string.Format(t[$"Item.File.{check.Problem}"], FileKinds.CleanName(upload.FileName), limits.MaxMegabytes, limits.Accept));
            }
        }
        // The reviewer: the unit at the level the item is to be shared at (the school itself, its district, the city).
        OrgUnit? reviewer = null;
        OrgUnit? district = null;
        if (unit is not null && errors.First("reach") is null)
        {
            district = unit.Kind == OrgUnitKind.City ? null : await access.AboveAsync(unit, OrgUnitKind.District, ct);
            reviewer = reach switch
            {
                ResourceReach.School => unit.Kind == OrgUnitKind.School ? unit : null,
                ResourceReach.District => unit.Kind == OrgUnitKind.City ? null : district,
                _ => await access.AboveAsync(unit, OrgUnitKind.City, ct),
            };
            if (reviewer is null)
            {
                errors.Add("reach", t["Item.Reach.NotForUnit"]);
            }
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var item = new ResourceItem
        {
            OrgUnitId = unit!.Id, DistrictId = district?.Id, ReviewerUnitId = reviewer!.Id, Title = title!, Description = description, Type = type,
            Stage = stage.ToString(), Grade = input.Grade, Subject = subject!, Edition = edition, Chapter = chapter, Keywords = keywords, Reach = reach,
            State = ResourceState.Pending, Url = url, SearchText = SearchWords.Normalize(title, keywords, subject, edition, chapter, description),
            CreatedAt = clock.GetUtcNow(), CreatedBy = access.Caller.ActorName ?? "", CreatedById = access.Caller.ActorId,
        };
        if (kind is not null)
        {
            // Stored first: content kept by its hash is harmless if the row is not written (the same bytes are one file).
            upload!.Content.Position = 0;
            var stored = await store.PutAsync(upload.Content, ct);
            (item.FileHash, item.FileName, item.MediaType, item.Length) = (stored.Hash, FileKinds.CleanName(upload.FileName), kind.MediaType, stored.Length);
        }
        db.Items.Add(item);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(item.Id);
    }

    /// <summary>An item's file for download (counted), or null when the caller may not see it or it has none.</summary>
    public async Task<(string FileName, string MediaType, Stream Content)?> OpenFileAsync(long id, CancellationToken ct = default)
    {
        var item = await access.ItemAsync(id, ct);
        if (item?.FileHash is null || await store.OpenAsync(item.FileHash, ct) is not { } content)
        {
            return null;
        }
        await CountAsync(id, download: true, ct);
        return (item.FileName ?? "file", item.MediaType ?? "application/octet-stream", content);
    }

    /// <summary>An item's link to follow (counted), or null.</summary>
    public async Task<string?> OpenLinkAsync(long id, CancellationToken ct = default)
    {
        var item = await access.ItemAsync(id, ct);
        if (item?.Url is null)
        {
            return null;
        }
        await CountAsync(id, download: false, ct);
        return item.Url;
    }

    /// <summary>Rates a published item 1 to 5; the account's earlier rating of it is replaced.</summary>
    public async Task<Outcome<decimal>> RateAsync(long id, int? stars, CancellationToken ct = default)
    {
        var item = await access.ItemAsync(id, ct);
        if (item is null || access.Caller.ActorId is not { } actor)
        {
            return Outcome<decimal>.NotFound(t["Item.NotFound"]);
        }
        var errors = new InputErrors();
        if (stars is not (>= 1 and <= 5))
        {
            errors.Add("stars", string.Format(t["Field.Range"], 1, 5));
            return Outcome<decimal>.Invalid(errors);
        }
        if (item.State != ResourceState.Published)
        {
            return Outcome<decimal>.Conflict("stars", t["Rate.NotPublished"]);
        }
        var home = await access.HomeAsync(Permissions.ResourcesRead, ct);
        // The account's own rating, kept in the unit it rated from.
        var rating = await db.Ratings.IgnoreQueryFilters([ScopeFilter.Name]).FirstOrDefaultAsync(r => r.ItemId == id && r.AccountId == actor, ct);
        if (rating is null)
        {
            db.Ratings.Add(new ResourceRating { OrgUnitId = home?.Id ?? item.OrgUnitId, ItemId = id, AccountId = actor, Stars = stars.Value, RatedAt = clock.GetUtcNow() });
        }
        else
        {
            (rating.Stars, rating.RatedAt) = (stars.Value, clock.GetUtcNow());
        }
        await db.SaveChangesAsync(ct);
        var line = (await lines.OfAsync([item], ct))[0];
        return Outcome<decimal>.Ok(line.Rating ?? stars.Value);
    }

    private Task<int> CountAsync(long id, bool download, CancellationToken ct) =>
        // The item was checked visible to the caller first; the counter is the item's, wherever it is kept.
        download
            ? db.Items.IgnoreQueryFilters([ScopeFilter.Name]).Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Downloads, i => i.Downloads + 1), ct)
            : db.Items.IgnoreQueryFilters([ScopeFilter.Name]).Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Opens, i => i.Opens + 1), ct);
}
