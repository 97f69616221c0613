using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;

namespace Qedu.Registry.Features.ChangeFeed;

/// <summary>
/// One line of the feed: a record of <see cref="EntityType"/> changed (or was deleted) at <see cref="Version"/>.
/// <see cref="Data"/> is the record as it is now, in its exchange shape (see <c>ExchangeRecords</c>); null on a tombstone
/// and for a record that has since been deleted or left the caller's scope.
/// </summary>
internal sealed record ChangeLine(long Version, string EntityType, long EntityId, string OrgCode, bool Deleted, DateTimeOffset At, object? Data);

/// <summary>A page of the feed; ask again with <c>since = LastVersion</c>.</summary>
internal sealed record ChangePage(IReadOnlyList<ChangeLine> Items, long LastVersion, bool HasMore);

/// <summary>
/// Reads the change feed in version (= commit) order, within the caller's scope, with each record's current data.
/// </summary>
/// <remarks>
/// The data is read from the record tables when the page is read, not stored with the line: a payload column would
/// copy every row a second time (the city's 4 M lines) and would have to be masked and scope-checked as of the read
/// anyway. The price is that a line shows the record's latest state, not the state at its version: a record changed
/// twice shows the same data on both lines, and a record deleted since shows none, then its tombstone. A mirror that
/// applies the lines in order still ends equal to the source, which is what the feed promises.
/// </remarks>
internal sealed class ChangeFeedQuery(RegistryDb db, ExchangeData shaper)
{
    public const int DefaultPageSize = 1000;
    public const int MaxPageSize = 5000;

    public async Task<ChangePage> PageAsync(long since, int limit, CancellationToken ct = default)
    {
        var (rows, more) = await db.Changes.AsNoTracking()
            .Where(c => c.Version > since)
            .OrderBy(c => c.Version)
            .TakePageAsync(limit, ct);

        // One query per kind of record on the page; the scope filter hides what the caller may no longer see.
        var records = new Dictionary<(string Type, long Id), IRegistryRecord>();
        foreach (var group in rows.Where(r => !r.Deleted).GroupBy(r => r.EntityType))
        {
            var kind = ExchangeKinds.Find(group.Key);
            if (kind is null)
            {
                continue;
            }
            foreach (var record in await kind.LoadAsync(db, group.Select(r => r.EntityId).Distinct().ToList(), tracking: false, ct))
            {
                records[(group.Key, record.Id)] = record;
            }
        }

        var (data, codes) = await shaper.ShapeAsync(records.Select(r => (ExchangeKinds.Find(r.Key.Type)!, r.Value)).ToList(), rows.Select(r => r.OrgUnitId), ct);

        var items = rows.ConvertAll(r => new ChangeLine(
            r.Version, r.EntityType, r.EntityId, codes.GetValueOrDefault(r.OrgUnitId, ""), r.Deleted, r.At,
            r.Deleted ? null : data.GetValueOrDefault((r.EntityType, r.EntityId))));
        return new ChangePage(items, rows.Count > 0 ? rows[^1].Version : since, more);
    }
}
