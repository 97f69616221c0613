using Qedu.Kernel.Access;

namespace Qedu.Registry.Domain;

/// <summary>
/// 任课: a member of staff teaches a subject in a class. With the class's head teacher (班主任) it decides which
/// students a teacher may see (their own classes, not the whole school).
/// </summary>
[ScopedWrite(Permissions.RegistryWrite)]
internal sealed class TeachingAssignment : IOrgScoped, IRegistryRecord
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long ClassId { get; set; }
    public long StaffId { get; set; }

    /// <summary>The subject taught (语文, 数学, …), as the staff record's subjects are written.</summary>
    public required string Subject { get; set; }
    public long Revision { get; set; }
}
