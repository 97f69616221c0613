using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Resources.Data;
using Qedu.Resources.Domain;
using Qedu.Resources.Resources;

namespace Qedu.Resources.Features.Review;

internal sealed record ReviewQueue(IReadOnlyList<ResourceLine> Pending, IReadOnlyList<ResourceLine> Published, bool CityLevel);

/// <summary>A review decision: publish (approve: true) or send back (approve: false) with a note saying why.</summary>
internal sealed record ReviewBody(bool? Approve, string? Note);

internal sealed record RetireBody(string? Reason);

internal sealed record AwardBody(string? Award);

/// <summary>
/// Review of the library by the level an item is shared at (审核): the school for its own reach, the district for a
/// school's item shared district-wide, the city for anything shared city-wide. Reviewers publish or send back pending
/// items, feature published ones (the city alone names 精品, for items shared city-wide) and retire stale ones with a
/// reason (retired items leave search but are kept). A contributor does not review their own item. The queue lists the
/// caller's own level; a bureau above the reviewing unit may act too (the city steps in for a district).
/// </summary>
internal sealed class ResourceReviews(ResourcesDb db, ResourcesAccess access, ResourceLines lines, OrgTree tree, TimeProvider clock, IStringLocalizer<ResourcesText> t)
{
    public const int MaxLines = 200;

    public async Task<ReviewQueue> QueueAsync(CancellationToken ct = default)
    {
        // Items are kept in the contributor's unit, which lies under its reviewer: the scope holds every item the caller reviews.
        var open = await db.Items.AsNoTracking().Where(i => i.State == ResourceState.Pending || i.State == ResourceState.Published)
            .OrderByDescending(i => i.Id).Take(5 * MaxLines).ToListAsync(ct);
        // The queue is the caller's own level: the units of its review grants (a bureau above may still act on an item it opens).
        var mine = access.Caller.IsSystem ? null : access.Caller.Grants.Where(g => g.Permissions.Contains(Permissions.ResourcesReview)).Select(g => g.OrgUnitId).ToHashSet();
        var reviewed = open.Where(i => mine is null || mine.Contains(i.ReviewerUnitId)).ToList();
        var city = await access.HomeAsync(Permissions.ResourcesReview, ct) is { Kind: OrgUnitKind.City or OrgUnitKind.Province } || access.Caller.IsSystem;
        return new ReviewQueue(
            await lines.OfAsync([.. reviewed.Where(i => i.State == ResourceState.Pending).OrderBy(i => i.Id).Take(MaxLines)], ct),
            await lines.OfAsync([.. reviewed.Where(i => i.State == ResourceState.Published).Take(MaxLines)], ct),
            city);
    }

    public async Task<Outcome<string>> ReviewAsync(long id, bool? approve, string? note, CancellationToken ct = default)
    {
        var (item, problem) = await ReviewedAsync(id, ct);
        if (item is null)
        {
            return problem!;
        }
        var errors = new InputErrors();
        if (approve is null)
        {
            errors.Add("approve", t["Field.Required"]);
        }
        var text = errors.Text("note", note, 500, approve == false ? t["Review.NoteRequired"].Value : null, string.Format(t["Field.TooLong"], 500));
        if (errors.Any)
        {
            return Outcome<string>.Invalid(errors);
        }
        if (item.State != ResourceState.Pending)
        {
            return Outcome<string>.Conflict(t["Review.NotPending"]);
        }
        item.State = approve == true ? ResourceState.Published : ResourceState.Returned;
        (item.ReviewedAt, item.ReviewedBy, item.ReviewNote) = (clock.GetUtcNow(), access.Caller.ActorName, text);
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(item.State.ToString());
    }

    public async Task<Outcome<string>> RetireAsync(long id, string? reason, CancellationToken ct = default)
    {
        var (item, problem) = await ReviewedAsync(id, ct);
        if (item is null)
        {
            return problem!;
        }
        var errors = new InputErrors();
        var text = errors.Text("reason", reason, 500, t["Retire.ReasonRequired"], string.Format(t["Field.TooLong"], 500));
        if (errors.Any)
        {
            return Outcome<string>.Invalid(errors);
        }
        if (item.State != ResourceState.Published)
        {
            return Outcome<string>.Conflict(t["Retire.NotPublished"]);
        }
        (item.State, item.RetiredAt, item.RetiredBy, item.RetiredReason) = (ResourceState.Retired, clock.GetUtcNow(), access.Caller.ActorName, text);
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(item.State.ToString());
    }

    public async Task<Outcome<string>> AwardAsync(long id, string? award, CancellationToken ct = default)
    {
        var (item, problem) = await ReviewedAsync(id, ct);
        if (item is null)
        {
            return problem!;
        }
        if (!Enum.TryParse<ResourceAward>(award, ignoreCase: true, out var value) || !Enum.IsDefined(value) || int.TryParse(award, out _))
        {
            return Outcome<string>.Invalid(new InputErrors().Add("award", t["Award.Unknown"]));
        }
        if (item.State != ResourceState.Published)
        {
            return Outcome<string>.Conflict(t["Award.NotPublished"]);
        }
        if (value == ResourceAward.CityExcellent || item.Award == ResourceAward.CityExcellent)
        {
            // 精品 is the city's: for items shared city-wide, named and withdrawn by the city's reviewers alone.
            var unit = await tree.FindAsync(item.OrgUnitId, ct);
            var city = unit is null ? null : await access.AboveAsync(unit, OrgUnitKind.City, ct);
            if (city is null || !await access.MayAsync(Permissions.ResourcesReview, city.Id, ct))
            {
                return Outcome<string>.Forbidden(t["Award.CityOnly"]);
            }
            if (value == ResourceAward.CityExcellent && item.Reach != ResourceReach.City)
            {
                return Outcome<string>.Invalid(new InputErrors().Add("award", t["Award.CityReach"]));
            }
        }
        item.Award = value;
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(item.Award.ToString());
    }

    /// <summary>The item, tracked, when the caller reviews it (resources.review over its reviewer unit, not its own contributor).</summary>
    private async Task<(ResourceItem? Item, Outcome<string>? Problem)> ReviewedAsync(long id, CancellationToken ct)
    {
        var item = await db.Items.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return (null, Outcome<string>.NotFound(t["Item.NotFound"]));
        }
        if (!await access.MayAsync(Permissions.ResourcesReview, item.ReviewerUnitId, ct))
        {
            return (null, Outcome<string>.Forbidden(t["Review.NotYourLevel"]));
        }
        if (item.CreatedById is not null && item.CreatedById == access.Caller.ActorId)
        {
            return (null, Outcome<string>.Forbidden(t["Review.OwnItem"]));
        }
        return (item, null);
    }
}
