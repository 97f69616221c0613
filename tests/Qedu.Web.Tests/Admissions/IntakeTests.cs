using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Features.Intake;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;
using Qedu.Registry.Data;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Admissions;

/// <summary>
/// 转入学籍: a published season's accepted children become registry students at the offered school (在读, no class, an
/// open enrolment from 1 September, the application's guardian), in one transaction with the applications, once; a
/// declined offer is not enrolled; a failure midway leaves neither side written; only the season's bureau holding
/// registry.write may run it; the page over HTTP.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class IntakeTests(WebApp app)
{
    [Fact]
    public async Task Accepted_children_become_registry_students_at_the_offered_school_once()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var offers = await world.AnsweredOffersAsync(3, declining: 1);

        var first = await world.AsDistrictEnrolerAsync(sp => Intake(sp).EnrolAsync(world.SeasonId));
        Assert.True(first.IsOk, first.Message);
        Assert.Equal(new IntakeDone(2, 0), first.Value);

        var students = await StudentsAsync(offers.Select(o => o.ResidentId));
        Assert.Equal(2, students.Count);
        foreach (var (id, residentId) in offers.Take(2))
        {
            var student = students.Single(s => s.ResidentId == residentId);
            Assert.Equal(world.ZoneSchoolId, student.OrgUnitId);
            Assert.Equal("G" + residentId, student.StudentNumber);
            Assert.Equal("01", student.StatusCode);
            Assert.Null(student.ClassId);
            Assert.Equal("张小明", student.Name);
            var enrolment = Assert.Single(student.Enrolments);
            Assert.Equal(new DateOnly(2026, 9, 1), enrolment.From);
            Assert.Null(enrolment.To);
            Assert.Null(enrolment.EntryReasonCode); // 新生入学: a first entry has no 学籍异动 reason
            Assert.Equal(world.ZoneSchoolId, enrolment.OrgUnitId);
            var guardian = Assert.Single(student.Guardians);
            Assert.Equal("张伟", guardian.Name);
            Assert.Equal(world.ZoneSchoolId, guardian.OrgUnitId);
            var application = await ApplicationAsync(id);
            Assert.Equal(student.Id, application.StudentId);
            Assert.NotNull(application.EnrolledAt);
        }
        // The declined offer is nobody's student.
        Assert.Null((await ApplicationAsync(offers[2].Id)).StudentId);
        Assert.DoesNotContain(students, s => s.ResidentId == offers[2].ResidentId);

        // Once: a second run finds nobody waiting and writes nothing.
        var again = await world.AsDistrictEnrolerAsync(sp => Intake(sp).EnrolAsync(world.SeasonId));
        Assert.Equal(new IntakeDone(0, 0), again.Value);
        Assert.Equal(2, (await StudentsAsync(offers.Select(o => o.ResidentId))).Count);
        var figures = await world.AsDistrictEnrolerAsync(async sp => await Intake(sp).FiguresAsync((await sp.GetRequiredService<Qedu.Admissions.Rules.SeasonRules>().FindAsync(world.SeasonId))!));
        Assert.Equal((0, 2), (figures.Waiting, figures.Enrolled));
    }

    [Fact]
    public async Task Two_runs_at_once_enrol_each_child_once()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var offers = await world.AnsweredOffersAsync(3);

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => world.AsDistrictEnrolerAsync(sp => Intake(sp).EnrolAsync(world.SeasonId))));

        // One run enrols all three; the other either found nobody waiting or lost the season's revision (a conflict).
        Assert.All(runs, r => Assert.True(r.IsOk || r.Kind == OutcomeKind.Conflict, r.Message));
        Assert.Equal(3, runs.Where(r => r.IsOk).Sum(r => r.Value!.Enrolled));
        Assert.Equal(3, (await StudentsAsync(offers.Select(o => o.ResidentId))).Count);
    }

    [Fact]
    public async Task A_failure_midway_leaves_neither_the_students_nor_the_applications_written()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var offers = await world.AnsweredOffersAsync(2);

        // The registry writes both students in the shared transaction, then something fails before the commit.
        await Assert.ThrowsAsync<InvalidOperationException>(() => world.AsDistrictEnrolerAsync(sp =>
            ActivatorUtilities.CreateInstance<SeasonIntake>(sp, new FailingAfterWrites(sp.GetRequiredService<IStudentIntake>())).EnrolAsync(world.SeasonId)));

        Assert.Empty(await StudentsAsync(offers.Select(o => o.ResidentId)));
        foreach (var (id, _) in offers)
        {
            var application = await ApplicationAsync(id);
            Assert.Null(application.StudentId);
            Assert.Null(application.EnrolledAt);
        }
        // And a run afterwards enrols them as usual.
        Assert.Equal(2, (await world.AsDistrictEnrolerAsync(sp => Intake(sp).EnrolAsync(world.SeasonId))).Value!.Enrolled);
    }

    [Fact]
    public async Task Another_district_a_school_and_a_manager_without_registry_write_are_refused_and_nothing_is_written()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var offers = await world.AnsweredOffersAsync(1);

        var otherDistrict = await app.AsSystemAsync(async sp => (await sp.GetRequiredService<Qedu.Kernel.OrgUnits.OrgTree>().FindAsync("370203"))!.Id);
        var strangers = AccessContext.ForUser(Guid.NewGuid(), "shibei.enrolment", [new Grant(otherDistrict, "370203",
            new HashSet<string> { Permissions.OrgRead, Permissions.AdmissionsManage, Permissions.AdmissionsReview, Permissions.RegistryWrite }, Roles.DistrictAdmin)]);
        Assert.Equal(OutcomeKind.Forbidden, (await world.RunAsync(strangers, sp => Intake(sp).EnrolAsync(world.SeasonId))).Kind);

        var school = AccessContext.ForUser(Guid.NewGuid(), "school", [new Grant(world.ZoneSchoolId, world.ZoneSchoolCode,
            new HashSet<string> { Permissions.OrgRead, Permissions.AdmissionsReview, Permissions.AdmissionsManage, Permissions.RegistryWrite }, Roles.SchoolAdmin)]);
        Assert.Equal(OutcomeKind.Forbidden, (await world.RunAsync(school, sp => Intake(sp).EnrolAsync(world.SeasonId))).Kind);

        // The season's own manager, without the registry's write permission: refused, saying which permission and school.
        var noRegistry = await world.AsDistrictAsync(sp => Intake(sp).EnrolAsync(world.SeasonId));
        Assert.Equal(OutcomeKind.Forbidden, noRegistry.Kind);
        Assert.Contains("registry.write", noRegistry.Message, StringComparison.Ordinal);

        Assert.Empty(await StudentsAsync(offers.Select(o => o.ResidentId)));
        Assert.Null((await ApplicationAsync(offers[0].Id)).StudentId);
    }

    [Fact]
    public async Task Before_the_results_are_published_nobody_is_enrolled()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var outcome = await world.AsDistrictEnrolerAsync(sp => Intake(sp).EnrolAsync(world.SeasonId));
        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Contains("公布", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_who_waits_and_enrols_them_on_a_post_with_the_form_token()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var offers = await world.AnsweredOffersAsync(2);
        var path = $"/admissions/seasons/{world.SeasonId}/intake";
        var district = await app.ClientAsync("shinan.admin");
        using (var page = await district.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.TextAsync();
            Assert.Contains("data-testid=\"intake-waiting\">2<", html, StringComparison.Ordinal);
            Assert.Contains("2026-09-01", html, StringComparison.Ordinal);
        }
        // A post without the form's antiforgery token is refused and writes nothing.
        using (var forged = await district.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "intake" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }
        Assert.Empty(await StudentsAsync(offers.Select(o => o.ResidentId)));
        // A school's administrator holds no admissions.manage: the page (and so its form) is not found.
        var school = await app.ClientAsync("school.admin");
        using (var refused = await school.GetAsync(path))
        {
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }

        using var done = await PageForms.SubmitAsync(district, path, "intake", new Dictionary<string, string> { ["From"] = "2026-08-31" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var text = await done.TextAsync();
        Assert.Contains("已为 2 名儿童建立学籍", text, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"intake-enrolled\">2<", text, StringComparison.Ordinal);
        var students = await StudentsAsync(offers.Select(o => o.ResidentId));
        Assert.Equal(2, students.Count);
        Assert.All(students, s => Assert.Equal(new DateOnly(2026, 8, 31), Assert.Single(s.Enrolments).From));
    }

    private static SeasonIntake Intake(IServiceProvider sp) => sp.GetRequiredService<SeasonIntake>();

    private Task<Application> ApplicationAsync(long id) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Applications.AsNoTracking().SingleAsync(a => a.Id == id));

    private sealed record StoredStudent(
        long Id, int OrgUnitId, string StudentNumber, string Name, string? ResidentId, string StatusCode, long? ClassId,
        List<Qedu.Registry.Domain.Enrolment> Enrolments, List<Qedu.Registry.Domain.Guardian> Guardians);

    /// <summary>The registry's students with these resident IDs (by 学籍号, "G" + the ID), with their history and guardians.</summary>
    private Task<List<StoredStudent>> StudentsAsync(IEnumerable<string> residentIds) => app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<RegistryDb>();
        var numbers = residentIds.Select(r => "G" + r).ToList();
        var students = await db.Students.AsNoTracking().Where(s => numbers.Contains(s.StudentNumber)).ToListAsync();
        var ids = students.Select(s => s.Id).ToList();
        var enrolments = (await db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.StudentId)).ToListAsync()).ToLookup(e => e.StudentId);
        var guardians = (await db.Guardians.AsNoTracking().Where(g => ids.Contains(g.StudentId)).ToListAsync()).ToLookup(g => g.StudentId);
        return students.Select(s => new StoredStudent(s.Id, s.OrgUnitId, s.StudentNumber, s.Name, s.ResidentId, s.StatusCode, s.ClassId,
            enrolments[s.Id].ToList(), guardians[s.Id].ToList())).ToList();
    });

    /// <summary>The registry's intake, then a failure before the caller commits: what a crash midway looks like.</summary>
    private sealed class FailingAfterWrites(IStudentIntake inner) : IStudentIntake
    {
        public async Task<IReadOnlyList<StudentIntakeResult>> EnrolAsync(
            DbTransaction transaction, DateOnly from, IReadOnlyList<NewStudentIntake> students, CancellationToken ct = default)
        {
            var results = await inner.EnrolAsync(transaction, from, students, ct);
            Assert.All(results, r => Assert.NotNull(r.StudentId));
            throw new InvalidOperationException("fails midway");
        }
    }
}
