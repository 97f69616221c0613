using Microsoft.EntityFrameworkCore;
using Qedu.Documents;
using Qedu.Family.Care;
using Qedu.Family.Credits;
using Qedu.Family.Data;
using Qedu.Family.Domain;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Files;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Contracts;

namespace Qedu.Family.DemoData;

/// <summary>
/// After-school care in the demo city: this term's offer at every primary and nine-year school (basic care and clubs,
/// weekdays 15:30–17:30, grades one to six, open for enrolment all term), with about two children in five of grades one
/// to three enrolled from the schools' paper forms in the first district (every district on the small demo) and the
/// register of the last ten care days taken, so the overview, the class list and the statement have figures. Then the
/// credit bank (<see cref="CreditsDemo"/>), parent courses and committees (<see cref="FamilySchoolDemo"/>) and home visits
/// (<see cref="HomeVisitsDemo"/>).
/// </summary>
internal sealed class FamilyDemoSeedStep(
    FamilyDb db, OrgTree tree, IStudentRoster roster, IStudentMoves students, ParentAccounts parents, IFileStore store, PdfFonts fonts, WorkingCalendar calendar,
    CreditRules rules, FieldEncryption encryption, TimeProvider clock) : IDemoSeedStep
{
    public int Order => 84;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (await db.CareOffers.AnyAsync(ct))
        {
            return;
        }
        var random = new Random(context.Seed * 31 + 7);
        var today = CityDate.Today(clock);
        var (starts, ends) = Term(today);
        var days = await calendar.CurrentAsync(ct);
        var districts = (await tree.OfKindPastScopeAsync([OrgUnitKind.District], ct)).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var enrolled = 0;
        for (var i = 0; i < districts.Count; i++)
        {
            var schools = (await tree.BelowPastScopeAsync(districts[i].Id, OrgUnitKind.School, ct)).Where(s => s.SchoolTypeCode is "211" or "312").ToList();
            foreach (var school in schools)
            {
                var offer = new CareOffer
                {
                    OrgUnitId = school.Id, Name = "课后服务（基础托管＋兴趣社团）", TermStarts = starts, TermEnds = ends, EnrolUntil = ends,
                    Weekdays = "1,2,3,4,5", Starts = new TimeOnly(15, 30), Ends = new TimeOnly(17, 30), Grades = "P1,P2,P3,P4,P5,P6",
                    Activities = "作业辅导、阅读、体育活动；周二、周四书法、合唱、机器人社团", Capacity = 240, Fee = 300m, Subsidy = 200m,
                    CreatedAt = clock.GetUtcNow(), CreatedBy = "demo",
                };
                db.CareOffers.Add(offer);
                await db.SaveChangesAsync(ct);
                if (i == 0 || context.Scale == DemoScale.Small)
                {
                    enrolled += await EnrolAsync(offer, days, today, random, ct);
                }
                // Each school's rows are saved: tracked on, they would make every later save scan them all.
                db.ChangeTracker.Clear();
            }
        }
        var outcomes = await CreditsDemo.SeedAsync(db, tree, rules, clock, random, ct);
        var (courses, committees) = await FamilySchoolDemo.SeedAsync(db, tree, roster, students, parents, store, fonts.Current, context, clock, random, ct);
        var visits = await HomeVisitsDemo.SeedAsync(db, tree, roster, encryption, today, clock.GetUtcNow(), random, ct);
        context.Progress?.Report($"family: {await db.CareOffers.CountAsync(ct)} after-school care offers, {enrolled} children enrolled, " +
            $"{await db.CareAttendance.CountAsync(ct)} register marks; credit bank: {await db.CreditProviders.CountAsync(ct)} providers, " +
            $"{await db.CreditLearners.CountAsync(ct)} learners, {outcomes} outcomes; {courses} parent-course sessions, {committees} parent committees; {visits} home visits");
    }

    /// <summary>About two in five pupils of grades one to three, and the last ten care days' register (one in twenty absent).</summary>
    private async Task<int> EnrolAsync(CareOffer offer, WorkingDays days, DateOnly today, Random random, CancellationToken ct)
    {
        var pupils = new List<long>();
        foreach (var c in (await roster.ClassesAsync([offer.OrgUnitId], ct)).Where(c => c.GradeCode is "P1" or "P2" or "P3"))
        {
            pupils.AddRange((await roster.InClassAsync(c.ClassId, ct)).Where(_ => random.NextDouble() < 0.4).Select(p => p.StudentId));
        }
        pupils = [.. pupils.Take(offer.Capacity)];
        var from = offer.TermStarts;
        db.CareEnrolments.AddRange(pupils.Select(p => new CareEnrolment { OfferId = offer.Id, OrgUnitId = offer.OrgUnitId, StudentId = p, EnrolledOn = from }));
        offer.Enrolled = pupils.Count;
        var careDays = new List<DateOnly>();
        for (var day = today; day >= from && careDays.Count < 10; day = day.AddDays(-1))
        {
            if (CareSchedule.RunsOn(offer, days, day))
            {
                careDays.Add(day);
            }
        }
        foreach (var day in careDays)
        {
            db.CareAttendance.AddRange(pupils.Select(p => new CareAttendance
            {
                OfferId = offer.Id, OrgUnitId = offer.OrgUnitId, StudentId = p, Day = day, Present = random.NextDouble() >= 0.05, RecordedBy = "demo",
            }));
        }
        await db.SaveChangesAsync(ct);
        return pupils.Count;
    }

    /// <summary>The term today falls in or comes next: autumn 1 September – 20 January, spring 20 February – 5 July.</summary>
    public static (DateOnly Starts, DateOnly Ends) Term(DateOnly today) =>
        today.Month >= 8 ? (new DateOnly(today.Year, 9, 1), new DateOnly(today.Year + 1, 1, 20))
        : today.Month == 1 && today.Day <= 20 ? (new DateOnly(today.Year - 1, 9, 1), new DateOnly(today.Year, 1, 20))
        : (new DateOnly(today.Year, 2, 20), new DateOnly(today.Year, 7, 5));
}
