using Microsoft.EntityFrameworkCore;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Features.Classes;

/// <summary>A class as its school's list shows it: size counts students currently enrolled (在读) in it.</summary>
internal sealed record ClassRow(long Id, string Code, string Name, string GradeCode, int EntryYear, string? HeadTeacher, int Size)
{
    /// <summary>大班额: 56 or more pupils in one class (教育部 standard, seed 001 task 23).</summary>
    public const int Oversized = 56;

    /// <summary>超大班额: 66 or more.</summary>
    public const int SeverelyOversized = 66;
}

/// <summary>Reads classes within the caller's scope.</summary>
internal sealed class ClassQueries(RegistryDb db)
{
    public async Task<IReadOnlyList<ClassRow>> OfSchoolAsync(int schoolId, CancellationToken ct = default)
    {
        var sizes = await db.Students.AsNoTracking()
            .Where(s => s.OrgUnitId == schoolId && s.StatusCode == StudentStatuses.Enrolled && s.ClassId != null)
            .GroupBy(s => s.ClassId!.Value)
            .Select(g => new { ClassId = g.Key, Size = g.Count() })
            .ToDictionaryAsync(x => x.ClassId, x => x.Size, ct);
        var rows = await (
                from c in db.Classes.AsNoTracking()
                where c.OrgUnitId == schoolId
                join t in db.Staff.AsNoTracking() on c.HeadTeacherId equals t.Id into heads
                from t in heads.DefaultIfEmpty()
                select new { c.Id, c.Code, c.Name, c.GradeCode, c.EntryYear, HeadTeacher = t == null ? null : t.Name })
            .ToListAsync(ct);
        return rows
            .Select(c => new ClassRow(c.Id, c.Code, c.Name, c.GradeCode, c.EntryYear, c.HeadTeacher, sizes.GetValueOrDefault(c.Id)))
            .OrderBy(c => c.GradeCode, StringComparer.Ordinal).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
    }
}
