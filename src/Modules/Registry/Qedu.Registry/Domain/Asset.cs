using Qedu.Kernel.Access;

namespace Qedu.Registry.Domain;

/// <summary>教育装备: a line of a school's equipment register.</summary>
[ScopedWrite(Permissions.RegistryWrite)]
internal sealed class Asset : IOrgScoped, IRegistryRecord
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }

    /// <summary>资产编号, unique per school.</summary>
    public required string AssetNumber { get; set; }
    public required string Name { get; set; }

    /// <summary>Code list <c>asset-category</c>.</summary>
    public required string CategoryCode { get; set; }
    public int Quantity { get; set; }

    /// <summary>Total value in yuan (元), to the fen.</summary>
    public decimal Value { get; set; }
    public DateOnly? AcquiredOn { get; set; }
    public long Revision { get; set; }
}
