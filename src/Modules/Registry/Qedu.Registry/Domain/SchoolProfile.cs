using Qedu.Kernel.Access;

namespace Qedu.Registry.Domain;

/// <summary>A school's details beyond its org unit (address, location, seats). One per school.</summary>
[ScopedWrite(Permissions.RegistryWrite)]
internal sealed class SchoolProfile : IOrgScoped
{
    public int Id { get; set; }

    /// <summary>The school's org unit (kernel); no foreign key across modules.</summary>
    public int OrgUnitId { get; set; }

    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>学位数: how many pupils the school has seats for (drives 大班额 and admission capacity).</summary>
    public int? CapacitySeats { get; set; }

    public string? Phone { get; set; }
    public string? Website { get; set; }
}
