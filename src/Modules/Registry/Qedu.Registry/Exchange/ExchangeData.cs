using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Kinds;

namespace Qedu.Registry.Exchange;

/// <summary>
/// Records in their exchange shape for the caller: personal data masked unless they hold pii.view over the record's
/// school, and every unmasked record audited (one line per kind). The change feed and the record lists share it.
/// </summary>
internal sealed class ExchangeData(OrgTree tree, PersonalDataAccess personalData)
{
    /// <summary>The records' data by (entity type, id), and the codes of their org units and of <paramref name="moreOrgIds"/>.</summary>
    public async Task<(Dictionary<(string Type, long Id), IExchangeData> Data, IReadOnlyDictionary<int, string> Codes)> ShapeAsync(
        IReadOnlyCollection<(ExchangeKind Kind, IRegistryRecord Record)> records, IEnumerable<int>? moreOrgIds = null, CancellationToken ct = default)
    {
        var codes = await tree.CodesOfAsync(records.Select(r => r.Record.OrgUnitId).Concat(moreOrgIds ?? []), ct);
        var personal = records.Where(r => r.Kind.HasPersonalData).Select(r => r.Record.OrgUnitId).Distinct().ToList();
        var unmasked = await personalData.UnmaskedOrgsAsync(personal, ct);
        var data = new Dictionary<(string Type, long Id), IExchangeData>(records.Count);
        foreach (var (kind, record) in records)
        {
            data[(kind.EntityType, record.Id)] = kind.ToData(record, codes.GetValueOrDefault(record.OrgUnitId, ""), unmasked.Contains(record.OrgUnitId));
        }
        // A teacher sees the phone numbers of their classes' guardians (and nothing else of theirs unmasked).
        var masked = records.Where(r => r.Record is Guardian && !unmasked.Contains(r.Record.OrgUnitId)).Select(r => (Guardian)r.Record).ToList();
        if (masked.Count > 0)
        {
            var contacts = await personalData.GuardianContactOrgsAsync(masked.Select(g => g.OrgUnitId).Distinct().ToList(), ct);
            var shown = masked.Where(g => contacts.Contains(g.OrgUnitId)).ToList();
            foreach (var g in shown)
            {
                data[(nameof(Guardian), g.Id)] = ((GuardianData)data[(nameof(Guardian), g.Id)]) with { Phone = g.Phone };
            }
            await personalData.RecordUnmaskedReadAsync(nameof(Guardian), shown.ConvertAll(g => g.Id), ct);
        }
        foreach (var group in records.Where(r => r.Kind.HasPersonalData && !data[(r.Kind.EntityType, r.Record.Id)].Masked).GroupBy(r => r.Kind.EntityType))
        {
            await personalData.RecordUnmaskedReadAsync(group.Key, group.Select(r => r.Record.Id).ToList(), ct);
        }
        return (data, codes);
    }

    /// <summary>One record of a kind in its exchange shape, with its revision (the ETag), or null when the caller cannot see it.</summary>
    public async Task<(IExchangeData Data, long Revision)?> OneAsync(RegistryDb db, ExchangeKind kind, long id, CancellationToken ct = default)
    {
        var rows = await kind.LoadAsync(db, [id], tracking: false, ct);
        if (rows.Count == 0)
        {
            return null;
        }
        var (data, _) = await ShapeAsync([(kind, rows[0])], ct: ct);
        return (data[(kind.EntityType, id)], rows[0].Revision);
    }
}
