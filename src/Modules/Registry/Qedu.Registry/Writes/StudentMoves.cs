using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Persistence;
using Qedu.Registry.Contracts;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Writes;

/// <summary>
/// <see cref="IStudentMoves"/>: reads past the scope for the status-change procedures, and moves written through
/// <see cref="StudentCommands"/> (so the dated history is the registry's own) by a registry context of its own on the
/// caller's connection and transaction, acting as the procedure (see the contract for why not as the reviewer).
/// </summary>
internal sealed class StudentMoves(RegistryDb db, IServiceScopeFactory scopes, DatabaseSettings settings, CodeBook codes, AuditTrail audit) : IStudentMoves
{
    private IQueryable<Student> Students => db.Students.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).AsNoTracking();

    public Task<StudentStanding?> StandingAsync(long studentId, CancellationToken ct = default) =>
        StandingOf(Students.Where(s => s.Id == studentId)).FirstOrDefaultAsync(ct);

    public Task<StudentStanding?> FindByNumberAsync(string studentNumber, CancellationToken ct = default)
    {
        var number = studentNumber.Trim().ToUpperInvariant();
        return StandingOf(Students.Where(s => s.StudentNumber == number)).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<StudentStanding>> ChildrenOfGuardianAsync(string verifiedPhone, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(verifiedPhone))
        {
            return [];
        }
        var ids = db.Guardians.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter])
            .Where(g => g.Phone == verifiedPhone).Select(g => g.StudentId);
        var children = await StandingOf(Students.Where(s => ids.Contains(s.Id)).OrderBy(s => s.BirthDate)).Take(10).ToListAsync(ct);
        if (children.Count > 0)
        {
            await audit.RecordAsync("pii.read", "Student", null, null,
                $"children of a guardian's phone for status changes: {string.Join(',', children.Select(c => c.StudentId))}", ct: ct);
        }
        return children;
    }

    public async Task<IReadOnlyList<StudentStanding>> SearchAsync(int schoolId, string? text, int take, CancellationToken ct = default)
    {
        var students = Students.Where(s => s.OrgUnitId == schoolId && (s.StatusCode == StudentStatuses.Enrolled || s.StatusCode == StudentStatuses.Suspended));
        if (!string.IsNullOrWhiteSpace(text))
        {
            var start = text.Trim();
            var number = start.ToUpperInvariant();
            students = students.Where(s => s.Name.StartsWith(start) || s.StudentNumber.StartsWith(number));
        }
        var found = await StandingOf(students.OrderBy(s => s.Name).ThenBy(s => s.Id).Take(Math.Clamp(take, 1, 200))).ToListAsync(ct);
        return [.. found.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.StudentId)];
    }

    public async Task<IReadOnlyList<StudentClassOption>> ClassesAsync(int schoolId, CancellationToken ct = default)
    {
        var active = Students.Where(s => s.StatusCode == StudentStatuses.Enrolled);
        return await db.Classes.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(c => c.OrgUnitId == schoolId)
            .OrderBy(c => c.GradeCode).ThenBy(c => c.Code)
            .Select(c => new StudentClassOption(c.Id, c.Code, c.Name, c.GradeCode, active.Count(s => s.ClassId == c.Id)))
            .ToListAsync(ct);
    }

    private IQueryable<StudentStanding> StandingOf(IQueryable<Student> students) =>
        from s in students
        join c in db.Classes.IgnoreQueryFilters([ScopeFilter.Name]) on s.ClassId equals c.Id into classes
        from c in classes.DefaultIfEmpty()
        select new StudentStanding(s.Id, s.StudentNumber, s.Name, s.BirthDate, s.OrgUnitId, s.ClassId, c == null ? null : c.Name,
            c == null ? null : c.GradeCode, s.StatusCode, s.Revision);

    public async Task ApplyAsync(DbTransaction transaction, StudentMove move, string actor, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System(actor));
        await using var moving = await RegistryDbOnTransaction.OpenAsync(scope.ServiceProvider, settings, transaction, ct);

        var values = await moving.Students.AsNoTracking().SingleOrDefaultAsync(s => s.Id == move.StudentId, ct)
            ?? throw new StudentMoveRefusedException($"Student {move.StudentId} is not in the registry.");
        if (values.Revision != move.ExpectedRevision)
        {
            throw new StudentMoveRefusedException($"Student {move.StudentId} changed since the change was checked (revision {values.Revision}, not {move.ExpectedRevision}).");
        }
        string? reason;
        switch (move.Kind)
        {
            case StudentMoveKind.Transfer:
                Require(values.StatusCode == StudentStatuses.Enrolled, "Only an enrolled student transfers.");
                values.OrgUnitId = move.ToSchoolId ?? throw new ArgumentException("A transfer names the school.", nameof(move));
                values.ClassId = await ClassOfAsync(moving, move.ToClassId, values.OrgUnitId, ct);
                reason = null; // 21 out, 22 in: the registry's own reasons for a move of school
                break;
            case StudentMoveKind.LeaveCity:
                Require(values.StatusCode == StudentStatuses.Enrolled, "Only an enrolled student leaves by transfer.");
                (values.StatusCode, values.ClassId, reason) = ("03", null, "21");
                break;
            case StudentMoveKind.Suspend:
                Require(values.StatusCode == StudentStatuses.Enrolled, "Only an enrolled student suspends.");
                (values.StatusCode, values.ClassId, reason) = (StudentStatuses.Suspended, null, "11");
                break;
            case StudentMoveKind.Resume:
                Require(values.StatusCode == StudentStatuses.Suspended, "Only a suspended student resumes.");
                values.StatusCode = StudentStatuses.Enrolled;
                values.ClassId = await ClassOfAsync(moving, move.ToClassId, values.OrgUnitId, ct);
                reason = "12";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(move), move.Kind, "Not a move.");
        }
        var outcome = await new StudentCommands(moving, codes).UpdateAsync(move.StudentId, move.ExpectedRevision, values, reason, move.Effective, ct: ct);
        if (!outcome.IsOk)
        {
            throw new StudentMoveRefusedException($"Student {move.StudentId}: {outcome.Message}");
        }
    }

    public async Task<long> ReceiveAsync(DbTransaction transaction, IncomingStudent child, int schoolId, long? classId, DateOnly effective, string actor,
        CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System(actor));
        await using var moving = await RegistryDbOnTransaction.OpenAsync(scope.ServiceProvider, settings, transaction, ct);
        var number = child.StudentNumber.Trim().ToUpperInvariant();
        Require(!await moving.Students.AnyAsync(s => s.StudentNumber == number, ct), $"学籍号 {number} is in the registry already.");
        var student = new Student
        {
            OrgUnitId = schoolId, StudentNumber = number, Name = child.Name, GenderCode = child.GenderCode, BirthDate = child.BirthDate,
            ClassId = await ClassOfAsync(moving, classId, schoolId, ct), StatusCode = StudentStatuses.Enrolled,
        };
        await new StudentCommands(moving, codes).CreateAsync(student,
            [new Guardian { Name = child.GuardianName, RelationCode = child.GuardianRelationCode, Phone = child.GuardianPhone }], effective, "22", ct: ct);
        return student.Id;
    }

    private static async Task<long?> ClassOfAsync(RegistryDb moving, long? classId, int schoolId, CancellationToken ct)
    {
        if (classId is null)
        {
            return null;
        }
        Require(await moving.Classes.AnyAsync(c => c.Id == classId && c.OrgUnitId == schoolId, ct), $"Class {classId} is not a class of school {schoolId}.");
        return classId;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new StudentMoveRefusedException(message);
        }
    }
}
