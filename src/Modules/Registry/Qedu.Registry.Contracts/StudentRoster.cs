namespace Qedu.Registry.Contracts;

/// <summary>
/// A student as an exam or a survey needs them: where they were enrolled on a day (school, class, grade) and the
/// registry flags a fair comparison may adjust for (随迁子女, 家庭经济困难, 残疾), and the gender code (a fitness test's tables
/// differ by sex). No name, no resident ID.
/// </summary>
public sealed record RosterStudent(
    long StudentId, string StudentNumber, int SchoolId, long? ClassId, string? ClassName, string? GradeCode,
    bool Migrant, bool FinancialHardship, bool Disability, string GenderCode = "0");

/// <summary>A class whose students the caller reads (a teacher: the classes it heads or teaches), with its enrolled students.</summary>
public sealed record RosterClass(long ClassId, int SchoolId, string Name, string GradeCode, int Students);

/// <summary>A student by name, as a class list shows them to the staff who keep the class's records.</summary>
public sealed record RosterPupil(long StudentId, string StudentNumber, string Name, int SchoolId, long? ClassId, string? ClassName, string? GradeCode);

/// <summary>A circumstance the registry flags on a student, for the services that look after those students.</summary>
public enum StudentFlag
{
    /// <summary>留守儿童: the parents work away from home.</summary>
    LeftBehind = 1,

    /// <summary>残疾: a disability (随班就读, 送教上门).</summary>
    Disability = 2,

    /// <summary>家庭经济困难: the family is in financial hardship (建档立卡, 低保 and others); fees are waived.</summary>
    FinancialHardship = 3,
}

/// <summary>Students by their 学籍号, within the caller's scope (a district's import sees its own students only).</summary>
public interface IStudentRoster
{
    /// <summary>
    /// The students among <paramref name="studentNumbers"/> (upper-cased, trimmed) enrolled on <paramref name="day"/>, with the
    /// enrolment of that day. A number not found, out of the caller's scope or not enrolled that day is simply absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, RosterStudent>> EnrolledOnAsync(IReadOnlyCollection<string> studentNumbers, DateOnly day, CancellationToken ct = default);

    /// <summary>The students in the caller's scope now in classes of this grade (code list <c>grade</c>, e.g. J3), by 学籍号.</summary>
    Task<IReadOnlyList<RosterStudent>> InGradeAsync(string gradeCode, CancellationToken ct = default);

    /// <summary>
    /// The names of these students, those in the caller's scope: for a list that must name children (a support list).
    /// The caller audits the read.
    /// </summary>
    Task<IReadOnlyDictionary<long, string>> NamesAsync(IReadOnlyCollection<long> studentIds, CancellationToken ct = default);

    /// <summary>
    /// The children (of any status: a result outlives the school year) whose guardian has <paramref name="verifiedPhone"/>,
    /// the number a parent signed in with (never input), with their names: a family's own results. Read past the staff
    /// scope, because a parent holds no grant; audited as a read of each child's record.
    /// </summary>
    Task<IReadOnlyDictionary<long, string>> ChildrenOfGuardianAsync(string verifiedPhone, CancellationToken ct = default);

    /// <summary>
    /// The classes with enrolled students the caller reads at <paramref name="schoolIds"/>: in its scope and, for a
    /// teacher, only the classes it heads or teaches (the registry's own-classes rule). By grade and name. The schools are
    /// named so the count reads their students only, not every student the filters would otherwise walk.
    /// </summary>
    Task<IReadOnlyList<RosterClass>> ClassesAsync(IReadOnlyCollection<int> schoolIds, CancellationToken ct = default);

    /// <summary>The enrolled students of a class the caller reads (as <see cref="ClassesAsync"/>), by 学籍号; empty otherwise. The caller audits the read.</summary>
    Task<IReadOnlyList<RosterPupil>> InClassAsync(long classId, CancellationToken ct = default);

    /// <summary>One student the caller reads (scope and the own-classes rule), whatever their status; null otherwise. The caller audits the read.</summary>
    Task<RosterPupil?> PupilAsync(long studentId, CancellationToken ct = default);

    /// <summary>The enrolled students of a school the caller reads who carry the registry's <paramref name="flag"/>, by class and 学籍号. The caller audits the read.</summary>
    Task<IReadOnlyList<RosterPupil>> FlaggedAsync(int schoolId, StudentFlag flag, CancellationToken ct = default);
}
