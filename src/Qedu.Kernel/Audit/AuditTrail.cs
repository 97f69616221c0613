using Qedu.Kernel.Data;

namespace Qedu.Kernel.Audit;

/// <summary>
/// Records what EF Core cannot see: reads of a person's data, sign-ins, exports. Each record is chained and committed
/// before the call returns, so data is never shown without its audit line.
/// </summary>
public sealed class AuditTrail(KernelDb db, AuditInterceptor interceptor)
{
    public async Task RecordAsync(
        string action,
        string? entityType = null,
        string? entityKey = null,
        int? orgUnitId = null,
        string? details = null,
        CancellationToken ct = default)
    {
        var entry = interceptor.NewEntry(action, entityType, entityKey, orgUnitId, details);
        if (db.Database.CurrentTransaction is not null)
        {
            // Inside the caller's transaction: the line commits (or rolls back) with the caller's work.
            await AuditInterceptor.AppendAsync(db, [entry], ct);
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AuditInterceptor.AppendAsync(db, [entry], ct);
        await tx.CommitAsync(ct);
    }
}
