using Microsoft.EntityFrameworkCore;
using Qedu.Registry.Contracts;
using Qedu.Registry.Data;

namespace Qedu.Registry.Roster;

/// <summary><see cref="IStaffDirectory"/> through the registry's scoped context: the caller's scope decides which staff exist.</summary>
internal sealed class StaffDirectory(RegistryDb db) : IStaffDirectory
{
    private const int Batch = 5_000;

    public async Task<StaffMember?> FindAsync(long staffId, CancellationToken ct = default) =>
        (await FindManyAsync([staffId], ct)).GetValueOrDefault(staffId);

    public async Task<IReadOnlyDictionary<long, StaffMember>> FindManyAsync(IReadOnlyCollection<long> staffIds, CancellationToken ct = default)
    {
        var found = new Dictionary<long, StaffMember>(staffIds.Count);
        foreach (var chunk in staffIds.Distinct().Chunk(Batch))
        {
            foreach (var member in await Members(db.Staff.AsNoTracking().Where(s => chunk.Contains(s.Id))).ToListAsync(ct))
            {
                found[member.StaffId] = member;
            }
        }
        return found;
    }

    public async Task<IReadOnlyDictionary<string, StaffMember>> FindByNumbersAsync(IReadOnlyCollection<string> staffNumbers, CancellationToken ct = default)
    {
        var found = new Dictionary<string, StaffMember>(staffNumbers.Count, StringComparer.Ordinal);
        foreach (var chunk in staffNumbers.Distinct(StringComparer.Ordinal).Chunk(Batch))
        {
            foreach (var member in await Members(db.Staff.AsNoTracking().Where(s => chunk.Contains(s.StaffNumber))).ToListAsync(ct))
            {
                found[member.StaffNumber] = member;
            }
        }
        return found;
    }

    public async Task<IReadOnlyList<StaffMember>> AtSchoolsAsync(IReadOnlyCollection<int> schoolIds, CancellationToken ct = default)
    {
        var ids = schoolIds.Distinct().ToList();
        return await Members(db.Staff.AsNoTracking().Where(s => ids.Contains(s.OrgUnitId)).OrderBy(s => s.Id)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<StaffHeadcount>> HeadcountsAsync(IReadOnlyCollection<int> schoolIds, CancellationToken ct = default)
    {
        var ids = schoolIds.Distinct().ToList();
        // The main subject is the first of the '|'-joined list; cut in memory over a narrow projection (portable across providers).
        var rows = await db.Staff.AsNoTracking().Where(s => ids.Contains(s.OrgUnitId))
            .GroupBy(s => new { s.OrgUnitId, s.PostCode, s.EmploymentTypeCode, s.Subjects })
            .Select(g => new { g.Key.OrgUnitId, g.Key.PostCode, g.Key.EmploymentTypeCode, g.Key.Subjects, Count = g.Count() })
            .ToListAsync(ct);
        return [.. rows
            .GroupBy(r => (r.OrgUnitId, r.PostCode, r.EmploymentTypeCode, Subject: StaffMember.MainSubjectOf(r.Subjects) ?? ""))
            .Select(g => new StaffHeadcount(g.Key.OrgUnitId, g.Key.PostCode, g.Key.EmploymentTypeCode, g.Key.Subject, g.Sum(r => r.Count)))
            .OrderBy(h => h.SchoolId).ThenBy(h => h.PostCode, StringComparer.Ordinal).ThenBy(h => h.MainSubject, StringComparer.Ordinal)];
    }

    private static IQueryable<StaffMember> Members(IQueryable<Domain.Staff> query) =>
        query.Select(s => new StaffMember(s.Id, s.StaffNumber, s.Name, s.GenderCode, s.OrgUnitId, s.PostCode, s.TitleCode, s.Subjects,
            s.EmploymentTypeCode, s.HiredOn));
}
