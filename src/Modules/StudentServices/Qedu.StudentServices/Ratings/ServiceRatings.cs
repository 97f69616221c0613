using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;
using Qedu.StudentServices.Data;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Resources;

namespace Qedu.StudentServices.Ratings;

/// <summary>A poor rating's case as the unit and the applicant see it: the rating, the answer, and the 5-working-day clock.</summary>
public sealed record RatingCaseView(
    long Id, long ChangeId, string ChangeNumber, int UnitId, string Unit, int Score, string? Comment, DateOnly OpenedOn, DateOnly? Due, bool Overdue,
    string? Answer, DateOnly? AnsweredOn, bool AnsweredLate);

/// <summary>A change's rating as shown on the change, with its case when it opened one.</summary>
public sealed record RatingView(int Score, string? Comment, DateOnly RatedOn, RatingCaseView? Case);

/// <summary>
/// 好差评: the guardian who asked for a change rates it once it is finished (completed or refused), 1 to 5 with a
/// comment; a 1 or 2 opens a case the district bureau of the student's school (the implementing body of the 学籍 items)
/// answers within 5 working days. The rating and its case are written together, the case as the procedure (the guardian
/// acts for no unit), each audit line naming the guardian.
/// </summary>
internal sealed class ServiceRatings(
    StudentServicesDb db, ICurrentAccess access, OrgTree tree, WorkingCalendar calendar, TimeProvider clock, IStringLocalizer<ServicesText> t,
    IServiceScopeFactory scopes, IHttpContextAccessor http)
{
    private static readonly AccessContext Procedure = AccessContext.System("service-ratings");

    public const int MaxComment = 500;
    public const int MaxAnswer = 1000;

    /// <summary>Ratings at or below this open a case (差评).</summary>
    public const int PoorAtMost = 2;

    public async Task<Outcome<ServiceRating>> RateAsync(long changeId, int score, string? comment, CancellationToken ct = default)
    {
        var parent = access.Current.ParentAccountId;
        var change = parent is null ? null : await db.Changes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == changeId && c.ParentAccountId == parent, ct);
        if (change is null)
        {
            return Outcome<ServiceRating>.NotFound(t["Change.NotFound"]);
        }
        if (change.State is not (ChangeState.Completed or ChangeState.Refused))
        {
            return Outcome<ServiceRating>.Conflict(t["Rating.NotFinished"]);
        }
        var errors = new InputErrors();
        if (score is < 1 or > 5)
        {
            errors.Add("score", t["Rating.Score"]);
        }
        var text = comment?.Trim();
        if (text?.Length > MaxComment)
        {
            errors.Add("comment", string.Format(CultureInfo.CurrentCulture, t["Rating.Comment"], MaxComment));
        }
        if (score <= PoorAtMost && string.IsNullOrEmpty(text))
        {
            errors.Add("comment", t["Rating.PoorNeedsComment"]);
        }
        if (errors.Any)
        {
            return Outcome<ServiceRating>.Invalid(errors);
        }
        var today = CityDate.Today(clock);
        var rating = new ServiceRating
        {
            ChangeId = change.Id, ServiceCode = change.ServiceCode, SchoolId = change.FromSchoolId, DistrictId = change.FromDistrictId, Score = score,
            Comment = string.IsNullOrEmpty(text) ? null : text, RatedAt = clock.GetUtcNow(), RatedOn = today,
        };
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(Procedure);
        var writer = scope.ServiceProvider.GetRequiredService<StudentServicesDb>();
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        await using var tx = await writer.Database.BeginTransactionAsync(ct);
        AuditInterceptor.OnBehalfOf(rating, access.Current, address);
        writer.Ratings.Add(rating);
        try
        {
            await writer.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<ServiceRating>.Conflict("score", t["Rating.Once"]);
        }
        if (score <= PoorAtMost)
        {
            var poor = new RatingCase { RatingId = rating.Id, ChangeId = change.Id, OrgUnitId = change.FromDistrictId ?? change.FromSchoolId, OpenedOn = today };
            AuditInterceptor.OnBehalfOf(poor, access.Current, address);
            writer.RatingCases.Add(poor);
            await writer.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return Outcome<ServiceRating>.Ok(rating);
    }

    /// <summary>The cases of the caller's units (scoped rows), unanswered first and by due date; answered ones of the last 90 days too.</summary>
    public async Task<IReadOnlyList<RatingCaseView>> CasesAsync(CancellationToken ct = default)
    {
        var since = CityDate.Today(clock).AddDays(-90);
        var cases = await db.RatingCases.AsNoTracking().Where(c => c.AnsweredOn == null || c.AnsweredOn >= since).Take(500).ToListAsync(ct);
        return (await ViewsAsync(cases, ct)).OrderBy(c => c.Answer is not null).ThenBy(c => c.Due).ThenBy(c => c.Id).ToList();
    }

    /// <summary>A case of the caller's units (scoped), or null.</summary>
    public async Task<RatingCaseView?> FindCaseAsync(long caseId, CancellationToken ct = default) =>
        await db.RatingCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct) is { } found ? (await ViewsAsync([found], ct))[0] : null;

    /// <summary>The unit's answer to a case of theirs; once.</summary>
    public async Task<Outcome<RatingCaseView>> AnswerAsync(long caseId, string? answer, CancellationToken ct = default)
    {
        var found = await db.RatingCases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (found is null || access.Current.ParentAccountId is not null)
        {
            return Outcome<RatingCaseView>.NotFound(t["Rating.CaseNotFound"]);
        }
        if (found.Answer is not null)
        {
            return Outcome<RatingCaseView>.Conflict(t["Rating.Answered"]);
        }
        var text = answer?.Trim() ?? "";
        if (text.Length is 0 or > MaxAnswer)
        {
            var errors = new InputErrors().Add("answer", string.Format(CultureInfo.CurrentCulture, t["Rating.Answer"], MaxAnswer));
            return Outcome<RatingCaseView>.Invalid(errors);
        }
        (found.Answer, found.AnsweredBy, found.AnsweredAt, found.AnsweredOn) = (text, access.Current.ActorName, clock.GetUtcNow(), CityDate.Today(clock));
        found.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<RatingCaseView>.Conflict(t["Rating.Answered"]);
        }
        return Outcome<RatingCaseView>.Ok((await ViewsAsync([found], ct))[0]);
    }

    /// <summary>
    /// A change's rating and its case, for whoever may see the change (checked by the caller): the case is read past the
    /// scope filter, as the guardian reads the unit's answer.
    /// </summary>
    public async Task<RatingView?> OfChangeAsync(long changeId, CancellationToken ct = default)
    {
        var rating = await db.Ratings.AsNoTracking().SingleOrDefaultAsync(r => r.ChangeId == changeId, ct);
        if (rating is null)
        {
            return null;
        }
        var poor = await db.RatingCases.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().SingleOrDefaultAsync(c => c.RatingId == rating.Id, ct);
        return new RatingView(rating.Score, rating.Comment, rating.RatedOn, poor is null ? null : (await ViewsAsync([poor], ct))[0]);
    }

    private async Task<IReadOnlyList<RatingCaseView>> ViewsAsync(IReadOnlyList<RatingCase> cases, CancellationToken ct)
    {
        var ratingIds = cases.Select(c => c.RatingId).ToList();
        var changeIds = cases.Select(c => c.ChangeId).ToList();
        var ratings = await db.Ratings.AsNoTracking().Where(r => ratingIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var numbers = await db.Changes.AsNoTracking().Where(c => changeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var names = await tree.NamesOfAsync(cases.Select(c => c.OrgUnitId), ct);
        var days = await calendar.CurrentAsync(ct);
        var today = CityDate.Today(clock);
        return cases.Select(c =>
            {
                var reading = days.Read(c.OpenedOn, c.LimitDays, [], c.AnsweredOn ?? today);
                var rating = ratings[c.RatingId];
                return new RatingCaseView(c.Id, c.ChangeId, numbers.GetValueOrDefault(c.ChangeId, "?"), c.OrgUnitId, names.GetValueOrDefault(c.OrgUnitId, "?"),
                    rating.Score, rating.Comment, c.OpenedOn, reading.Due, c.AnsweredOn is null && reading.Overdue(today), c.Answer, c.AnsweredOn,
                    c.AnsweredOn is { } on && reading.Overdue(on));
            })
            .ToList();
    }
}
