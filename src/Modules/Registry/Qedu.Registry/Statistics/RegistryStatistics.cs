using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Registry.Contracts;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Statistics;

/// <summary>
/// Counts for indicators, each one grouped query over the whole registry (a million students is one pass on PostgreSQL).
/// Which statuses count as enrolled and which posts as teachers is the code lists' data, not code.
/// </summary>
internal sealed class RegistryStatistics(RegistryDb db, CodeBook codes) : IRegistryStatistics
{
    public async Task<IReadOnlyList<ClassHeadcount>> HeadcountsAsync(CancellationToken ct = default)
    {
        var active = ActiveStatuses();
        var groups = await db.Students.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).AsNoTracking()
            .Where(s => active.Contains(s.StatusCode))
            .GroupBy(s => new { s.OrgUnitId, s.ClassId })
            .Select(g => new
            {
                g.Key.OrgUnitId,
                g.Key.ClassId,
                Students = g.Count(),
                Migrant = g.Count(s => s.IsMigrantChild),
                LeftBehind = g.Count(s => s.IsLeftBehind),
                Hardship = g.Count(s => s.HasFinancialHardship),
            })
            .ToListAsync(ct);
        var grades = await db.Classes.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Select(c => new { c.Id, c.GradeCode })
            .ToDictionaryAsync(c => c.Id, c => c.GradeCode, ct);
        return groups
            .Select(g => new ClassHeadcount(g.OrgUnitId, g.ClassId, g.ClassId is { } id ? grades.GetValueOrDefault(id) : null, g.Students, g.Migrant, g.LeftBehind, g.Hardship))
            .ToList();
    }

    public async Task<IReadOnlyDictionary<int, int>> TeachersBySchoolAsync(CancellationToken ct = default)
    {
        var posts = codes.Values(RegistryCodeLists.StaffPost).Where(v => v.Attribute("teacher") == "true").Select(v => v.Code).ToArray();
        return await db.Staff.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(s => posts.Contains(s.PostCode))
            .GroupBy(s => s.OrgUnitId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    public async Task<IReadOnlyDictionary<int, int>> SeatsBySchoolAsync(CancellationToken ct = default) =>
        await db.SchoolProfiles.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(p => p.CapacitySeats != null)
            .ToDictionaryAsync(p => p.OrgUnitId, p => p.CapacitySeats!.Value, ct);

    public async Task<IReadOnlyList<ClassSizeRow>> ClassesOfSchoolAsync(int schoolId, CancellationToken ct = default)
    {
        var active = ActiveStatuses();
        var sizes = await db.Students.AsNoTracking()
            .Where(s => s.OrgUnitId == schoolId && s.ClassId != null && active.Contains(s.StatusCode))
            .GroupBy(s => s.ClassId!.Value)
            .Select(g => new { ClassId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ClassId, g => g.Count, ct);
        var classes = await db.Classes.AsNoTracking()
            .Where(c => c.OrgUnitId == schoolId)
            .Select(c => new { c.Id, c.Code, c.Name, c.GradeCode })
            .ToListAsync(ct);
        return classes
            .Select(c => new ClassSizeRow(c.Id, c.Code, c.Name, c.GradeCode, sizes.GetValueOrDefault(c.Id)))
            .OrderByDescending(c => c.Students).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
    }

    private string[] ActiveStatuses() =>
        codes.Values(RegistryCodeLists.StudentStatus).Where(v => v.Attribute("active") == "true").Select(v => v.Code).ToArray();
}
