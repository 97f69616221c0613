using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Idempotency;
using Qedu.Kernel.Persistence;

namespace Qedu.Admissions.Features.Apply;

/// <summary>
/// Group commit for the morning a window opens (issue 19, ADR 12): submissions that arrive while one is being written
/// are written together, in one transaction and one round trip of inserts, and each is answered once that transaction
/// has committed. Nothing is acknowledged before its commit, so nothing acknowledged can be lost; a submission alone
/// is written at once (no waiting for company). A batch that one of its submissions spoils (the same child twice, a
/// key another node took) is written again one submission at a time, so only that one is refused.
/// <para>
/// PostgreSQL only: a submission's id (and so its number) is drawn before the write (hi/lo), so a batch needs no
/// second round trip. On SQLite, which has one writer at a time anyway, each submission writes itself
/// (<see cref="ParentApplications.SubmitNewAsync"/>).
/// </para>
/// <para>
/// The writer runs outside the parents' requests, as the system; the audit lines still name each parent and their
/// address (<see cref="AuditInterceptor.OnBehalfOf"/>), and the rows were made from the signed-in parent's own account.
/// </para>
/// </summary>
internal sealed class SubmissionBatches
{
    /// <summary>At most this many submissions in one transaction: a commit's size stays small and its lines detailed.</summary>
    public const int MaxBatch = 64;

    /// <summary>Batches written at once: while one commits (waiting on the disk) the next one fills and is written.</summary>
    private const int MaxWriters = 2;

    /// <summary>Who the writer is; each row's audit line names the parent it is written for.</summary>
    private static readonly AccessContext Writer = AccessContext.System("admissions:submissions");

    private readonly IServiceScopeFactory _scopes;
    private readonly IHttpContextAccessor _http;
    private readonly BatchQueue<Pending> _queue;

    public SubmissionBatches(IServiceScopeFactory scopes, IHttpContextAccessor http)
    {
        _scopes = scopes;
        _http = http;
        _queue = new BatchQueue<Pending>(MaxBatch, MaxWriters, WriteBatchAsync, (p, e) => p.Written.TrySetException(e));
    }

    /// <summary>A submission ready to write: the application (its id and number set), its choices, event and key.</summary>
    private sealed record Pending(Application Application, IReadOnlyList<ApplicationChoice> Choices, ApplicationEvent Event, IdempotencyRecord Key,
        AccessContext Caller, string? ClientAddress)
    {
        public TaskCompletionSource<bool> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Writes the submission with whatever else is waiting; true once committed, false when the child already has an
    /// application in the season or the key was taken (the caller then looks the key up). Database failures are thrown.
    /// </summary>
    public Task<bool> WriteAsync(Application application, IReadOnlyList<ApplicationChoice> choices, ApplicationEvent submitted, IdempotencyRecord key,
        AccessContext caller)
    {
        var pending = new Pending(application, choices, submitted, key, caller, _http.HttpContext?.Connection.RemoteIpAddress?.ToString());
        _queue.Enqueue(pending);
        return pending.Written.Task;
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        // Any other failure is every submission's in the batch (BatchQueue).
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(Writer);
            var db = scope.ServiceProvider.GetRequiredService<AdmissionsDb>();
            // A failed save is never continued: the batch is written again, so savepoints would only cost round trips.
            db.Database.AutoSavepointsEnabled = false;
            await using var tx = await db.Database.BeginTransactionAsync();
            foreach (var p in batch)
            {
                AuditInterceptor.OnBehalfOf(p.Application, p.Caller, p.ClientAddress);
                AuditInterceptor.OnBehalfOf(p.Event, p.Caller, p.ClientAddress);
                db.Applications.Add(p.Application);
                foreach (var choice in p.Choices)
                {
                    AuditInterceptor.OnBehalfOf(choice, p.Caller, p.ClientAddress);
                    db.Choices.Add(choice);
                }
                db.Events.Add(p.Event);
                db.IdempotencyKeys.Add(p.Key);
            }
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            if (batch.Count == 1)
            {
                batch[0].Written.TrySetResult(false);
                return;
            }
            // One of them is a second application for a child, or a key taken elsewhere: find which, one at a time.
            foreach (var p in batch)
            {
                await WriteBatchAsync([p]);
            }
            return;
        }
        foreach (var p in batch)
        {
            p.Written.TrySetResult(true);
        }
    }
}
