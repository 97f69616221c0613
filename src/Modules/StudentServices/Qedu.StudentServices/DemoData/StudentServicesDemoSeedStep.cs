using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Contracts;
using Qedu.StudentServices.Data;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Catalogue;
using Qedu.StudentServices.Features.Changes;

namespace Qedu.StudentServices.DemoData;

/// <summary>
/// The student services' part of the demo city: status changes of 市南区 students in every state, run through the real
/// procedure by reviewers of the units on each route (transfers within and across districts, out of the city, breaks
/// and returns), then dated back so some are due soon and some overdue; ratings of the finished ones (a poor one
/// unanswered and overdue), a draft version of a catalogue item, and three cases of the 控辍保学 ledger. Deterministic; dates relative to the clock.
/// </summary>
internal sealed class StudentServicesDemoSeedStep(IServiceScopeFactory scopes, OrgTree tree, IStudentMoves registry, StudentServicesDb db, TimeProvider clock)
    : IDemoSeedStep
{
    public const string DistrictCode = "370202";

    public int Order => 60;

    /// <summary>One demo change: what, where to, how far it got (accepting steps, then a last answer), and how many days ago it was asked.</summary>
    private sealed record Plan(ChangeKind Kind, string Reason, int? To, int Accepted, StepDecision? Last, string? Note, int DaysAgo, string? OtherSchool = null);

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (await db.Changes.AnyAsync(ct))
        {
            return;
        }
        var schools = context.Orgs.Where(o => o.Kind == OrgUnitKind.School && o.ParentCode == DistrictCode && o.SchoolTypeCode == "211")
            .OrderBy(o => o.SortOrder).Take(2).ToList();
        var far = context.Orgs.Where(o => o.Kind == OrgUnitKind.School && o.ParentCode != DistrictCode && o.SchoolTypeCode == "211")
            .OrderBy(o => o.SortOrder).FirstOrDefault();
        if (schools.Count < 2 || far is null)
        {
            return;
        }
        var ids = await tree.IdsOfCodesPastScopeAsync(schools.Select(s => s.Code).Append(far.Code), ct);
        var (from, near, away) = (ids[schools[0].Code], ids[schools[1].Code], ids[far.Code]);
        var students = (await registry.SearchAsync(from, null, 40, ct)).Where(s => s.StatusCode == "01").ToList();
        Plan[] plans =
        [
            new(ChangeKind.Transfer, "随父母工作调动", away, 4, null, null, 30),
            new(ChangeKind.Transfer, "家庭搬迁，就近入学", near, 3, null, null, 12),
            new(ChangeKind.Transfer, "家庭搬迁，就近入学", near, 1, null, null, 9),             // at the receiving school, overdue
            new(ChangeKind.Transfer, "随父母工作调动", away, 2, null, null, 2),                 // at the sending district
            new(ChangeKind.Transfer, "家庭搬迁", near, 1, StepDecision.Returned, "请补充新住址的房产证明或租赁备案", 6),
            new(ChangeKind.Transfer, "择校", near, 0, StepDecision.Refused, "不符合转学条件：非户籍或居住地变动", 15),
            new(ChangeKind.TransferOut, "随家庭迁居北京", null, 1, null, null, 4, "北京市海淀区中关村第一小学"),
            new(ChangeKind.Suspension, "因病需住院治疗", null, 2, null, null, 40),
            new(ChangeKind.Suspension, "因病休养", null, 0, null, null, 3),
            new(ChangeKind.Transfer, "随父母工作调动", away, 0, null, null, 0),
        ];
        var changes = new List<StatusChange?>();
        for (var i = 0; i < plans.Length && i < students.Count; i++)
        {
            changes.Add(await RunAsync(plans[i], students[i], from, ct));
        }
        await RateAsync(changes, ct);
        await DraftAsync(ct);
        await DropoutsAsync(students.Skip(plans.Length).Take(3).ToList(), from, ct);
    }

    /// <summary>
    /// Three dropout cases of the ledger (控辍保学): one followed up but not for 10 working days (overdue), one back in
    /// school after a persuasion, one reported two days ago.
    /// </summary>
    private async Task DropoutsAsync(List<StudentStanding> students, int school, CancellationToken ct)
    {
        var today = CityDate.Today(clock);
        var district = (await tree.NearestAboveAsync(school, [OrgUnitKind.District, OrgUnitKind.City], ct))?.Id;
        (DropoutReason Reason, string Details, int LastDaysAgo, int ReportedDaysAgo, (int DaysAgo, FollowUpKind Kind, string Note)[] Actions, int? ReturnedDaysAgo)[] cases =
        [
            (DropoutReason.Disengaged, "连续两周未到校，家长称孩子不愿上学。", 25, 20,
                [(18, FollowUpKind.HomeVisit, "班主任家访，孩子在家玩手机，家长管教困难。"), (15, FollowUpKind.GuardianTalk, "约谈家长，签订劝返承诺书。")], null),
            (DropoutReason.Work, "随父母外出，在亲戚店里帮工。", 45, 40,
                [(38, FollowUpKind.Call, "联系家长说明义务教育法规定。"), (30, FollowUpKind.Persuasion, "镇、村、校联合劝返，家长同意送回。")], 25),
            (DropoutReason.Poverty, "家庭突发变故，无人接送。", 5, 2, [], null),
        ];
        for (var i = 0; i < cases.Length && i < students.Count; i++)
        {
            var (reason, details, lastDaysAgo, reportedDaysAgo, actions, returnedDaysAgo) = cases[i];
            var student = students[i];
            var report = new DropoutCase
            {
                Number = "KC-" + Guid.NewGuid().ToString("N")[..12], StudentId = student.StudentId, StudentNumber = student.StudentNumber, StudentName = student.Name,
                ClassName = student.ClassName, OrgUnitId = school, DistrictId = district, LastAttendedOn = today.AddDays(-lastDaysAgo),
                ReportedOn = today.AddDays(-reportedDaysAgo), Reason = reason, Details = details, ReportedBy = "德育处 赵老师",
                State = returnedDaysAgo is null ? DropoutState.Open : DropoutState.Returned,
                EndedOn = returnedDaysAgo is int r ? today.AddDays(-r) : null, EndNote = returnedDaysAgo is null ? null : "已返校上课，安排学业帮扶。",
            };
            db.Dropouts.Add(report);
            await db.SaveChangesAsync(ct);
            report.Number = string.Create(CultureInfo.InvariantCulture, $"KC{report.ReportedOn.Year}-{report.Id:D6}");
            foreach (var (daysAgo, kind, note) in actions)
            {
                db.FollowUps.Add(new DropoutFollowUp { CaseId = report.Id, On = today.AddDays(-daysAgo), Kind = kind, Note = note, By = "德育处 赵老师", RecordedAt = clock.GetUtcNow() });
            }
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// Ratings (好差评) of the finished changes as their families would give them: two good, a poor one the district has
    /// not answered for 12 days (overdue), and one it answered the same day.
    /// </summary>
    private async Task RateAsync(List<StatusChange?> changes, CancellationToken ct)
    {
        var today = CityDate.Today(clock);
        (int Index, int Score, string Comment, int DaysAgo, string? Answer)[] ratings =
        [
            (0, 5, "网上提交，学校和区里很快就办好了，没跑一趟。", 0, null),
            (1, 4, "办理顺利，希望进度提醒更及时。", 0, null),
            (5, 2, "不符合条件可以，但希望第一次就说清楚要什么。", 12, null),
            (7, 1, "证明材料被要求重复提交。", 0, "已核实：系学校未使用系统已有材料。已通报学校，今后病历证明一次上传、不再重复索要。"),
        ];
        foreach (var (index, score, comment, daysAgo, answer) in ratings)
        {
            if (index >= changes.Count || changes[index] is not { State: ChangeState.Completed or ChangeState.Refused } change)
            {
                continue;
            }
            var on = today.AddDays(-daysAgo);
            if (daysAgo > 0)
            {
                // Rated days ago: the refusal came the day before.
                var ended = await db.Changes.SingleAsync(c => c.Id == change.Id, ct);
                ended.EndedAt = new DateTimeOffset(on.AddDays(-1).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
            }
            var rating = new ServiceRating
            {
                ChangeId = change.Id, ServiceCode = change.ServiceCode, SchoolId = change.FromSchoolId, DistrictId = change.FromDistrictId, Score = score,
                Comment = comment, RatedOn = on, RatedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)).ToUniversalTime(),
            };
            db.Ratings.Add(rating);
            await db.SaveChangesAsync(ct);
            if (score <= 2)
            {
                db.RatingCases.Add(new RatingCase
                {
                    RatingId = rating.Id, ChangeId = change.Id, OrgUnitId = change.FromDistrictId ?? change.FromSchoolId, OpenedOn = on,
                    Answer = answer, AnsweredBy = answer is null ? null : "学籍管理科 李科长", AnsweredOn = answer is null ? null : on,
                    AnsweredAt = answer is null ? null : rating.RatedAt.AddHours(3),
                });
                await db.SaveChangesAsync(ct);
            }
        }
    }

    /// <summary>A draft next version of one item, so the editors' page shows one in progress.</summary>
    private async Task DraftAsync(CancellationToken ct)
    {
        var item = await db.Items.SingleOrDefaultAsync(i => i.Code == "QDJY-XJ-005", ct);
        if (item?.PublishedVersion is not { } version || await db.Versions.AnyAsync(v => v.ItemId == item.Id && v.State == VersionState.Draft, ct))
        {
            return;
        }
        var draft = ServiceCatalogue.Copy(await db.Versions.SingleAsync(v => v.ItemId == item.Id && v.Version == version, ct));
        (draft.ItemId, draft.Version, draft.State, draft.CreatedAt, draft.CreatedBy) = (item.Id, version + 1, VersionState.Draft, clock.GetUtcNow(), "政务服务科 张科长");
        draft.Channels |= ServiceChannels.Online;
        draft.ChangeNote = "拟增加网上申请、电子证明";
        db.Versions.Add(draft);
        await db.SaveChangesAsync(ct);
    }

    private async Task<StatusChange?> RunAsync(Plan plan, StudentStanding student, int school, CancellationToken ct)
    {
        var started = await AsAsync(school, "教务处 王老师", f => f.StartAsync(
            new StartChange(student.StudentId, plan.Kind, plan.Reason, plan.To, plan.OtherSchool,
                plan.Kind == ChangeKind.Suspension ? CityDate.Today(clock).AddMonths(6) : null), ct));
        if (started.Value is not { } change)
        {
            return null;
        }
        if (plan.Kind == ChangeKind.Suspension)
        {
            // A 休学 is completed only with its certificate: the school attaches the hospital's.
            var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% 演示：医院诊断证明\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
            await AsAsync<ChangeMaterials, Qedu.Kernel.Web.Outcome<MaterialRow>>(school, "教务处 王老师", async m =>
            {
                using var content = new MemoryStream(pdf);
                return await m.AddAsync(change.Id, "二级以上医院诊断证明", "诊断证明.pdf", pdf.Length, content, ct);
            });
        }
        // The seeder acts as the system: every step is in its scope.
        var steps = await db.Steps.AsNoTracking().Where(s => s.ChangeId == change.Id)
            .OrderBy(s => s.Sequence).ToListAsync(ct);
        for (var i = 0; i < plan.Accepted && i < steps.Count; i++)
        {
            var step = steps[i];
            var classId = step.Role == StepRole.ReceivingSchool
                ? (await registry.ClassesAsync(step.OrgUnitId, ct)).Where(c => c.Students < 50).Select(c => (long?)c.ClassId).FirstOrDefault()
                : null;
            await AsAsync(step.OrgUnitId, Reviewer(step.Role), f => f.DecideAsync(change.Id, new DecideStep(StepDecision.Accepted, ClassId: classId, ConfirmLargeClass: true), ct));
        }
        if (plan.Last is { } last && plan.Accepted < steps.Count)
        {
            await AsAsync(steps[plan.Accepted].OrgUnitId, Reviewer(steps[plan.Accepted].Role), f => f.DecideAsync(change.Id, new DecideStep(last, plan.Note), ct));
        }
        // Dated back: asked plan.DaysAgo days ago (a return, on the day it was asked), so the clocks show late and soon cases.
        var stored = await db.Changes.SingleAsync(c => c.Id == change.Id, ct);
        stored.StartedAt = stored.StartedAt.AddDays(-plan.DaysAgo);
        stored.StartedOn = CityDate.Of(stored.StartedAt);
        foreach (var pause in await db.Pauses.Where(p => p.ChangeId == change.Id).ToListAsync(ct))
        {
            pause.From = stored.StartedOn;
        }
        await db.SaveChangesAsync(ct);
        return stored;
    }

    private static string Reviewer(StepRole role) => role switch
    {
        StepRole.SendingSchool or StepRole.ReceivingSchool => "教务处 王老师",
        _ => "学籍管理科 李科长",
    };

    private Task<T> AsAsync<T>(int unit, string name, Func<StatusChangeFlow, Task<T>> work) => AsAsync<StatusChangeFlow, T>(unit, name, work);

    private async Task<T> AsAsync<TService, T>(int unit, string name, Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.ForUser(Guid.NewGuid(), name,
            [new Grant(unit, unit.ToString(CultureInfo.InvariantCulture), new HashSet<string> { Permissions.StatusChangesReview }, Roles.SchoolAdmin)]));
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
