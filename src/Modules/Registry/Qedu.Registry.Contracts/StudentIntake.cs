using System.Data.Common;

namespace Qedu.Registry.Contracts;

/// <summary>
/// A child another module admitted, to become a registry student (学籍) at <see cref="SchoolId"/>: enrolled (在读), in no
/// class yet, with one guardian. <see cref="SourceKey"/> names the source row (e.g. an admissions application, "A123");
/// at most 30 characters. A child without a resident ID gets the temporary 学籍号 "T" + SourceKey until the national one
/// is assigned; with one, "G" + the resident ID, as the registry numbers most students.
/// </summary>
public sealed record NewStudentIntake(
    int SchoolId,
    string Name,
    string GenderCode,
    DateOnly BirthDate,
    string? ResidentId,
    string? Address,
    string GuardianName,
    string? GuardianPhone,
    bool IsMigrantChild,
    string SourceKey);

/// <summary>
/// What became of one <see cref="NewStudentIntake"/>: the new student's id, or (when the resident ID already belongs to
/// a registry student, e.g. a child from a kindergarten) that student's id and nothing written: moving an existing
/// student is a transfer (转学) at the registry, not a new record.
/// </summary>
public sealed record StudentIntakeResult(string SourceKey, long? StudentId, long? ExistingStudentId);

/// <summary>
/// Turns admitted children into registry students (新生入学: an open enrolment from the given date, no entry reason,
/// as the registry records a first entry). The writes join the caller's transaction on the shared database, so the
/// caller's own rows and the students commit or roll back together; they run under the caller's access (registry.write
/// over each school, checked by the registry's write guard).
/// </summary>
public interface IStudentIntake
{
    /// <summary>
    /// Creates the students inside <paramref name="transaction"/> (open on the Qedu database; the caller commits or
    /// rolls back). Results are in the order given.
    /// </summary>
    Task<IReadOnlyList<StudentIntakeResult>> EnrolAsync(
        DbTransaction transaction, DateOnly from, IReadOnlyList<NewStudentIntake> students, CancellationToken ct = default);
}
