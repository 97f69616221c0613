using System.Data.Common;

namespace Qedu.Registry.Contracts;

/// <summary>
/// Where a student stands now, as a status change (学籍异动) needs to know: school, class, status and the record's
/// revision. <see cref="Name"/> is the student's name: the change's own pages decide who sees it (the guardian, the units
/// on the change's route).
/// </summary>
public sealed record StudentStanding(
    long StudentId, string StudentNumber, string Name, DateOnly BirthDate, int SchoolId, long? ClassId, string? ClassName, string? GradeCode,
    string StatusCode, long Revision);

/// <summary>A class a student may be placed in, with its active students (a class at 56 or more is 大班额).</summary>
public sealed record StudentClassOption(long ClassId, string Code, string Name, string GradeCode, int Students);

/// <summary>The registry changes a completed status change makes.</summary>
public enum StudentMoveKind
{
    /// <summary>转学 within the city: the open enrolment closes (21) and one opens at the new school (22), in the class given.</summary>
    Transfer = 1,

    /// <summary>转出 out of the city: status 03, the open enrolment closes (21).</summary>
    LeaveCity = 2,

    /// <summary>休学: status 02, the open enrolment closes (11).</summary>
    Suspend = 3,

    /// <summary>复学: status 01 again, an enrolment opens (12) in the class given.</summary>
    Resume = 4,
}

/// <summary>One registry change: the student (at the revision the change was checked against), what happens, and from when.</summary>
public sealed record StudentMove(StudentMoveKind Kind, long StudentId, long ExpectedRevision, DateOnly Effective, int? ToSchoolId = null, long? ToClassId = null);

/// <summary>
/// A child coming into the city from a school elsewhere (转入), as the registry needs them: the national 学籍号 they keep,
/// name, gender and birth date, and one guardian (whose phone then signs them in for the child's services).
/// </summary>
public sealed record IncomingStudent(
    string StudentNumber, string Name, string GenderCode, DateOnly BirthDate, string GuardianName, string GuardianRelationCode, string GuardianPhone);

/// <summary>A move the registry refused: the student changed since it was checked, or the target is no school or class of it.</summary>
public sealed class StudentMoveRefusedException(string message) : Exception(message);

/// <summary>
/// The registry as the status-change procedures (学籍异动) use it. Reads ignore the caller's scope: a change runs between
/// units (a receiving school reads the student it is asked to take) and the procedure decides who may see what. A move
/// is written inside the caller's transaction, with the dated history the registry keeps, as <paramref name="actor"/>
/// (the procedure, e.g. "status-change:ZX2026000001"): the procedure's approvals are the authority for it, not the
/// reviewer's registry scope, which never covers both schools of a move across districts.
/// </summary>
public interface IStudentMoves
{
    Task<StudentStanding?> StandingAsync(long studentId, CancellationToken ct = default);

    Task<StudentStanding?> FindByNumberAsync(string studentNumber, CancellationToken ct = default);

    /// <summary>The children whose guardian's phone is <paramref name="verifiedPhone"/> (a parent's signed-in number), audited.</summary>
    Task<IReadOnlyList<StudentStanding>> ChildrenOfGuardianAsync(string verifiedPhone, CancellationToken ct = default);

    /// <summary>
    /// A school's students (enrolled or suspended) whose name or 学籍号 starts with <paramref name="text"/> (all when empty),
    /// by name, at most <paramref name="take"/>: the school finding the student a change is for.
    /// </summary>
    Task<IReadOnlyList<StudentStanding>> SearchAsync(int schoolId, string? text, int take, CancellationToken ct = default);

    /// <summary>A school's classes with their active students.</summary>
    Task<IReadOnlyList<StudentClassOption>> ClassesAsync(int schoolId, CancellationToken ct = default);

    /// <summary>
    /// Makes the move inside <paramref name="transaction"/>; throws <see cref="StudentMoveRefusedException"/> when the
    /// student's revision is no longer <see cref="StudentMove.ExpectedRevision"/> or the class is not the school's.
    /// </summary>
    Task ApplyAsync(DbTransaction transaction, StudentMove move, string actor, CancellationToken ct = default);

    /// <summary>
    /// Enrols a child coming from outside the city (转入) at <paramref name="schoolId"/>, in <paramref name="classId"/>, from
    /// <paramref name="effective"/> (entry 22), inside <paramref name="transaction"/>; returns the new student's id. Throws
    /// <see cref="StudentMoveRefusedException"/> when the 学籍号 is already in the registry or the class is not the school's.
    /// </summary>
    Task<long> ReceiveAsync(DbTransaction transaction, IncomingStudent child, int schoolId, long? classId, DateOnly effective, string actor,
        CancellationToken ct = default);
}
