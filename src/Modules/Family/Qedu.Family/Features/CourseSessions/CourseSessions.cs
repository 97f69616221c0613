using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Family.Courses;
using Qedu.Family.Data;
using Qedu.Family.Domain;
using Qedu.Family.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Files;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;

namespace Qedu.Family.Features.CourseSessions;

internal sealed record SessionInput(string? Title, string? Speaker, string? Summary, DateOnly? Day, TimeOnly? Starts, TimeOnly? Ends, string? Place, int? Capacity);

internal sealed record AttendanceInput(IReadOnlyList<long>? Present);

internal sealed record MaterialInput(string? Title, string? Url);

/// <summary>A session as the organisers list it: seats taken and, once the attendance is taken, how many came.</summary>
internal sealed record SessionLine(
    long Id, string Organiser, string Title, string Speaker, DateOnly Day, TimeOnly Starts, TimeOnly Ends, string Place, int Capacity, int Registered,
    int? Attended, int Materials);

/// <summary>The sessions of one's scope this school year, the year's figures, and the units the caller may organise for.</summary>
internal sealed record SessionsOverview(
    int SchoolYear, IReadOnlyList<SessionLine> Upcoming, IReadOnlyList<SessionLine> Past, int Held, int Seats, int Attended,
    IReadOnlyList<(string Code, string Name)> MayOrganise);

/// <summary>A parent's seat as the organiser sees it: the number masked, the child's school, whether they came.</summary>
internal sealed record SeatLine(long Id, string Phone, string School, DateOnly RegisteredOn, bool? Attended);

internal sealed record SessionDetail(
    SessionLine Session, string Summary, IReadOnlyList<SeatLine> Seats, IReadOnlyList<MaterialLine> Materials, bool MayManage, bool AttendanceOpen);

/// <summary>
/// Parent courses as the organisers keep them (家长大课堂, 001-34, family-school.manage): a school, a district bureau or the
/// city bureau puts on a session for the parents of the children at its schools, adds its materials (a file or a link)
/// and, on the day or after, takes the attendance. Parents take their seats themselves (<see cref="ParentCourses.ParentCourses"/>).
/// </summary>
internal sealed class CourseSessions(FamilyDb db, FamilyAccess access, OrgTree tree, IFileStore store, TimeProvider clock, IStringLocalizer<FamilyText> t)
{
    public const int MaxCapacity = 5000;

    public async Task<SessionsOverview> OverviewAsync(CancellationToken ct = default)
    {
        var today = CityDate.Today(clock);
        var year = CityDate.SchoolYearOf(today);
        var from = CityDate.SchoolYearStarts(year);
        // The scope filter keeps the sessions organised by units under the caller's grants.
        var courses = await db.ParentCourses.AsNoTracking().Where(c => c.Day >= from).OrderBy(c => c.Day).ThenBy(c => c.Starts).ToListAsync(ct);
        var lines = await LinesAsync(courses, ct);
        var past = courses.Where(c => c.Day < today).Select(c => c.Id).ToHashSet();
        var units = new List<(string, string)>();
        IEnumerable<int> roots = access.Caller.IsSystem ? [] : access.Caller.RootsFor(Permissions.FamilySchoolManage).Distinct();
        foreach (var root in roots)
        {
            if (await tree.FindAsync(root, ct) is { ClosedOn: null } unit)
            {
                units.Add((unit.Code, unit.Name));
            }
        }
        return new SessionsOverview(year, [.. lines.Where(l => !past.Contains(l.Id))], [.. lines.Where(l => past.Contains(l.Id)).Reverse()],
            past.Count, lines.Where(l => past.Contains(l.Id)).Sum(l => l.Registered), lines.Sum(l => l.Attended ?? 0), units);
    }

    /// <summary>Puts on a session for the unit named (a school, district or city the caller keeps; their own by default).</summary>
    public async Task<Outcome<long>> AddAsync(string? unitCode, SessionInput input, CancellationToken ct = default)
    {
        var unit = await access.UnitAsync(unitCode, Permissions.FamilySchoolManage, ct);
        if (unit is null || unit.Kind is not (OrgUnitKind.School or OrgUnitKind.District or OrgUnitKind.City))
        {
            return Outcome<long>.NotFound(t["Unit.NotFound"]);
        }
        var errors = new InputErrors();
        var title = errors.Text("title", input.Title, 100, t["Field.Required"], TooLong(100));
        var speaker = errors.Text("speaker", input.Speaker, 50, t["Field.Required"], TooLong(50));
        var summary = errors.Text("summary", input.Summary, 1000, t["Field.Required"], TooLong(1000));
        var place = errors.Text("place", input.Place, 200, t["Field.Required"], TooLong(200));
        var today = CityDate.Today(clock);
        if (input.Day is not { } day)
        {
            errors.Add("day", t["Field.Required"]);
        }
        else if (day < today || day > today.AddDays(366))
        {
            errors.Add("day", t["Course.Day"]);
        }
        if (input.Starts is not { } starts || input.Ends is not { } ends || ends <= starts)
        {
            errors.Add("ends", t["Offer.Hours"]);
        }
        if (input.Capacity is not (> 0 and <= MaxCapacity))
        {
            errors.Add("capacity", string.Format(CultureInfo.CurrentCulture, t["Field.Range"], 1, MaxCapacity));
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var course = new ParentCourse
        {
            OrgUnitId = unit.Id, Title = title!, Speaker = speaker!, Summary = summary!, Day = input.Day!.Value, Starts = input.Starts!.Value,
            Ends = input.Ends!.Value, Place = place!, Capacity = input.Capacity!.Value, CreatedAt = clock.GetUtcNow(), CreatedBy = access.ActorName,
        };
        db.ParentCourses.Add(course);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(course.Id);
    }

    public async Task<Outcome<SessionDetail>> DetailAsync(long id, CancellationToken ct = default)
    {
        var course = await db.ParentCourses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (course is null)
        {
            return Outcome<SessionDetail>.NotFound(t["Course.NotFound"]);
        }
        var line = (await LinesAsync([course], ct))[0];
        var seats = await db.CourseSeats.AsNoTracking().Where(s => s.CourseId == id && s.CancelledOn == null).OrderBy(s => s.Id).ToListAsync(ct);
        // The parents' children's schools are under the organiser, so inside the caller's scope; named past it for a district's reader of the city's course.
        var schools = await tree.UnitsOfAsync(seats.Select(s => s.SchoolId).Distinct(), ct);
        var lines = seats.Select(s => new SeatLine(s.Id, MobilePhone.Mask(s.Phone), schools.GetValueOrDefault(s.SchoolId)?.Name ?? "—", s.RegisteredOn, s.Attended)).ToList();
        var materials = await CourseFiles.LinesAsync(db.CourseMaterials, [id], ct);
        var mayManage = await access.MayAsync(Permissions.FamilySchoolManage, course.OrgUnitId, ct);
        return Outcome<SessionDetail>.Ok(new SessionDetail(line, course.Summary, lines, materials, mayManage, course.Day <= CityDate.Today(clock)));
    }

    /// <summary>
    /// The attendance of a session, on its day or after: every parent holding a seat marked absent but those named present;
    /// taking it again replaces it.
    /// </summary>
    public async Task<Outcome<int>> AttendanceAsync(long id, AttendanceInput input, CancellationToken ct = default)
    {
        var course = await ManagedAsync(id, ct);
        if (course is null)
        {
            return Outcome<int>.NotFound(t["Course.NotFound"]);
        }
        if (course.Day > CityDate.Today(clock))
        {
            return Outcome<int>.Conflict(t["Course.NotYet", course.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        }
        var seats = await db.CourseSeats.Where(s => s.CourseId == id && s.CancelledOn == null).ToListAsync(ct);
        var present = (input.Present ?? []).ToHashSet();
        if (present.Except(seats.Select(s => s.Id)).Any())
        {
            return Outcome<int>.Invalid(new InputErrors().Add("present", t["Course.NotASeat"]));
        }
        foreach (var seat in seats)
        {
            seat.Attended = present.Contains(seat.Id);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.ParentCourses.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.AttendanceTakenAt, clock.GetUtcNow()), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<int>.Ok(present.Count);
    }

    /// <summary>Adds a material: a file (PDF, Word, PowerPoint, MP4, PNG, JPEG) or a link, with a title.</summary>
    public async Task<Outcome<long>> AddMaterialAsync(long id, MaterialInput input, MaterialUpload? upload, CancellationToken ct = default)
    {
        var course = await ManagedAsync(id, ct);
        if (course is null)
        {
            return Outcome<long>.NotFound(t["Course.NotFound"]);
        }
        var errors = new InputErrors();
        var title = errors.Text("title", input.Title, 100, t["Field.Required"], TooLong(100));
        var url = input.Url?.Trim();
        var hasFile = upload is { Length: > 0 };
        FileKind? kind = null;
        if (string.IsNullOrEmpty(url))
        {
            url = null;
            if (!hasFile)
            {
                errors.Add("file", t["Material.FileOrLink"]);
            }
        }
        else if (hasFile)
        {
            errors.Add("url", t["Material.FileAndLink"]);
        }
        else if (url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add("url", t["Material.Url"]);
        }
        if (hasFile && url is null)
        {
            var check = FileKinds.Check(await FileKinds.ReadHeadAsync(upload!.Content, ct), upload.Length, CourseFiles.Kinds, CourseFiles.MaxBytes, upload.FileName);
            if (check.IsAccepted)
            {
                kind = check.Kind;
            }
            else
            {
                errors.Add("file", string.Format(CultureInfo.CurrentCulture, t[$"Material.File.{check.Problem}"], FileKinds.CleanName(upload.FileName),
                    CourseFiles.MaxMegabytes, CourseFiles.Accept));
            }
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var material = new CourseMaterial { CourseId = id, OrgUnitId = course.OrgUnitId, Title = title!, Url = url, AddedAt = clock.GetUtcNow(), AddedBy = access.ActorName };
        if (kind is not null)
        {
            // Stored first: content kept by its hash is harmless if the row is not written (the same bytes are one file).
            upload!.Content.Position = 0;
            var stored = await store.PutAsync(upload.Content, ct);
            (material.FileHash, material.FileName, material.MediaType, material.Length) = (stored.Hash, FileKinds.CleanName(upload.FileName), kind.MediaType, stored.Length);
        }
        db.CourseMaterials.Add(material);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(material.Id);
    }

    /// <summary>A material's file for an organiser's reader (scope filtered), or null.</summary>
    public Task<(string FileName, string MediaType, Stream Content)?> OpenMaterialAsync(long id, long materialId, CancellationToken ct = default) =>
        CourseFiles.OpenAsync(db, store, id, materialId, pastScope: false, ct);

    private async Task<ParentCourse?> ManagedAsync(long id, CancellationToken ct)
    {
        var course = await db.ParentCourses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return course is not null && await access.MayAsync(Permissions.FamilySchoolManage, course.OrgUnitId, ct) ? course : null;
    }

    private async Task<IReadOnlyList<SessionLine>> LinesAsync(IReadOnlyList<ParentCourse> courses, CancellationToken ct)
    {
        var ids = courses.Select(c => c.Id).ToList();
        var attended = await db.CourseSeats.AsNoTracking().Where(s => ids.Contains(s.CourseId) && s.CancelledOn == null && s.Attended == true)
            .GroupBy(s => s.CourseId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var materials = await db.CourseMaterials.AsNoTracking().Where(m => ids.Contains(m.CourseId))
            .GroupBy(m => m.CourseId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var names = await tree.NamesOfAsync(courses.Select(c => c.OrgUnitId).Distinct(), ct);
        return [.. courses.Select(c => new SessionLine(c.Id, names.GetValueOrDefault(c.OrgUnitId, ""), c.Title, c.Speaker, c.Day, c.Starts, c.Ends, c.Place,
            c.Capacity, c.Registered, c.AttendanceTakenAt is null ? null : attended.GetValueOrDefault(c.Id), materials.GetValueOrDefault(c.Id)))];
    }

    private string TooLong(int max) => string.Format(CultureInfo.CurrentCulture, t["Field.TooLong"], max);
}
