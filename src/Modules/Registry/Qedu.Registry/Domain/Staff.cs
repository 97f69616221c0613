using Qedu.Kernel.Access;

namespace Qedu.Registry.Domain;

/// <summary>教职工: a member of a school's staff.</summary>
[ScopedWrite(Permissions.RegistryWrite)]
internal sealed class Staff : IOrgScoped, IRegistryRecord, IHasResidentId
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }

    /// <summary>教职工号, unique in the city.</summary>
    public required string StaffNumber { get; set; }
    public required string Name { get; set; }
    public required string GenderCode { get; set; }

    /// <summary>Personal data: masked unless pii.view; encrypted at rest (ADR 11).</summary>
    public string? ResidentId { get; set; }

    /// <summary>Blind index of <see cref="ResidentId"/> (ADR 11): set by <c>RegistryDb</c> on every save, never by hand.</summary>
    public string? ResidentIdIndex { get; set; }
    public DateOnly? BirthDate { get; set; }

    /// <summary>Code list <c>qualification</c> (学历).</summary>
    public string? QualificationCode { get; set; }

    /// <summary>Code list <c>professional-title</c> (职称).</summary>
    public string? TitleCode { get; set; }

    /// <summary>Subjects taught, joined by '|' (语文|数学).</summary>
    public string? Subjects { get; set; }

    /// <summary>Code list <c>staff-post</c>.</summary>
    public required string PostCode { get; set; }

    /// <summary>Code list <c>employment-type</c>.</summary>
    public required string EmploymentTypeCode { get; set; }
    public DateOnly? HiredOn { get; set; }

    /// <summary>Personal data: masked unless pii.view.</summary>
    public string? Phone { get; set; }
    public long Revision { get; set; }
}
