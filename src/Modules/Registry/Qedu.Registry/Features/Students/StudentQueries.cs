using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Persistence;

namespace Qedu.Registry.Features.Students;

/// <summary>A student as the API and pages show them; identifying fields are masked unless <see cref="Masked"/> is false.</summary>
internal sealed record StudentView(
    long Id,
    string StudentNumber,
    string Name,
    string GenderCode,
    string? ResidentId,
    DateOnly BirthDate,
    string? EthnicityCode,
    string? HukouDivisionCode,
    string SchoolCode,
    long? ClassId,
    string StatusCode,
    string CategoryCode,
    bool IsMigrantChild,
    bool IsLeftBehind,
    bool HasDisability,
    bool HasFinancialHardship,
    long Revision,
    bool Masked);

/// <summary>A page of a keyset-paged list: pass <see cref="Next"/> as <c>after</c> for the following page.</summary>
internal sealed record KeysetPage<T>(IReadOnlyList<T> Items, long? Next);

/// <summary>Reads students within the caller's scope (the kernel's scope filter applies to every query here).</summary>
internal sealed class StudentQueries(RegistryDb db, OrgTree tree, PersonalDataAccess personalData)
{
    public const int MaxPageSize = 1000;

    public async Task<KeysetPage<StudentView>> ListAsync(int? schoolId, long? classId, long after, int limit, CancellationToken ct = default)
    {
        var query = db.Students.AsNoTracking().Where(s => s.Id > after);
        if (schoolId is not null)
        {
            query = query.Where(s => s.OrgUnitId == schoolId);
        }
        if (classId is not null)
        {
            query = query.Where(s => s.ClassId == classId);
        }
        var (rows, more) = await query.OrderBy(s => s.Id).TakePageAsync(limit, ct);
        var views = await ViewsAsync(rows, ct);
        return new KeysetPage<StudentView>(views, more ? rows[^1].Id : null);
    }

    public async Task<StudentView?> FindAsync(long id, CancellationToken ct = default)
    {
        var row = await db.Students.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return row is null ? null : (await ViewsAsync([row], ct))[0];
    }

    private async Task<IReadOnlyList<StudentView>> ViewsAsync(List<Student> rows, CancellationToken ct)
    {
        var orgIds = rows.Select(r => r.OrgUnitId).Distinct().ToList();
        var codes = await tree.CodesOfAsync(orgIds, ct);
        var unmasked = await personalData.UnmaskedOrgsAsync(orgIds, ct);
        var views = rows.Select(s =>
        {
            var open = unmasked.Contains(s.OrgUnitId);
            return new StudentView(
                s.Id, PersonalDataAccess.MaskStudentNumber(s.StudentNumber, open), s.Name, s.GenderCode,
                PersonalDataAccess.MaskResidentId(s.ResidentId, open), s.BirthDate, s.EthnicityCode, s.HukouDivisionCode,
                codes.GetValueOrDefault(s.OrgUnitId, ""), s.ClassId, s.StatusCode, s.CategoryCode,
                s.IsMigrantChild, s.IsLeftBehind, s.HasDisability, s.HasFinancialHardship, s.Revision, Masked: !open);
        }).ToList();
        await personalData.RecordUnmaskedReadAsync(nameof(Student), views.Where(v => !v.Masked).Select(v => v.Id).ToList(), ct);
        return views;
    }
}
