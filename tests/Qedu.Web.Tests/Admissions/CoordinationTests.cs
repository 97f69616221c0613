using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Features.Coordination;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Admissions;

/// <summary>
/// 统筹: after publication the children placed nowhere go, in priority order, to the nearest public school with a free
/// seat; a home with no known place is left for a placement by hand; only the season's bureau does it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CoordinationTests(WebApp app)
{
    private static Task<T> AsDistrictAsync<T>(AdmissionsWorld world, Func<SeasonCoordination, Task<T>> work) =>
        world.AsDistrictAsync(sp => work(ActivatorUtilities.CreateInstance<SeasonCoordination>(sp, world.Clock)));

    /// <summary>
    /// A published season whose zone school (two seats, at 36.06 N 120.38 E) is full, with two children placed nowhere; the
    /// second school is made public with one seat about 1.5 km away, and a third public school with five seats lies about
    /// 8 km away. Returns the unplaced applications in the order they applied and the third school's id.
    /// </summary>
    private async Task<(long[] Unplaced, int FarSchoolId)> PublishedWithUnplacedAsync(AdmissionsWorld world)
    {
        var applied = await world.AnsweredOffersAsync(families: 4);
        var far = await app.AsSystemAsync(async sp =>
        {
            var district = await sp.GetRequiredService<OrgTree>().FindAsync("370202");
            var schools = await sp.GetRequiredService<OrgTree>().OfKindAsync([OrgUnitKind.School], district!.Id);
            var third = schools.Where(s => s.Id != world.ZoneSchoolId && s.Id != world.OtherSchoolId).OrderBy(s => s.Code).First();
            var db = sp.GetRequiredService<AdmissionsDb>();
            var taking = await db.SeasonSchools.Where(s => s.SeasonId == world.SeasonId).ToListAsync();
            var zone = taking.Single(s => s.SchoolId == world.ZoneSchoolId);
            (zone.Latitude, zone.Longitude) = (36.06, 120.38);
            var other = taking.Single(s => s.SchoolId == world.OtherSchoolId);
            (other.IsPrivate, other.Seats, other.Latitude, other.Longitude) = (false, 1, 36.07, 120.39);
            db.SeasonSchools.Add(new SeasonSchool { SeasonId = world.SeasonId, SchoolId = third.Id, Seats = 5, Latitude = 36.12, Longitude = 120.44 });
            await db.SaveChangesAsync();
            return third.Id;
        });
        var ids = applied.Select(a => a.Id).ToList();
        var unplaced = await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Applications
            .Where(a => ids.Contains(a.Id) && a.Status == ApplicationStatus.Unplaced).Select(a => a.Id).ToListAsync());
        Assert.Equal(2, unplaced.Count);
        return (ids.Where(unplaced.Contains).ToArray(), far);
    }

    [Fact]
    public async Task The_unplaced_go_in_priority_order_to_the_nearest_public_school_with_a_free_seat()
    {
        var world = await new AdmissionsWorld(app).CreateAsync(zoneSeats: 2);
        var (unplaced, far) = await PublishedWithUnplacedAsync(world);

        var outcome = await AsDistrictAsync(world, c => c.PlaceByDistanceAsync(world.SeasonId));
        Assert.True(outcome.IsOk, outcome.Message);
        Assert.Equal(new CoordinationResult(2, 0, 0), outcome.Value);
        var placed = await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Applications.AsNoTracking()
            .Where(a => unplaced.Contains(a.Id)).ToDictionaryAsync(a => a.Id));
        // The first to apply takes the near school's one seat; the second goes to the far one.
        var first = placed[unplaced[0]];
        Assert.Equal((ApplicationStatus.Offered, world.OtherSchoolId, OfferRoute.Coordination), (first.Status, first.OfferSchoolId, first.OfferRoute));
        Assert.InRange(first.OfferDistanceKm!.Value, 1.0, 2.0);
        Assert.Equal(world.Clock.GetUtcNow().AddDays(7), first.OfferDeadline);
        var second = placed[unplaced[1]];
        Assert.Equal((far, OfferRoute.Coordination), (second.OfferSchoolId!.Value, second.OfferRoute));
        Assert.InRange(second.OfferDistanceKm!.Value, 6.0, 10.0);
        Assert.True(await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Events.AnyAsync(e => e.ApplicationId == first.Id && e.Kind == "coordinated")));

        // The family sees why, with the distance, and answers it like any offer.
        var family = first.ParentAccountId;
        var seen = await world.AsParentAsync(family, (p, _) => p.FindAsync(first.Id));
        Assert.Contains("统筹", seen!.Placement, StringComparison.Ordinal);
        Assert.Contains("公里", seen.Placement, StringComparison.Ordinal);
        Assert.True(seen.MayAnswer);
        Assert.True((await world.AsParentAsync(family, (p, _) => p.AnswerOfferAsync(first.Id, accept: true))).IsOk);

        // Nothing is left: a second run places nobody.
        Assert.Equal(new CoordinationResult(0, 0, 0), (await AsDistrictAsync(world, c => c.PlaceByDistanceAsync(world.SeasonId))).Value);
    }

    [Fact]
    public async Task A_home_with_no_known_place_is_left_for_a_placement_by_hand_at_a_school_with_a_free_seat()
    {
        var world = await new AdmissionsWorld(app).CreateAsync(zoneSeats: 2);
        var (unplaced, far) = await PublishedWithUnplacedAsync(world);
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmissionsDb>();
            foreach (var a in await db.Applications.Where(a => unplaced.Contains(a.Id)).ToListAsync())
            {
                (a.ZoneSchoolId, a.HomeLatitude, a.HomeLongitude) = (null, null, null);
            }
            return await db.SaveChangesAsync();
        });
        Assert.Equal(new CoordinationResult(0, 2, 0), (await AsDistrictAsync(world, c => c.PlaceByDistanceAsync(world.SeasonId))).Value);

        // By hand: the full zone school is refused, the far school taken.
        var full = await AsDistrictAsync(world, c => c.PlaceAsync(world.SeasonId, unplaced[0], world.ZoneSchoolId));
        Assert.Equal(OutcomeKind.Invalid, full.Kind);
        Assert.NotNull(full.Errors!.First("schoolId"));
        Assert.True((await AsDistrictAsync(world, c => c.PlaceAsync(world.SeasonId, unplaced[0], far))).IsOk);
        var placed = await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Applications.AsNoTracking().SingleAsync(a => a.Id == unplaced[0]));
        Assert.Equal((ApplicationStatus.Offered, far, OfferRoute.Coordination, (double?)null), (placed.Status, placed.OfferSchoolId!.Value, placed.OfferRoute, placed.OfferDistanceKm));
        // Placed once: it is no longer waiting.
        Assert.Equal(OutcomeKind.NotFound, (await AsDistrictAsync(world, c => c.PlaceAsync(world.SeasonId, unplaced[0], far))).Kind);
    }

    [Fact]
    public async Task Before_publication_nothing_is_placed_and_only_the_seasons_bureau_may_place()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        Assert.Equal(OutcomeKind.Conflict, (await AsDistrictAsync(world, c => c.PlaceByDistanceAsync(world.SeasonId))).Kind);
        var school = AccessContext.ForUser(Guid.NewGuid(), "school", [new(world.ZoneSchoolId, "school",
            new HashSet<string> { Permissions.AdmissionsReview, Permissions.AdmissionsManage }, null)]);
        Assert.Equal(OutcomeKind.NotFound, (await world.RunAsync(school, sp => ActivatorUtilities.CreateInstance<SeasonCoordination>(sp, world.Clock).PlaceByDistanceAsync(world.SeasonId))).Kind);
    }

    [Fact]
    public async Task The_page_shows_the_seats_and_says_placement_follows_publication()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var client = await app.ClientAsync("shinan.admin");
        using var response = await client.GetAsync($"/admissions/seasons/{world.SeasonId}/coordination");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("录取结果公布后才能统筹安排", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"school-seats\"", html, StringComparison.Ordinal);
    }
}
