using Qedu.Kernel.Access;

namespace Qedu.Registry.Domain;

/// <summary>
/// One stretch of a student's schooling: at this school (and class) from a date to a date, entered and left for
/// reasons from the 学籍异动 code list. The open stretch has no end. History is appended, never overwritten.
/// </summary>
[ScopedWrite(Permissions.RegistryWrite)]
internal sealed class Enrolment : IOrgScoped, IRegistryRecord
{
    public long Id { get; set; }
    public long StudentId { get; set; }

    /// <summary>The school of this stretch.</summary>
    public int OrgUnitId { get; set; }
    public long? ClassId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>Code list <c>status-change</c>, or null for first entry (新生入学).</summary>
    public string? EntryReasonCode { get; set; }
    public string? ExitReasonCode { get; set; }
    public long Revision { get; set; }
}
