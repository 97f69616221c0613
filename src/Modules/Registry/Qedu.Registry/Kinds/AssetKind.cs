using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;
using Qedu.Registry.Records;
using Qedu.Registry.Writes;

namespace Qedu.Registry.Kinds;

// Assets, owned here: a new field of an equipment register line touches the entity (Domain/Asset.cs), this file and a migration.

/// <summary>
/// A school's equipment register as a registry kind: named <c>assets</c> in URLs, read and written by
/// <see cref="AssetDefinition"/>'s field table, exchanged as <see cref="AssetData"/>, written through
/// <see cref="AssetWrites"/>. A GET body may be PUT back as it is.
/// </summary>
internal sealed class AssetKind : RegistryKind
{
    public static readonly AssetKind Instance = new();

    private AssetKind()
    {
    }

    public override string UrlName => "assets";

    public override ExchangeKind Exchange { get; } = new ExchangeKind<Asset, AssetData>((x, org, _) => ToData(x, org), FromData, personal: false);

    public override IRecordDefinition Fields => RecordDefinitions.Assets;

    public override RecordWriteRoute Writes { get; } =
        new(typeof(AssetWrites), typeof(Asset), "a line of a school's equipment register", "school code and 资产编号");

    public override IReadOnlyDictionary<string, string> BodyAliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["orgCode"] = "schoolCode",
        ["categoryCode"] = "category",
    };

    /// <summary>A checked record (codes, as files and the API carry them) as a new row in the school.</summary>
    public static Asset ToEntity(AssetRecord r, int orgUnitId) => new()
    {
        OrgUnitId = orgUnitId, AssetNumber = r.AssetNumber, Name = r.Name, CategoryCode = r.CategoryCode, Quantity = r.Quantity,
        Value = r.Value, AcquiredOn = r.AcquiredOn,
    };

    /// <summary>A stored row as a record, for files.</summary>
    public static AssetRecord ToRecord(Asset a, string schoolCode) => new()
    {
        SchoolCode = schoolCode, AssetNumber = a.AssetNumber, Name = a.Name, CategoryCode = a.CategoryCode, Quantity = a.Quantity,
        Value = a.Value, AcquiredOn = a.AcquiredOn,
    };

    /// <summary>Copies the values a record carries onto the stored row.</summary>
    public static void CopyValues(Asset from, Asset to)
    {
        to.OrgUnitId = from.OrgUnitId;
        to.AssetNumber = from.AssetNumber;
        to.Name = from.Name;
        to.CategoryCode = from.CategoryCode;
        to.Quantity = from.Quantity;
        to.Value = from.Value;
        to.AcquiredOn = from.AcquiredOn;
    }

    /// <summary>The exchange shape (an asset holds no personal data).</summary>
    public static AssetData ToData(Asset x, string org) =>
        new(x.Id, x.Revision, org, x.AssetNumber, x.Name, x.CategoryCode, x.Quantity, x.Value, x.AcquiredOn);

    /// <summary>A mirror's row from the exchange shape.</summary>
    public static Asset FromData(AssetData d, int org) => new()
    {
        Id = d.Id, OrgUnitId = org, AssetNumber = d.AssetNumber, Name = d.Name, CategoryCode = d.CategoryCode, Quantity = d.Quantity,
        Value = d.Value, AcquiredOn = d.AcquiredOn,
    };
}

/// <summary>An asset in the exchange shape: the entity's names (camelCase in JSON) and the school as a code.</summary>
internal sealed record AssetData(
    long Id, long Revision, string OrgCode, string AssetNumber, string Name, string CategoryCode, int Quantity, decimal Value, DateOnly? AcquiredOn) : IExchangeData;

/// <summary>A line of a school's equipment register.</summary>
internal sealed class AssetRecord : SchoolRecord
{
    public required string AssetNumber { get; init; }
    public required string Name { get; init; }
    public required string CategoryCode { get; init; }
    public int Quantity { get; init; }
    public decimal Value { get; init; }
    public DateOnly? AcquiredOn { get; init; }
}

internal sealed class AssetDefinition : RecordDefinition<AssetRecord>
{
    public AssetDefinition()
    {
        AssetNumber = Add("assetNumber", "资产编号", "Asset number", FieldType.Identifier, required: true, maxLength: 40);
        Name = Add("name", "资产名称", "Asset name", required: true, maxLength: 100);
        Category = Add("category", "资产类别", "Category", FieldType.Code, required: true, codeList: RegistryCodeLists.AssetCategory);
        Quantity = Add("quantity", "数量", "Quantity", FieldType.Integer, required: true);
        Value = Add("value", "金额(元)", "Value (yuan)", FieldType.Decimal, required: true);
        AcquiredOn = Add("acquiredOn", "购置日期", "Acquired on", FieldType.Date);
    }

    public override RecordKind Kind => RecordKind.Assets;
    public RecordField AssetNumber { get; }
    public RecordField Name { get; }
    public RecordField Category { get; }
    public RecordField Quantity { get; }
    public RecordField Value { get; }
    public RecordField AcquiredOn { get; }

    protected override AssetRecord ReadFields(FieldReader row, string schoolCode) => new()
    {
        SchoolCode = schoolCode,
        AssetNumber = row.Identifier(AssetNumber) ?? "",
        Name = row.Text(Name) ?? "",
        CategoryCode = row.Code(Category) ?? "",
        Quantity = row.Integer(Quantity, 0, 10_000_000) ?? 0,
        Value = row.Decimal(Value, 0, 999_999_999_999.99m) ?? 0,
        AcquiredOn = row.Date(AcquiredOn),
    };

    protected override void WriteFields(AssetRecord r, string?[] cells)
    {
        cells[AssetNumber.Index] = r.AssetNumber;
        cells[Name.Index] = r.Name;
        cells[Category.Index] = r.CategoryCode;
        cells[Quantity.Index] = Format(r.Quantity);
        cells[Value.Index] = Format(r.Value);
        cells[AcquiredOn.Index] = Format(r.AcquiredOn);
    }
}
