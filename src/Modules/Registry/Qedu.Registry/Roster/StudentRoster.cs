using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Registry.Contracts;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Roster;

/// <summary>
/// <see cref="IStudentRoster"/> through the registry's scoped context: the caller's scope decides which students exist.
/// Numbers are looked up in batches (an exam brings 150,000), the enrolment of the day from the dated history.
/// </summary>
internal sealed class StudentRoster(RegistryDb db, AuditTrail audit) : IStudentRoster
{
    private const int Batch = 5_000;

    public async Task<IReadOnlyDictionary<string, RosterStudent>> EnrolledOnAsync(IReadOnlyCollection<string> studentNumbers, DateOnly day,
        CancellationToken ct = default)
    {
        var found = new Dictionary<string, RosterStudent>(studentNumbers.Count, StringComparer.Ordinal);
        foreach (var chunk in studentNumbers.Distinct(StringComparer.Ordinal).Chunk(Batch))
        {
            var rows = await (
                    from s in db.Students.AsNoTracking()
                    where chunk.Contains(s.StudentNumber)
                    join e in db.Enrolments.AsNoTracking() on s.Id equals e.StudentId
                    where e.From <= day && (e.To == null || e.To > day)
                    join c in db.Classes.AsNoTracking() on e.ClassId equals c.Id into classes
                    from c in classes.DefaultIfEmpty()
                    select new RosterStudent(s.Id, s.StudentNumber, e.OrgUnitId, e.ClassId, c == null ? null : c.Name, c == null ? null : c.GradeCode,
                        s.IsMigrantChild, s.HasFinancialHardship, s.HasDisability, s.GenderCode))
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                // Two stretches covering one day would be a broken history: one of them is taken rather than the exam refused.
                found.TryAdd(row.StudentNumber, row);
            }
        }
        return found;
    }

    public async Task<IReadOnlyList<RosterStudent>> InGradeAsync(string gradeCode, CancellationToken ct = default) =>
        await (from s in db.Students.AsNoTracking()
               join c in db.Classes.AsNoTracking() on s.ClassId equals c.Id
               where c.GradeCode == gradeCode && s.StatusCode == StudentStatuses.Enrolled
               orderby s.StudentNumber
               select new RosterStudent(s.Id, s.StudentNumber, s.OrgUnitId, s.ClassId, c.Name, c.GradeCode, s.IsMigrantChild, s.HasFinancialHardship,
                   s.HasDisability, s.GenderCode))
            .ToListAsync(ct);

    public async Task<IReadOnlyDictionary<long, string>> NamesAsync(IReadOnlyCollection<long> studentIds, CancellationToken ct = default)
    {
        var names = new Dictionary<long, string>(studentIds.Count);
        foreach (var chunk in studentIds.Distinct().Chunk(Batch))
        {
            foreach (var s in await db.Students.AsNoTracking().Where(s => chunk.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            {
                names[s.Id] = s.Name;
            }
        }
        return names;
    }

    public async Task<IReadOnlyDictionary<long, string>> ChildrenOfGuardianAsync(string verifiedPhone, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(verifiedPhone))
        {
            return new Dictionary<long, string>();
        }
        var ids = db.Guardians.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).Where(g => g.Phone == verifiedPhone).Select(g => g.StudentId);
        var children = await db.Students.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).AsNoTracking()
            .Where(s => ids.Contains(s.Id)).OrderBy(s => s.BirthDate).Take(10).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        if (children.Count > 0)
        {
            await audit.RecordAsync("pii.read", "Student", null, null,
                $"children of a guardian's phone for their exam results: {string.Join(',', children.Select(c => c.Id))}", ct: ct);
        }
        return children.ToDictionary(c => c.Id, c => c.Name);
    }

    public async Task<IReadOnlyList<RosterClass>> ClassesAsync(IReadOnlyCollection<int> schoolIds, CancellationToken ct = default)
    {
        // Counted from the students the caller reads, so the own-classes rule and the scope decide together.
        var schools = schoolIds.ToList();
        var counts = await db.Students.AsNoTracking().Where(s => schools.Contains(s.OrgUnitId) && s.StatusCode == StudentStatuses.Enrolled && s.ClassId != null)
            .GroupBy(s => s.ClassId!.Value).Select(g => new { ClassId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var ids = counts.Select(c => c.ClassId).ToList();
        var classes = await db.Classes.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.OrgUnitId, c.Name, c.GradeCode }).ToListAsync(ct);
        var students = counts.ToDictionary(c => c.ClassId, c => c.Count);
        return [.. classes.OrderBy(c => c.GradeCode, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new RosterClass(c.Id, c.OrgUnitId, c.Name, c.GradeCode, students[c.Id]))];
    }

    public async Task<IReadOnlyList<RosterPupil>> InClassAsync(long classId, CancellationToken ct = default) =>
        await (from s in db.Students.AsNoTracking()
               where s.ClassId == classId && s.StatusCode == StudentStatuses.Enrolled
               join c in db.Classes.AsNoTracking() on s.ClassId equals c.Id
               orderby s.StudentNumber
               select new RosterPupil(s.Id, s.StudentNumber, s.Name, s.OrgUnitId, s.ClassId, c.Name, c.GradeCode))
            .ToListAsync(ct);

    public async Task<RosterPupil?> PupilAsync(long studentId, CancellationToken ct = default) =>
        await (from s in db.Students.AsNoTracking()
               where s.Id == studentId
               join c in db.Classes.AsNoTracking() on s.ClassId equals c.Id into classes
               from c in classes.DefaultIfEmpty()
               select new RosterPupil(s.Id, s.StudentNumber, s.Name, s.OrgUnitId, s.ClassId, c == null ? null : c.Name, c == null ? null : c.GradeCode))
            .FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<RosterPupil>> FlaggedAsync(int schoolId, StudentFlag flag, CancellationToken ct = default)
    {
        var students = db.Students.AsNoTracking().Where(s => s.OrgUnitId == schoolId && s.StatusCode == StudentStatuses.Enrolled);
        students = flag switch
        {
            StudentFlag.LeftBehind => students.Where(s => s.IsLeftBehind),
            StudentFlag.FinancialHardship => students.Where(s => s.HasFinancialHardship),
            _ => students.Where(s => s.HasDisability),
        };
        return await (from s in students
                      join c in db.Classes.AsNoTracking() on s.ClassId equals c.Id into classes
                      from c in classes.DefaultIfEmpty()
                      orderby c == null ? "" : c.Name, s.StudentNumber
                      select new RosterPupil(s.Id, s.StudentNumber, s.Name, s.OrgUnitId, s.ClassId, c == null ? null : c.Name, c == null ? null : c.GradeCode))
            .ToListAsync(ct);
    }
}
