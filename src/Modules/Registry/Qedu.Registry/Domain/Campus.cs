using Qedu.Kernel.Access;

namespace Qedu.Registry.Domain;

/// <summary>校区: a site of a school. A school has one main campus and may have more.</summary>
[ScopedWrite(Permissions.RegistryWrite)]
internal sealed class Campus : IOrgScoped, IRegistryRecord
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string Name { get; set; }
    public bool IsMain { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public long Revision { get; set; }
}
