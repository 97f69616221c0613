using Microsoft.EntityFrameworkCore;
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
/// </summary>
internal sealed class ApplicationStatuses
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);
    public const int MostKept = 200_000;

    private readonly KeptRows<long, ApplicationStatusRow> _kept = new(MaxAge, MostKept);

    public void Forget(long id) => _kept.Forget(id);

    /// <summary>Forgets every application (applications deleted in bulk, which no save stamps).</summary>
    public void ForgetAll() => _kept.ForgetAll();

    /// <summary>The parent's application <paramref name="id"/>, kept or read; null when there is none of theirs.</summary>
    public async Task<ApplicationStatusRow?> FindAsync(AdmissionsDb db, long id, Guid parent, CancellationToken ct)
    {
        if (await _kept.FindAsync(id, (since, most, token) => ChangedSince(db, since, most, token), ct) is { } kept)
        {
            return kept.ParentAccountId == parent ? kept : null;
        }
        var row = await Read(db, id, parent, ct);
        if (row is not null)
        {
            _kept.Keep(id, row);
        }
        return row;
    }

    // Not a compiled query: each host's model differs (the field-encryption key is part of it), and a compiled query
    // keeps one model's executor. A miss is rare once the node has read the application.
    // After results are published no run follows, so the latest placement is the published one.
    private static Task<ApplicationStatusRow?> Read(AdmissionsDb db, long id, Guid parent, CancellationToken ct) =>
        db.Applications.AsNoTracking()
            .Where(x => x.Id == id && x.ParentAccountId == parent)
            .Select(x => new ApplicationStatusRow(
                x.Id, x.ParentAccountId, x.Number, x.SeasonId, x.Status, x.Revision, x.SubmittedAt, x.ReviewNote, x.OfferSchoolId,
                x.OfferDeadline, x.OfferRoute, x.OfferDistanceKm, x.AppealAnswer,
                db.Placements.Where(p => p.ApplicationId == x.Id).OrderByDescending(p => p.RunId).Select(p => p.ExplanationZh).FirstOrDefault(),
                db.Placements.Where(p => p.ApplicationId == x.Id).OrderByDescending(p => p.RunId).Select(p => p.ExplanationEn).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);

    private static Task<List<long>> ChangedSince(AdmissionsDb db, DateTimeOffset since, int most, CancellationToken ct) =>
        db.Applications.IgnoreQueryFilters([ScopeFilter.Name]).Where(a => a.ChangedAt >= since).OrderBy(a => a.ChangedAt)
            .Select(a => a.Id).Take(most).ToListAsync(ct);
}
