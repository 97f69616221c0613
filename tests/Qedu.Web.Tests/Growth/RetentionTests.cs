using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Growth;
using Qedu.Growth.Data;
using Qedu.Growth.Domain;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Files;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Growth;

/// <summary>
/// The growth module's retention (Rules/retention.json): what is older than its period goes — health results, screenings
/// of students with no open case, closed cases, closed ledgers, ended plans, returned evidence with its file, old aid — and
/// what is younger, or still open, stays; one audit line.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RetentionTests(WebApp app)
{
    [Fact]
    public async Task Old_childrens_data_goes_and_open_or_recent_data_stays()
    {
        var today = CityDate.Today(TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        var old = new DateOnly(2012, 5, 10);
        var student = 9_000_000_000L + Random.Shared.Next(1, 1_000_000);
        var (school, ids, hash) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GrowthDb>();
            var schoolId = await sp.GetRequiredService<Qedu.Kernel.Data.KernelDb>().OrgUnits.Where(o => o.Code == TestWorld.AnchorSchool).Select(o => o.Id).SingleAsync();
            var stored = await sp.GetRequiredService<IFileStore>().PutAsync(new MemoryStream(System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4 retention {student}")));
            var fitness = new FitnessResult
            {
                OrgUnitId = schoolId, StudentId = student, StudentNumber = "R" + student, GradeCode = "P3", GenderCode = "1", SchoolYear = 2012, TestedOn = old,
                Measurements = "{}", Edition = "test", FileName = "old", RecordedAt = now, RecordedBy = "test",
            };
            var screening = new MentalScreening
            {
                OrgUnitId = schoolId, StudentId = student, StudentNumber = "R" + student, GradeCode = "P5", SchoolYear = 2012, ScreenedOn = old, Instrument = "MHT",
                RecordedAt = now, RecordedBy = "test",
            };
            var closedCase = new MentalCase
            {
                OrgUnitId = schoolId, StudentId = student, StudentNumber = "R" + student, GradeCode = "P5", OpenedOn = old, ClosedOn = old.AddMonths(3), Open = false,
                RecordedAt = now, RecordedBy = "test",
            };
            var oldLedger = new CareLedger
            {
                OrgUnitId = schoolId, StudentId = student, StudentNumber = "R" + student, CaringTeacher = "测试", Circumstances = [1], OpenedOn = old, ClosedOn = old.AddYears(1),
                RecordedBy = "test", RecordedAt = now,
            };
            var recentLedger = new CareLedger
            {
                OrgUnitId = schoolId, StudentId = student + 1, StudentNumber = "R" + (student + 1), CaringTeacher = "测试", Circumstances = [1], OpenedOn = old,
                ClosedOn = today.AddDays(-1), RecordedBy = "test", RecordedAt = now,
            };
            var plan = new HomeTeachingPlan
            {
                OrgUnitId = schoolId, StudentId = student, StudentNumber = "R" + student, Reason = [1], Teachers = "测试", VisitsPerMonth = 2, HoursPerVisit = 2,
                StartsOn = old, EndedOn = old.AddYears(1), RecordedBy = "test", RecordedAt = now,
            };
            var evidence = new GrowthEvidence
            {
                OrgUnitId = schoolId, ParentAccountId = Guid.NewGuid(), StudentId = student, StudentNumber = "R" + student, SchoolYear = 2012, Term = 2, Area = GrowthArea.Arts,
                Title = "旧证书", OccurredOn = old, FileHash = stored.Hash, FileName = "old.pdf", MediaType = "application/pdf", State = EvidenceState.Returned,
                SentAt = now.AddYears(-2), ReviewedAt = now.AddYears(-2), ReviewNote = "不清晰",
            };
            var aid = new AidApplication
            {
                OrgUnitId = schoolId, StudentId = student, StudentNumber = "R" + student, GradeCode = "P3", SchoolYear = 2012, Scheme = "compulsory-living", Basis = "hardship",
                Amount = 1000, State = AidState.Awarded, AppliedAt = now, AppliedBy = "test",
            };
            db.AddRange(fitness, screening, closedCase, oldLedger, recentLedger, plan, evidence, aid);
            await db.SaveChangesAsync();
            db.AddRange(
                new MentalCaseEntry { OrgUnitId = schoolId, CaseId = closedCase.Id, Stage = CaseStage.Closed, On = old, Note = [1], RecordedAt = now, RecordedBy = "test" },
                new CareContact { LedgerId = oldLedger.Id, OrgUnitId = schoolId, Day = old, Kind = ContactKind.Talk, Note = [1], RecordedBy = "test", RecordedAt = now },
                new HomeTeachingVisit { PlanId = plan.Id, OrgUnitId = schoolId, Day = old, Teachers = "测试", Hours = 2, Content = "旧", RecordedBy = "test", RecordedAt = now },
                new AidPayment { ApplicationId = aid.Id, OrgUnitId = schoolId, PaidOn = old, Amount = 1000, Method = "bank-card", RecordedAt = now, RecordedBy = "test" });
            await db.SaveChangesAsync();
            return (schoolId, (Fitness: fitness.Id, Case: closedCase.Id, Old: oldLedger.Id, Recent: recentLedger.Id, Plan: plan.Id, Evidence: evidence.Id, Aid: aid.Id), stored.Hash);
        });

        var result = await app.AsSystemAsync(sp => sp.GetRequiredService<GrowthOperations>().ApplyRetentionAsync());
        Assert.True(result.HealthResults >= 1 && result.MentalCases >= 1 && result.CareLedgers >= 1 && result.HomeTeachingPlans >= 1 && result.Evidence >= 1
            && result.AidApplications >= 1 && result.MentalScreenings >= 1, result.ToString());

        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<GrowthDb>();
            Assert.False(await db.Fitness.AnyAsync(f => f.Id == ids.Fitness));
            Assert.False(await db.MentalScreenings.AnyAsync(s => s.StudentId == student));
            Assert.False(await db.MentalCases.AnyAsync(c => c.Id == ids.Case) || await db.MentalCaseEntries.AnyAsync(e => e.CaseId == ids.Case));
            Assert.False(await db.CareLedgers.AnyAsync(l => l.Id == ids.Old) || await db.CareContacts.AnyAsync(c => c.LedgerId == ids.Old));
            Assert.True(await db.CareLedgers.AnyAsync(l => l.Id == ids.Recent), "a ledger closed yesterday stays");
            Assert.False(await db.HomeTeachingPlans.AnyAsync(p => p.Id == ids.Plan) || await db.HomeTeachingVisits.AnyAsync(v => v.PlanId == ids.Plan));
            Assert.False(await db.Evidence.AnyAsync(e => e.Id == ids.Evidence));
            Assert.False(await sp.GetRequiredService<IFileStore>().ExistsAsync(hash), "the returned evidence's file is gone with it");
            Assert.False(await db.AidApplications.AnyAsync(a => a.Id == ids.Aid) || await db.AidPayments.AnyAsync(p => p.ApplicationId == ids.Aid));
            // This year's demo results are well inside their period.
            Assert.True(await db.Fitness.AnyAsync(f => f.OrgUnitId == school));
            return 0;
        });
        Assert.True(await app.KernelAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "growth.retention")));
    }
}
