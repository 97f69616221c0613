using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;
using Qedu.Registry.Kinds;
using Qedu.Registry.Records;

namespace Qedu.Registry.Writes;

/// <summary>Lines of a school's equipment register through the write API, matched by school and 资产编号 (unique per school).</summary>
internal sealed class AssetWrites(RegistryDb db, RecordBodyReader bodies, ExchangeData shaper, IStringLocalizer<RecordWriteText> text)
    : SimpleRecordWrites<Asset>(db, bodies, shaper)
{
    private static AssetDefinition Definition => RecordDefinitions.Assets;

    public override string Name => "assets";
    protected override RecordKind Kind => RecordKind.Assets;
    public override RecordField KeyField => Definition.AssetNumber;
    protected override string KeyProperty => nameof(Asset.AssetNumber);
    protected override bool KeyPerSchool => true;

    public override (int School, string Value) KeyOf(Asset input) => (input.OrgUnitId, input.AssetNumber);

    public override async Task<Asset?> ReadAsync(JsonElement body, long? self, InputErrors errors, CancellationToken ct = default)
    {
        if (await Bodies.ReadAsync(Definition, body, errors, ct, BodyAliases) is not { } read)
        {
            return null;
        }
        var (record, school) = read;
        if (await Db.Assets.IgnoreQueryFilters([ScopeFilter.Name]).AnyAsync(a => a.OrgUnitId == school.Id && a.AssetNumber == record.AssetNumber && a.Id != (self ?? 0), ct))
        {
            errors.Add(Definition.AssetNumber.Key,
                string.Format(text["Write.TakenInSchool"], Definition.AssetNumber.Header(Bodies.Context.English), record.AssetNumber, school.Code));
        }
        return errors.Any ? null : AssetKind.ToEntity(record, school.Id);
    }

    protected override void Copy(Asset from, Asset to) => AssetKind.CopyValues(from, to);
}
