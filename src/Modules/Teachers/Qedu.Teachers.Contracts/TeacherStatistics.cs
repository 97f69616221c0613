namespace Qedu.Teachers.Contracts;

/// <summary>
/// One school's teachers on a day: full-time teachers, how many hold a certificate (教师资格证), how many are backbone
/// teachers (骨干, any level) in force, and in the continuing-education cycle how many are on pace and how many done.
/// </summary>
public sealed record TeacherSchoolFigures(int OrgUnitId, int Teachers, int Certified, int Backbone, int TrainingOnPace, int TrainingDone);

/// <summary>
/// One bureau's reports on the public channel in a year: received, concluded, concluded by their working-day limit, upheld.
/// </summary>
public sealed record TeacherReportFigures(int OrgUnitId, int Received, int Concluded, int ConcludedOnTime, int Upheld);

/// <summary>
/// One district's rotation (交流轮岗) in a year: staff due to rotate, moves approved or made, and of those the backbone
/// teachers' and the urban → rural ones.
/// </summary>
public sealed record TeacherRotationFigures(int OrgUnitId, int Due, int Moved, int Backbone, int UrbanToRural);

/// <summary>Teacher aggregates for the indicators module: whole-city counts (the recomputation runs as the system), never a person.</summary>
public interface ITeacherStatistics
{
    /// <summary>Each school's figures at the end of <paramref name="year"/> (today, for the year under way).</summary>
    Task<IReadOnlyList<TeacherSchoolFigures>> SchoolsAsync(int year, CancellationToken ct = default);

    /// <summary>Each handling bureau's reports received in <paramref name="year"/>, and how they stand.</summary>
    Task<IReadOnlyList<TeacherReportFigures>> ReportsAsync(int year, CancellationToken ct = default);

    /// <summary>Each district's rotation plan for <paramref name="year"/>: who is due, and the moves approved or made.</summary>
    Task<IReadOnlyList<TeacherRotationFigures>> RotationAsync(int year, CancellationToken ct = default);
}
