using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Features.Allocation;
using Qedu.Admissions.Features.Apply;
using Qedu.Admissions.Features.Review;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Admissions;

/// <summary>
/// A season of its own for each test (a unique code, a window around a fixed clock) over two of the demo city's 市南区
/// primary schools (the anchor school's zone holds 测试花园 and 香港中路 1–99, odd), and the use cases run as a given
/// parent or officer against that clock.
/// </summary>
internal sealed class AdmissionsWorld(WebApp app)
{
    /// <summary>The fixed "now" of these tests: 2026-06-20 10:00 China time, inside the window.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 20, 2, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    public long SeasonId { get; private set; }
    public string SeasonCode { get; private set; } = "";
    public int ZoneSchoolId { get; private set; }
    public string ZoneSchoolCode { get; private set; } = "";
    public int OtherSchoolId { get; private set; }
    public int DistrictId { get; private set; }

    public static readonly DateTimeOffset ClosesAt = new(2026, 7, 10, 9, 0, 0, TimeSpan.Zero); // 17:00 China time

    public async Task<AdmissionsWorld> CreateAsync(int zoneSeats = 80, int privateSeats = 40)
    {
        SeasonCode = $"T{Guid.NewGuid():N}"[..12];
        await app.AsSystemAsync(async sp =>
        {
            var tree = sp.GetRequiredService<OrgTree>();
            var district = (await tree.FindAsync("370202"))!;
            var schools = (await tree.OfKindAsync([OrgUnitKind.School], district.Id)).Where(s => s.SchoolTypeCode == "211").OrderBy(s => s.Code).ToList();
            var zone = schools.Single(s => s.Code == Qedu.Kernel.DemoCity.DemoCityGenerator.AnchorSchoolCode);
            var other = schools.First(s => s.Id != zone.Id);
            (DistrictId, ZoneSchoolId, ZoneSchoolCode, OtherSchoolId) = (district.Id, zone.Id, zone.Code, other.Id);
            var db = sp.GetRequiredService<AdmissionsDb>();
            var season = new Season
            {
                OrgUnitId = district.Id, Code = SeasonCode, Name = $"测试招生 {SeasonCode}", Stage = SeasonStage.PrimaryOne,
                Mechanism = SeasonMechanism.PublicAndPrivate, OpensAt = new(2026, 6, 10, 0, 0, 0, TimeSpan.Zero), ClosesAt = ClosesAt,
                BornFrom = new DateOnly(2019, 9, 1), BornTo = new DateOnly(2020, 8, 31),
                RetentionDays = 3650, // its close is fixed in 2026: no retention run of another test may empty it
            };
            db.Seasons.Add(season);
            await db.SaveChangesAsync();
            SeasonId = season.Id;
            db.SeasonSchools.AddRange(
                new SeasonSchool { SeasonId = season.Id, SchoolId = zone.Id, Seats = zoneSeats },
                new SeasonSchool { SeasonId = season.Id, SchoolId = other.Id, Seats = privateSeats, IsPrivate = true });
            db.Categories.AddRange(
                new SeasonCategory { SeasonId = season.Id, Rank = 1, Code = "hp", NameZh = "户籍与房产均在学区", NameEn = "Both in zone", NeedsHukou = true, NeedsProperty = true },
                new SeasonCategory { SeasonId = season.Id, Rank = 2, Code = "p", NameZh = "房产在学区", NameEn = "Property in zone", NeedsProperty = true },
                new SeasonCategory { SeasonId = season.Id, Rank = 3, Code = "m", NameZh = "随迁子女", NameEn = "Migrant", NeedsResidencePermit = true, UsesPoints = true });
            db.PointsRules.Add(new PointsRule { SeasonId = season.Id, Fact = PointsFact.InsuranceMonths, PointsPerUnit = 0.5m, MaxPoints = 30 });
            db.ZoneLines.AddRange(
                new ZoneLine { SeasonId = season.Id, SchoolId = zone.Id, Compound = "测试花园" },
                new ZoneLine { SeasonId = season.Id, SchoolId = zone.Id, Street = "香港中路", FromNumber = 1, ToNumber = 99, Parity = NumberParity.Odd });
            await db.SaveChangesAsync();
            return 0;
        });
        return this;
    }

    /// <summary>Moves the window around the real clock (for pages, which run on it): opened yesterday, closing tomorrow.</summary>
    public Task<int> OpenNowAsync() => app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<AdmissionsDb>();
        var season = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Seasons, s => s.Id == SeasonId);
        season.OpensAt = DateTimeOffset.UtcNow.AddDays(-1);
        season.ClosesAt = DateTimeOffset.UtcNow.AddDays(1);
        return await db.SaveChangesAsync();
    });

    /// <summary>
    /// A resident ID of a child born on <paramref name="birth"/>, unique per call: sequence numbers taken in turn from 100
    /// to 999 (a random one collided now and then with another test's child of the same birthday, whom the intake then
    /// took for an existing student), above the demo city's, which start at 1 for each birthday.
    /// </summary>
    public static string Child(DateOnly birth) => ResidentId.Compose("370202", birth, 100 + Interlocked.Increment(ref _sequence) % 900);

    private static int _sequence = Random.Shared.Next(900);

    public ApplicationForm Form(string residentId, string compound = "测试花园") => new()
    {
        SeasonId = SeasonId, ChildName = "张小明", ResidentId = residentId, GuardianName = "张伟", HomeCompound = compound,
        HukouAtHome = true, PropertyAtHome = true,
    };

    /// <summary>Runs <paramref name="work"/> as the parent account <paramref name="parent"/>, against the fixed clock.</summary>
    public Task<T> AsParentAsync<T>(Guid parent, Func<ParentApplications, IServiceProvider, Task<T>> work) =>
        RunAsync(AccessContext.ForParent(parent, "139****0000"), sp => work(ActivatorUtilities.CreateInstance<ParentApplications>(sp, Clock), sp));

    /// <summary>Runs <paramref name="work"/> as an officer with admissions.review (and pii.view when asked) over one unit.</summary>
    public Task<T> AsReviewerAsync<T>(int unitId, bool piiView, Func<ApplicationReview, Task<T>> work)
    {
        var permissions = new HashSet<string>(StringComparer.Ordinal) { Permissions.OrgRead, Permissions.AdmissionsReview };
        if (piiView)
        {
            permissions.Add(Permissions.PiiView);
        }
        var caller = AccessContext.ForUser(Guid.NewGuid(), "reviewer", [new Grant(unitId, unitId.ToString(CultureInfo.InvariantCulture), permissions, Roles.SchoolAdmin)]);
        return RunAsync(caller, sp => work(ActivatorUtilities.CreateInstance<ApplicationReview>(sp, Clock)));
    }

    /// <summary>Runs <paramref name="work"/> as the district's admissions manager (admissions.manage and .review over 市南区).</summary>
    public Task<T> AsDistrictAsync<T>(Func<IServiceProvider, Task<T>> work) =>
        RunAsync(AccessContext.ForUser(Guid.NewGuid(), "shinan.enrolment",
            [new Grant(DistrictId, "370202", new HashSet<string> { Permissions.OrgRead, Permissions.AdmissionsManage, Permissions.AdmissionsReview }, Roles.DistrictAdmin)]), work);

    /// <summary>
    /// Runs <paramref name="work"/> as the district's admissions manager who also writes the registry (a district
    /// administrator's permissions over 市南区), as the intake needs.
    /// </summary>
    public Task<T> AsDistrictEnrolerAsync<T>(Func<IServiceProvider, Task<T>> work) =>
        RunAsync(AccessContext.ForUser(Guid.NewGuid(), "shinan.intake",
            [new Grant(DistrictId, "370202", new HashSet<string> { Permissions.OrgRead, Permissions.AdmissionsManage, Permissions.AdmissionsReview,
                Permissions.RegistryRead, Permissions.RegistryWrite }, Roles.DistrictAdmin)]), work);

    /// <summary>
    /// Takes the season to its answered offers: <paramref name="families"/> families apply to the zone school (category
    /// 1) and are approved, the window closes, the allocation is published, and of the families offered a seat the last
    /// <paramref name="declining"/> decline while the others accept (those placed nowhere stay 待统筹). Returns the
    /// applications with their children's resident IDs, in the order they applied.
    /// </summary>
    public async Task<IReadOnlyList<(long Id, string ResidentId)>> AnsweredOffersAsync(int families, int declining = 0)
    {
        var made = new List<(Guid Parent, long Id, string ResidentId)>();
        for (var i = 0; i < families; i++)
        {
            var parent = Guid.NewGuid();
            var residentId = Child(new DateOnly(2019, 10, 1).AddDays(i * 7));
            var id = (await AsParentAsync(parent, (p, _) => p.SaveAsync(null, Form(residentId)))).Value;
            if (!(await AsParentAsync(parent, (p, _) => p.SubmitAsync(id))).IsOk
                || !(await AsReviewerAsync(ZoneSchoolId, false, r => r.DecideAsync(id, ReviewDecision.Approve, null))).IsOk)
            {
                throw new InvalidOperationException("The world's application did not reach approval.");
            }
            made.Add((parent, id, residentId));
        }
        Clock.SetUtcNow(ClosesAt.AddHours(1));
        var run = await AsDistrictAsync(sp => ActivatorUtilities.CreateInstance<SeasonAllocation>(sp, Clock).RunAsync(SeasonId));
        var published = await AsDistrictAsync(sp => ActivatorUtilities.CreateInstance<SeasonAllocation>(sp, Clock).PublishAsync(SeasonId));
        if (!run.IsOk || !published.IsOk)
        {
            throw new InvalidOperationException($"The world's allocation failed: {run.Message} {published.Message}");
        }
        var offered = new List<(Guid Parent, long Id)>();
        foreach (var (parent, id, _) in made)
        {
            if ((await AsParentAsync(parent, (p, _) => p.FindAsync(id)))!.Status == ApplicationStatus.Offered)
            {
                offered.Add((parent, id));
            }
        }
        for (var i = 0; i < offered.Count; i++)
        {
            var (parent, id) = offered[i];
            if (!(await AsParentAsync(parent, (p, _) => p.AnswerOfferAsync(id, accept: i < offered.Count - declining))).IsOk)
            {
                throw new InvalidOperationException("The world's family could not answer its offer.");
            }
        }
        return made.Select(m => (m.Id, m.ResidentId)).ToList();
    }

    public async Task<T> RunAsync<T>(AccessContext caller, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(caller);
        return await work(scope.ServiceProvider);
    }
}
