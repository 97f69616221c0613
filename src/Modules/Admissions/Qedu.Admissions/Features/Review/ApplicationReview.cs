using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Resources;
using Qedu.Admissions.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Web;

namespace Qedu.Admissions.Features.Review;

/// <summary>A line of a review queue (the resident ID masked unless the caller holds pii.view over the unit).</summary>
internal sealed record QueueRow(
    long Id, string Number, string ChildName, string? ResidentId, ApplicationStatus Status, string? Category, decimal Points,
    string ReviewUnit, string? ZoneSchool, DateTimeOffset? SubmittedAt, FactCheck Check = FactCheck.Unchecked);

/// <summary>An application as its reviewers see it.</summary>
internal sealed record ReviewView(
    Application Application, PublicSeason Season, string ReviewUnit, string? ZoneSchool, IReadOnlyList<string> Choices,
    IReadOnlyList<string> CategoryHow, IReadOnlyList<ApplicationEvent> Events, bool Unmasked, bool MayDecide);

internal enum ReviewDecision
{
    Approve,
    Return,
    Refuse,
}

/// <summary>
/// The officers' side: the queue of a season's applications in the caller's scope (a school sees those it reviews,
/// the district all of its season), one application with its history, and the decision on it. Drafts stay the
/// family's own. Opening an application with the child's document unmasked is an audit line.
/// </summary>
internal sealed class ApplicationReview(
    AdmissionsDb db, SeasonRules seasons, ICurrentAccess access, PersonalDataAccess personal,
    Qedu.Kernel.OrgUnits.OrgTree tree, TimeProvider clock, IStringLocalizer<AdmissionsText> t)
{
    private static bool English => CodeBook.IsEnglish;

    /// <summary>
    /// The season's applications in the caller's scope, oldest first, narrowed by status, category, no zone, or
    /// <paramref name="mismatchOnly"/> (an agency's exchange file disagreed with a stated fact).
    /// </summary>
    public async Task<IReadOnlyList<QueueRow>> QueueAsync(
        long seasonId, ApplicationStatus? status, long? categoryId, bool unmatchedOnly, int take, bool mismatchOnly = false, CancellationToken ct = default)
    {
        var query = db.Applications.AsNoTracking().Where(a => a.SeasonId == seasonId && a.Status != ApplicationStatus.Draft);
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }
        if (categoryId is long c)
        {
            query = query.Where(a => a.CategoryId == c);
        }
        if (unmatchedOnly)
        {
            query = query.Where(a => a.ZoneSchoolId == null);
        }
        if (mismatchOnly)
        {
            query = query.Where(a => a.HukouCheck == FactCheck.Mismatch || a.PropertyCheck == FactCheck.Mismatch || a.InsuranceCheck == FactCheck.Mismatch);
        }
        var rows = await query.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).Take(take).ToListAsync(ct);
        var season = await seasons.FindAsync(seasonId, ct);
        var categories = season?.Categories.ToDictionary(x => x.Id, x => x.Name(English)) ?? [];
        var units = await tree.UnitsOfAsync(rows.Select(r => r.OrgUnitId).Concat(rows.Select(r => r.ZoneSchoolId ?? r.OrgUnitId)).Distinct(), ct);
        var unmasked = await personal.UnmaskedOrgsAsync(rows.Select(r => r.OrgUnitId).Distinct().ToList(), ct);
        var shown = rows.Where(r => unmasked.Contains(r.OrgUnitId) && r.ResidentId is not null).Select(r => r.Id).ToList();
        await personal.RecordUnmaskedReadAsync("AdmissionApplication", shown, ct);
        string Name(int id) => units.TryGetValue(id, out var u) ? u.DisplayName(English) : "";
        return rows.Select(r => new QueueRow(
            r.Id, r.Number, r.ChildName, PersonalDataAccess.MaskResidentId(r.ResidentId ?? r.DocumentNumber, unmasked.Contains(r.OrgUnitId)), r.Status,
            r.CategoryId is long cat ? categories.GetValueOrDefault(cat) : null, r.Points, Name(r.OrgUnitId),
            r.ZoneSchoolId is int z ? Name(z) : null, r.SubmittedAt, SeasonText.Overall(r.HukouCheck, r.PropertyCheck, r.InsuranceCheck))).ToList();
    }

    /// <summary>One application in the caller's scope (a draft, or one out of scope, reads as absent).</summary>
    public async Task<ReviewView?> FindAsync(long id, CancellationToken ct = default)
    {
        var a = await db.Applications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.Status != ApplicationStatus.Draft, ct);
        if (a is null || await seasons.FindAsync(a.SeasonId, ct) is not { } season)
        {
            return null;
        }
        var unmasked = (await personal.UnmaskedOrgsAsync([a.OrgUnitId], ct)).Contains(a.OrgUnitId);
        if (unmasked)
        {
            await personal.RecordUnmaskedReadAsync("AdmissionApplication", [a.Id], ct);
        }
        else
        {
            a.ResidentId = PersonalDataAccess.MaskResidentId(a.ResidentId, false);
            a.DocumentNumber = PersonalDataAccess.MaskResidentId(a.DocumentNumber, false);
        }
        var mayDecide = (await tree.WithinScopeAsync(access.Current, Permissions.AdmissionsReview, [a.OrgUnitId], ct)).Count == 1;
        var choices = await db.Choices.AsNoTracking().Where(c => c.ApplicationId == id).OrderBy(c => c.Rank).Select(c => c.SchoolId).ToListAsync(ct);
        var names = season.Schools.ToDictionary(s => s.SchoolId, s => s.Name);
        var units = await tree.UnitsOfAsync([a.OrgUnitId], ct);
        var events = await db.Events.AsNoTracking().Where(e => e.ApplicationId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var how = Categories.Compute(season.Categories, season.PointsRules, FamilyFacts.Of(a), English).How;
        return new ReviewView(a, season, units.TryGetValue(a.OrgUnitId, out var unit) ? unit.DisplayName(English) : "",
            a.ZoneSchoolId is int z ? names.GetValueOrDefault(z) : null, choices.Select(c => names.GetValueOrDefault(c, "?")).ToList(), how, events,
            unmasked, mayDecide && a.Status == ApplicationStatus.Submitted);
    }

    /// <summary>Approves, returns (补正: the family sees the note) or refuses (with the reason) a submitted application.</summary>
    public async Task<Outcome<long>> DecideAsync(long id, ReviewDecision decision, string? note, CancellationToken ct = default)
    {
        var a = await db.Applications.FirstOrDefaultAsync(x => x.Id == id && x.Status != ApplicationStatus.Draft, ct);
        if (a is null)
        {
            return Outcome<long>.NotFound(t["Review.NotFound"]);
        }
        if ((await tree.WithinScopeAsync(access.Current, Permissions.AdmissionsReview, [a.OrgUnitId], ct)).Count == 0)
        {
            return Outcome<long>.Forbidden(t["Review.NotYours"]);
        }
        if (a.Status != ApplicationStatus.Submitted)
        {
            return Outcome<long>.Conflict(string.Format(CultureInfo.CurrentCulture, t["Review.NotWaiting"], t[$"Status.{a.Status}"]));
        }
        var text = note?.Trim();
        if (decision != ReviewDecision.Approve && string.IsNullOrEmpty(text))
        {
            return Outcome<long>.Invalid(new InputErrors().Add("note", t["Review.NoteRequired"]));
        }
        if (text is { Length: > 500 })
        {
            return Outcome<long>.Invalid(new InputErrors().Add("note", string.Format(CultureInfo.CurrentCulture, t["Apply.TooLong"], 500)));
        }
        var now = clock.GetUtcNow();
        a.Status = decision switch
        {
            ReviewDecision.Approve => ApplicationStatus.Approved,
            ReviewDecision.Return => ApplicationStatus.Returned,
            _ => ApplicationStatus.Refused,
        };
        a.ReviewNote = string.IsNullOrEmpty(text) ? null : text;
        a.UpdatedAt = now;
        a.Revision++;
        db.Events.Add(new ApplicationEvent
        {
            ApplicationId = id,
            At = now,
            Kind = decision switch { ReviewDecision.Approve => "approved", ReviewDecision.Return => "returned", _ => "refused" },
            Actor = access.Current.ActorName ?? "",
            Note = a.ReviewNote,
        });
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(id);
    }
}
