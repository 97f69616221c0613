namespace Qedu.Registry.Contracts;

/// <summary>
/// The active students of one class (or, with no <see cref="ClassId"/>, a school's active students placed in no class):
/// how many, and how many are 随迁子女, 留守儿童 and 家庭经济困难. Counts only, never a person.
/// </summary>
public sealed record ClassHeadcount(int SchoolId, long? ClassId, string? GradeCode, int Students, int Migrant, int LeftBehind, int Hardship = 0);

/// <summary>One class of a school as a dashboard lists it: its size, and nothing personal.</summary>
public sealed record ClassSizeRow(long ClassId, string Code, string Name, string GradeCode, int Students);

/// <summary>
/// Aggregates of the registry for the indicators module. The whole-registry figures ignore the caller's scope: they are counts
/// that a recomputation job turns into per-unit snapshots, which are scope-filtered when read. The per-school class list
/// is scope-filtered like any registry read.
/// </summary>
public interface IRegistryStatistics
{
    /// <summary>Every class's active students, plus one line per school for active students in no class.</summary>
    Task<IReadOnlyList<ClassHeadcount>> HeadcountsAsync(CancellationToken ct = default);

    /// <summary>专任教师 per school (staff whose post the <c>staff-post</c> list marks <c>teacher=true</c>).</summary>
    Task<IReadOnlyDictionary<int, int>> TeachersBySchoolAsync(CancellationToken ct = default);

    /// <summary>学位数 per school, where the school profile gives one.</summary>
    Task<IReadOnlyDictionary<int, int>> SeatsBySchoolAsync(CancellationToken ct = default);

    /// <summary>A school's classes with their active students, largest first; empty when the school is out of scope.</summary>
    Task<IReadOnlyList<ClassSizeRow>> ClassesOfSchoolAsync(int schoolId, CancellationToken ct = default);
}
