using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Features.Review;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Admissions;

/// <summary>
/// The family's and the officers' use cases on a season of the test's own, with a fixed clock: apply, submit, the zone
/// and category computed with how, one application per child, each family alone with its own, refusals naming the
/// field in Chinese and English, the close time, and the review with 补正.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ApplicationUseCaseTests(WebApp app)
{
    [Fact]
    public async Task A_parent_applies_in_the_zone_and_submits_and_the_zone_school_reviews_it()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var parent = Guid.NewGuid();
        var child = AdmissionsWorld.Child(new DateOnly(2019, 10, 3));

        var saved = await world.AsParentAsync(parent, (p, _) => p.SaveAsync(null, world.Form(child)));
        Assert.True(saved.IsOk, saved.Message);
        var mine = await world.AsParentAsync(parent, (p, _) => p.FindAsync(saved.Value))!;
        Assert.Equal(ApplicationStatus.Draft, mine!.Status);
        Assert.StartsWith(world.SeasonCode + "-", mine.Number, StringComparison.Ordinal);
        Assert.NotNull(mine.ZoneSchool);
        Assert.Contains(mine.CategoryHow, line => line.Contains("户籍与房产均在学区", StringComparison.Ordinal));
        Assert.True(mine.MayEdit);

        // A draft is the family's own: the zone school does not see it yet.
        Assert.Null(await world.AsReviewerAsync(world.ZoneSchoolId, false, r => r.FindAsync(saved.Value)));

        var submitted = await world.AsParentAsync(parent, (p, _) => p.SubmitAsync(saved.Value));
        Assert.True(submitted.IsOk, submitted.Message);
        var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Applications.AsNoTracking().SingleAsync(a => a.Id == saved.Value));
        Assert.Equal(ApplicationStatus.Submitted, stored.Status);
        Assert.Equal(world.ZoneSchoolId, stored.OrgUnitId);
        Assert.Equal(world.ZoneSchoolId, stored.ZoneSchoolId);
        Assert.Equal(child, stored.ResidentId);

        // The zone school sees it (masked without pii.view, whole with it); another school does not.
        var masked = await world.AsReviewerAsync(world.ZoneSchoolId, false, r => r.FindAsync(saved.Value));
        Assert.NotNull(masked);
        Assert.NotEqual(child, masked!.Application.ResidentId);
        Assert.EndsWith(child[^4..], masked.Application.ResidentId, StringComparison.Ordinal);
        var whole = await world.AsReviewerAsync(world.ZoneSchoolId, true, r => r.FindAsync(saved.Value));
        Assert.Equal(child, whole!.Application.ResidentId);
        Assert.True(whole.MayDecide);
        Assert.Null(await world.AsReviewerAsync(world.OtherSchoolId, true, r => r.FindAsync(saved.Value)));
        Assert.Contains(await world.AsReviewerAsync(world.DistrictId, false, r => r.QueueAsync(world.SeasonId, null, null, false, 100)), row => row.Id == saved.Value);
    }

    [Fact]
    public async Task Each_family_sees_and_changes_only_its_own_and_a_child_applies_once_per_season()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var child = AdmissionsWorld.Child(new DateOnly(2020, 1, 15));
        var saved = await world.AsParentAsync(first, (p, _) => p.SaveAsync(null, world.Form(child)));
        Assert.True(saved.IsOk, saved.Message);

        Assert.Null(await world.AsParentAsync(second, (p, _) => p.FindAsync(saved.Value)));
        Assert.Empty(await world.AsParentAsync(second, (p, _) => p.MineAsync()));
        Assert.Equal(OutcomeKind.NotFound, (await world.AsParentAsync(second, (p, _) => p.SaveAsync(saved.Value, world.Form(child)))).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await world.AsParentAsync(second, (p, _) => p.SubmitAsync(saved.Value))).Kind);

        // The same child from another family: refused by the unique index, naming the field.
        var again = await world.AsParentAsync(second, (p, _) => p.SaveAsync(null, world.Form(child)));
        Assert.Equal(OutcomeKind.Conflict, again.Kind);
        Assert.Contains("residentId", again.Errors!.ByField.Keys);

        // The kernel's guard: a parent cannot write a row that names another parent, whatever the module does.
        var violation = await Assert.ThrowsAsync<ScopeViolationException>(() => world.RunAsync(AccessContext.ForParent(second, "139****0001"), async sp =>
        {
            var db = sp.GetRequiredService<AdmissionsDb>();
            var row = await db.Applications.IgnoreQueryFilters().SingleAsync(a => a.Id == saved.Value);
            row.ChildName = "改名";
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("parent", violation.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("zh-CN", "不在本次招生范围", "身份证号码校验位错误", "请填写小区名称")]
    [InlineData("en-US", "outside this season's range", "check", "compound")]
    public async Task Bad_input_is_refused_naming_the_field_in_the_callers_language_and_nothing_is_written(string culture, string age, string checksum, string address)
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var parent = Guid.NewGuid();
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            var tooYoung = await world.AsParentAsync(parent, (p, _) => p.SaveAsync(null, world.Form(AdmissionsWorld.Child(new DateOnly(2021, 2, 1)))));
            Assert.Equal(OutcomeKind.Invalid, tooYoung.Kind);
            Assert.Contains(age, tooYoung.Errors!.ByField["residentId"][0], StringComparison.OrdinalIgnoreCase);

            var valid = AdmissionsWorld.Child(new DateOnly(2019, 12, 1));
            var wrongCheck = valid[..17] + (valid[17] == '0' ? '1' : '0');
            var bad = await world.AsParentAsync(parent, (p, _) => p.SaveAsync(null, world.Form(wrongCheck, compound: "")));
            Assert.Contains(checksum, bad.Errors!.ByField["residentId"][0], StringComparison.OrdinalIgnoreCase);
            Assert.Contains(address, bad.Errors.ByField["homeCompound"][0], StringComparison.OrdinalIgnoreCase);

            var form = world.Form(valid);
            form.InsuranceMonths = "many";
            form.PrivateChoice = world.ZoneSchoolId.ToString(CultureInfo.InvariantCulture); // a public school is no private choice
            var fields = await world.AsParentAsync(parent, (p, _) => p.SaveAsync(null, form));
            Assert.Contains("insuranceMonths", fields.Errors!.ByField.Keys);
            Assert.Contains("privateChoice", fields.Errors.ByField.Keys);
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = before;
        }
        Assert.Empty(await world.AsParentAsync(parent, (p, _) => p.MineAsync()));
    }

    [Fact]
    public async Task After_the_close_a_submission_is_refused_naming_the_close_time()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var parent = Guid.NewGuid();
        var saved = await world.AsParentAsync(parent, (p, _) => p.SaveAsync(null, world.Form(AdmissionsWorld.Child(new DateOnly(2020, 3, 3)))));
        world.Clock.SetUtcNow(AdmissionsWorld.ClosesAt);
        var late = await world.AsParentAsync(parent, (p, _) => p.SubmitAsync(saved.Value));
        Assert.Equal(OutcomeKind.Conflict, late.Kind);
        Assert.Contains("2026-07-10 17:00", late.Message, StringComparison.Ordinal);
        var mine = await world.AsParentAsync(parent, (p, _) => p.FindAsync(saved.Value));
        Assert.Equal(ApplicationStatus.Draft, mine!.Status);
        Assert.False(mine.MayEdit);
    }

    [Fact]
    public async Task A_reviewer_returns_for_correction_with_a_note_the_family_sees_and_approves_the_resubmission()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var parent = Guid.NewGuid();
        // A street address in the zone (香港中路 odd numbers), a migrant family: category by points.
        var form = world.Form(AdmissionsWorld.Child(new DateOnly(2019, 9, 1)), compound: "");
        form.HomeStreet = "香港中路";
        form.HomeNumber = "17";
        form.HukouAtHome = form.PropertyAtHome = false;
        form.HasResidencePermit = true;
        form.InsuranceMonths = "24";
        var id = (await world.AsParentAsync(parent, (p, _) => p.SaveAsync(null, form))).Value;
        Assert.True((await world.AsParentAsync(parent, (p, _) => p.SubmitAsync(id))).IsOk);
        var view = await world.AsReviewerAsync(world.ZoneSchoolId, false, r => r.FindAsync(id));
        Assert.Equal(12m, view!.Application.Points);
        Assert.Contains(view.CategoryHow, line => line.Contains("24 × 0.5", StringComparison.Ordinal));

        var noNote = await world.AsReviewerAsync(world.ZoneSchoolId, false, r => r.DecideAsync(id, ReviewDecision.Return, " "));
        Assert.Contains("note", noNote.Errors!.ByField.Keys);
        Assert.False((await world.AsReviewerAsync(world.OtherSchoolId, false, r => r.DecideAsync(id, ReviewDecision.Approve, null))).IsOk);
        Assert.True((await world.AsReviewerAsync(world.ZoneSchoolId, false, r => r.DecideAsync(id, ReviewDecision.Return, "请上传居住证"))).IsOk);

        var returned = await world.AsParentAsync(parent, (p, _) => p.FindAsync(id));
        Assert.Equal(ApplicationStatus.Returned, returned!.Status);
        Assert.Equal("请上传居住证", returned.ReviewNote);
        Assert.True(returned.MayEdit);
        Assert.True((await world.AsParentAsync(parent, (p, _) => p.SubmitAsync(id))).IsOk);
        Assert.True((await world.AsReviewerAsync(world.ZoneSchoolId, false, r => r.DecideAsync(id, ReviewDecision.Approve, null))).IsOk);
        var done = await world.AsParentAsync(parent, (p, _) => p.FindAsync(id));
        Assert.Equal(ApplicationStatus.Approved, done!.Status);
        Assert.Equal(["created", "submitted", "returned", "resubmitted", "approved"], done.Events.Select(e => e.Kind));
        // Decided once: a second decision is a conflict.
        Assert.Equal(OutcomeKind.Conflict, (await world.AsReviewerAsync(world.ZoneSchoolId, false, r => r.DecideAsync(id, ReviewDecision.Refuse, "x"))).Kind);
    }

    [Fact]
    public async Task A_new_application_starts_from_the_households_last_one_and_never_from_another_familys()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var parent = Guid.NewGuid();
        var first = world.Form(AdmissionsWorld.Child(new DateOnly(2019, 12, 1)));
        (first.HomeDetail, first.HasResidencePermit, first.ResidencePermitYears, first.InsuranceMonths) = ("3号楼2单元201户", true, "4", "36");
        var id = (await world.AsParentAsync(parent, (p, _) => p.SaveAsync(null, first))).Value;
        var number = await app.AsSystemAsync(sp => sp.GetRequiredService<Qedu.Admissions.Data.AdmissionsDb>().Applications.Where(a => a.Id == id).Select(a => a.Number).SingleAsync());

        var next = await world.AsParentAsync(parent, (p, _) => p.NewFormAsync(world.SeasonId));
        Assert.Equal((first.GuardianName, first.HomeCompound, "3号楼2单元201户", true, "4", "36", number),
            (next.GuardianName, next.HomeCompound, next.HomeDetail, next.HasResidencePermit, next.ResidencePermitYears, next.InsuranceMonths, next.PrefilledFrom));
        Assert.Null(next.ChildName); // the child is new
        Assert.Null(next.ResidentId);

        var stranger = await world.AsParentAsync(Guid.NewGuid(), (p, _) => p.NewFormAsync(world.SeasonId));
        Assert.Null(stranger.HomeCompound);
        Assert.Null(stranger.PrefilledFrom);
    }

    [Fact]
    public async Task A_family_the_registry_knows_by_its_phone_sees_its_children_and_starts_from_their_guardian_and_address()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var (phone, child, guardian) = await app.AsSystemAsync(async sp =>
        {
            var registry = sp.GetRequiredService<Qedu.Registry.Data.RegistryDb>();
            var found = await (from g in registry.Guardians
                               join s in registry.Students on g.StudentId equals s.Id
                               where g.Phone != null && EF.Functions.Like(g.Phone, "1__________") && s.StatusCode == "01"
                               orderby g.Id
                               select new { g.Phone, Child = s.Name, Guardian = g.Name }).FirstAsync();
            return (found.Phone!, found.Child, found.Guardian);
        });
        var parent = await app.AsSystemAsync(async sp =>
            (await sp.GetRequiredService<Qedu.Kernel.Identity.ParentAccounts>().FindOrCreateAsync(phone, DateTimeOffset.UtcNow)).Account.Id);
        // A family that never applied: its registry children and their guardian, nothing from anyone else.
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<Qedu.Admissions.Data.AdmissionsDb>();
            db.Applications.RemoveRange(await db.Applications.Where(a => a.ParentAccountId == parent).ToListAsync());
            return await db.SaveChangesAsync();
        });
        var auditBefore = await app.KernelAsync(db => db.AuditEntries.CountAsync(e => e.Action == "pii.read" && e.EntityType == "Student"));
        var form = await world.AsParentAsync(parent, (p, _) => p.NewFormAsync(world.SeasonId));
        Assert.Contains(form.Siblings, s => s.StartsWith(child, StringComparison.Ordinal));
        Assert.Equal(guardian, form.GuardianName);
        Assert.Null(form.ChildName);
        Assert.True(await app.KernelAsync(db => db.AuditEntries.CountAsync(e => e.Action == "pii.read" && e.EntityType == "Student")) > auditBefore);
    }
}
