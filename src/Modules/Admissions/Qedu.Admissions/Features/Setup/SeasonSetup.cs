using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Resources;
using Qedu.Admissions.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;

namespace Qedu.Admissions.Features.Setup;

/// <summary>A season's basic terms as the bureau types them (text, so a wrong entry comes back with its message).</summary>
public sealed class SeasonForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? BureauId { get; set; }
    public string? Stage { get; set; }
    public string? Mechanism { get; set; }

    /// <summary>China time, as a datetime-local input sends it: 2026-06-10T09:00.</summary>
    public string? Opens { get; set; }

    public string? Closes { get; set; }
    public string? BornFrom { get; set; }
    public string? BornTo { get; set; }
    public string? MaxPrivateChoices { get; set; } = "1";
    public string? AcceptDays { get; set; } = "7";
    public string? AppealDays { get; set; } = "5";
    public string? RetentionDays { get; set; } = "180";
}

/// <summary>One candidate school of the season's bureau, taking part or not.</summary>
internal sealed class SchoolRow
{
    public int SchoolId { get; set; }
    public bool Included { get; set; }
    public bool IsPrivate { get; set; }
    public string? Seats { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
}

internal sealed class SchoolsForm
{
    public List<SchoolRow> Rows { get; set; } = [];
}

/// <summary>One priority category as the set-up page edits it; an empty code removes the row.</summary>
internal sealed class CategoryRow
{
    public string? Code { get; set; }
    public string? NameZh { get; set; }
    public string? NameEn { get; set; }
    public bool NeedsHukou { get; set; }
    public bool NeedsProperty { get; set; }
    public bool NeedsResidencePermit { get; set; }
    public bool NeedsPolicyCare { get; set; }
    public bool UsesPoints { get; set; }
}

/// <summary>The categories in rank order (row order) and the points per unit and caps of the two facts.</summary>
internal sealed class RulesForm
{
    public List<CategoryRow> Categories { get; set; } = [];
    public string? InsurancePoints { get; set; }
    public string? InsuranceMax { get; set; }
    public string? PermitPoints { get; set; }
    public string? PermitMax { get; set; }
}

/// <summary>A school the season's bureau could admit to, with what the season says about it.</summary>
internal sealed record CandidateSchool(int SchoolId, string Code, string Name, bool PrivateByOwnership, SeasonSchool? Taking, int ZoneLines);

/// <summary>The season as its set-up page shows it.</summary>
internal sealed record SeasonSetupView(
    Season Season, string BureauName, IReadOnlyList<CandidateSchool> Schools, IReadOnlyList<SeasonCategory> Categories,
    IReadOnlyList<PointsRule> PointsRules, SetupPhase Phase);

/// <summary>What may still change: everything before the window opens; seats and the close until results; nothing after.</summary>
internal enum SetupPhase
{
    BeforeOpening,
    Open,
    Closed,
    Published,
}

/// <summary>
/// The bureau's side of a season: create it (with the template's categories and points), set its terms, its schools and
/// seats, and its categories and points rules. Families apply under what the season says when its window opens, so the
/// rules and zones are fixed from then on; seats, coordinates, the close and the deadlines may still move until results
/// are published. Only admissions.manage holders of the season's bureau change a season.
/// </summary>
internal sealed class SeasonSetup(
    AdmissionsDb db, ICurrentAccess access, OrgTree tree, CodeBook codes, ISchoolProfiles profiles, TimeProvider clock,
    IStringLocalizer<AdmissionsText> t)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The bureaus (city or district) where the caller may run admissions.</summary>
    public async Task<IReadOnlyList<OrgUnit>> BureausAsync(CancellationToken ct = default)
    {
        var bureaus = await tree.OfKindAsync([OrgUnitKind.City, OrgUnitKind.District], null, ct);
        var allowed = await tree.WithinScopeAsync(access.Current, Permissions.AdmissionsManage, bureaus.Select(b => b.Id).ToList(), ct);
        return bureaus.Where(b => allowed.Contains(b.Id)).ToList();
    }

    public async Task<bool> MayManageAsync(int bureauId, CancellationToken ct = default) =>
        (await tree.WithinScopeAsync(access.Current, Permissions.AdmissionsManage, [bureauId], ct)).Count == 1;

    public SetupPhase PhaseOf(Season season, bool published)
    {
        var now = clock.GetUtcNow();
        return published || season.ResultsPublishedAt is not null ? SetupPhase.Published
            : now < season.OpensAt ? SetupPhase.BeforeOpening
            : now < season.ClosesAt ? SetupPhase.Open
            : SetupPhase.Closed;
    }

    /// <summary>The season with its candidate schools; null when it is not there or not the caller's to manage.</summary>
    public async Task<SeasonSetupView?> FindAsync(long id, CancellationToken ct = default)
    {
        var season = await db.Seasons.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (season is null || !await MayManageAsync(season.OrgUnitId, ct))
        {
            return null;
        }
        var taking = await db.SeasonSchools.AsNoTracking().Where(s => s.SeasonId == id).ToDictionaryAsync(s => s.SchoolId, ct);
        var lines = await db.ZoneLines.AsNoTracking().Where(l => l.SeasonId == id).GroupBy(l => l.SchoolId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var stage = SeasonTemplate.StageOf(season.Stage);
        var english = CodeBook.IsEnglish;
        var candidates = (await tree.OfKindAsync([OrgUnitKind.School], season.OrgUnitId, ct))
            .Where(u => (u.ClosedOn is null && codes.StagesOf(u.SchoolTypeCode).Contains(stage)) || taking.ContainsKey(u.Id))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new CandidateSchool(u.Id, u.Code, u.DisplayName(english), IsPrivate(u), taking.GetValueOrDefault(u.Id), lines.GetValueOrDefault(u.Id)))
            .ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => c.SeasonId == id).OrderBy(c => c.Rank).ToListAsync(ct);
        var rules = await db.PointsRules.AsNoTracking().Where(r => r.SeasonId == id).OrderBy(r => r.Fact).ToListAsync(ct);
        var published = await db.Runs.AnyAsync(r => r.SeasonId == id && r.PublishedAt != null, ct);
        var bureau = await tree.FindAsync(season.OrgUnitId, ct);
        return new SeasonSetupView(season, bureau?.DisplayName(english) ?? "", candidates, categories, rules, PhaseOf(season, published));
    }

    /// <summary>民办 by the 举办者 code list's <c>public=false</c>: the set-up page ticks it by default.</summary>
    private bool IsPrivate(OrgUnit unit) => codes.Find(CodeLists.Ownership, unit.OwnershipCode, anyDate: true)?.Attribute("public") == "false";

    public static SeasonForm FormOf(Season s) => new()
    {
        Code = s.Code, Name = s.Name, BureauId = s.OrgUnitId.ToString(CultureInfo.InvariantCulture), Stage = s.Stage.ToString(),
        Mechanism = s.Mechanism.ToString(), Opens = Local(s.OpensAt), Closes = Local(s.ClosesAt),
        BornFrom = s.BornFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), BornTo = s.BornTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        MaxPrivateChoices = Text(s.MaxPrivateChoices), AcceptDays = Text(s.AcceptDays), AppealDays = Text(s.AppealDays), RetentionDays = Text(s.RetentionDays),
    };

    /// <summary>A new season's form: next year's grade-one dates by default, for the first bureau the caller manages.</summary>
    public SeasonForm NewForm(int? bureauId)
    {
        var year = clock.GetUtcNow().ToOffset(China).Year + (clock.GetUtcNow().ToOffset(China).Month >= 9 ? 1 : 0);
        return new SeasonForm
        {
            BureauId = bureauId?.ToString(CultureInfo.InvariantCulture), Stage = nameof(SeasonStage.PrimaryOne), Mechanism = nameof(SeasonMechanism.PublicAndPrivate),
            Opens = $"{year}-06-10T09:00", Closes = $"{year}-07-10T17:00",
            BornFrom = $"{year - 7}-09-01", BornTo = $"{year - 6}-08-31",
        };
    }

    /// <summary>Creates a season with the template's categories and points rules; its schools and zones come next.</summary>
    public async Task<Outcome<long>> CreateAsync(SeasonForm form, CancellationToken ct = default)
    {
        var errors = new InputErrors();
        var season = new Season();
        if (!int.TryParse(form.BureauId, NumberStyles.None, CultureInfo.InvariantCulture, out var bureauId) || !await MayManageAsync(bureauId, ct)
            || await tree.FindAsync(bureauId, ct) is not { IsBureau: true })
        {
            errors.Add("bureauId", t["Setup.BureauNotYours"]);
        }
        else
        {
            season.OrgUnitId = bureauId;
        }
        Apply(form, season, SetupPhase.BeforeOpening, errors);
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        // The draw's seed is fixed (and its commitment public) before any family can apply.
        SeasonDraw.Commit(season, clock.GetUtcNow());
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Seasons.Add(season);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<long>.Conflict("code", string.Format(CultureInfo.CurrentCulture, t["Setup.CodeTaken"], season.Code));
        }
        db.Categories.AddRange(SeasonTemplate.Categories(season.Id));
        db.PointsRules.AddRange(SeasonTemplate.PointsRules(season.Id));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<long>.Ok(season.Id);
    }

    /// <summary>Changes the season's terms as far as its phase allows (see <see cref="SetupPhase"/>).</summary>
    public async Task<Outcome<long>> UpdateAsync(long id, SeasonForm form, CancellationToken ct = default)
    {
        if (await EditableAsync(id, ct) is not { } found)
        {
            return Outcome<long>.NotFound(t["Apply.NoSeason"]);
        }
        var (season, phase) = found;
        if (phase == SetupPhase.Published)
        {
            return Outcome<long>.Conflict(t["Setup.Published"]);
        }
        var errors = new InputErrors();
        Apply(form, season, phase, errors);
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        season.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<long>.Conflict("code", string.Format(CultureInfo.CurrentCulture, t["Setup.CodeTaken"], season.Code));
        }
        return Outcome<long>.Ok(id);
    }

    /// <summary>
    /// Sets the schools taking part with their seats and where they are. Before the window opens schools may join or
    /// leave; afterwards families have chosen them, so only seats and coordinates change.
    /// </summary>
    public async Task<Outcome<long>> SaveSchoolsAsync(long id, SchoolsForm form, CancellationToken ct = default)
    {
        if (await FindAsync(id, ct) is not { } view)
        {
            return Outcome<long>.NotFound(t["Apply.NoSeason"]);
        }
        if (view.Phase == SetupPhase.Published)
        {
            return Outcome<long>.Conflict(t["Setup.Published"]);
        }
        var candidates = view.Schools.ToDictionary(s => s.SchoolId);
        var errors = new InputErrors();
        var rows = new List<(CandidateSchool School, SchoolRow Row, int Seats, double? Lat, double? Lon)>();
        for (var i = 0; i < form.Rows.Count; i++)
        {
            var row = form.Rows[i];
            if (!candidates.TryGetValue(row.SchoolId, out var school))
            {
                errors.Add($"rows[{i}].schoolId", t["Setup.NotCandidate"]);
                continue;
            }
            if (view.Phase != SetupPhase.BeforeOpening && row.Included != (school.Taking is not null))
            {
                errors.Add($"rows[{i}].included", string.Format(CultureInfo.CurrentCulture, t["Setup.SchoolsFixed"], school.Name));
                continue;
            }
            if (!row.Included)
            {
                continue;
            }
            var seats = 0;
            if (!int.TryParse(row.Seats, NumberStyles.None, CultureInfo.InvariantCulture, out seats) || seats is < 1 or > 5000)
            {
                errors.Add($"rows[{i}].seats", string.Format(CultureInfo.CurrentCulture, t["Setup.Seats"], school.Name));
            }
            var lat = Coordinate(row.Latitude, 90, $"rows[{i}].latitude", school.Name, errors);
            var lon = Coordinate(row.Longitude, 180, $"rows[{i}].longitude", school.Name, errors);
            if (lat.HasValue != lon.HasValue)
            {
                errors.Add($"rows[{i}].latitude", string.Format(CultureInfo.CurrentCulture, t["Setup.BothCoordinates"], school.Name));
            }
            rows.Add((school, row, seats, lat, lon));
        }
        if (rows.Count == 0 && !errors.Any)
        {
            errors.Add("rows", t["Setup.NoSchools"]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var stored = await db.SeasonSchools.Where(s => s.SeasonId == id).ToDictionaryAsync(s => s.SchoolId, ct);
        var keep = rows.Select(r => r.School.SchoolId).ToHashSet();
        db.SeasonSchools.RemoveRange(stored.Values.Where(s => !keep.Contains(s.SchoolId)));
        db.ZoneLines.RemoveRange(await db.ZoneLines.Where(l => l.SeasonId == id && !keep.Contains(l.SchoolId)).ToListAsync(ct));
        foreach (var (school, row, seats, lat, lon) in rows)
        {
            if (!stored.TryGetValue(school.SchoolId, out var taking))
            {
                db.SeasonSchools.Add(taking = new SeasonSchool { SeasonId = id, SchoolId = school.SchoolId });
            }
            taking.Seats = seats;
            if (view.Phase == SetupPhase.BeforeOpening)
            {
                taking.IsPrivate = row.IsPrivate;
            }
            (taking.Latitude, taking.Longitude) = (lat, lon);
            if (lat is null && await profiles.FindAsync(school.SchoolId, school.Code, ct) is { Latitude: { } pLat, Longitude: { } pLon })
            {
                // Where the registry knows the school's place, a bureau need not type it.
                (taking.Latitude, taking.Longitude) = (pLat, pLon);
            }
        }
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(id);
    }

    /// <summary>Replaces the categories (in the given order) and the two points rules; only before the window opens.</summary>
    public async Task<Outcome<long>> SaveRulesAsync(long id, RulesForm form, CancellationToken ct = default)
    {
        if (await EditableAsync(id, ct) is not { } found)
        {
            return Outcome<long>.NotFound(t["Apply.NoSeason"]);
        }
        if (found.Phase != SetupPhase.BeforeOpening)
        {
            return Outcome<long>.Conflict(t["Setup.RulesFixed"]);
        }
        var errors = new InputErrors();
        var kept = form.Categories.Select((c, i) => (Row: c, Index: i)).Where(c => !string.IsNullOrWhiteSpace(c.Row.Code)).ToList();
        var codesSeen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, i) in kept)
        {
            var code = row.Code!.Trim();
            if (code.Length > 40 || !codesSeen.Add(code))
            {
                errors.Add($"categories[{i}].code", string.Format(CultureInfo.CurrentCulture, t["Setup.CategoryCode"], code));
            }
            if (string.IsNullOrWhiteSpace(row.NameZh) || row.NameZh.Trim().Length > 100 || (row.NameEn?.Trim().Length ?? 0) > 100)
            {
                errors.Add($"categories[{i}].nameZh", string.Format(CultureInfo.CurrentCulture, t["Setup.CategoryName"], code));
            }
            if (!(row.NeedsHukou || row.NeedsProperty || row.NeedsResidencePermit || row.NeedsPolicyCare))
            {
                errors.Add($"categories[{i}].conditions", string.Format(CultureInfo.CurrentCulture, t["Setup.CategoryCondition"], code));
            }
        }
        if (kept.Count == 0)
        {
            errors.Add("categories", t["Setup.NoCategories"]);
        }
        var insurance = (Points(form.InsurancePoints, "insurancePoints", errors), Points(form.InsuranceMax, "insuranceMax", errors));
        var permit = (Points(form.PermitPoints, "permitPoints", errors), Points(form.PermitMax, "permitMax", errors));
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Remove first and save, so the new ranks never meet the old ones in the unique (season, rank) index.
        db.Categories.RemoveRange(await db.Categories.Where(c => c.SeasonId == id).ToListAsync(ct));
        db.PointsRules.RemoveRange(await db.PointsRules.Where(r => r.SeasonId == id).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        var rank = 1;
        foreach (var (row, _) in kept)
        {
            db.Categories.Add(new SeasonCategory
            {
                SeasonId = id, Rank = rank++, Code = row.Code!.Trim(), NameZh = row.NameZh!.Trim(),
                NameEn = string.IsNullOrWhiteSpace(row.NameEn) ? row.NameZh!.Trim() : row.NameEn.Trim(),
                NeedsHukou = row.NeedsHukou, NeedsProperty = row.NeedsProperty, NeedsResidencePermit = row.NeedsResidencePermit,
                NeedsPolicyCare = row.NeedsPolicyCare, UsesPoints = row.UsesPoints,
            });
        }
        AddRule(id, PointsFact.InsuranceMonths, insurance);
        AddRule(id, PointsFact.ResidencePermitYears, permit);
        found.Season.Revision++;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<long>.Ok(id);
    }

    private void AddRule(long id, PointsFact fact, (decimal? PerUnit, decimal? Max) rule)
    {
        if (rule.PerUnit is > 0 && rule.Max is > 0)
        {
            db.PointsRules.Add(new PointsRule { SeasonId = id, Fact = fact, PointsPerUnit = rule.PerUnit.Value, MaxPoints = rule.Max.Value });
        }
    }

    /// <summary>The tracked season and its phase, when the caller manages it.</summary>
    public async Task<(Season Season, SetupPhase Phase)?> EditableAsync(long id, CancellationToken ct)
    {
        var season = await db.Seasons.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (season is null || !await MayManageAsync(season.OrgUnitId, ct))
        {
            return null;
        }
        var published = await db.Runs.AnyAsync(r => r.SeasonId == id && r.PublishedAt != null, ct);
        return (season, PhaseOf(season, published));
    }

    /// <summary>Copies the form onto the season, field by field, as far as <paramref name="phase"/> allows.</summary>
    private void Apply(SeasonForm form, Season season, SetupPhase phase, InputErrors errors)
    {
        var before = phase == SetupPhase.BeforeOpening;
        var name = form.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            errors.Add("name", t["Setup.Name"]);
        }
        else
        {
            season.Name = name;
        }
        var closes = LocalTime(form.Closes, "closes", errors);
        if (before)
        {
            var code = form.Code?.Trim() ?? "";
            if (!System.Text.RegularExpressions.Regex.IsMatch(code, "^[A-Za-z0-9-]{3,40}$"))
            {
                errors.Add("code", t["Setup.CodeInvalid"]);
            }
            season.Code = code;
            if (Enum.TryParse<SeasonStage>(form.Stage, out var stage) && Enum.IsDefined(stage))
            {
                season.Stage = stage;
            }
            else
            {
                errors.Add("stage", t["Setup.Stage"]);
            }
            if (Enum.TryParse<SeasonMechanism>(form.Mechanism, out var mechanism) && Enum.IsDefined(mechanism))
            {
                season.Mechanism = mechanism;
            }
            else
            {
                errors.Add("mechanism", t["Setup.Mechanism"]);
            }
            var opens = LocalTime(form.Opens, "opens", errors);
            if (opens is { } o)
            {
                season.OpensAt = o;
            }
            if (opens is { } o2 && closes is { } c2 && c2 <= o2)
            {
                errors.Add("closes", t["Setup.ClosesBeforeOpens"]);
            }
            var from = Date(form.BornFrom, "bornFrom", errors);
            var to = Date(form.BornTo, "bornTo", errors);
            if (from is { } f && to is { } tt)
            {
                if (tt < f || tt.DayNumber - f.DayNumber > 731)
                {
                    errors.Add("bornTo", t["Setup.BornRange"]);
                }
                (season.BornFrom, season.BornTo) = (f, tt);
            }
            season.MaxPrivateChoices = Whole(form.MaxPrivateChoices, 0, 5, "maxPrivateChoices", errors) ?? season.MaxPrivateChoices;
        }
        if (closes is { } c)
        {
            if (!before && c <= clock.GetUtcNow())
            {
                errors.Add("closes", t["Setup.ClosesPast"]);
            }
            season.ClosesAt = c;
        }
        season.AcceptDays = Whole(form.AcceptDays, 1, 60, "acceptDays", errors) ?? season.AcceptDays;
        season.AppealDays = Whole(form.AppealDays, 1, 60, "appealDays", errors) ?? season.AppealDays;
        season.RetentionDays = Whole(form.RetentionDays, 30, 3650, "retentionDays", errors) ?? season.RetentionDays;
    }

    private DateTimeOffset? LocalTime(string? value, string field, InputErrors errors)
    {
        if (DateTime.TryParseExact(value?.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, China).ToUniversalTime();
        }
        errors.Add(field, t["Setup.DateTime"]);
        return null;
    }

    private DateOnly? Date(string? value, string field, InputErrors errors)
    {
        if (DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add(field, t["Setup.Date"]);
        return null;
    }

    private int? Whole(string? value, int min, int max, string field, InputErrors errors)
    {
        if (int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }
        errors.Add(field, string.Format(CultureInfo.CurrentCulture, t["Setup.Whole"], min, max));
        return null;
    }

    private decimal? Points(string? value, string field, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (decimal.TryParse(value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n >= 0 && n <= 1000)
        {
            return n;
        }
        errors.Add(field, t["Setup.PointsNumber"]);
        return null;
    }

    private double? Coordinate(string? value, double limit, string field, string school, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && Math.Abs(n) <= limit)
        {
            return n;
        }
        errors.Add(field, string.Format(CultureInfo.CurrentCulture, t["Setup.Coordinate"], school));
        return null;
    }

    private static string Local(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
