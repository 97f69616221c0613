using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Qedu.Kernel.Access;
using Qedu.Indicators.Data;
using Qedu.Indicators.Domain;

namespace Qedu.Indicators.Computation;

/// <summary>
/// Replaces one period's snapshots in one transaction: readers see the old figures or the new ones, never half. On
/// PostgreSQL the new rows go in by binary COPY (tens of thousands of rows in well under a second).
/// </summary>
internal sealed class SnapshotWriter(IndicatorsDb db)
{
    /// <summary>Replaces the period's snapshots: all of them, or those of the indicators in <paramref name="only"/>.</summary>
    public async Task ReplaceAsync(string period, IReadOnlyList<ComputedValue> values, DateTimeOffset computedAt, CancellationToken ct,
        IReadOnlySet<string>? only = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var codes = only?.ToList();
        await db.Snapshots.IgnoreQueryFilters([ScopeFilter.Name])
            .Where(s => s.Period == period && (codes == null || codes.Contains(s.IndicatorCode)))
            .ExecuteDeleteAsync(ct);
        if (db.Database.GetDbConnection() is NpgsqlConnection npgsql)
        {
            await using (var importer = await npgsql.BeginBinaryImportAsync(
                "COPY indicators.snapshots (period, indicator_code, org_unit_id, value, numerator, denominator, asked, answered, computed_at) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var v in values)
                {
                    await importer.StartRowAsync(ct);
                    await importer.WriteAsync(period, NpgsqlDbType.Varchar, ct);
                    await importer.WriteAsync(v.IndicatorCode, NpgsqlDbType.Varchar, ct);
                    await importer.WriteAsync(v.OrgUnitId, NpgsqlDbType.Integer, ct);
                    await importer.WriteAsync(v.Value, NpgsqlDbType.Numeric, ct);
                    await importer.WriteAsync(v.Numerator, NpgsqlDbType.Numeric, ct);
                    if (v.Denominator is { } d)
                    {
                        await importer.WriteAsync(d, NpgsqlDbType.Numeric, ct);
                    }
                    else
                    {
                        await importer.WriteNullAsync(ct);
                    }
                    await WriteNullableAsync(importer, v.Asked, ct);
                    await WriteNullableAsync(importer, v.Answered, ct);
                    await importer.WriteAsync(computedAt, NpgsqlDbType.TimestampTz, ct);
                }
                await importer.CompleteAsync(ct);
            }
        }
        else
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Snapshots.AddRange(values.Select(v => new Snapshot
            {
                Period = period,
                IndicatorCode = v.IndicatorCode,
                OrgUnitId = v.OrgUnitId,
                Value = v.Value,
                Numerator = v.Numerator,
                Denominator = v.Denominator,
                Asked = v.Asked,
                Answered = v.Answered,
                ComputedAt = computedAt,
            }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        await transaction.CommitAsync(ct);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, int? value, CancellationToken ct)
    {
        if (value is { } v)
        {
            await importer.WriteAsync(v, NpgsqlDbType.Integer, ct);
        }
        else
        {
            await importer.WriteNullAsync(ct);
        }
    }
}
