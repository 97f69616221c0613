using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Family.Data;
using Qedu.Family.Domain;
using Qedu.Family.Resources;
using Qedu.Family.Visits;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;

namespace Qedu.Family.Features.HomeVisits;

internal sealed record NewVisit(long? StudentId, DateOnly? PlannedOn, string? Teacher, VisitForm? Form);

internal sealed record VisitRecordInput(DateOnly? VisitedOn, string? Participants, string? Notes);

internal sealed record VisitCancelInput(string? Reason);

/// <summary>A district's coverage: its schools' classes added up.</summary>
internal sealed record DistrictCoverageLine(string Code, string Name, int Schools, int Students, int Visited)
{
    public decimal? Share => VisitShare.Of(Visited, Students);
}

internal sealed record SchoolCoverageLine(string Code, string Name, int Classes, int Students, int Visited)
{
    public decimal? Share => VisitShare.Of(Visited, Students);
}

internal sealed record ClassCoverageLine(long ClassId, string Name, string GradeCode, int Students, int Visited)
{
    public decimal? Share => VisitShare.Of(Visited, Students);
}

/// <summary>A visit on the school's plan or among its records, with the child named and flagged when left behind (visited first). No notes.</summary>
internal sealed record VisitLine(
    long Id, long StudentId, string StudentNumber, string Name, string ClassName, bool LeftBehind, DateOnly PlannedOn, string Teacher, VisitForm Form,
    VisitStatus Status, DateOnly? VisitedOn, DateOnly? CancelledOn);

/// <summary>
/// Home visits in the caller's scope for a school year: the total, by district and school (counts); for one school its
/// classes (counts) and, for the school's own staff, the plan and the latest records (children named: an audited read).
/// </summary>
internal sealed record VisitsOverview(
    int SchoolYear, DateOnly From, DateOnly To, int Students, int Visited, IReadOnlyList<DistrictCoverageLine> Districts, IReadOnlyList<SchoolCoverageLine> Schools,
    string? School, string? SchoolName, IReadOnlyList<ClassCoverageLine> Classes, bool MayRecord, IReadOnlyList<VisitLine> Plan, IReadOnlyList<VisitLine> Recent)
{
    public decimal? Share => VisitShare.Of(Visited, Students);
}

/// <summary>A pupil of a class as the visit plan needs them: left behind or not, visits done this school year, the last, the next planned.</summary>
internal sealed record ClassPupil(long StudentId, string StudentNumber, string Name, bool LeftBehind, int DoneThisYear, DateOnly? LastVisitedOn, DateOnly? NextPlannedOn);

internal sealed record ClassVisits(long ClassId, string ClassName, string SchoolCode, string SchoolName, int SchoolYear, int Students, int Visited, IReadOnlyList<ClassPupil> Pupils)
{
    public decimal? Share => VisitShare.Of(Visited, Students);
}

/// <summary>One visit of a child: who took part and the notes only for the school's own staff (null otherwise).</summary>
internal sealed record VisitDetail(
    long Id, string SchoolName, string ClassName, DateOnly PlannedOn, string Teacher, VisitForm Form, VisitStatus Status, DateOnly? VisitedOn,
    string? Participants, string? Notes, DateOnly? CancelledOn, string? CancelReason, bool MayRecord);

internal sealed record StudentVisits(long StudentId, string StudentNumber, string Name, string SchoolName, string? ClassName, bool LeftBehind, bool MayRecord, IReadOnlyList<VisitDetail> Visits);

/// <summary>
/// Home visits (万名教师温情家访, 003-5): a school's teachers plan a visit for a student of their classes (the day, the
/// teacher, the form), record it when done (who took part, what was discussed and agreed: encrypted with the
/// field-encryption key) or cancel it. Coverage per class, school and district (<see cref="VisitCoverage"/>) is counts for
/// anyone with visits.read; children's names come only with visits.record over the school (a child's own page: to whoever
/// reads the child), and every read naming children is audited as <see cref="ReadAction"/>. Left-behind children (the
/// registry's flag, which the growth module's care ledgers follow) are flagged as the plan's priority.
/// </summary>
internal sealed class HomeVisits(
    FamilyDb db, FamilyAccess access, OrgTree tree, IStudentRoster roster, VisitCoverage coverage, FieldEncryption encryption, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<FamilyText> t)
{
    /// <summary>The audit action of a read that names children or shows a visit's notes.</summary>
    public const string ReadAction = "family.visits-read";

    /// <summary>How far ahead a visit may be planned, and how far back one may be planned or recorded (days).</summary>
    public const int AheadDays = 365;

    public const int BackDays = 120;

    public async Task<Outcome<VisitsOverview>> OverviewAsync(string? schoolCode, int? year, CancellationToken ct = default)
    {
        var today = CityDate.Today(clock);
        var schoolYear = year ?? VisitYear.Of(today);
        if (schoolYear < 2000 || schoolYear > VisitYear.Of(today))
        {
            return Outcome<VisitsOverview>.Invalid(new InputErrors().Add("year", t["Visit.Year"]));
        }
        var schools = await access.SchoolsAsync(Permissions.VisitsRead, ct);
        var school = schoolCode is null ? (schools.Count == 1 ? schools[0] : null) : schools.FirstOrDefault(s => s.Code == schoolCode.Trim());
        if (schoolCode is not null && school is null)
        {
            return Outcome<VisitsOverview>.NotFound(t["School.NotFound"]);
        }
        var classes = await coverage.ClassesAsync([.. schools.Select(s => s.Id)], schoolYear, ct);
        var bySchool = classes.GroupBy(c => c.SchoolId).ToDictionary(g => g.Key, g => g.ToList());
        var schoolLines = schools.Where(s => bySchool.ContainsKey(s.Id)).Select(s =>
        {
            var mine = bySchool[s.Id];
            return (s.Id, Line: new SchoolCoverageLine(s.Code, s.Name, mine.Count, mine.Sum(c => c.Students), mine.Sum(c => c.Visited)));
        }).ToList();
        IReadOnlyList<DistrictCoverageLine> districts = [];
        if (schools.Count > 1)
        {
            var above = await tree.NearestAboveOfKindAsync(OrgUnitKind.District, ct);
            var groups = schoolLines.Where(s => above.ContainsKey(s.Id)).GroupBy(s => above[s.Id]).ToList();
            if (groups.Count > 1)
            {
                var units = await tree.UnitsOfAsync(groups.Select(g => g.Key), ct);
                districts = [.. groups.Where(g => units.ContainsKey(g.Key)).Select(g => new DistrictCoverageLine(units[g.Key].Code, units[g.Key].Name, g.Count(),
                    g.Sum(s => s.Line.Students), g.Sum(s => s.Line.Visited))).OrderBy(d => d.Code, StringComparer.Ordinal)];
            }
        }
        IReadOnlyList<ClassCoverageLine> classLines = [];
        IReadOnlyList<VisitLine> plan = [], recent = [];
        var mayRecord = false;
        if (school is not null)
        {
            classLines = [.. bySchool.GetValueOrDefault(school.Id, []).Select(c => new ClassCoverageLine(c.ClassId, c.Name, c.GradeCode, c.Students, c.Visited))];
            mayRecord = await access.MayAsync(Permissions.VisitsRecord, school.Id, ct);
            if (mayRecord)
            {
                (plan, recent) = await PlanAsync(school.Id, ct);
            }
        }
        return Outcome<VisitsOverview>.Ok(new VisitsOverview(schoolYear, VisitYear.Starts(schoolYear), VisitYear.Ends(schoolYear), classes.Sum(c => c.Students),
            classes.Sum(c => c.Visited), districts, [.. schoolLines.Select(s => s.Line)], school?.Code, school?.Name, classLines, mayRecord, plan, recent));
    }

    /// <summary>A class's pupils with their visits this school year, left-behind children first (the school's own staff; audited).</summary>
    public async Task<Outcome<ClassVisits>> ClassAsync(long classId, CancellationToken ct = default)
    {
        var pupils = await roster.InClassAsync(classId, ct);
        if (pupils.Count == 0 || !await access.MayAsync(Permissions.VisitsRecord, pupils[0].SchoolId, ct) || await tree.FindAsync(pupils[0].SchoolId, ct) is not { } school)
        {
            return Outcome<ClassVisits>.NotFound(t["Visit.ClassNotFound"]);
        }
        var year = VisitYear.Of(CityDate.Today(clock));
        var (from, to) = (VisitYear.Starts(year), VisitYear.Ends(year));
        var ids = pupils.Select(p => p.StudentId).ToList();
        var leftBehind = (await roster.FlaggedAsync(school.Id, StudentFlag.LeftBehind, ct)).Select(p => p.StudentId).ToHashSet();
        var visits = await db.HomeVisits.AsNoTracking().Where(v => ids.Contains(v.StudentId) && v.Status != VisitStatus.Cancelled)
            .Select(v => new { v.StudentId, v.Status, v.VisitedOn, v.PlannedOn, v.ClassId }).ToListAsync(ct);
        await audit.RecordAsync(ReadAction, "Class", classId.ToString(CultureInfo.InvariantCulture), school.Id, details: $"home visits of a class: {pupils.Count} children named", ct: ct);
        var lines = pupils.Select(p =>
        {
            var mine = visits.Where(v => v.StudentId == p.StudentId).ToList();
            var done = mine.Where(v => v.Status == VisitStatus.Done).ToList();
            return new ClassPupil(p.StudentId, p.StudentNumber, p.Name, leftBehind.Contains(p.StudentId), done.Count(v => v.VisitedOn >= from && v.VisitedOn <= to),
                done.Max(v => v.VisitedOn), mine.Where(v => v.Status == VisitStatus.Planned).Select(v => (DateOnly?)v.PlannedOn).Min());
        }).OrderByDescending(p => p.LeftBehind).ThenBy(p => p.StudentNumber, StringComparer.Ordinal).ToList();
        var counted = (await coverage.ClassesAsync([school.Id], year, ct)).FirstOrDefault(c => c.ClassId == classId);
        return Outcome<ClassVisits>.Ok(new ClassVisits(classId, pupils[0].ClassName ?? "", school.Code, school.Name, year, counted?.Students ?? pupils.Count,
            counted?.Visited ?? 0, lines));
    }

    /// <summary>Plans a visit for a student the caller keeps visits for (visits.record over the school; a teacher: their own classes). One planned visit per child at a time.</summary>
    public async Task<Outcome<long>> PlanAsync(NewVisit input, CancellationToken ct = default)
    {
        var errors = new InputErrors();
        var today = CityDate.Today(clock);
        var pupil = input.StudentId is { } id ? await roster.PupilAsync(id, ct) : null;
        if (pupil is null || pupil.ClassId is null || !await access.MayAsync(Permissions.VisitsRecord, pupil.SchoolId, ct))
        {
            errors.Add("studentId", t["Visit.Student"]);
        }
        if (input.PlannedOn is not { } on)
        {
            errors.Add("plannedOn", t["Field.Required"]);
        }
        else if (on < today.AddDays(-BackDays) || on > today.AddDays(AheadDays))
        {
            errors.Add("plannedOn", string.Format(CultureInfo.CurrentCulture, t["Visit.PlannedOn"], BackDays, AheadDays));
        }
        var teacher = errors.Text("teacher", input.Teacher, 50, t["Field.Required"], string.Format(CultureInfo.CurrentCulture, t["Field.TooLong"], 50));
        if (input.Form is not { } form || !Enum.IsDefined(form))
        {
            errors.Add("form", t["Visit.Form"]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var visit = new HomeVisit
        {
            OrgUnitId = pupil!.SchoolId, StudentId = pupil.StudentId, StudentNumber = pupil.StudentNumber, ClassId = pupil.ClassId, ClassName = pupil.ClassName ?? "",
            PlannedOn = input.PlannedOn!.Value, Teacher = teacher!, Form = input.Form!.Value, Status = VisitStatus.Planned, PlannedBy = access.ActorName,
            PlannedAt = clock.GetUtcNow(),
        };
        db.HomeVisits.Add(visit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The child already has a planned visit (the filtered unique index): record or cancel that one first.
            db.ChangeTracker.Clear();
            return Outcome<long>.Conflict(t["Visit.AlreadyPlanned"]);
        }
        return Outcome<long>.Ok(visit.Id);
    }

    /// <summary>Records a planned visit as done: the day, who took part, the notes (encrypted). A visit done or cancelled is a conflict.</summary>
    public async Task<Outcome<long>> RecordAsync(long id, VisitRecordInput input, CancellationToken ct = default)
    {
        if (await PlannedAsync(id, ct) is { } refused)
        {
            return refused;
        }
        var errors = new InputErrors();
        var today = CityDate.Today(clock);
        if (input.VisitedOn is not { } on)
        {
            errors.Add("visitedOn", t["Field.Required"]);
        }
        else if (on > today)
        {
            errors.Add("visitedOn", t["Field.DateFuture"]);
        }
        else if (on < today.AddDays(-BackDays))
        {
            errors.Add("visitedOn", string.Format(CultureInfo.CurrentCulture, t["Visit.VisitedOn"], BackDays));
        }
        var participants = errors.Text("participants", input.Participants, 200, t["Field.Required"], string.Format(CultureInfo.CurrentCulture, t["Field.TooLong"], 200));
        var notes = errors.Text("notes", input.Notes, 2000, t["Field.Required"], string.Format(CultureInfo.CurrentCulture, t["Field.TooLong"], 2000));
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var (who, what, by, at, day) = (encryption.Encrypt(participants!), encryption.Encrypt(notes!), access.ActorName, clock.GetUtcNow(), input.VisitedOn);
        // Only a visit still planned changes: of two requests at once, the second finds it done.
        var changed = await db.HomeVisits.Where(v => v.Id == id && v.Status == VisitStatus.Planned).ExecuteUpdateAsync(s => s
            .SetProperty(v => v.Status, VisitStatus.Done).SetProperty(v => v.VisitedOn, day).SetProperty(v => v.Participants, who).SetProperty(v => v.Notes, what)
            .SetProperty(v => v.ClosedBy, by).SetProperty(v => v.ClosedAt, at), ct);
        return changed == 1 ? Outcome<long>.Ok(id) : Outcome<long>.Conflict(t["Visit.AlreadyDone"]);
    }

    /// <summary>Cancels a planned visit with a reason. A visit done or cancelled is a conflict.</summary>
    public async Task<Outcome<long>> CancelAsync(long id, VisitCancelInput input, CancellationToken ct = default)
    {
        if (await PlannedAsync(id, ct) is { } refused)
        {
            return refused;
        }
        var errors = new InputErrors();
        var reason = errors.Text("reason", input.Reason, 200, t["Field.Required"], string.Format(CultureInfo.CurrentCulture, t["Field.TooLong"], 200));
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var (today, by, at) = (CityDate.Today(clock), access.ActorName, clock.GetUtcNow());
        var changed = await db.HomeVisits.Where(v => v.Id == id && v.Status == VisitStatus.Planned).ExecuteUpdateAsync(s => s
            .SetProperty(v => v.Status, VisitStatus.Cancelled).SetProperty(v => v.CancelledOn, today).SetProperty(v => v.CancelReason, reason)
            .SetProperty(v => v.ClosedBy, by).SetProperty(v => v.ClosedAt, at), ct);
        return changed == 1 ? Outcome<long>.Ok(id) : Outcome<long>.Conflict(t["Visit.Cancelled"]);
    }

    /// <summary>
    /// A child's visits (visits.read over the child's school, and the child readable by the caller): dates, forms, teachers;
    /// who took part and the notes decrypted only for the school's own staff. Audited; null when not the caller's.
    /// </summary>
    public async Task<StudentVisits?> StudentAsync(long studentId, CancellationToken ct = default)
    {
        var pupil = await roster.PupilAsync(studentId, ct);
        if (pupil is null || !await access.MayAsync(Permissions.VisitsRead, pupil.SchoolId, ct))
        {
            return null;
        }
        var visits = await db.HomeVisits.AsNoTracking().Where(v => v.StudentId == studentId).OrderByDescending(v => v.PlannedOn).ThenByDescending(v => v.Id).ToListAsync(ct);
        var schoolIds = visits.Select(v => v.OrgUnitId).Append(pupil.SchoolId).Distinct().ToList();
        var names = await tree.NamesOfAsync(schoolIds, ct);
        var staffOf = new Dictionary<int, bool>();
        foreach (var s in schoolIds)
        {
            staffOf[s] = await access.MayAsync(Permissions.VisitsRecord, s, ct);
        }
        var leftBehind = (await roster.FlaggedAsync(pupil.SchoolId, StudentFlag.LeftBehind, ct)).Any(p => p.StudentId == studentId);
        await audit.RecordAsync(ReadAction, "Student", studentId.ToString(CultureInfo.InvariantCulture), pupil.SchoolId,
            details: staffOf[pupil.SchoolId] ? "home visits of a child, with notes" : "home visits of a child, without notes", ct: ct);
        return new StudentVisits(pupil.StudentId, pupil.StudentNumber, pupil.Name, names.GetValueOrDefault(pupil.SchoolId, ""), pupil.ClassName, leftBehind,
            staffOf[pupil.SchoolId], [.. visits.Select(v =>
            {
                var staff = staffOf[v.OrgUnitId];
                return new VisitDetail(v.Id, names.GetValueOrDefault(v.OrgUnitId, ""), v.ClassName, v.PlannedOn, v.Teacher, v.Form, v.Status, v.VisitedOn,
                    staff && v.Participants is { } p ? encryption.Decrypt(p) : null, staff && v.Notes is { } n ? encryption.Decrypt(n) : null, v.CancelledOn,
                    staff ? v.CancelReason : null, staff && v.Status == VisitStatus.Planned);
            })]);
    }

    /// <summary>The school's planned visits (left-behind children first, then by day) and its latest 20 records, the children the caller reads named (audited).</summary>
    private async Task<(IReadOnlyList<VisitLine> Plan, IReadOnlyList<VisitLine> Recent)> PlanAsync(int schoolId, CancellationToken ct)
    {
        var planned = await db.HomeVisits.AsNoTracking().Where(v => v.OrgUnitId == schoolId && v.Status == VisitStatus.Planned)
            .OrderBy(v => v.PlannedOn).ThenBy(v => v.Id).Take(500).ToListAsync(ct);
        var recent = await db.HomeVisits.AsNoTracking().Where(v => v.OrgUnitId == schoolId && v.Status != VisitStatus.Planned)
            .OrderByDescending(v => v.ClosedAt).ThenByDescending(v => v.Id).Take(20).ToListAsync(ct);
        var all = planned.Concat(recent).ToList();
        if (all.Count == 0)
        {
            return ([], []);
        }
        // The roster names only the children the caller reads (a teacher: their own classes); the others stay off the list.
        var names = await roster.NamesAsync([.. all.Select(v => v.StudentId).Distinct()], ct);
        var leftBehind = (await roster.FlaggedAsync(schoolId, StudentFlag.LeftBehind, ct)).Select(p => p.StudentId).ToHashSet();
        VisitLine Line(HomeVisit v) => new(v.Id, v.StudentId, v.StudentNumber, names[v.StudentId], v.ClassName, leftBehind.Contains(v.StudentId), v.PlannedOn, v.Teacher,
            v.Form, v.Status, v.VisitedOn, v.CancelledOn);
        var plan = planned.Where(v => names.ContainsKey(v.StudentId)).Select(Line).OrderByDescending(v => v.LeftBehind).ThenBy(v => v.PlannedOn).ToList();
        var done = recent.Where(v => names.ContainsKey(v.StudentId)).Select(Line).ToList();
        if (plan.Count + done.Count > 0)
        {
            await audit.RecordAsync(ReadAction, "School", schoolId.ToString(CultureInfo.InvariantCulture), schoolId,
                details: $"home visits of the school: {plan.Select(p => p.StudentId).Concat(done.Select(d => d.StudentId)).Distinct().Count()} children named", ct: ct);
        }
        return (plan, done);
    }

    /// <summary>Why a visit may not be recorded or cancelled (not one the caller keeps: 404; done or cancelled: 409); null when it may.</summary>
    private async Task<Outcome<long>?> PlannedAsync(long id, CancellationToken ct)
    {
        var visit = await FindAsync(id, ct);
        if (visit is null)
        {
            return Outcome<long>.NotFound(t["Visit.NotFound"]);
        }
        return visit.Status == VisitStatus.Planned ? null : Outcome<long>.Conflict(t[visit.Status == VisitStatus.Done ? "Visit.AlreadyDone" : "Visit.Cancelled"]);
    }

    /// <summary>A visit the caller keeps (visits.record over its school, the child readable: a teacher's own classes); null otherwise.</summary>
    private async Task<HomeVisit?> FindAsync(long id, CancellationToken ct)
    {
        var visit = await db.HomeVisits.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        return visit is null || !await access.MayAsync(Permissions.VisitsRecord, visit.OrgUnitId, ct) || await roster.PupilAsync(visit.StudentId, ct) is null ? null : visit;
    }
}
