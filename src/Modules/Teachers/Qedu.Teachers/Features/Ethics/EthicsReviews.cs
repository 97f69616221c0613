using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;
using Qedu.Teachers.Ethics;
using Qedu.Teachers.Resources;

namespace Qedu.Teachers.Features.Ethics;

/// <summary>A school's ethics reviews for a year: how many teachers, reviewed, confirmed, and by grade.</summary>
internal sealed record SchoolEthics(string SchoolCode, string SchoolName, int Teachers, int Reviewed, int Confirmed, IReadOnlyDictionary<string, int> ByGrade);

/// <summary>One teacher's review of the year (none yet: grade null).</summary>
internal sealed record EthicsRow(long StaffId, string StaffNumber, string Name, string? Grade, string? Comment, bool Confirmed, string? ReviewedBy);

/// <summary>The year's reviews: per school in the caller's scope, and (for one school) per teacher, with what the caller may do.</summary>
internal sealed record EthicsYear(int Year, IReadOnlyList<SchoolEthics> Schools, string? SchoolCode, IReadOnlyList<EthicsRow> Teachers, bool MayReview, bool MayConfirm);

/// <summary>A grade (Excellent, Qualified, BasicallyQualified, Unqualified) and a comment (required for the two lowest).</summary>
internal sealed record EthicsInput(string? Grade, string? Comment);

/// <summary>
/// The annual ethics review (师德考核, <c>teachers.ethics</c>): the school grades each full-time teacher; the bureau above
/// the school confirms (a school cannot confirm its own); a confirmed 不合格 writes the bar (一票否决) in the same save.
/// A review may be changed until confirmed. Grades are not for every reader of the staff records: this permission alone.
/// </summary>
internal sealed class EthicsReviews(
    TeachersDb db, TeacherAccess access, IStaffDirectory directory, OrgTree tree, EthicsBars bars, TimeProvider clock, IStringLocalizer<TeachersText> t)
{
    public const int MaxComment = 500;

    public async Task<EthicsYear> YearAsync(int? year, string? schoolCode, CancellationToken ct)
    {
        var theYear = year ?? CityDate.Today(clock).Year;
        var schools = (await access.SchoolsAsync(Permissions.TeachersEthics, ct)).Where(s => s.ClosedOn is null).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var ids = schools.ConvertAll(s => s.Id);
        // Counted in the database (a city's year is tens of thousands of reviews); one school's rows are read below.
        var counts = await db.EthicsReviews.AsNoTracking().Where(r => r.Year == theYear && ids.Contains(r.OrgUnitId))
            .GroupBy(r => new { r.OrgUnitId, r.Grade, Confirmed = r.ConfirmedAt != null })
            .Select(g => new { g.Key.OrgUnitId, g.Key.Grade, g.Key.Confirmed, Count = g.Count() }).ToListAsync(ct);
        var teachers = (await directory.HeadcountsAsync(ids, ct)).Where(h => h.PostCode == StaffCodes.FullTimeTeacher)
            .GroupBy(h => h.SchoolId).ToDictionary(g => g.Key, g => g.Sum(h => h.Count));
        var bySchool = counts.ToLookup(c => c.OrgUnitId);
        var summary = schools.ConvertAll(s => new SchoolEthics(s.Code, s.DisplayName(CodeBook.IsEnglish), teachers.GetValueOrDefault(s.Id),
            bySchool[s.Id].Sum(c => c.Count), bySchool[s.Id].Where(c => c.Confirmed).Sum(c => c.Count),
            bySchool[s.Id].GroupBy(c => c.Grade).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g => g.Sum(c => c.Count))));

        var school = schoolCode is { Length: > 0 } ? schools.Find(s => s.Code == schoolCode) : schools is [var only] ? only : null;
        if (school is null)
        {
            return new EthicsYear(theYear, summary, null, [], false, false);
        }
        var staff = (await directory.AtSchoolsAsync([school.Id], ct)).Where(s => s.PostCode == StaffCodes.FullTimeTeacher).ToList();
        var byStaff = await db.EthicsReviews.AsNoTracking().Where(r => r.Year == theYear && r.OrgUnitId == school.Id).ToDictionaryAsync(r => r.StaffId, ct);
        var rows = staff.ConvertAll(s => byStaff.TryGetValue(s.StaffId, out var r)
            ? new EthicsRow(s.StaffId, s.StaffNumber, s.Name, r.Grade.ToString(), r.Comment, r.ConfirmedAt is not null, r.ReviewedBy)
            : new EthicsRow(s.StaffId, s.StaffNumber, s.Name, null, null, false, null));
        return new EthicsYear(theYear, summary, school.Code, rows, await access.MayAsync(Permissions.TeachersEthics, school.Id, ct), await MayConfirmAsync(school.Id, ct));
    }

    /// <summary>Grades a teacher for a year (the school, or a bureau above it); refused once confirmed.</summary>
    public async Task<Outcome<string>> ReviewAsync(long staffId, int year, EthicsInput input, CancellationToken ct)
    {
        var teacher = await access.StaffAsync(staffId, Permissions.TeachersEthics, ct);
        if (teacher is null)
        {
            return Outcome<string>.NotFound(t["Records.NoStaff"]);
        }
        var errors = new InputErrors();
        var thisYear = CityDate.Today(clock).Year;
        if (year < thisYear - 5 || year > thisYear)
        {
            errors.Add("year", t["Establishment.Year", thisYear - 5, thisYear]);
        }
        var grade = EnumNames.ParseName<EthicsGrade>(input.Grade);
        if (grade is null)
        {
            errors.Add("grade", t["Ethics.Grade"]);
        }
        var comment = input.Comment?.Trim() is { Length: > 0 } c ? c : null;
        if (comment is { Length: > MaxComment })
        {
            errors.Add("comment", t["Ethics.Comment", MaxComment]);
        }
        else if (comment is null && grade is EthicsGrade.BasicallyQualified or EthicsGrade.Unqualified)
        {
            errors.Add("comment", t["Ethics.CommentRequired"]);
        }
        if (errors.Any)
        {
            return Outcome<string>.Invalid(errors);
        }
        var review = await db.EthicsReviews.SingleOrDefaultAsync(r => r.StaffId == staffId && r.Year == year, ct);
        if (review?.ConfirmedAt is not null)
        {
            return Outcome<string>.Conflict(t["Ethics.Confirmed"]);
        }
        if (review is null)
        {
            review = new EthicsReview { OrgUnitId = teacher.SchoolId, StaffId = staffId, Year = year, ReviewedBy = access.ActorName };
            db.EthicsReviews.Add(review);
        }
        (review.Grade, review.Comment, review.ReviewedBy, review.ReviewedAt) = (grade!.Value, comment, access.ActorName, clock.GetUtcNow());
        review.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<string>.Conflict(t["Ethics.Changed"]);
        }
        return Outcome<string>.Ok(review.Grade.ToString());
    }

    /// <summary>Confirms a teacher's review of the year: the bureau above the school only; a 不合格 writes the bar from today.</summary>
    public async Task<Outcome<string>> ConfirmAsync(long staffId, int year, CancellationToken ct)
    {
        var teacher = await access.StaffAsync(staffId, Permissions.TeachersEthics, ct);
        var review = teacher is null ? null : await db.EthicsReviews.SingleOrDefaultAsync(r => r.StaffId == staffId && r.Year == year, ct);
        if (teacher is null || review is null)
        {
            return Outcome<string>.NotFound(t["Ethics.NoReview"]);
        }
        if (!await MayConfirmAsync(teacher.SchoolId, ct))
        {
            return Outcome<string>.Forbidden(t["Ethics.ConfirmByBureau"]);
        }
        if (review.ConfirmedAt is not null)
        {
            return Outcome<string>.Conflict(t["Ethics.Confirmed"]);
        }
        var now = clock.GetUtcNow();
        (review.ConfirmedBy, review.ConfirmedAt) = (access.ActorName, now);
        review.Revision++;
        if (review.Grade == EthicsGrade.Unqualified)
        {
            db.EthicsBars.Add(bars.New(staffId, teacher.SchoolId, EthicsBarReason.UnqualifiedReview,
                year.ToString(System.Globalization.CultureInfo.InvariantCulture), CityDate.Of(now), now, access.ActorName));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<string>.Conflict(t["Ethics.Changed"]);
        }
        return Outcome<string>.Ok(review.Grade.ToString());
    }

    /// <summary>Whether the caller holds <c>teachers.ethics</c> over the unit above the school (a bureau), as confirming needs.</summary>
    private async Task<bool> MayConfirmAsync(int schoolId, CancellationToken ct) =>
        access.Caller.IsSystem || (await tree.FindAsync(schoolId, ct))?.ParentId is { } parent && await access.MayAsync(Permissions.TeachersEthics, parent, ct);
}
