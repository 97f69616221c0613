using Qedu.Kernel.Access;

namespace Qedu.Teachers.Domain;

// A teacher's professional record. Every row names the registry's member of staff (StaffId) and carries their school
// (OrgUnitId), so the kernel's scope filter and write guard apply to it as to every scoped row; a move between schools
// (rotation, a later step) changes the registry's school and these in one transaction.

/// <summary>教师资格证 types (the national categories).</summary>
internal enum CertificateType
{
    Kindergarten = 1,
    Primary = 2,
    JuniorSecondary = 3,
    SeniorSecondary = 4,
    VocationalSubject = 5,
    VocationalPractice = 6,
}

/// <summary>The level of a recognition (骨干教师, a studio, an honour).</summary>
internal enum RecognitionLevel
{
    School = 1,
    District = 2,
    City = 3,
    Province = 4,
    National = 5,
}

/// <summary>名师工作室 or 名校长工作室.</summary>
internal enum StudioKind
{
    Teacher = 1,
    Principal = 2,
}

/// <summary>A teacher's certificate (教师资格证): held for life, registered again every few years (定期注册, the rules' cycle).</summary>
internal sealed class Certificate : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StaffId { get; set; }
    public CertificateType Type { get; set; }

    /// <summary>任教学科 on the certificate (语文); none for a kindergarten certificate.</summary>
    public string? Subject { get; set; }

    /// <summary>资格证书编号, unique in the city.</summary>
    public required string Number { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>One periodic registration (定期注册) of a certificate: the history, newest last.</summary>
internal sealed class CertificateRegistration : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long CertificateId { get; set; }
    public long StaffId { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>A professional title (职称) held from a day, until the next: the history behind the registry's current title.</summary>
internal sealed class TitleRecord : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StaffId { get; set; }

    /// <summary>Code list <c>professional-title</c>.</summary>
    public required string TitleCode { get; set; }
    public DateOnly From { get; set; }

    /// <summary>The day the next title began; null while held.</summary>
    public DateOnly? To { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>A backbone-teacher designation (骨干教师) at a level, for a term.</summary>
internal sealed class BackboneAward : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StaffId { get; set; }
    public RecognitionLevel Level { get; set; }

    /// <summary>The unit that named them (its name as written on the award).</summary>
    public required string AwardedBy { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>An honour (荣誉称号, 表彰): name, level, who awarded it and when.</summary>
internal sealed class Honour : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StaffId { get; set; }
    public required string Name { get; set; }
    public RecognitionLevel Level { get; set; }
    public required string AwardedBy { get; set; }
    public DateOnly AwardedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>A 名师/名校长 studio, hosted by a member of staff; scoped to the host's school.</summary>
internal sealed class Studio : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public StudioKind Kind { get; set; }
    public RecognitionLevel Level { get; set; }
    public required string Name { get; set; }
    public long HostStaffId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>A studio's member (学员), from a day; scoped to the member's own school, which may differ from the host's.</summary>
internal sealed class StudioMember : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StudioId { get; set; }
    public long StaffId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>
/// A school's staffing establishment (编制) for a year: the approved number of established posts, in all (Subject "")
/// or for one subject. Filled is counted from the registry (staff in 在编 posts), never stored.
/// </summary>
internal sealed class EstablishmentQuota : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public int Year { get; set; }

    /// <summary>"" for the school's whole establishment; a subject (语文) for its teaching posts in that subject.</summary>
    public required string Subject { get; set; }
    public int Quota { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}
