using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Features.Allocation;
using Qedu.Admissions.Features.Appeals;
using Qedu.Admissions.Features.Review;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Admissions;

/// <summary>
/// 复核: a family asks for a review of a published result with a reason, within the season's days and once; the
/// season's bureau upholds it (offering a school with a free seat, never one without) or dismisses it; others are
/// refused; and both pages work over HTTP with their forms.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AppealTests(WebApp app)
{
    private const string Reason = "我家房产在学区内，户籍也在，请复核录取结果。";

    [Fact]
    public async Task A_family_asks_for_a_review_within_the_window_once_and_sees_it_pending()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var (parent, id) = (await PublishedAsync(world, 1))[0];

        var before = (await world.AsParentAsync(parent, (p, _) => p.FindAsync(id)))!;
        Assert.True(before.MayAppeal);
        Assert.Equal(world.Clock.GetUtcNow().AddDays(5), before.AppealBy);

        var asked = await world.AsParentAsync(parent, (p, _) => p.AppealAsync(id, "  " + Reason + "  "));
        Assert.True(asked.IsOk, asked.Message);
        var after = (await world.AsParentAsync(parent, (p, _) => p.FindAsync(id)))!;
        Assert.Equal(AppealStatus.Pending, after.Appeal!.Status);
        Assert.Equal(Reason, after.Appeal.Reason);
        Assert.Equal(world.Clock.GetUtcNow(), after.Appeal.At);
        Assert.False(after.MayAppeal);
        var appealed = Assert.Single(after.Events, e => e.Kind == "appealed");
        Assert.Equal(Reason, appealed.Note);
        Assert.Equal("family", appealed.Actor);

        // One appeal per application.
        var again = await world.AsParentAsync(parent, (p, _) => p.AppealAsync(id, "再次申请复核，理由不同。"));
        Assert.Equal(OutcomeKind.Conflict, again.Kind);
        Assert.Contains("限一次", again.Message, StringComparison.Ordinal);
        Assert.Equal(Reason, (await StoredAsync(id)).AppealReason);
    }

    [Fact]
    public async Task A_refused_application_may_be_reviewed_too()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var parent = Guid.NewGuid();
        var refused = await SubmittedAsync(world, parent, new DateOnly(2019, 12, 3));
        Assert.True((await world.AsReviewerAsync(world.ZoneSchoolId, false, r => r.DecideAsync(refused, ReviewDecision.Refuse, "材料不全"))).IsOk);
        await PublishedAsync(world, 1);

        Assert.True((await world.AsParentAsync(parent, (p, _) => p.AppealAsync(refused, Reason))).IsOk);
        Assert.Equal(AppealStatus.Pending, (await StoredAsync(refused)).AppealStatus);
    }

    [Fact]
    public async Task Before_publication_and_after_the_deadline_the_request_is_refused_naming_the_time()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var parent = Guid.NewGuid();
        var waiting = await SubmittedAsync(world, parent, new DateOnly(2019, 12, 9));
        var early = await world.AsParentAsync(parent, (p, _) => p.AppealAsync(waiting, Reason));
        Assert.Equal(OutcomeKind.Conflict, early.Kind);
        Assert.Contains("尚未公布", early.Message, StringComparison.Ordinal);
        Assert.True((await world.AsReviewerAsync(world.ZoneSchoolId, false, r => r.DecideAsync(waiting, ReviewDecision.Approve, null))).IsOk);

        var (family, id) = (await PublishedAsync(world, 1))[0];
        // Published at 2026-07-10 18:00 China time, five days to ask: until 2026-07-15 18:00.
        world.Clock.Advance(TimeSpan.FromDays(5));
        var late = await world.AsParentAsync(family, (p, _) => p.AppealAsync(id, Reason));
        Assert.Equal(OutcomeKind.Conflict, late.Kind);
        Assert.Contains("2026-07-15 18:00", late.Message, StringComparison.Ordinal);
        Assert.False((await world.AsParentAsync(family, (p, _) => p.FindAsync(id)))!.MayAppeal);
        Assert.Equal(AppealStatus.None, (await StoredAsync(id)).AppealStatus);
    }

    [Theory]
    [InlineData("zh-CN", "复核理由")]
    [InlineData("en-US", "Reason for the review")]
    public async Task The_reason_is_required_and_named_in_the_familys_language(string culture, string field)
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var (parent, id) = (await PublishedAsync(world, 1))[0];
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            foreach (var reason in new[] { null, "   ", "太短", new string('长', 1001) })
            {
                var refused = await world.AsParentAsync(parent, (p, _) => p.AppealAsync(id, reason));
                Assert.Equal(OutcomeKind.Invalid, refused.Kind);
                Assert.Contains(field, refused.Errors!.ByField["appealReason"][0], StringComparison.Ordinal);
                Assert.Contains("5", refused.Errors.ByField["appealReason"][0], StringComparison.Ordinal);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = before;
        }
        var stored = await StoredAsync(id);
        Assert.Equal(AppealStatus.None, stored.AppealStatus);
        Assert.Null(stored.AppealReason);
    }

    [Fact]
    public async Task The_bureau_upholds_with_a_school_that_has_a_free_seat_and_never_one_without()
    {
        // One zone seat, two families: one is offered it, the other is placed nowhere and asks for a review.
        var world = await new AdmissionsWorld(app).CreateAsync(zoneSeats: 1, privateSeats: 2);
        var families = await PublishedAsync(world, 2);
        var unplaced = await OfStatusAsync(families, ApplicationStatus.Unplaced);
        var (parent, id) = families.Single(f => f.Id == unplaced);
        Assert.True((await world.AsParentAsync(parent, (p, _) => p.AppealAsync(id, Reason))).IsOk);
        world.Clock.Advance(TimeSpan.FromHours(3));

        var full = await world.AsDistrictAsync(sp => Appeals(sp, world).AnswerAsync(world.SeasonId, id, true, "复核成立", world.ZoneSchoolId));
        Assert.Equal(OutcomeKind.Conflict, full.Kind);
        Assert.Contains("无空余学位", full.Message, StringComparison.Ordinal);
        Assert.Equal(AppealStatus.Pending, (await StoredAsync(id)).AppealStatus);

        var answer = "经核实，家庭房产在学区内，安排至有空余学位的学校。";
        var upheld = await world.AsDistrictAsync(sp => Appeals(sp, world).AnswerAsync(world.SeasonId, id, true, answer, world.OtherSchoolId));
        Assert.True(upheld.IsOk, upheld.Message);
        var stored = await StoredAsync(id);
        Assert.Equal(ApplicationStatus.Offered, stored.Status);
        Assert.Equal(OfferRoute.Appeal, stored.OfferRoute);
        Assert.Equal(world.OtherSchoolId, stored.OfferSchoolId);
        Assert.Equal(world.Clock.GetUtcNow().AddDays(7), stored.OfferDeadline);
        Assert.Equal(AppealStatus.Upheld, stored.AppealStatus);
        Assert.Equal(world.Clock.GetUtcNow(), stored.AppealAnsweredAt);

        // The family sees the answer and may accept the place.
        var seen = (await world.AsParentAsync(parent, (p, _) => p.FindAsync(id)))!;
        Assert.Equal(answer, seen.Appeal!.Answer);
        Assert.True(seen.MayAnswer);
        Assert.Contains("经复核", seen.Placement, StringComparison.Ordinal); // the offer says why, not the allocation's "placed nowhere"
        Assert.Contains(answer, seen.Placement, StringComparison.Ordinal);
        Assert.Contains(seen.Events, e => e.Kind == "appeal-upheld" && e.Note!.StartsWith(answer, StringComparison.Ordinal));
        // The seat is now held: the free seats count it, and a second answer is refused.
        var free = await world.AsDistrictAsync(async sp => await Appeals(sp, world).FreeSeatsAsync((await sp.GetRequiredService<Qedu.Admissions.Rules.SeasonRules>().FindAsync(world.SeasonId))!));
        Assert.Equal(1, free.Single(s => s.SchoolId == world.OtherSchoolId).Free);
        Assert.Equal(0, free.Single(s => s.SchoolId == world.ZoneSchoolId).Free);
        Assert.Equal(OutcomeKind.Conflict, (await world.AsDistrictAsync(sp => Appeals(sp, world).AnswerAsync(world.SeasonId, id, false, "再答复", null))).Kind);
    }

    [Fact]
    public async Task Dismissing_leaves_the_offer_and_needs_an_answer()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var (parent, id) = (await PublishedAsync(world, 1))[0];
        var offered = await StoredAsync(id);
        Assert.True((await world.AsParentAsync(parent, (p, _) => p.AppealAsync(id, Reason))).IsOk);

        var empty = await world.AsDistrictAsync(sp => Appeals(sp, world).AnswerAsync(world.SeasonId, id, false, "  ", null));
        Assert.Equal(OutcomeKind.Invalid, empty.Kind);
        Assert.Contains("答复", empty.Errors!.ByField["answer"][0], StringComparison.Ordinal);
        Assert.Equal(AppealStatus.Pending, (await StoredAsync(id)).AppealStatus);

        Assert.True((await world.AsDistrictAsync(sp => Appeals(sp, world).AnswerAsync(world.SeasonId, id, false, "录取结果符合政策，维持原结果。", null))).IsOk);
        var stored = await StoredAsync(id);
        Assert.Equal(AppealStatus.Dismissed, stored.AppealStatus);
        Assert.Equal("录取结果符合政策，维持原结果。", stored.AppealAnswer);
        Assert.Equal(ApplicationStatus.Offered, stored.Status);
        Assert.Equal(offered.OfferSchoolId, stored.OfferSchoolId);
        Assert.Equal(offered.OfferDeadline, stored.OfferDeadline);
        Assert.Equal(OfferRoute.Allocation, stored.OfferRoute);
        var seen = (await world.AsParentAsync(parent, (p, _) => p.FindAsync(id)))!;
        Assert.Equal(AppealStatus.Dismissed, seen.Appeal!.Status);
        Assert.Contains(seen.Events, e => e.Kind == "appeal-dismissed");
    }

    [Fact]
    public async Task Another_districts_manager_and_a_school_admin_may_not_answer()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var (parent, id) = (await PublishedAsync(world, 1))[0];
        Assert.True((await world.AsParentAsync(parent, (p, _) => p.AppealAsync(id, Reason))).IsOk);

        var otherDistrict = await app.AsSystemAsync(async sp => (await sp.GetRequiredService<Qedu.Kernel.OrgUnits.OrgTree>().FindAsync("370203"))!.Id);
        var strangers = AccessContext.ForUser(Guid.NewGuid(), "shibei.enrolment", [new Grant(otherDistrict, "370203",
            new HashSet<string> { Permissions.OrgRead, Permissions.AdmissionsManage, Permissions.AdmissionsReview }, Roles.DistrictAdmin)]);
        Assert.Equal(OutcomeKind.Forbidden, (await world.RunAsync(strangers, sp => Appeals(sp, world).AnswerAsync(world.SeasonId, id, false, "维持", null))).Kind);

        var school = AccessContext.ForUser(Guid.NewGuid(), "school", [new Grant(world.ZoneSchoolId, world.ZoneSchoolCode,
            new HashSet<string> { Permissions.OrgRead, Permissions.AdmissionsReview, Permissions.AdmissionsManage }, Roles.SchoolAdmin)]);
        Assert.Equal(OutcomeKind.Forbidden, (await world.RunAsync(school, sp => Appeals(sp, world).AnswerAsync(world.SeasonId, id, true, "成立", world.OtherSchoolId))).Kind);

        var stored = await StoredAsync(id);
        Assert.Equal(AppealStatus.Pending, stored.AppealStatus);
        Assert.Null(stored.AppealAnswer);
    }

    [Fact]
    public async Task The_family_asks_on_its_page_and_the_reason_is_checked_there()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        await world.OpenNowAsync();
        var (family, _) = await Parents.SignInAsync(app);
        using var saved = await PageForms.SubmitAsync(family, $"/parent/admissions/apply/{world.SeasonId}", "apply", new Dictionary<string, string>
        {
            ["Form.ChildName"] = "王小雨",
            ["Form.ResidentId"] = AdmissionsWorld.Child(new DateOnly(2020, 1, 15)),
            ["Form.GuardianName"] = "王芳",
            ["Form.HomeCompound"] = "测试花园",
        });
        var page = saved.RedirectPath()!;
        var id = long.Parse(page[(page.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        // The pages run on the real clock: the results were published an hour ago.
        var published = DateTimeOffset.UtcNow.AddHours(-1);
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmissionsDb>();
            var season = await db.Seasons.SingleAsync(s => s.Id == world.SeasonId);
            season.ResultsPublishedAt = published;
            var a = await db.Applications.SingleAsync(x => x.Id == id);
            (a.Status, a.OfferSchoolId, a.OfferDeadline) = (ApplicationStatus.Offered, world.ZoneSchoolId, published.AddDays(7));
            return await db.SaveChangesAsync();
        });

        using (var form = await family.GetAsync(page))
        {
            var html = await form.TextAsync();
            Assert.Contains("data-testid=\"appeal-form\"", html, StringComparison.Ordinal);
            Assert.Contains(Qedu.Admissions.Rules.SeasonText.Local(published.AddDays(5)), html, StringComparison.Ordinal);
        }
        using (var tooShort = await PageForms.SubmitAsync(family, page, "appeal", new Dictionary<string, string> { ["AppealReason"] = "不服" }))
        {
            Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
            Assert.Contains("复核理由", (await tooShort.FieldErrorsAsync())["appealReason"], StringComparison.Ordinal);
        }
        Assert.Equal(AppealStatus.None, (await StoredAsync(id)).AppealStatus);

        using (var asked = await PageForms.SubmitAsync(family, page, "appeal", new Dictionary<string, string> { ["AppealReason"] = Reason }))
        {
            Assert.Equal(page, asked.RedirectPath());
        }
        Assert.Equal(Reason, (await StoredAsync(id)).AppealReason);
        using var shown = await family.GetAsync(page);
        var text = await shown.TextAsync();
        Assert.Contains("data-testid=\"appeal-status\">复核中<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"appeal-form\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bureau_page_lists_the_appeals_and_answers_one_with_the_form_token()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var (parent, id) = (await PublishedAsync(world, 1))[0];
        Assert.True((await world.AsParentAsync(parent, (p, _) => p.AppealAsync(id, Reason))).IsOk);
        var number = (await StoredAsync(id)).Number;
        var path = $"/admissions/seasons/{world.SeasonId}/appeals";
        var district = await app.ClientAsync("shinan.admin");
        using (var page = await district.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.TextAsync();
            Assert.Contains(number, html, StringComparison.Ordinal);
            Assert.Contains(Reason, html, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"appeal-status\">复核中<", html, StringComparison.Ordinal);
        }
        using (var allocation = await district.GetAsync($"/admissions/seasons/{world.SeasonId}/allocation"))
        {
            Assert.Contains("1 件待答复", await allocation.TextAsync(), StringComparison.Ordinal);
        }
        using (var season = await district.GetAsync($"/admissions/seasons/{world.SeasonId}"))
        {
            Assert.Contains($"href=\"{path}\"", await season.TextAsync(), StringComparison.Ordinal);
        }
        var school = await app.ClientAsync("school.admin");
        using (var refused = await school.GetAsync(path))
        {
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }
        // A post without the form's antiforgery token is refused and changes nothing.
        using (var forged = await district.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
               { ["_handler"] = $"answer-{id}", ["Form.Verdict"] = "dismiss", ["Form.Text"] = "维持" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }
        Assert.Equal(AppealStatus.Pending, (await StoredAsync(id)).AppealStatus);

        using var done = await PageForms.SubmitAsync(district, path, $"answer-{id}", new Dictionary<string, string>
        {
            ["Form.ApplicationId"] = id.ToString(CultureInfo.InvariantCulture), ["Form.Verdict"] = "dismiss", ["Form.Text"] = "录取结果符合政策，维持原结果。",
        });
        Assert.Equal(path, done.RedirectPath());
        var stored = await StoredAsync(id);
        Assert.Equal(AppealStatus.Dismissed, stored.AppealStatus);
        Assert.Equal("录取结果符合政策，维持原结果。", stored.AppealAnswer);
    }

    private static SeasonAppeals Appeals(IServiceProvider sp, AdmissionsWorld world) => ActivatorUtilities.CreateInstance<SeasonAppeals>(sp, world.Clock);

    /// <summary>A family's application to the zone school, submitted (not yet reviewed).</summary>
    private static async Task<long> SubmittedAsync(AdmissionsWorld world, Guid parent, DateOnly birth)
    {
        var id = (await world.AsParentAsync(parent, (p, _) => p.SaveAsync(null, world.Form(AdmissionsWorld.Child(birth))))).Value;
        Assert.True((await world.AsParentAsync(parent, (p, _) => p.SubmitAsync(id))).IsOk);
        return id;
    }

    /// <summary>
    /// <paramref name="families"/> approved families of the zone school, the window closed (an hour after: 18:00 China
    /// time) and the allocation published; the offers are left unanswered.
    /// </summary>
    private static async Task<IReadOnlyList<(Guid Parent, long Id)>> PublishedAsync(AdmissionsWorld world, int families)
    {
        var made = new List<(Guid, long)>();
        for (var i = 0; i < families; i++)
        {
            var parent = Guid.NewGuid();
            var id = await SubmittedAsync(world, parent, new DateOnly(2019, 10, 1).AddDays(i * 7));
            Assert.True((await world.AsReviewerAsync(world.ZoneSchoolId, false, r => r.DecideAsync(id, ReviewDecision.Approve, null))).IsOk);
            made.Add((parent, id));
        }
        world.Clock.SetUtcNow(AdmissionsWorld.ClosesAt.AddHours(1));
        Assert.True((await world.AsDistrictAsync(sp => ActivatorUtilities.CreateInstance<SeasonAllocation>(sp, world.Clock).RunAsync(world.SeasonId))).IsOk);
        Assert.True((await world.AsDistrictAsync(sp => ActivatorUtilities.CreateInstance<SeasonAllocation>(sp, world.Clock).PublishAsync(world.SeasonId))).IsOk);
        return made;
    }

    private async Task<long> OfStatusAsync(IEnumerable<(Guid Parent, long Id)> families, ApplicationStatus status)
    {
        foreach (var (_, id) in families)
        {
            if ((await StoredAsync(id)).Status == status)
            {
                return id;
            }
        }
        throw new InvalidOperationException($"No application is {status}.");
    }

    private Task<Application> StoredAsync(long id) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Applications.AsNoTracking().SingleAsync(a => a.Id == id));
}
