using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Family.Care;
using Qedu.Family.Data;
using Qedu.Family.Domain;
using Qedu.Family.Resources;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Access;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;

namespace Qedu.Family.Features.ParentCare;

internal sealed record EnrolInput(long? Offer, long? Student);

/// <summary>An offer as a guardian sees it for one child: the days, hours, activities, what the family pays, places left, and the child's state.</summary>
internal sealed record ChildOffer(
    long Id, string Name, DateOnly TermStarts, DateOnly TermEnds, DateOnly EnrolUntil, IReadOnlyList<int> Weekdays, TimeOnly Starts, TimeOnly Ends,
    string Activities, decimal Fee, int DaysInTerm, int PlacesLeft, bool Open, bool Enrolled, DateOnly? EnrolledOn);

internal sealed record ChildCare(long StudentId, string Name, string School, string? ClassName, IReadOnlyList<ChildOffer> Offers);

/// <summary>
/// After-school care from a guardian's phone (家长, the parent sign-in): their children (the registry's guardian phone,
/// the number signed in with), the offers of each child's school for the child's grade, enrolling and withdrawing. A place
/// is taken by one conditional update (enrolled &lt; capacity) as the transaction's first statement, so concurrent
/// enrolments never exceed the places; a child is enrolled once per offer (a unique index).
/// </summary>
internal sealed class ParentCare(
    FamilyDb db, FamilyAccess access, IStudentMoves students, ParentAccounts parents, OrgTree tree, WorkingCalendar calendar, TimeProvider clock,
    IStringLocalizer<FamilyText> t)
{
    public async Task<IReadOnlyList<ChildCare>> ChildrenAsync(CancellationToken ct = default)
    {
        var children = await ChildrenOfParentAsync(ct);
        if (children.Count == 0)
        {
            return [];
        }
        var today = CityDate.Today(clock);
        var schoolIds = children.Select(c => c.SchoolId).Distinct().ToList();
        var studentIds = children.Select(c => c.StudentId).ToList();
        // A guardian holds no staff grant: their children's schools are read past the scope, by the registry's answer only.
        var offers = await db.CareOffers.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(o => schoolIds.Contains(o.OrgUnitId) && o.TermEnds >= today).OrderBy(o => o.TermStarts).ThenBy(o => o.Id).ToListAsync(ct);
        var offerIds = offers.Select(o => o.Id).ToList();
        var enrolments = await db.CareEnrolments.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(e => offerIds.Contains(e.OfferId) && studentIds.Contains(e.StudentId) && e.WithdrawnOn == null).ToListAsync(ct);
        var names = await tree.NamesOfAsync(schoolIds, ct);
        var days = await calendar.CurrentAsync(ct);
        return [.. children.Select(c => new ChildCare(c.StudentId, c.Name, names.GetValueOrDefault(c.SchoolId, ""), c.ClassName,
            [.. offers.Where(o => o.OrgUnitId == c.SchoolId && (c.GradeCode is null || o.GradeList.Contains(c.GradeCode))).Select(o =>
            {
                var mine = enrolments.FirstOrDefault(e => e.OfferId == o.Id && e.StudentId == c.StudentId);
                return new ChildOffer(o.Id, o.Name, o.TermStarts, o.TermEnds, o.EnrolUntil, o.Days, o.Starts, o.Ends, o.Activities, o.Fee,
                    CareSchedule.DaysUpTo(o, days, o.TermEnds), o.Capacity - o.Enrolled, CareSchedule.Open(o, today), mine is not null, mine?.EnrolledOn);
            })]))];
    }

    public async Task<Outcome<int>> EnrolAsync(EnrolInput input, CancellationToken ct = default)
    {
        var (offer, child, error) = await CheckAsync(input, ct);
        if (offer is null || child is null)
        {
            return error!;
        }
        var today = CityDate.Today(clock);
        var existing = await db.CareEnrolments.IgnoreQueryFilters([ScopeFilter.Name]).SingleOrDefaultAsync(e => e.OfferId == offer.Id && e.StudentId == child.StudentId, ct);
        if (existing is { WithdrawnOn: null })
        {
            return Outcome<int>.Conflict(t["Enrol.Already", child.Name]);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The write comes first in the transaction: it takes the row's lock and sees the latest count on both databases.
        var taken = await db.CareOffers.IgnoreQueryFilters([ScopeFilter.Name]).Where(o => o.Id == offer.Id && o.Enrolled < o.Capacity)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Enrolled, o => o.Enrolled + 1), ct);
        if (taken == 0)
        {
            return Outcome<int>.Conflict(t["Enrol.Full"]);
        }
        var parent = access.Caller.ParentAccountId!.Value;
        if (existing is null)
        {
            db.CareEnrolments.Add(new CareEnrolment { OfferId = offer.Id, OrgUnitId = offer.OrgUnitId, StudentId = child.StudentId, ParentAccountId = parent, EnrolledOn = today });
        }
        else
        {
            existing.WithdrawnOn = null;
            existing.EnrolledOn = today;
            existing.ParentAccountId = parent;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another guardian of the same child enrolled them a moment earlier: the place taken above is given back by the rollback.
            return Outcome<int>.Conflict(t["Enrol.Already", child.Name]);
        }
        await tx.CommitAsync(ct);
        return Outcome<int>.Ok(offer.Capacity - offer.Enrolled - 1);
    }

    public async Task<Outcome<int>> WithdrawAsync(EnrolInput input, CancellationToken ct = default)
    {
        var (offer, child, error) = await CheckAsync(input, ct);
        if (offer is null || child is null)
        {
            return error!;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var withdrawn = await db.CareEnrolments.IgnoreQueryFilters([ScopeFilter.Name])
            .Where(e => e.OfferId == offer.Id && e.StudentId == child.StudentId && e.WithdrawnOn == null)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.WithdrawnOn, CityDate.Today(clock)), ct);
        if (withdrawn == 0)
        {
            return Outcome<int>.Conflict(t["Withdraw.NotEnrolled", child.Name]);
        }
        await db.CareOffers.IgnoreQueryFilters([ScopeFilter.Name]).Where(o => o.Id == offer.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Enrolled, o => o.Enrolled - 1), ct);
        await tx.CommitAsync(ct);
        return Outcome<int>.Ok(withdrawn);
    }

    /// <summary>The offer and the caller's child, when the child is theirs, the offer is their school's for their grade, and still open.</summary>
    private async Task<(CareOffer? Offer, StudentStanding? Child, Outcome<int>? Error)> CheckAsync(EnrolInput input, CancellationToken ct)
    {
        var child = (await ChildrenOfParentAsync(ct)).FirstOrDefault(c => c.StudentId == input.Student);
        if (child is null)
        {
            return (null, null, Outcome<int>.Invalid(new InputErrors().Add("student", t["Enrol.NotYourChild"])));
        }
        var offer = input.Offer is { } id
            ? await db.CareOffers.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.OrgUnitId == child.SchoolId, ct)
            : null;
        if (offer is null || (child.GradeCode is { } grade && !offer.GradeList.Contains(grade)))
        {
            return (null, null, Outcome<int>.NotFound(t["Offer.NotFound"]));
        }
        if (!CareSchedule.Open(offer, CityDate.Today(clock)))
        {
            return (null, null, Outcome<int>.Conflict(t["Enrol.Closed", offer.EnrolUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]));
        }
        return (offer, child, null);
    }

    private async Task<IReadOnlyList<StudentStanding>> ChildrenOfParentAsync(CancellationToken ct) =>
        access.Caller.ParentAccountId is Guid parent && (await parents.FindAsync(parent, ct))?.Phone is { } phone
            ? [.. (await students.ChildrenOfGuardianAsync(phone, ct)).Where(c => c.StatusCode == "01")]
            : [];
}
