using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Resources;
using Qedu.Admissions.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;

namespace Qedu.Admissions.Features.Appeals;

/// <summary>One family's review request as the bureau answers it: what was decided, why they ask, and where it stands.</summary>
internal sealed record AppealRow(
    long ApplicationId, string Number, string ChildName, ApplicationStatus Status, string? OfferSchool, string? ReviewNote,
    string Reason, DateTimeOffset? AppealedAt, AppealStatus AppealStatus, string? Answer, DateTimeOffset? AnsweredAt);

/// <summary>A season school and its free seats: its seats minus the offers open or accepted there.</summary>
internal sealed record FreeSeats(int SchoolId, string Name, int Seats, int Free);

/// <summary>
/// The bureau's side of 复核: a season's review requests (pending first) and the answer to one, uphold or dismiss with a
/// text the family reads. Upholding may offer a school with a free seat (the offer's route is <see cref="OfferRoute.Appeal"/>,
/// with the season's days to answer). Only the season bureau's admissions.manage holders see and answer. The season
/// row's revision is bumped in the answer's transaction, so two officers answering at once (the same request, or two
/// requests for the last seat of a school) cannot both win: the second fails and is told to reload.
/// </summary>
internal sealed class SeasonAppeals(
    AdmissionsDb db, SeasonRules rules, ICurrentAccess access, SeasonManagers managers, TimeProvider clock, IStringLocalizer<AdmissionsText> t)
{
    /// <summary>The longest answer the bureau gives.</summary>
    public const int AnswerMax = 1000;

    public Task<bool> MayManageAsync(PublicSeason season, CancellationToken ct = default) =>
        managers.MayManageAsync(season, ct);

    /// <summary>The season's review requests, pending first (oldest first), then the answered ones (latest first).</summary>
    public async Task<IReadOnlyList<AppealRow>> ListAsync(PublicSeason season, CancellationToken ct = default)
    {
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.SeasonId == season.Id && a.AppealStatus != AppealStatus.None)
            .Select(a => new
            {
                a.Id, a.Number, a.ChildName, a.Status, a.OfferSchoolId, a.ReviewNote, a.AppealReason, a.AppealedAt, a.AppealStatus,
                a.AppealAnswer, a.AppealAnsweredAt,
            })
            .ToListAsync(ct);
        var names = season.Schools.ToDictionary(s => s.SchoolId, s => s.Name);
        return rows
            .OrderBy(r => r.AppealStatus == AppealStatus.Pending ? 0 : 1)
            .ThenBy(r => r.AppealStatus == AppealStatus.Pending ? r.AppealedAt : null)
            .ThenByDescending(r => r.AppealAnsweredAt)
            .ThenBy(r => r.Id)
            .Select(r => new AppealRow(
                r.Id, r.Number, r.ChildName, r.Status, r.OfferSchoolId is int s ? names.GetValueOrDefault(s) : null, r.ReviewNote,
                r.AppealReason ?? "", r.AppealedAt, r.AppealStatus, r.AppealAnswer, r.AppealAnsweredAt))
            .ToList();
    }

    /// <summary>How many review requests of the season wait for an answer.</summary>
    public Task<int> PendingAsync(long seasonId, CancellationToken ct = default) =>
        db.Applications.AsNoTracking().CountAsync(a => a.SeasonId == seasonId && a.AppealStatus == AppealStatus.Pending, ct);

    /// <summary>Each season school's free seats, counted by the database (an offer open or accepted holds a seat).</summary>
    public async Task<IReadOnlyList<FreeSeats>> FreeSeatsAsync(PublicSeason season, CancellationToken ct = default)
    {
        var held = await HeldAsync(season.Id, exceptApplicationId: null, ct);
        return season.Schools.Select(s => new FreeSeats(s.SchoolId, s.Name, s.Seats, Math.Max(0, s.Seats - held.GetValueOrDefault(s.SchoolId)))).ToList();
    }

    /// <summary>
    /// Answers a pending review request: <paramref name="uphold"/> with an optional <paramref name="offerSchoolId"/> (a
    /// season school with a free seat: the application becomes Offered there), or dismiss (nothing else changes).
    /// The answer text is required. Nothing is written on a refusal.
    /// </summary>
    public async Task<Outcome<long>> AnswerAsync(
        long seasonId, long applicationId, bool uphold, string? answer, int? offerSchoolId, CancellationToken ct = default)
    {
        if (await rules.FindAsync(seasonId, ct) is not { } season)
        {
            return Outcome<long>.NotFound(t["Apply.NoSeason"]);
        }
        if (!await MayManageAsync(season, ct))
        {
            return Outcome<long>.Forbidden(t["Appeal.NotYours"]);
        }
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId && a.SeasonId == seasonId, ct);
        if (application is null || application.AppealStatus == AppealStatus.None)
        {
            return Outcome<long>.NotFound(t["Appeal.NotFound"]);
        }
        if (application.AppealStatus != AppealStatus.Pending)
        {
            return Outcome<long>.Conflict(t["Appeal.Answered"]);
        }
        var text = answer?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Outcome<long>.Invalid(new InputErrors().Add("answer", t["Appeal.AnswerRequired"]));
        }
        if (text.Length > AnswerMax)
        {
            return Outcome<long>.Invalid(new InputErrors().Add("answer", string.Format(CultureInfo.CurrentCulture, t["Apply.TooLong"], AnswerMax)));
        }
        PublicSchool? school = null;
        if (uphold && offerSchoolId is int schoolId)
        {
            school = season.Schools.FirstOrDefault(s => s.SchoolId == schoolId);
            if (school is null)
            {
                return Outcome<long>.Invalid(new InputErrors().Add("schoolId", t["Appeal.NoSuchSchool"]));
            }
            if (application.StudentId is not null)
            {
                return Outcome<long>.Conflict(t["Appeal.Enrolled"]);
            }
        }

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // The season's revision first: a second answer at the same time waits here and then fails its update,
            // so the free seats counted below cannot be given twice.
            var stored = await db.Seasons.FirstAsync(s => s.Id == seasonId, ct);
            stored.Revision++;
            await db.SaveChangesAsync(ct);
            if (school is not null)
            {
                var held = (await HeldAsync(seasonId, applicationId, ct)).GetValueOrDefault(school.SchoolId);
                if (held >= school.Seats)
                {
                    await tx.RollbackAsync(ct);
                    return Outcome<long>.Conflict("schoolId", string.Format(CultureInfo.CurrentCulture, t["Appeal.NoFreeSeat"], school.Name, school.Seats));
                }
                application.Status = ApplicationStatus.Offered;
                application.OfferSchoolId = school.SchoolId;
                application.OfferRoute = OfferRoute.Appeal;
                application.OfferDistanceKm = null;
                application.OfferDeadline = now.AddDays(season.AcceptDays);
            }
            application.AppealStatus = uphold ? AppealStatus.Upheld : AppealStatus.Dismissed;
            application.AppealAnswer = text;
            application.AppealAnsweredAt = now;
            application.UpdatedAt = now;
            application.Revision++;
            db.Events.Add(new ApplicationEvent
            {
                ApplicationId = applicationId, At = now, Kind = uphold ? "appeal-upheld" : "appeal-dismissed",
                Actor = access.Current.ActorName ?? "", Note = school is null ? text : $"{text} ({school.Name})",
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Outcome<long>.Ok(applicationId);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            return Outcome<long>.Conflict(t["Appeal.Busy"]);
        }
    }

    /// <summary>Seats held per school: offers open or accepted (optionally leaving one application out).</summary>
    private Task<Dictionary<int, int>> HeldAsync(long seasonId, long? exceptApplicationId, CancellationToken ct) =>
        SeatsHeld.BySchoolAsync(db, seasonId, exceptApplicationId, ct);
}
