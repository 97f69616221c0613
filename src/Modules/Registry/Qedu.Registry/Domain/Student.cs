using Qedu.Kernel.Access;

namespace Qedu.Registry.Domain;

/// <summary>
/// A student's record (学籍). <see cref="OrgUnitId"/> is the current school, so scoping follows the student when they
/// transfer; where they were before lives in <see cref="Enrolment"/>, a dated history that is never overwritten.
/// </summary>
[ScopedWrite(Permissions.RegistryWrite)]
internal sealed class Student : IOrgScoped, IRegistryRecord, IHasResidentId
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }

    /// <summary>全国学籍号, unique in the city: "G" followed by the resident ID for most students.</summary>
    public required string StudentNumber { get; set; }
    public required string Name { get; set; }

    /// <summary>GB/T 2261.1.</summary>
    public required string GenderCode { get; set; }

    /// <summary>GB 11643 resident ID, normalised (upper-case X). Personal data: masked unless pii.view; encrypted at rest (ADR 11).</summary>
    public string? ResidentId { get; set; }

    /// <summary>Blind index of <see cref="ResidentId"/> (ADR 11): set by <c>RegistryDb</c> on every save, never by hand.</summary>
    public string? ResidentIdIndex { get; set; }
    public DateOnly BirthDate { get; set; }

    /// <summary>GB/T 3304.</summary>
    public string? EthnicityCode { get; set; }

    /// <summary>户籍所在地: GB/T 2260 division.</summary>
    public string? HukouDivisionCode { get; set; }
    public string? Address { get; set; }
    public long? ClassId { get; set; }

    /// <summary>Code list <c>student-status</c> (在读, 休学, 转出, 毕业…).</summary>
    public required string StatusCode { get; set; }

    /// <summary>Code list <c>student-category</c> (普通学生, 随班就读…).</summary>
    public string CategoryCode { get; set; } = "00";

    /// <summary>随迁子女: lives with parents working in the city, hukou elsewhere.</summary>
    public bool IsMigrantChild { get; set; }

    /// <summary>留守儿童: parents work away from home.</summary>
    public bool IsLeftBehind { get; set; }
    public bool HasDisability { get; set; }

    /// <summary>家庭经济困难.</summary>
    public bool HasFinancialHardship { get; set; }
    public long Revision { get; set; }
}
