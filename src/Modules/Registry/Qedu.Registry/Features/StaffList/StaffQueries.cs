using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Persistence;
using Qedu.Registry.Api;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;
using Qedu.Registry.Kinds;

namespace Qedu.Registry.Features.StaffList;

/// <summary>What a staff list is narrowed to; every part is optional.</summary>
internal sealed record StaffFilter(int? SchoolId = null, string? Search = null, string? PostCode = null);

/// <summary>A page of the staff list with how many match and the schools' names.</summary>
internal sealed record StaffListing(KeysetPage<StaffData> Page, int Total, bool TotalIsAtLeast, IReadOnlyDictionary<string, string> SchoolNames);

/// <summary>A staff member's page: the record (masked as everywhere) and the classes they head (班主任).</summary>
internal sealed record StaffDetail(StaffData Staff, OrgUnit? School, IReadOnlyList<(long Id, string Name)> ClassesHeaded);

/// <summary>Reads staff within the caller's scope (the kernel's scope filter applies to every query here), in the exchange shape.</summary>
internal sealed class StaffQueries(RegistryDb db, OrgTree tree, ExchangeData shaper)
{
    /// <summary>Past this many matches the list says "at least", as the students list does.</summary>
    public const int ExactCountUpTo = 10_000;

    public async Task<StaffListing> ListingAsync(StaffFilter filter, long after, int limit, CancellationToken ct = default)
    {
        var (rows, more) = await Filtered(filter).Where(s => s.Id > after).OrderBy(s => s.Id).TakePageAsync(limit, ct);
        var counted = await Filtered(filter).Take(ExactCountUpTo + 1).CountAsync(ct);
        var views = await ViewsAsync(rows, ct);
        var schools = await tree.UnitsOfAsync(rows.Select(r => r.OrgUnitId).Distinct(), ct);
        return new StaffListing(new KeysetPage<StaffData>(views, more ? rows[^1].Id : null), Math.Min(counted, ExactCountUpTo), counted > ExactCountUpTo,
            schools.Values.ToDictionary(u => u.Code, u => u.DisplayName(CodeBook.IsEnglish)));
    }

    /// <summary>One member of staff; null when out of the caller's scope or absent.</summary>
    public async Task<StaffDetail?> DetailAsync(long id, CancellationToken ct = default)
    {
        var row = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (row is null)
        {
            return null;
        }
        var classes = await db.Classes.AsNoTracking().Where(c => c.HeadTeacherId == id).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var school = (await tree.UnitsOfAsync([row.OrgUnitId], ct)).GetValueOrDefault(row.OrgUnitId);
        return new StaffDetail((await ViewsAsync([row], ct))[0], school, classes.ConvertAll(c => (c.Id, c.Name)));
    }

    private IQueryable<Domain.Staff> Filtered(StaffFilter filter)
    {
        var query = db.Staff.AsNoTracking();
        if (filter.SchoolId is { } schoolId)
        {
            query = query.Where(s => s.OrgUnitId == schoolId);
        }
        if (!string.IsNullOrWhiteSpace(filter.PostCode))
        {
            query = query.Where(s => s.PostCode == filter.PostCode);
        }
        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            // A resident ID is looked up by its blind index (it is encrypted at rest); otherwise a 教职工号 exactly or a name prefix.
            var upper = search.ToUpperInvariant();
            var index = db.FieldEncryption.Index(upper);
            query = upper.Length == 18 && upper[..17].All(char.IsAsciiDigit)
                ? query.Where(s => s.ResidentIdIndex == index)
                : query.Where(s => s.StaffNumber == search || s.Name.StartsWith(search));
        }
        return query;
    }

    /// <summary>The rows in the exchange shape (the API and the files give the same), masked and audited as there.</summary>
    private async Task<IReadOnlyList<StaffData>> ViewsAsync(List<Domain.Staff> rows, CancellationToken ct)
    {
        var kind = StaffKind.Instance.Exchange;
        var (data, _) = await shaper.ShapeAsync(rows.ConvertAll(r => (kind, (IRegistryRecord)r)), ct: ct);
        return rows.ConvertAll(r => (StaffData)data[(kind.EntityType, r.Id)]);
    }
}
