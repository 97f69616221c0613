using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Growth.Data;
using Qedu.Growth.Domain;
using Qedu.Growth.Resources;
using Qedu.Growth.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;

namespace Qedu.Growth.Features.HomeTeaching;

internal sealed record NewHomePlan(long? StudentId, string? Reason, string? Teachers, int? VisitsPerMonth, double? HoursPerVisit, DateOnly? StartsOn);

internal sealed record NewHomeVisit(DateOnly? Day, string? Teachers, double? Hours, string? Content);

/// <summary>A school's teaching at home: open plans, of those kept last month (visits as planned), visits and hours this month.</summary>
internal sealed record HomeSchool(string Code, string Name, int Plans, int KeptLastMonth, int VisitsThisMonth, double HoursThisMonth);

/// <summary>A plan as a school sees it (named).</summary>
internal sealed record HomePlanLine(
    long Id, long StudentId, string StudentNumber, string Name, string? ClassName, string Reason, string Teachers, int VisitsPerMonth, double HoursPerVisit,
    DateOnly StartsOn, int VisitsLastMonth, int VisitsThisMonth, bool KeptLastMonth, IReadOnlyList<HomeVisitLine> Visits);

internal sealed record HomeVisitLine(DateOnly Day, string Teachers, double Hours, string Content);

/// <summary>A student with a disability at the school and no plan: one the school may start a plan for.</summary>
internal sealed record HomeCandidate(long StudentId, string StudentNumber, string Name, string? ClassName);

internal sealed record HomeView(IReadOnlyList<HomeSchool> Schools, int Plans, int KeptLastMonth, string? SchoolCode, string? SchoolName,
    IReadOnlyList<HomePlanLine> SchoolPlans, IReadOnlyList<HomeCandidate> Candidates, HomeTeachingRules Rules);

/// <summary>
/// Teaching at home (送教上门, 001-24): a school plans home teaching for a child with a disability the registry flags
/// (teachers, visits a month and hours a visit, at least the rules' minimum), records each visit, and sees whether last
/// month's visits kept the plan; the district sees each school's figures. The reason is health data: encrypted, and the
/// school's named list is an audited read (<c>growth.care-read</c>). Held under <c>growth.care</c>.
/// </summary>
internal sealed class HomeTeaching(
    GrowthDb db, GrowthAccess access, HomeTeachingRules rules, IStudentRoster roster, FieldEncryption encryption, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<GrowthText> t)
{
    /// <summary>The audit action of a named read: the same as the care ledgers', as both are held under <c>growth.care</c>.</summary>
    public const string ReadAction = "growth.care-read";

    public async Task<HomeView> ViewAsync(string? schoolCode, CancellationToken ct)
    {
        var today = CityDate.Today(clock);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1);
        var schools = await access.SchoolsAsync(Permissions.GrowthCare, ct);
        var plans = await db.HomeTeachingPlans.AsNoTracking().Where(p => p.EndedOn == null).ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var visits = await db.HomeTeachingVisits.AsNoTracking().Where(v => planIds.Contains(v.PlanId) && v.Day >= lastMonth).ToListAsync(ct);
        bool Kept(HomeTeachingPlan p) => p.StartsOn >= thisMonth || visits.Count(v => v.PlanId == p.Id && v.Day < thisMonth) >= p.VisitsPerMonth;
        var rows = schools.Select(s =>
            {
                var mine = plans.Where(p => p.OrgUnitId == s.Id).ToList();
                var now = visits.Where(v => v.OrgUnitId == s.Id && v.Day >= thisMonth).ToList();
                return new HomeSchool(s.Code, s.Name, mine.Count, mine.Count(Kept), now.Count, now.Sum(v => v.Hours));
            })
            .Where(r => r.Plans > 0).OrderByDescending(r => r.Plans).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        var school = schoolCode is null ? (schools.Count == 1 ? schools[0] : null) : schools.FirstOrDefault(s => s.Code == schoolCode);
        IReadOnlyList<HomePlanLine> lines = [];
        IReadOnlyList<HomeCandidate> candidates = [];
        if (school is not null)
        {
            var disabled = await roster.FlaggedAsync(school.Id, StudentFlag.Disability, ct);
            var mine = plans.Where(p => p.OrgUnitId == school.Id).ToList();
            var names = await roster.NamesAsync([.. mine.Select(p => p.StudentId)], ct);
            var all = await db.HomeTeachingVisits.AsNoTracking().Where(v => v.OrgUnitId == school.Id && planIds.Contains(v.PlanId))
                .OrderByDescending(v => v.Day).ThenByDescending(v => v.Id).ToListAsync(ct);
            if (disabled.Count > 0 || mine.Count > 0)
            {
                await audit.RecordAsync(ReadAction, "School", school.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    details: $"home teaching: {mine.Count} plans, {disabled.Count} students with a disability", ct: ct);
            }
            lines = [.. mine.OrderBy(p => p.StudentNumber, StringComparer.Ordinal).Select(p => new HomePlanLine(p.Id, p.StudentId, p.StudentNumber,
                names.GetValueOrDefault(p.StudentId, ""), disabled.FirstOrDefault(d => d.StudentId == p.StudentId)?.ClassName, encryption.Decrypt(p.Reason), p.Teachers,
                p.VisitsPerMonth, p.HoursPerVisit, p.StartsOn, visits.Count(v => v.PlanId == p.Id && v.Day < thisMonth),
                visits.Count(v => v.PlanId == p.Id && v.Day >= thisMonth), Kept(p),
                [.. all.Where(v => v.PlanId == p.Id).Take(10).Select(v => new HomeVisitLine(v.Day, v.Teachers, v.Hours, v.Content))]))];
            candidates = [.. disabled.Where(d => !mine.Any(p => p.StudentId == d.StudentId)).Select(d => new HomeCandidate(d.StudentId, d.StudentNumber, d.Name, d.ClassName))];
        }
        return new HomeView(rows, rows.Sum(r => r.Plans), rows.Sum(r => r.KeptLastMonth), school?.Code, school?.Name, lines, candidates, rules);
    }

    /// <summary>Starts a plan for a child with a disability the registry flags at a school of the caller; one open plan per child.</summary>
    public async Task<Outcome<long>> StartAsync(NewHomePlan body, CancellationToken ct)
    {
        var errors = new InputErrors();
        var pupil = body.StudentId is { } id ? await roster.PupilAsync(id, ct) : null;
        if (pupil is null || !await access.MayAsync(Permissions.GrowthCare, pupil.SchoolId, ct)
            || !(await roster.FlaggedAsync(pupil.SchoolId, StudentFlag.Disability, ct)).Any(p => p.StudentId == pupil.StudentId))
        {
            errors.Add("studentId", t["Home.NotDisabled"]);
        }
        var reason = body.Reason?.Trim() ?? "";
        var teachers = body.Teachers?.Trim() ?? "";
        if (reason.Length is 0 or > 500)
        {
            errors.Add("reason", t["Home.Reason", 500]);
        }
        if (teachers.Length is 0 or > 100)
        {
            errors.Add("teachers", t["Home.Teachers", 100]);
        }
        if (body.VisitsPerMonth is not { } visits || visits < rules.MinVisitsPerMonth || visits > 31)
        {
            errors.Add("visitsPerMonth", t["Home.VisitsPerMonth", rules.MinVisitsPerMonth]);
        }
        if (body.HoursPerVisit is not { } hours || hours < rules.MinHoursPerVisit || hours > 8)
        {
            errors.Add("hoursPerVisit", t["Home.HoursPerVisit", rules.MinHoursPerVisit]);
        }
        var today = CityDate.Today(clock);
        if (body.StartsOn is not { } starts || starts < today.AddDays(-366) || starts > today.AddDays(366))
        {
            errors.Add("startsOn", t["Home.StartsOn"]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var plan = new HomeTeachingPlan
        {
            OrgUnitId = pupil!.SchoolId, StudentId = pupil.StudentId, StudentNumber = pupil.StudentNumber, Reason = encryption.Encrypt(reason), Teachers = teachers,
            VisitsPerMonth = body.VisitsPerMonth!.Value, HoursPerVisit = body.HoursPerVisit!.Value, StartsOn = body.StartsOn!.Value, RecordedBy = access.ActorName,
            RecordedAt = clock.GetUtcNow(),
        };
        db.HomeTeachingPlans.Add(plan);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The child's open plan exists (the filtered unique index).
            db.ChangeTracker.Clear();
            return Outcome<long>.Conflict(t["Home.Exists"]);
        }
        return Outcome<long>.Ok(plan.Id);
    }

    /// <summary>Records a visit under an open plan.</summary>
    public async Task<Outcome<long>> VisitAsync(long planId, NewHomeVisit body, CancellationToken ct)
    {
        var plan = await db.HomeTeachingPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null || !await access.MayAsync(Permissions.GrowthCare, plan.OrgUnitId, ct))
        {
            return Outcome<long>.NotFound(t["Home.NotFound"]);
        }
        if (plan.EndedOn is not null)
        {
            return Outcome<long>.Conflict(t["Home.Ended"]);
        }
        var errors = new InputErrors();
        var teachers = body.Teachers?.Trim() ?? "";
        var content = body.Content?.Trim() ?? "";
        if (body.Day is not { } day || day > CityDate.Today(clock) || day < plan.StartsOn)
        {
            errors.Add("day", t["Home.Day"]);
        }
        if (teachers.Length is 0 or > 100)
        {
            errors.Add("teachers", t["Home.Teachers", 100]);
        }
        if (body.Hours is not (> 0 and <= 8))
        {
            errors.Add("hours", t["Home.Hours"]);
        }
        if (content.Length is 0 or > 1000)
        {
            errors.Add("content", t["Home.Content", 1000]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var visit = new HomeTeachingVisit
        {
            PlanId = planId, OrgUnitId = plan.OrgUnitId, Day = body.Day!.Value, Teachers = teachers, Hours = body.Hours!.Value, Content = content,
            RecordedBy = access.ActorName, RecordedAt = clock.GetUtcNow(),
        };
        db.HomeTeachingVisits.Add(visit);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(visit.Id);
    }

    /// <summary>Ends a plan (the child returns to class, moves, or leaves school); its visits are kept.</summary>
    public async Task<Outcome<long>> EndAsync(long planId, CancellationToken ct)
    {
        var plan = await db.HomeTeachingPlans.SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null || !await access.MayAsync(Permissions.GrowthCare, plan.OrgUnitId, ct))
        {
            return Outcome<long>.NotFound(t["Home.NotFound"]);
        }
        if (plan.EndedOn is not null)
        {
            return Outcome<long>.Conflict(t["Home.Ended"]);
        }
        plan.EndedOn = CityDate.Today(clock);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(plan.Id);
    }
}
