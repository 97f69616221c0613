using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Indicators.Computation;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Admissions;

/// <summary>
/// The admissions figures as indicator facts: a season of its own year (2041, so no other test's season counts) with
/// three approved families, two seats at the zone school (one family accepts, one declines, one waits for 统筹) and one
/// application whose facts the agencies verified; the facts land at the zone school and the bureau, and the
/// computation sums them up to the district and the city for the indicators bound to them.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AdmissionsFactsTests(WebApp app)
{
    private const string Period = "2041";

    [Fact]
    public async Task A_seasons_figures_are_facts_of_its_schools_and_bureau_and_feed_the_indicators_up_the_tree()
    {
        var world = await new AdmissionsWorld(app).CreateAsync(zoneSeats: 2, privateSeats: 40);
        var offers = await world.AnsweredOffersAsync(3, declining: 1);
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmissionsDb>();
            var season = await db.Seasons.SingleAsync(s => s.Id == world.SeasonId);
            season.OpensAt = new DateTimeOffset(2041, 6, 10, 0, 0, 0, TimeSpan.Zero);
            season.ClosesAt = new DateTimeOffset(2041, 7, 10, 9, 0, 0, TimeSpan.Zero);
            var verified = await db.Applications.SingleAsync(a => a.Id == offers[0].Id);
            (verified.HukouCheck, verified.PropertyCheck) = (FactCheck.Verified, FactCheck.Verified);
            var mismatched = await db.Applications.SingleAsync(a => a.Id == offers[1].Id);
            (mismatched.HukouCheck, mismatched.PropertyCheck) = (FactCheck.Verified, FactCheck.Mismatch);
            return await db.SaveChangesAsync();
        });

        var facts = await app.AsSystemAsync(async sp =>
        {
            var units = (await sp.GetRequiredService<OrgTree>().OfKindPastScopeAsync([OrgUnitKind.School, OrgUnitKind.District, OrgUnitKind.City]))
                .ToDictionary(u => u.Id);
            var table = new FactTable();
            var source = sp.GetServices<IFactSource>().OfType<AdmissionsFacts>().Single(); // registered with the computation
            await source.AddFactsAsync(new FactContext(Period, units, sp.GetRequiredService<CodeBook>(), table), default);
            return table;
        });
        var school = facts.Of(world.ZoneSchoolId);
        Assert.Equal(3, school["admissions.applications"]);
        Assert.Equal(3, school["admissions.approved"]);
        Assert.Equal(2, school["admissions.offered"]);
        Assert.Equal(1, school["admissions.accepted"]);
        Assert.Equal(1, school["admissions.verified"]);
        Assert.Equal(2, school["admissions.seats"]);
        Assert.Equal(40, facts.Get(world.OtherSchoolId, "admissions.seats"));
        Assert.Equal(1, facts.Get(world.DistrictId, "admissions.unplaced")); // 待统筹 is the bureau's
        Assert.Equal(0, facts.Get(world.DistrictId, "admissions.applications") ?? 0); // every home matched a zone school
        // Another year's period has none of them.
        var other = await app.AsSystemAsync(async sp =>
        {
            var units = (await sp.GetRequiredService<OrgTree>().OfKindPastScopeAsync([OrgUnitKind.School])).ToDictionary(u => u.Id);
            var table = new FactTable();
            await sp.GetServices<IFactSource>().OfType<AdmissionsFacts>().Single().AddFactsAsync(new FactContext("2040", units, sp.GetRequiredService<CodeBook>(), table), default);
            return table;
        });
        Assert.Null(other.Get(world.ZoneSchoolId, "admissions.applications"));

        var computed = await app.AsSystemAsync(sp => sp.GetRequiredService<IndicatorComputation>().ComputeAsync(Period, store: false, default));
        var city = await app.AsSystemAsync(async sp => (await sp.GetRequiredService<OrgTree>().FindAsync("370200"))!.Id);
        ComputedValue Value(int unit, string code) => computed.Values.Single(v => v.OrgUnitId == unit && v.IndicatorCode == code);
        foreach (var unit in new[] { world.ZoneSchoolId, world.DistrictId, city })
        {
            var acceptance = Value(unit, "admissions-acceptance");
            Assert.Equal((1m, 2m, 50m), (acceptance.Numerator, acceptance.Denominator, acceptance.Value));
        }
        // 学位满足率 of the district: the seasons' 42 seats over its 3 approved applications.
        var sufficiency = Value(world.DistrictId, "admissions-seat-sufficiency");
        Assert.Equal((42m, 3m, 1400m), (sufficiency.Numerator, sufficiency.Denominator, sufficiency.Value));
    }
}
