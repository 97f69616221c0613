using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;

namespace Qedu.Registry.Kinds;

// Campuses, owned here: a new field touches the entity (Domain/Campus.cs), this file and a migration.

/// <summary>
/// A school's campus (校区) as a registry kind: named <c>campuses</c> in URLs and exchanged as <see cref="CampusData"/>.
/// Campuses come with the demo and with OneRoster bundles; they have no file template and no write routes yet.
/// </summary>
internal sealed class CampusKind : RegistryKind
{
    public static readonly CampusKind Instance = new();

    private CampusKind()
    {
    }

    public override string UrlName => "campuses";

    public override ExchangeKind Exchange { get; } = new ExchangeKind<Campus, CampusData>((x, org, _) => ToData(x, org), FromData, personal: false);

    public static CampusData ToData(Campus x, string org) => new(x.Id, x.Revision, org, x.Name, x.IsMain, x.Address, x.Latitude, x.Longitude);

    /// <summary>A mirror's row from the exchange shape.</summary>
    public static Campus FromData(CampusData d, int org) => new()
    {
        Id = d.Id, OrgUnitId = org, Name = d.Name, IsMain = d.IsMain, Address = d.Address, Latitude = d.Latitude, Longitude = d.Longitude,
    };
}

/// <summary>A campus in the exchange shape: the entity's names and the school as a code.</summary>
internal sealed record CampusData(long Id, long Revision, string OrgCode, string Name, bool IsMain, string? Address, double? Latitude, double? Longitude) : IExchangeData;
