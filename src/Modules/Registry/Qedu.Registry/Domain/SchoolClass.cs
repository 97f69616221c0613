using Qedu.Kernel.Access;

namespace Qedu.Registry.Domain;

/// <summary>班级: a class of one grade in one school year, with its head teacher (班主任).</summary>
[ScopedWrite(Permissions.RegistryWrite)]
internal sealed class SchoolClass : IOrgScoped, IRegistryRecord
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }

    /// <summary>The class's code within its school, e.g. "2026-P3-02"; unique per school.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>Code list <c>grade</c> (K1…S3).</summary>
    public required string GradeCode { get; set; }

    /// <summary>The autumn the cohort started this stage (入学年份).</summary>
    public int EntryYear { get; set; }
    public long? HeadTeacherId { get; set; }
    public long? CampusId { get; set; }
    public long Revision { get; set; }
}
