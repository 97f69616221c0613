using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Kernel.Access;
using Qedu.Kernel.Persistence;

namespace Qedu.Admissions.Features.Apply;

/// <summary>The columns of an application its status shows, as read (both languages of the placement's explanation).</summary>
internal sealed record ApplicationStatusRow(
    long Id, Guid ParentAccountId, string Number, long SeasonId, ApplicationStatus Status, int Revision, DateTimeOffset? SubmittedAt,
    string? ReviewNote, int? OfferSchoolId, DateTimeOffset? OfferDeadline, OfferRoute OfferRoute, double? OfferDistanceKm,
    string? AppealAnswer, string? PlacementZh, string? PlacementEn);

/// <summary>
/// The status of each application this node read lately, so a family's app asking again (and the crowd on the morning
/// results come out) costs no database read. Honest across nodes: a save here forgets the application at once
/// (<see cref="Data.AdmissionsSaves"/>), and each second one query asks which applications changed anywhere
/// (<see cref="Application.ChangedAt"/>, <see cref="KeptRows{TKey, TValue}"/>), so another node's change is seen within a
/// second or two. One node's memory: at most <see cref="MostKept"/> applications, each trusted at most <see cref="MaxAge"/>.
/// <para>
/// Applications not kept are read together (<see cref="BatchQueue{T}"/>): the first reads of a crowd, when results
/// come out and every status has changed, cost one query for up to <see cref="MaxBatch"/> applications rather than one
/// each. The read runs as the system and each answer is then checked against the asking parent: an application of
/// another family reads as absent, exactly as the parent's own filtered query would.
/// </para>
/// </summary>
internal sealed class ApplicationStatuses
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);
    public const int MostKept = 200_000;

    /// <summary>At most this many applications read in one query.</summary>
    public const int MaxBatch = 128;

    /// <summary>Queries at once: while one is on its way, the next batch fills.</summary>
    private const int Readers = 2;

    private static readonly AccessContext Reader = AccessContext.System("admissions:statuses");

    private readonly KeptRows<long, ApplicationStatusRow> _kept = new(MaxAge, MostKept);
    private readonly IServiceScopeFactory _scopes;
    private readonly BatchQueue<Miss> _misses;

    public ApplicationStatuses(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _misses = new BatchQueue<Miss>(MaxBatch, Readers, ReadAsync, (miss, e) => miss.Read.TrySetException(e));
    }

    /// <summary>An application to read; answered with its row, or null when there is none.</summary>
    private sealed record Miss(long Id)
    {
        public TaskCompletionSource<ApplicationStatusRow?> Read { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Forget(long id) => _kept.Forget(id);

    /// <summary>Forgets every application (applications deleted in bulk, which no save stamps).</summary>
    public void ForgetAll() => _kept.ForgetAll();

    /// <summary>The parent's application <paramref name="id"/>, kept or read; null when there is none of theirs.</summary>
    public async Task<ApplicationStatusRow?> FindAsync(AdmissionsDb db, long id, Guid parent, CancellationToken ct)
    {
        var row = await _kept.FindAsync(id, (since, most, token) => ChangedSince(db, since, most, token), ct);
        if (row is null)
        {
            var miss = new Miss(id);
            _misses.Enqueue(miss);
            row = await miss.Read.Task.WaitAsync(ct);
        }
        return row?.ParentAccountId == parent ? row : null;
    }

    // Not a compiled query: each host's model differs (the field-encryption key is part of it), and a compiled query
    // keeps one model's executor. After results are published no run follows, so the latest placement is the published one.
    private async Task ReadAsync(List<Miss> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(Reader);
        var db = scope.ServiceProvider.GetRequiredService<AdmissionsDb>();
        var ids = batch.Select(m => m.Id).Distinct().ToList();
        var rows = await db.Applications.AsNoTracking()
            .Where(x => ids.Contains(x.Id))
            .Select(x => new ApplicationStatusRow(
                x.Id, x.ParentAccountId, x.Number, x.SeasonId, x.Status, x.Revision, x.SubmittedAt, x.ReviewNote, x.OfferSchoolId,
                x.OfferDeadline, x.OfferRoute, x.OfferDistanceKm, x.AppealAnswer,
                db.Placements.Where(p => p.ApplicationId == x.Id).OrderByDescending(p => p.RunId).Select(p => p.ExplanationZh).FirstOrDefault(),
                db.Placements.Where(p => p.ApplicationId == x.Id).OrderByDescending(p => p.RunId).Select(p => p.ExplanationEn).FirstOrDefault()))
            .ToDictionaryAsync(r => r.Id);
        foreach (var row in rows.Values)
        {
            _kept.Keep(row.Id, row);
        }
        foreach (var miss in batch)
        {
            miss.Read.TrySetResult(rows.GetValueOrDefault(miss.Id));
        }
    }

    private static Task<List<long>> ChangedSince(AdmissionsDb db, DateTimeOffset since, int most, CancellationToken ct) =>
        db.Applications.IgnoreQueryFilters([ScopeFilter.Name]).Where(a => a.ChangedAt >= since).OrderBy(a => a.ChangedAt)
            .Select(a => a.Id).Take(most).ToListAsync(ct);
}
