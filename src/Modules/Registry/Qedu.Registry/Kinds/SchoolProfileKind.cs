using Qedu.Registry.Domain;
using Qedu.Registry.Records;

namespace Qedu.Registry.Kinds;

// School profiles, owned here: a new field touches the entity (Domain/SchoolProfile.cs), this file and a migration.

/// <summary>
/// A school's profile (address, location, seats) as a file kind: imported and exported as kind <c>schools</c> by
/// <see cref="SchoolProfileDefinition"/>'s field table, read by other modules through <c>ISchoolProfiles</c> and at
/// <c>/api/registry/schools/{code}</c>. It is no exchange kind: a profile has no revision and the change feed does not
/// carry it (the org unit it belongs to is the kernel's).
/// </summary>
internal static class SchoolProfileKind
{
    /// <summary>The kind's name in files, on the command line and in <c>/api/registry/schools</c>.</summary>
    public const string UrlName = "schools";

    public static SchoolProfileDefinition Fields => RecordDefinitions.Schools;

    /// <summary>A stored profile as a record, for files (the school's name is informational).</summary>
    public static SchoolProfileRecord ToRecord(SchoolProfile p, string schoolCode, string schoolName) => new()
    {
        SchoolCode = schoolCode, SchoolName = schoolName, Address = p.Address, Latitude = p.Latitude, Longitude = p.Longitude,
        CapacitySeats = p.CapacitySeats, Phone = p.Phone, Website = p.Website,
    };
}

/// <summary>A school's profile (address, location, seats): details beyond its org unit, keyed by 学校标识码.</summary>
internal sealed class SchoolProfileRecord : SchoolRecord
{
    /// <summary>The org unit's name, exported for people to read; not imported.</summary>
    public string? SchoolName { get; init; }
    public string? Address { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public int? CapacitySeats { get; init; }
    public string? Phone { get; init; }
    public string? Website { get; init; }
}

internal sealed class SchoolProfileDefinition : RecordDefinition<SchoolProfileRecord>
{
    public SchoolProfileDefinition()
    {
        SchoolName = Add("schoolName", "学校名称", "School name", informational: true);
        Address = Add("address", "地址", "Address", maxLength: 300);
        Latitude = Add("latitude", "纬度", "Latitude", FieldType.Number);
        Longitude = Add("longitude", "经度", "Longitude", FieldType.Number);
        CapacitySeats = Add("capacitySeats", "学位数", "Seats", FieldType.Integer);
        Phone = Add("phone", "联系电话", "Phone", FieldType.Phone, maxLength: 40);
        Website = Add("website", "网址", "Website", maxLength: 200);
    }

    public override RecordKind Kind => RecordKind.Schools;
    public RecordField SchoolName { get; }
    public RecordField Address { get; }
    public RecordField Latitude { get; }
    public RecordField Longitude { get; }
    public RecordField CapacitySeats { get; }
    public RecordField Phone { get; }
    public RecordField Website { get; }

    protected override SchoolProfileRecord ReadFields(FieldReader row, string schoolCode) => new()
    {
        SchoolCode = schoolCode,
        Address = row.Text(Address),
        Latitude = row.Number(Latitude, -90, 90),
        Longitude = row.Number(Longitude, -180, 180),
        CapacitySeats = row.Integer(CapacitySeats, 0, 100_000),
        Phone = row.Phone(Phone),
        Website = row.Text(Website),
    };

    protected override void WriteFields(SchoolProfileRecord r, string?[] cells)
    {
        cells[SchoolName.Index] = r.SchoolName;
        cells[Address.Index] = r.Address;
        cells[Latitude.Index] = Format(r.Latitude);
        cells[Longitude.Index] = Format(r.Longitude);
        cells[CapacitySeats.Index] = Format(r.CapacitySeats);
        cells[Phone.Index] = r.Phone;
        cells[Website.Index] = r.Website;
    }
}
