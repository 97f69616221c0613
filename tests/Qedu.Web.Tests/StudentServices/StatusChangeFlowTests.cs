using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Web;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Features.Changes;
using Qedu.StudentServices.Resources;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.StudentServices;

/// <summary>
/// The status-change procedures (学籍异动) end to end on a fixed clock: who may start one, the route of steps, return
/// for correction with the clock stopped, refusal, the registry after completion (history intact, never half moved), one
/// open change per student, and the large-class warning.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class StatusChangeFlowTests(WebApp app)
{
    /// <summary>The outcome's value, failing with its messages when it is not ok.</summary>
    private static StatusChange Ok(Outcome<StatusChange> outcome)
    {
        Assert.True(outcome.IsOk, $"{outcome.Kind}: {outcome.Message} {string.Join("; ", outcome.Errors?.ByField.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}") ?? [])}");
        return outcome.Value!;
    }

    private static DecideStep Accept(long? classId = null, bool confirm = false) => new(StepDecision.Accepted, ClassId: classId, ConfirmLargeClass: confirm);

    [Fact]
    public async Task A_guardian_asks_for_a_transfer_across_districts_four_steps_accept_and_the_registry_moves_the_student_with_history()
    {
        var world = await new StatusChangeWorld(app).CreateAsync();
        var (studentId, parent, _) = await world.StudentAsync();

        var started = await world.AsGuardianAsync(parent, f => f.StartAsync(new StartChange(studentId, ChangeKind.Transfer, "随父母工作调动", world.FarSchoolId)));
        Assert.True(started.IsOk, started.Errors?.ByField.FirstOrDefault().Value?.FirstOrDefault());
        var id = started.Value!.Id;
        Assert.StartsWith("XJ2026-", started.Value.Number, StringComparison.Ordinal);
        Assert.Equal((Applicant.Guardian, 10, 5), (started.Value.Applicant, started.Value.LegalDays, started.Value.PromisedDays));

        // Another family does not see it; a unit that is not on the route does not either, nor can it decide.
        var (_, stranger, _) = await world.StudentAsync("王小明");
        Assert.Null(await world.AsGuardianAsync(stranger, f => f.FindAsync(id)));
        Assert.Null(await world.AsReviewerAsync(world.NearSchoolId, f => f.FindAsync(id)));
        // The receiving school sees it, but the sending school decides first.
        Assert.NotNull(await world.AsReviewerAsync(world.FarSchoolId, f => f.FindAsync(id)));
        Assert.Equal(OutcomeKind.Conflict, (await world.AsReviewerAsync(world.FarSchoolId, f => f.DecideAsync(id, Accept(world.FarClassId)))).Kind);

        foreach (var (unit, decision) in new[]
        {
            (world.FromSchoolId, Accept()), (world.FarSchoolId, Accept(world.FarClassId)), (world.FromDistrictId, Accept()), (world.FarDistrictId, Accept()),
        })
        {
            var step = Ok(await world.AsReviewerAsync(unit, f => f.DecideAsync(id, decision)));
            // Never half moved: until the last step accepts, the registry has the student where they were.
            if (step.State != ChangeState.Completed)
            {
                Assert.Equal(world.FromSchoolId, (await world.RecordAsync(studentId)).OrgUnitId);
            }
        }

        var change = (await world.AsGuardianAsync(parent, f => f.FindAsync(id)))!;
        Assert.Equal(ChangeState.Completed, change.State);
        Assert.Equal(new DateOnly(2026, 9, 29), change.EffectiveOn);
        var record = await world.RecordAsync(studentId);
        Assert.Equal((world.FarSchoolId, (long?)world.FarClassId, "01"), (record.OrgUnitId, record.ClassId, record.StatusCode));
        var history = await world.HistoryAsync(studentId);
        Assert.Equal(2, history.Count);
        Assert.Equal((world.FromSchoolId, new DateOnly(2024, 9, 1), (DateOnly?)new DateOnly(2026, 9, 29), "21"),
            (history[0].OrgUnitId, history[0].From, history[0].To, history[0].ExitReasonCode));
        Assert.Equal((world.FarSchoolId, new DateOnly(2026, 9, 29), (DateOnly?)null, "22"),
            (history[1].OrgUnitId, history[1].From, history[1].To, history[1].EntryReasonCode));
    }

    [Fact]
    public async Task Within_one_district_the_district_decides_once_a_return_stops_the_clock_and_the_answer_restarts_it()
    {
        var world = await new StatusChangeWorld(app).CreateAsync();
        var (studentId, parent, _) = await world.StudentAsync();
        var id = (await world.AsGuardianAsync(parent, f => f.StartAsync(new StartChange(studentId, ChangeKind.Transfer, "就近入学", world.NearSchoolId)))).Value!.Id;

        Ok(await world.AsReviewerAsync(world.FromSchoolId, f => f.DecideAsync(id, Accept())));
        // The receiving school returns it for correction on 29 September: the clocks stop.
        var back = Ok(await world.AsReviewerAsync(world.NearSchoolId, f => f.DecideAsync(id, new DecideStep(StepDecision.Returned, "请补充住址证明"))));
        Assert.Equal(ChangeState.Returned, back.State);
        world.Clock.Advance(TimeSpan.FromDays(12)); // 11 October 2026, a Sunday
        var stopped = Assert.Single(await world.DeadlinesAsync(world.NearSchoolId, d => d.OpenAsync()), d => d.ChangeId == id);
        Assert.True(stopped.Promised.Stopped);
        Assert.Equal(0, stopped.Promised.Used);

        // The school cannot decide while it waits for the family; the family answers on Sunday 11 October.
        Assert.Equal(OutcomeKind.Conflict, (await world.AsReviewerAsync(world.NearSchoolId, f => f.DecideAsync(id, Accept()))).Kind);
        Assert.True((await world.AsGuardianAsync(parent, f => f.ResubmitAsync(id, "已上传"))).IsOk);
        var running = Assert.Single(await world.DeadlinesAsync(world.NearSchoolId, d => d.OpenAsync()), d => d.ChangeId == id);
        // Five promised working days from 29 September, none used before the return: 12 to 16 October.
        Assert.Equal(new DateOnly(2026, 10, 16), running.Promised.Due);
        Assert.Equal(StepRole.ReceivingSchool, running.Role);

        Assert.True((await world.AsReviewerAsync(world.NearSchoolId, f => f.DecideAsync(id, Accept(world.NearClassId)))).IsOk);
        var last = await world.AsReviewerAsync(world.FromDistrictId, f => f.DecideAsync(id, Accept()));
        Assert.Equal(ChangeState.Completed, last.Value!.State);
        Assert.Equal(world.NearSchoolId, (await world.RecordAsync(studentId)).OrgUnitId);

        // Finished within both limits: the district's on-time share counts it.
        var share = await world.DeadlinesAsync(world.FromDistrictId, d => d.TimelinessAsync(new DateOnly(2026, 9, 1)));
        var district = Assert.Single(share, s => s.DistrictId == world.FromDistrictId);
        Assert.True(district.Completed >= 1 && district.WithinPromised >= 1);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_refusal_names_its_reason_a_second_open_change_is_refused_and_bad_input_names_each_field_in_the_callers_language(string culture)
    {
        var world = await new StatusChangeWorld(app).CreateAsync();
        var (studentId, parent, _) = await world.StudentAsync("赵小雨");
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var english = culture == "en";
            var bad = await world.AsGuardianAsync(parent, f => f.StartAsync(new StartChange(studentId, ChangeKind.Suspension, "", SuspendedUntil: new DateOnly(2028, 1, 1))));
            Assert.Equal(OutcomeKind.Invalid, bad.Kind);
            Assert.Equal(string.Format(CultureInfo.CurrentCulture, app.Text<ServicesText>("Change.SuspendedUntil", english), "2027-09-29"),
                Assert.Single(bad.Errors!.ByField["suspendedUntil"]));
            Assert.Equal(string.Format(CultureInfo.CurrentCulture, app.Text<ServicesText>("Change.Reason", english), 500), Assert.Single(bad.Errors.ByField["reason"]));
            var same = await world.AsGuardianAsync(parent, f => f.StartAsync(new StartChange(studentId, ChangeKind.Transfer, "搬家", world.FromSchoolId)));
            Assert.Equal(app.Text<ServicesText>("Change.SameSchool", english), Assert.Single(same.Errors!.ByField["toSchoolId"]));

            var first = await world.AsGuardianAsync(parent, f => f.StartAsync(new StartChange(studentId, ChangeKind.Suspension, "因病休养", SuspendedUntil: new DateOnly(2027, 2, 1))));
            Assert.True(first.IsOk);
            var second = await world.AsReviewerAsync(world.FromSchoolId, f => f.StartAsync(new StartChange(studentId, ChangeKind.TransferOut, "随家庭迁居", OtherSchool: "北京市某小学")));
            Assert.Equal(OutcomeKind.Conflict, second.Kind);
            Assert.Equal(string.Format(CultureInfo.CurrentCulture, app.Text<ServicesText>("Change.OneOpen", english), "赵小雨"), second.Errors!.First("studentId"));

            var noReason = await world.AsReviewerAsync(world.FromSchoolId, f => f.DecideAsync(first.Value!.Id, new DecideStep(StepDecision.Refused)));
            Assert.Equal(OutcomeKind.Invalid, noReason.Kind);
            var refused = await world.AsReviewerAsync(world.FromSchoolId, f => f.DecideAsync(first.Value!.Id, new DecideStep(StepDecision.Refused, "缺少医院证明")));
            Assert.Equal(ChangeState.Refused, refused.Value!.State);
            Assert.Equal("01", (await world.RecordAsync(studentId)).StatusCode);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task A_school_suspends_a_student_and_resumes_them_into_a_class_over_56_only_when_the_reviewer_confirms()
    {
        var world = await new StatusChangeWorld(app).CreateAsync();
        var (studentId, _, _) = await world.StudentAsync();
        // Only a reviewer of the student's own school starts a change for them.
        Assert.Equal(OutcomeKind.NotFound,
            (await world.AsReviewerAsync(world.NearSchoolId, f => f.StartAsync(new StartChange(studentId, ChangeKind.Suspension, "因病", SuspendedUntil: new DateOnly(2027, 3, 1))))).Kind);

        var suspension = await world.AsReviewerAsync(world.FromSchoolId, f => f.StartAsync(new StartChange(studentId, ChangeKind.Suspension, "因病休养", SuspendedUntil: new DateOnly(2027, 3, 1))));
        Assert.Equal(Applicant.School, suspension.Value!.Applicant);
        Assert.True((await world.AsReviewerAsync(world.FromSchoolId, f => f.DecideAsync(suspension.Value.Id, Accept()))).IsOk);
        // The district completes a 休学 only with its certificate attached.
        var withoutCertificate = await world.AsReviewerAsync(world.FromDistrictId, f => f.DecideAsync(suspension.Value.Id, Accept()));
        Assert.Equal((OutcomeKind.Conflict, app.Text<ServicesText>("Change.NoCertificate")), (withoutCertificate.Kind, withoutCertificate.Errors!.First("decision")));
        Assert.True((await world.CertificateAsync(suspension.Value.Id)).IsOk);
        Assert.True((await world.AsReviewerAsync(world.FromDistrictId, f => f.DecideAsync(suspension.Value.Id, Accept()))).IsOk);
        var suspended = await world.RecordAsync(studentId);
        Assert.Equal(("02", (long?)null), (suspended.StatusCode, suspended.ClassId));
        Assert.Equal("11", Assert.Single(await world.HistoryAsync(studentId)).ExitReasonCode);

        world.Clock.Advance(TimeSpan.FromDays(120));
        await world.FillAsync(world.FromSchoolId, world.FromClassId, 56);
        var resumption = await world.AsReviewerAsync(world.FromSchoolId, f => f.StartAsync(new StartChange(studentId, ChangeKind.Resumption, "病愈返校")));
        Assert.True(resumption.IsOk);
        var warned = await world.AsReviewerAsync(world.FromSchoolId, f => f.DecideAsync(resumption.Value!.Id, Accept(world.FromClassId)));
        Assert.Equal(OutcomeKind.Conflict, warned.Kind);
        Assert.Contains("56", warned.Errors!.First("confirmLargeClass"), StringComparison.Ordinal);
        Assert.True((await world.AsReviewerAsync(world.FromSchoolId, f => f.DecideAsync(resumption.Value!.Id, Accept(world.FromClassId, confirm: true)))).IsOk);
        Assert.True((await world.AsReviewerAsync(world.FromDistrictId, f => f.DecideAsync(resumption.Value!.Id, Accept()))).IsOk);

        var back = await world.RecordAsync(studentId);
        Assert.Equal(("01", (long?)world.FromClassId), (back.StatusCode, back.ClassId));
        var history = await world.HistoryAsync(studentId);
        Assert.Equal(2, history.Count);
        Assert.Equal(("12", CityDate.Of(world.Clock.GetUtcNow())), (history[1].EntryReasonCode, history[1].From));
    }

    [Fact]
    public async Task A_change_completed_within_its_limits_counts_in_the_schools_figures_for_the_indicators()
    {
        var world = await new StatusChangeWorld(app).CreateAsync();
        var (studentId, _, _) = await world.StudentAsync();
        Task<Qedu.StudentServices.Contracts.StatusChangeUnitFigures?> FiguresAsync() => app.AsSystemAsync(async sp =>
            (await sp.GetRequiredService<Qedu.StudentServices.Contracts.IStudentServicesStatistics>().FiguresAsync(2026))
                .FirstOrDefault(f => f.OrgUnitId == world.FromSchoolId));
        var before = await FiguresAsync() ?? new(world.FromSchoolId, 0, 0, 0, 0, 0, 0);

        var id = Ok(await world.AsReviewerAsync(world.FromSchoolId, f => f.StartAsync(new StartChange(studentId, ChangeKind.Suspension, "因病", SuspendedUntil: new DateOnly(2027, 1, 31))))).Id;
        Ok(await world.AsReviewerAsync(world.FromSchoolId, f => f.DecideAsync(id, Accept())));
        world.Clock.Advance(TimeSpan.FromDays(1)); // the next day: one working day of three promised
        Assert.True((await world.CertificateAsync(id)).IsOk);
        Ok(await world.AsReviewerAsync(world.FromDistrictId, f => f.DecideAsync(id, Accept())));

        var after = (await FiguresAsync())!;
        Assert.Equal((before.Completed + 1, before.WithinLegal + 1, before.WithinPromised + 1), (after.Completed, after.WithinLegal, after.WithinPromised));
    }
}
