using Qedu.Kernel.Access;

namespace Qedu.Registry.Domain;

/// <summary>监护人. Scoped by the student's school (kept in step with the student's).</summary>
[ScopedWrite(Permissions.RegistryWrite)]
internal sealed class Guardian : IOrgScoped, IRegistryRecord, IHasResidentId
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StudentId { get; set; }
    public required string Name { get; set; }

    /// <summary>Code list <c>guardian-relation</c>.</summary>
    public required string RelationCode { get; set; }

    /// <summary>Personal data: masked unless pii.view.</summary>
    public string? Phone { get; set; }

    /// <summary>Personal data: masked unless pii.view; encrypted at rest (ADR 11).</summary>
    public string? ResidentId { get; set; }

    /// <summary>Blind index of <see cref="ResidentId"/> (ADR 11): set by <c>RegistryDb</c> on every save, never by hand.</summary>
    public string? ResidentIdIndex { get; set; }
    public string? Employer { get; set; }
    public long Revision { get; set; }
}
