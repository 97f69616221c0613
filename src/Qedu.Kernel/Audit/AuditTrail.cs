using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Audit;

/// <summary>
/// Records what EF Core cannot see: reads of a person's data, sign-ins, exports, refusals. Each record is chained and
/// committed before the call returns, so data is never shown without its audit line. <c>outcome</c> says whether what is
/// recorded succeeded, was denied (403/404 on personal data, a throttled sign-in) or failed (a wrong password); an
/// export that masked what the caller may not see is still Succeeded, with the masking in its details.
/// </summary>
public sealed class AuditTrail(KernelDb db, AuditInterceptor interceptor, Access.ICurrentAccess access)
{
    public async Task RecordAsync(
        string action,
        string? entityType = null,
        string? entityKey = null,
        int? orgUnitId = null,
        string? details = null,
        AuditOutcome outcome = AuditOutcome.Succeeded,
        CancellationToken ct = default)
    {
        var entry = interceptor.NewEntry(access.Current, action, entityType, entityKey, orgUnitId, details, outcome);
        if (db.Database.CurrentTransaction is not null)
        {
            // Inside the caller's transaction: the line commits (or rolls back) with the caller's work.
            AuditInterceptor.Defer(db, [entry]);
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await interceptor.AppendAsync(db, [entry], ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Records a line inside another module context's open transaction (a bulk write that bypasses SaveChanges), so
    /// the line commits with that work. Every module context maps the audit tables, so any of them can append.
    /// </summary>
    public Task RecordWithinAsync(
        DbContext within,
        string action,
        string? entityType = null,
        string? details = null,
        CancellationToken ct = default)
    {
        if (within.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("RecordWithinAsync appends inside the caller's open transaction.");
        }
        AuditInterceptor.Defer(within, [interceptor.NewEntry(access.Current, action, entityType, null, null, details)]);
        return Task.CompletedTask;
    }
}
