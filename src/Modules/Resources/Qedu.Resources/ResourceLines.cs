using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Resources.Data;
using Qedu.Resources.Domain;

namespace Qedu.Resources;

/// <summary>A resource as a list shows it: metadata, where it comes from, its state and reward, rating and use counts.</summary>
internal sealed record ResourceLine(
    long Id, string Title, string Type, string Stage, int? Grade, string Subject, string? Edition, string? Chapter, string Unit, string UnitCode,
    string Reach, string State, string Award, decimal? Rating, int Ratings, int Downloads, int Opens, bool IsLink, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>Turns items into <see cref="ResourceLine"/>s: unit names and ratings (every rater's, wherever they are).</summary>
internal sealed class ResourceLines(ResourcesDb db, OrgTree tree)
{
    public async Task<IReadOnlyList<ResourceLine>> OfAsync(IReadOnlyList<ResourceItem> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToList();
        // Ratings are kept in each rater's unit: the average of an item the caller may see counts every rater's stars.
        var ratings = (await db.Ratings.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(r => ids.Contains(r.ItemId))
                .GroupBy(r => r.ItemId).Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(r => r.Stars) }).ToListAsync(ct))
            .ToDictionary(r => r.Key);
        var units = await tree.UnitsOfAsync(items.Select(i => i.OrgUnitId).Distinct(), ct);
        return [.. items.Select(i =>
        {
            var r = ratings.GetValueOrDefault(i.Id);
            var unit = units.GetValueOrDefault(i.OrgUnitId);
            return new ResourceLine(i.Id, i.Title, i.Type.ToString(), i.Stage, i.Grade, i.Subject, i.Edition, i.Chapter, unit?.Name ?? "", unit?.Code ?? "",
                i.Reach.ToString(), i.State.ToString(), i.Award.ToString(), r is null ? null : Math.Round((decimal)r.Sum / r.Count, 1), r?.Count ?? 0,
                i.Downloads, i.Opens, i.Url is not null, i.CreatedAt, i.CreatedBy);
        })];
    }
}
