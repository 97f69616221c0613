namespace Qedu.Registry.Contracts;

/// <summary>
/// A member of staff as the teachers module needs them: who, where, which post and title now. No resident ID and no
/// phone (personal data the registry masks and audits on its own pages): nothing here needs them.
/// </summary>
public sealed record StaffMember(
    long StaffId, string StaffNumber, string Name, string GenderCode, int SchoolId, string PostCode, string? TitleCode, string? Subjects,
    string EmploymentTypeCode, DateOnly? HiredOn)
{
    /// <summary>The first subject listed: the one a teacher's establishment post (编制) counts under.</summary>
    public string? MainSubject => MainSubjectOf(Subjects);

    /// <summary>The first of a '|'-joined list of subjects (语文|数学 → 语文), or null.</summary>
    public static string? MainSubjectOf(string? subjects) =>
        subjects?.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}

/// <summary>How many of a school's staff hold a post of this employment type, by their main subject ("" when none).</summary>
public sealed record StaffHeadcount(int SchoolId, string PostCode, string EmploymentTypeCode, string MainSubject, int Count);

/// <summary>Staff within the caller's scope (the registry's scope filter decides who exists).</summary>
public interface IStaffDirectory
{
    /// <summary>One member of staff; null when absent or out of the caller's scope.</summary>
    Task<StaffMember?> FindAsync(long staffId, CancellationToken ct = default);

    /// <summary>These members of staff, those in the caller's scope, by id.</summary>
    Task<IReadOnlyDictionary<long, StaffMember>> FindManyAsync(IReadOnlyCollection<long> staffIds, CancellationToken ct = default);

    /// <summary>These members of staff, those in the caller's scope, by 教职工号 (as a provider's file names them).</summary>
    Task<IReadOnlyDictionary<string, StaffMember>> FindByNumbersAsync(IReadOnlyCollection<string> staffNumbers, CancellationToken ct = default);

    /// <summary>The staff of these schools, in the caller's scope.</summary>
    Task<IReadOnlyList<StaffMember>> AtSchoolsAsync(IReadOnlyCollection<int> schoolIds, CancellationToken ct = default);

    /// <summary>Headcounts of these schools' staff by post, employment type and main subject: what fills a school's 编制.</summary>
    Task<IReadOnlyList<StaffHeadcount>> HeadcountsAsync(IReadOnlyCollection<int> schoolIds, CancellationToken ct = default);
}
