using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.StudentServices.Catalogue;
using Qedu.StudentServices.Ratings;
using Qedu.StudentServices.Statistics;

namespace Qedu.StudentServices.Statistics;

/// <summary>One line of the figures (a unit, an item, or the total): counts, shares 0 to 1 (null with none), mean working days and stars.</summary>
public sealed record FigureRow(
    string Key, string Name, int Completed, double? Immediate, double? ZeroTrip, double? MeanWorkingDays, double? WithinLegal, double? WithinPromised,
    int Rated, double? MeanScore, double? Satisfaction);

/// <summary>
/// The services dashboard of a year: per district (a city's view) or per school (a district's or a school's), per
/// catalogue item, the total, and the poor ratings the caller's units must answer.
/// </summary>
internal sealed record DashboardView(int Year, string Level, IReadOnlyList<FigureRow> Units, IReadOnlyList<FigureRow> Items, FigureRow Total,
    IReadOnlyList<RatingCaseView> Cases);

/// <summary>
/// The 一次办好 figures: volume, 即办 share, mean working days, on-time shares, 零跑腿 share and satisfaction, counted at
/// the student's school when the change was asked for and limited to the schools in the caller's status-change scope; an
/// item's city-wide figures for the public catalogue (counts only, never a child).
/// </summary>
internal sealed class ServiceDashboard(CompletedChanges completed, OrgTree tree, ICurrentAccess access, ServiceCatalogue catalogue, ServiceRatings ratings)
{
    public async Task<DashboardView> ForYearAsync(int year, CancellationToken ct = default)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var changes = await completed.BetweenAsync(from, to, ct: ct);
        var given = await completed.RatingsBetweenAsync(from, to, ct: ct);
        var visible = await tree.WithinScopeAsync(access.Current, Permissions.StatusChangesReview,
            [.. changes.Select(c => c.FromSchoolId).Union(given.Select(r => r.SchoolId))], ct);
        changes = [.. changes.Where(c => visible.Contains(c.FromSchoolId))];
        given = [.. given.Where(r => visible.Contains(r.SchoolId))];

        var districts = await tree.OfKindPastScopeAsync([OrgUnitKind.District], ct);
        var myDistricts = await tree.WithinScopeAsync(access.Current, Permissions.StatusChangesReview, [.. districts.Select(d => d.Id)], ct);
        var byDistrict = myDistricts.Count > 1;
        IReadOnlyList<FigureRow> units;
        if (byDistrict)
        {
            // Every district of the caller's, also one with nothing finished: the city sees who has none.
            units = [.. districts.Where(d => myDistricts.Contains(d.Id)).OrderBy(d => d.Code)
                .Select(d => Row(d.Code, d.Name, Of(changes.Where(c => c.FromDistrictId == d.Id), given.Where(r => r.DistrictId == d.Id))))];
        }
        else
        {
            var schools = changes.Select(c => c.FromSchoolId).Union(given.Select(r => r.SchoolId)).ToList();
            var names = await tree.UnitsOfAsync(schools, ct);
            units = [.. schools.Select(id => names.GetValueOrDefault(id)).OfType<OrgUnit>().OrderBy(u => u.Code)
                .Select(u => Row(u.Code, u.Name, Of(changes.Where(c => c.FromSchoolId == u.Id), given.Where(r => r.SchoolId == u.Id))))];
        }
        var items = (await catalogue.PublishedAsync(ct)).ToDictionary(i => i.Code, i => i.Version.Name);
        var itemRows = changes.Select(c => c.ServiceCode).Union(given.Select(r => r.ServiceCode)).OfType<string>().Order(StringComparer.Ordinal)
            .Select(code => Row(code, items.GetValueOrDefault(code, code), Of(changes.Where(c => c.ServiceCode == code), given.Where(r => r.ServiceCode == code))))
            .ToList();
        return new DashboardView(year, byDistrict ? "district" : "school", units, itemRows, Row("", "", Of(changes, given)), await ratings.CasesAsync(ct));
    }

    /// <summary>One catalogue item's figures of a year, the whole city: what the public page shows beside the guide.</summary>
    public async Task<FigureRow> ItemAsync(string code, int year, CancellationToken ct = default)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var changes = await completed.BetweenAsync(from, to, code, ct);
        var given = await completed.RatingsBetweenAsync(from, to, code, ct);
        return Row(code, code, Of(changes, given));
    }

    private static ServiceFigures Of(IEnumerable<CompletedChange> changes, IEnumerable<GivenRating> ratings) =>
        ServiceFigures.Of([.. changes], [.. ratings]);

    private static FigureRow Row(string key, string name, ServiceFigures f) =>
        new(key, name, f.Completed, f.Share(f.Immediate), f.Share(f.ZeroTrip), f.MeanWorkingDays, f.Share(f.WithinLegal), f.Share(f.WithinPromised),
            f.Rated, f.MeanScore, f.Satisfaction);
}
