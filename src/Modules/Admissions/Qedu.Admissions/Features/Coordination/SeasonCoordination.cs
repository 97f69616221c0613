using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Resources;
using Qedu.Admissions.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;

namespace Qedu.Admissions.Features.Coordination;

/// <summary>A public school of the season with what is left of its seats after the offers made and accepted.</summary>
internal sealed record SchoolSeats(int SchoolId, string Name, int Seats, int Taken, double? Latitude, double? Longitude)
{
    public int Free => Math.Max(0, Seats - Taken);
}

/// <summary>A child the allocation placed nowhere: where the home is (if the zone list knows), in priority order.</summary>
internal sealed record UnplacedChild(long ApplicationId, string Number, string ChildName, string? Home, string? ZoneSchool, string? Category, decimal Points, bool Located);

internal sealed record CoordinationView(IReadOnlyList<UnplacedChild> Unplaced, IReadOnlyList<SchoolSeats> Schools, int Coordinated, bool Published);

/// <summary>What a 统筹 run did: how many placed, and how many are left for a placement by hand (no location, or no seat).</summary>
internal sealed record CoordinationResult(int Placed, int WithoutLocation, int WithoutSeat);

/// <summary>
/// 统筹: after results are published, the district places the children the allocation placed nowhere. By distance: in
/// priority order (category rank, then points, then who submitted first), each goes to the nearest public school of the
/// season that still has a free seat, measured in a straight line from the home (the zone line's coordinates, else the
/// zone school's) to the school. A child whose home has no known place, or for whom no seat is left, is placed by hand
/// to a school with a free seat. Every placement is an offer the family accepts or declines like any other, with the
/// distance in its explanation. Only admissions.manage holders of the season's bureau do this.
/// </summary>
internal sealed class SeasonCoordination(
    AdmissionsDb db, ICurrentAccess access, OrgTree tree, SeasonManagers managers, TimeProvider clock, IStringLocalizer<AdmissionsText> t)
{
    public async Task<Season?> SeasonAsync(long seasonId, CancellationToken ct = default)
    {
        var season = await db.Seasons.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seasonId, ct);
        return season is not null && await managers.MayManageAsync(season.OrgUnitId, ct)
            ? season
            : null;
    }

    public async Task<CoordinationView?> ViewAsync(long seasonId, CancellationToken ct = default)
    {
        if (await SeasonAsync(seasonId, ct) is not { } season)
        {
            return null;
        }
        var schools = await SeatsAsync(seasonId, ct);
        var names = schools.ToDictionary(s => s.SchoolId, s => s.Name);
        var categories = await db.Categories.AsNoTracking().Where(c => c.SeasonId == seasonId).ToDictionaryAsync(c => c.Id, ct);
        var english = Qedu.Kernel.Codes.CodeBook.IsEnglish;
        var unplaced = (await UnplacedAsync(seasonId, categories, ct))
            .Select(a => new UnplacedChild(
                a.Id, a.Number, a.ChildName, a.HomeCompound ?? $"{a.HomeStreet}{a.HomeNumber}",
                a.ZoneSchoolId is int z ? names.GetValueOrDefault(z) : null,
                a.CategoryId is long c && categories.TryGetValue(c, out var category) ? category.Name(english) : null,
                a.Points, HomeOf(a, schools) is not null))
            .ToList();
        var coordinated = await db.Applications.CountAsync(a => a.SeasonId == seasonId && a.OfferRoute == OfferRoute.Coordination, ct);
        return new CoordinationView(unplaced, schools, coordinated, season.ResultsPublishedAt is not null);
    }

    /// <summary>Places every unplaced child with a known home at the nearest public school with a free seat.</summary>
    public async Task<Outcome<CoordinationResult>> PlaceByDistanceAsync(long seasonId, CancellationToken ct = default)
    {
        if (await StartAsync(seasonId, ct) is not { } started)
        {
            return Outcome<CoordinationResult>.NotFound(t["Apply.NoSeason"]);
        }
        if (started.Problem is { } problem)
        {
            return Outcome<CoordinationResult>.Conflict(problem);
        }
        var season = started.Season!;
        var schools = (await SeatsAsync(seasonId, ct)).Where(s => s.Latitude is not null).ToList();
        var free = schools.ToDictionary(s => s.SchoolId, s => s.Free);
        var categories = await db.Categories.AsNoTracking().Where(c => c.SeasonId == seasonId).ToDictionaryAsync(c => c.Id, ct);
        var (placed, unlocated, noSeat) = (0, 0, 0);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var application in await UnplacedAsync(seasonId, categories, ct, tracked: true))
        {
            if (HomeOf(application, schools) is not { } home)
            {
                unlocated++;
                continue;
            }
            var nearest = schools.Where(s => free[s.SchoolId] > 0)
                .Select(s => (School: s, Km: Distance.Km(home.Lat, home.Lon, s.Latitude!.Value, s.Longitude!.Value)))
                .OrderBy(x => x.Km).ThenBy(x => x.School.SchoolId).FirstOrDefault();
            if (nearest.School is null)
            {
                noSeat++;
                continue;
            }
            free[nearest.School.SchoolId]--;
            Offer(application, season, nearest.School, Math.Round(nearest.Km, 2));
            placed++;
        }
        season.Revision++; // the concurrency token: a second run at the same moment fails instead of placing twice
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<CoordinationResult>.Conflict(t["Coordination.Busy"]);
        }
        await tx.CommitAsync(ct);
        return Outcome<CoordinationResult>.Ok(new CoordinationResult(placed, unlocated, noSeat));
    }

    /// <summary>Places one unplaced child at a chosen public school with a free seat (a home with no known place, or a better fit).</summary>
    public async Task<Outcome<long>> PlaceAsync(long seasonId, long applicationId, int schoolId, CancellationToken ct = default)
    {
        if (await StartAsync(seasonId, ct) is not { } started)
        {
            return Outcome<long>.NotFound(t["Apply.NoSeason"]);
        }
        if (started.Problem is { } problem)
        {
            return Outcome<long>.Conflict(problem);
        }
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId && a.SeasonId == seasonId && a.Status == ApplicationStatus.Unplaced, ct);
        if (application is null)
        {
            return Outcome<long>.NotFound(t["Coordination.NotUnplaced"]);
        }
        var schools = await SeatsAsync(seasonId, ct);
        if (schools.FirstOrDefault(s => s.SchoolId == schoolId) is not { Free: > 0 } school)
        {
            return Outcome<long>.Invalid(new InputErrors().Add("schoolId", t["Coordination.NoFreeSeat"]));
        }
        var home = HomeOf(application, schools);
        var km = home is { } h && school.Latitude is double lat && school.Longitude is double lon ? Math.Round(Distance.Km(h.Lat, h.Lon, lat, lon), 2) : (double?)null;
        Offer(application, started.Season!, school, km);
        started.Season!.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<long>.Conflict(t["Coordination.Busy"]);
        }
        return Outcome<long>.Ok(applicationId);
    }

    private void Offer(Application application, Season season, SchoolSeats school, double? km)
    {
        var now = clock.GetUtcNow();
        application.Status = ApplicationStatus.Offered;
        application.OfferSchoolId = school.SchoolId;
        application.OfferRoute = OfferRoute.Coordination;
        application.OfferDistanceKm = km;
        application.OfferDeadline = now.AddDays(season.AcceptDays);
        application.UpdatedAt = now;
        application.Revision++;
        var note = km is double d
            ? string.Format(CultureInfo.InvariantCulture, "统筹安排至{0}（距家约 {1:0.0} 公里，为有空余学位的最近学校）", school.Name, d)
            : string.Format(CultureInfo.InvariantCulture, "统筹安排至{0}", school.Name);
        db.Events.Add(new ApplicationEvent { ApplicationId = application.Id, At = now, Kind = "coordinated", Actor = access.Current.ActorName ?? "", Note = note });
    }

    /// <summary>The season, tracked, once the caller may manage it and its results are out; else why not.</summary>
    private async Task<(Season? Season, string? Problem)?> StartAsync(long seasonId, CancellationToken ct)
    {
        if (await SeasonAsync(seasonId, ct) is null)
        {
            return null;
        }
        var season = await db.Seasons.SingleAsync(s => s.Id == seasonId, ct);
        return season.ResultsPublishedAt is null ? (season, t["Coordination.NotPublished"]) : (season, null);
    }

    /// <summary>The unplaced of the season in priority order: category rank, points (highest first), submitted first.</summary>
    private async Task<List<Application>> UnplacedAsync(long seasonId, Dictionary<long, SeasonCategory> categories, CancellationToken ct, bool tracked = false)
    {
        var query = db.Applications.Where(a => a.SeasonId == seasonId && a.Status == ApplicationStatus.Unplaced);
        var list = await (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
        return list
            .OrderBy(a => a.CategoryId is long c && categories.TryGetValue(c, out var category) ? category.Rank : int.MaxValue)
            .ThenByDescending(a => a.Points).ThenBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .ToList();
    }

    /// <summary>The season's public schools, with the seats taken by offers made or accepted.</summary>
    private async Task<List<SchoolSeats>> SeatsAsync(long seasonId, CancellationToken ct)
    {
        var schools = await db.SeasonSchools.AsNoTracking().Where(s => s.SeasonId == seasonId && !s.IsPrivate).ToListAsync(ct);
        var taken = await SeatsHeld.BySchoolAsync(db, seasonId, null, ct);
        var units = await tree.UnitsOfAsync(schools.Select(s => s.SchoolId), ct);
        var english = Qedu.Kernel.Codes.CodeBook.IsEnglish;
        return schools
            .Select(s => new SchoolSeats(s.SchoolId, units.TryGetValue(s.SchoolId, out var u) ? u.DisplayName(english) : s.SchoolId.ToString(CultureInfo.InvariantCulture),
                s.Seats, taken.GetValueOrDefault(s.SchoolId), s.Latitude, s.Longitude))
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The home's place: the matched zone line's coordinates, else (the home lies in its zone) the zone school's.</summary>
    private static (double Lat, double Lon)? HomeOf(Application a, List<SchoolSeats> schools) =>
        a.HomeLatitude is double lat && a.HomeLongitude is double lon ? (lat, lon)
        : schools.FirstOrDefault(s => s.SchoolId == a.ZoneSchoolId) is { Latitude: double zLat, Longitude: double zLon } ? (zLat, zLon)
        : null;
}

/// <summary>Great-circle distance on a sphere of the Earth's mean radius: enough to compare schools a few kilometres apart.</summary>
internal static class Distance
{
    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        const double radius = 6371.0;
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * radius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
