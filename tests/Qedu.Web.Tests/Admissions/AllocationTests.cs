using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Features.Allocation;
using Qedu.Admissions.Features.Review;
using Qedu.Admissions.Rules;
using Qedu.Kernel.Web;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Admissions;

/// <summary>
/// The allocation of a season of the test's own: refused while the window is open or applications wait for review;
/// then 公民同招 with a private school of one seat (one family wins the draw, the other falls back to the zone school),
/// the draw running once, publication as offers with the engine's explanation, and the family's answer.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AllocationTests(WebApp app)
{
    [Fact]
    public async Task A_closed_reviewed_season_is_placed_by_the_engine_published_and_answered()
    {
        var world = await new AdmissionsWorld(app).CreateAsync(zoneSeats: 5, privateSeats: 1);
        var families = new List<(Guid Parent, long Id)>();
        foreach (var birth in new[] { new DateOnly(2019, 10, 1), new DateOnly(2019, 11, 1) })
        {
            var parent = Guid.NewGuid();
            var form = world.Form(AdmissionsWorld.Child(birth));
            form.PrivateChoice = world.OtherSchoolId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var id = (await world.AsParentAsync(parent, (p, _) => p.SaveAsync(null, form))).Value;
            Assert.True((await world.AsParentAsync(parent, (p, _) => p.SubmitAsync(id))).IsOk);
            families.Add((parent, id));
        }

        // While the window is open, and while an application waits for review: refused, naming why.
        var early = await world.AsDistrictAsync(sp => Allocation(sp, world).RunAsync(world.SeasonId));
        Assert.Equal(OutcomeKind.Conflict, early.Kind);
        Assert.Contains("17:00", early.Message, StringComparison.Ordinal);
        world.Clock.SetUtcNow(AdmissionsWorld.ClosesAt.AddHours(1));
        var waiting = await world.AsDistrictAsync(sp => Allocation(sp, world).RunAsync(world.SeasonId));
        Assert.Equal(OutcomeKind.Conflict, waiting.Kind);
        Assert.Contains("2", waiting.Message, StringComparison.Ordinal); // two still wait for review
        foreach (var (_, id) in families)
        {
            Assert.True((await world.AsReviewerAsync(world.ZoneSchoolId, false, r => r.DecideAsync(id, ReviewDecision.Approve, null))).IsOk);
        }
        // A school's reviewer may not run the allocation.
        var school = Qedu.Kernel.Access.AccessContext.ForUser(Guid.NewGuid(), "school", [new(world.ZoneSchoolId, "school",
            new HashSet<string> { Qedu.Kernel.Access.Permissions.AdmissionsReview, Qedu.Kernel.Access.Permissions.AdmissionsManage }, null)]);
        Assert.Equal(OutcomeKind.Forbidden, (await world.RunAsync(school, sp => Allocation(sp, world).RunAsync(world.SeasonId))).Kind);

        var first = await world.AsDistrictAsync(sp => Allocation(sp, world).RunAsync(world.SeasonId));
        Assert.True(first.IsOk, first.Message);
        var placements = await PlacementsAsync(first.Value);
        // One private seat, two families who chose it first: one is drawn, the other falls back to the zone school.
        Assert.Equal(1, placements.Count(p => p.SchoolId == world.OtherSchoolId));
        Assert.Equal(1, placements.Count(p => p.SchoolId == world.ZoneSchoolId));
        var fellBack = placements.Single(p => p.SchoolId == world.ZoneSchoolId);
        Assert.Contains("摇号序号", fellBack.ExplanationZh, StringComparison.Ordinal);
        Assert.Contains("lottery", fellBack.ExplanationEn, StringComparison.Ordinal);

        // The draw runs once (re-running it is anyone's, on the public package: DrawTests).
        Assert.Equal(OutcomeKind.Conflict, (await world.AsDistrictAsync(sp => Allocation(sp, world).RunAsync(world.SeasonId))).Kind);

        Assert.True((await world.AsDistrictAsync(sp => Allocation(sp, world).PublishAsync(world.SeasonId))).IsOk);
        Assert.Equal(OutcomeKind.Conflict, (await world.AsDistrictAsync(sp => Allocation(sp, world).RunAsync(world.SeasonId))).Kind);

        var (parentOfFallback, fallbackId) = families.Single(f => f.Id == fellBack.ApplicationId);
        var offered = await world.AsParentAsync(parentOfFallback, (p, _) => p.FindAsync(fallbackId));
        Assert.Equal(ApplicationStatus.Offered, offered!.Status);
        Assert.True(offered.MayAnswer);
        Assert.NotNull(offered.OfferSchool);
        Assert.Contains("第 1 志愿", offered.Placement, StringComparison.Ordinal);
        Assert.True((await world.AsParentAsync(parentOfFallback, (p, _) => p.AnswerOfferAsync(fallbackId, accept: true))).IsOk);
        Assert.Equal(ApplicationStatus.Accepted, (await world.AsParentAsync(parentOfFallback, (p, _) => p.FindAsync(fallbackId)))!.Status);
        Assert.Equal(OutcomeKind.Conflict, (await world.AsParentAsync(parentOfFallback, (p, _) => p.AnswerOfferAsync(fallbackId, accept: false))).Kind);

        // Past the deadline the other family can no longer answer.
        var (otherParent, otherId) = families.Single(f => f.Id != fallbackId);
        world.Clock.Advance(TimeSpan.FromDays(8));
        var late = await world.AsParentAsync(otherParent, (p, _) => p.AnswerOfferAsync(otherId, accept: true));
        Assert.Equal(OutcomeKind.Conflict, late.Kind);
    }

    private static SeasonAllocation Allocation(IServiceProvider sp, AdmissionsWorld world) =>
        ActivatorUtilities.CreateInstance<SeasonAllocation>(sp, world.Clock);

    private Task<List<RunPlacement>> PlacementsAsync(long runId) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Placements.AsNoTracking().Where(p => p.RunId == runId).ToListAsync());
}
