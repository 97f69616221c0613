using System.Globalization;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Audit;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using static Qedu.Registry.Features.OneRoster.OneRosterCsv;

namespace Qedu.Registry.Features.OneRoster;

/// <summary>How many rows each file of a bundle holds.</summary>
public sealed record OneRosterCounts(int Orgs, int AcademicSessions, int Courses, int Classes, int Users, int Roles, int Enrollments, int Demographics);

/// <summary>
/// Writes the registry in the caller's scope (optionally one unit's subtree) as a OneRoster v1.2 CSV bundle: a zip with
/// the manifest and one file per kind, as a bulk export (status and dateLastModified empty, as the binding asks of bulk
/// files).
/// </summary>
/// <remarks>
/// Mapping: bureaus that run schools are <c>district</c> orgs, schools are <c>school</c> orgs, and sourcedIds of orgs are
/// their public codes (学校标识码, division codes). People, classes and enrolments keep their registry ids as sourcedIds
/// (ids never collide across kinds). Classes are <c>homeroom</c> classes of a course per school and grade; the current
/// school year is one <c>schoolYear</c> session with its two terms. Students are <c>student</c>s; staff are
/// <c>teacher</c>s (专任教师), <c>siteAdministrator</c>s (管理人员) or <c>aide</c>s (the rest); guardians are
/// <c>guardian</c>s, linked to their student both ways through agentSourcedIds. Identifying data (学籍号, phones) is
/// masked unless the caller holds pii.view for the school, and unmasked exports are audited.
/// </remarks>
public sealed class OneRosterExport
{
    private readonly RegistryDb _db;
    private readonly OrgTree _tree;
    private readonly PersonalDataAccess _personalData;
    private readonly PersonalDataExports _exports;
    private readonly TimeProvider _clock;

    internal OneRosterExport(RegistryDb db, OrgTree tree, PersonalDataAccess personalData, PersonalDataExports exports, TimeProvider clock)
    {
        _db = db;
        _tree = tree;
        _personalData = personalData;
        _exports = exports;
        _clock = clock;
    }

    /// <summary>
    /// Null when <paramref name="unitCode"/> names no unit the caller may see. Throws <see cref="ExportRefusedException"/>
    /// before writing anything when the bundle holds more people than the threshold and no purpose is given.
    /// </summary>
    public async Task<OneRosterCounts?> WriteAsync(Stream output, string? unitCode, string? purpose = null, CancellationToken ct = default)
    {
        int? rootId = null;
        if (unitCode is not null)
        {
            rootId = (await _tree.FindAsync(unitCode, ct))?.Id;
            if (rootId is null)
            {
                return null;
            }
        }
        // Org units go through the kernel's scope filter: a caller sees only schools (and bureaus) in their scope.
        var schools = (await _tree.OfKindAsync([OrgUnitKind.School], rootId, ct))
            .Select(o => new { o.Id, o.Code, o.Name, o.ParentId })
            .ToList();
        var parentIds = schools.Select(s => s.ParentId).OfType<int>().Distinct().ToList();
        var bureaus = (await _tree.VisibleAsync(parentIds, ct)).Values
            .OrderBy(o => o.Code, StringComparer.Ordinal)
            .Select(o => new { o.Id, o.Code, o.Name })
            .ToList();
        var schoolIds = schools.Select(s => s.Id).ToList();
        var code = schools.ToDictionary(s => s.Id, s => s.Code);
        var bureauCode = bureaus.ToDictionary(b => b.Id, b => b.Code);
        var unmasked = await _personalData.UnmaskedOrgsAsync(schoolIds, ct);
        var people = await _db.Students.LongCountAsync(s => schoolIds.Contains(s.OrgUnitId), ct)
            + await _db.Staff.LongCountAsync(s => schoolIds.Contains(s.OrgUnitId), ct)
            + await _db.Guardians.LongCountAsync(g => schoolIds.Contains(g.OrgUnitId), ct);
        _exports.EnsureAllowed(people, purpose);

        var classes = await _db.Classes.AsNoTracking()
            .Where(c => schoolIds.Contains(c.OrgUnitId))
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.OrgUnitId, c.Code, c.Name, c.GradeCode, c.HeadTeacherId, c.EntryYear })
            .ToListAsync(ct);
        var gradeOfClass = classes.ToDictionary(c => c.Id, c => c.GradeCode);
        var staffIds = (await _db.Staff.AsNoTracking().Where(s => schoolIds.Contains(s.OrgUnitId)).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        // Each student's guardians, in student order, so users.csv can name them while streaming students in id order.
        var guardianPairs = await _db.Guardians.AsNoTracking()
            .Where(g => schoolIds.Contains(g.OrgUnitId) && _db.Students.Any(s => s.Id == g.StudentId && schoolIds.Contains(s.OrgUnitId)))
            .OrderBy(g => g.StudentId).ThenBy(g => g.Id)
            .Select(g => new { g.StudentId, g.Id })
            .ToListAsync(ct);
        var guardiansOf = guardianPairs.GroupBy(p => p.StudentId).ToDictionary(g => g.Key, g => string.Join(',', g.Select(p => Id(p.Id))));

        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime.AddHours(8));
        var startYear = today.Month >= 8 ? today.Year : today.Year - 1;
        var year = $"{startYear}-{startYear + 1}";
        var terms = new[]
        {
            (Id: $"{year}-1", Title: $"{year} 第一学期", Start: new DateOnly(startYear, 9, 1), End: new DateOnly(startYear + 1, 1, 31)),
            (Id: $"{year}-2", Title: $"{year} 第二学期", Start: new DateOnly(startYear + 1, 2, 1), End: new DateOnly(startYear + 1, 7, 31)),
        };
        var termIds = string.Join(',', terms.Select(t => t.Id));
        static string Course(string school, string grade) => $"{school}-{grade}";

        var shown = new Dictionary<string, List<long>>(StringComparer.Ordinal) { ["Student"] = [], ["Staff"] = [], ["Guardian"] = [] };
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        using (var manifest = new CsvEntry(zip, "manifest.csv"))
        {
            manifest.Row("manifest.version", "1.0");
            manifest.Row("oneroster.version", "1.2");
            foreach (var name in Headers.Keys.Where(n => n != "manifest.csv").Select(n => n[..^4]).Concat(AbsentFiles).Order(StringComparer.Ordinal))
            {
                manifest.Row($"file.{name}", AbsentFiles.Contains(name) ? "absent" : "bulk");
            }
            manifest.Row("source.systemName", "Qedu");
            manifest.Row("source.systemCode", "qedu");
        }

        int orgs, sessions, courses, classCount, users, roles, enrollments, demographics;
        using (var file = new CsvEntry(zip, "orgs.csv"))
        {
            foreach (var b in bureaus)
            {
                file.Row(b.Code, "", "", b.Name, "district", b.Code, "");
            }
            foreach (var s in schools)
            {
                file.Row(s.Code, "", "", s.Name, "school", s.Code, s.ParentId is int p && bureauCode.TryGetValue(p, out var parent) ? parent : "");
            }
            orgs = file.Rows;
        }
        using (var file = new CsvEntry(zip, "academicSessions.csv"))
        {
            file.Row(year, "", "", $"{year} 学年", "schoolYear", Date(terms[0].Start), Date(terms[^1].End), "", (startYear + 1).ToString(CultureInfo.InvariantCulture));
            foreach (var t in terms)
            {
                file.Row(t.Id, "", "", t.Title, "term", Date(t.Start), Date(t.End), year, (startYear + 1).ToString(CultureInfo.InvariantCulture));
            }
            sessions = file.Rows;
        }
        using (var file = new CsvEntry(zip, "courses.csv"))
        {
            foreach (var c in classes.Select(c => (School: code[c.OrgUnitId], c.GradeCode)).Distinct().OrderBy(c => c.School, StringComparer.Ordinal).ThenBy(c => c.GradeCode, StringComparer.Ordinal))
            {
                file.Row(Course(c.School, c.GradeCode), "", "", year, $"{c.GradeCode} 班级", c.GradeCode, Grade(c.GradeCode), c.School, "", "");
            }
            courses = file.Rows;
        }
        using (var file = new CsvEntry(zip, "classes.csv"))
        {
            foreach (var c in classes)
            {
                file.Row(Id(c.Id), "", "", c.Name, Grade(c.GradeCode), Course(code[c.OrgUnitId], c.GradeCode), c.Code, "homeroom", "", code[c.OrgUnitId], termIds, "", "", "",
                    c.EntryYear.ToString(CultureInfo.InvariantCulture));
            }
            classCount = file.Rows;
        }

        var students = _db.Students.AsNoTracking().Where(s => schoolIds.Contains(s.OrgUnitId)).OrderBy(s => s.Id);
        var staff = _db.Staff.AsNoTracking().Where(s => schoolIds.Contains(s.OrgUnitId)).OrderBy(s => s.Id);
        var guardians = _db.Guardians.AsNoTracking()
            .Where(g => schoolIds.Contains(g.OrgUnitId) && _db.Students.Any(s => s.Id == g.StudentId && schoolIds.Contains(s.OrgUnitId)))
            .OrderBy(g => g.Id);
        using (var file = new CsvEntry(zip, "users.csv"))
        {
            // Entry reasons of open stretches (most are empty: 新生入学), for metadata.qedu.entryReason.
            var entryReasons = await _db.Enrolments.AsNoTracking()
                .Where(e => e.To == null && e.EntryReasonCode != null && schoolIds.Contains(e.OrgUnitId))
                .Select(e => new { e.StudentId, e.EntryReasonCode })
                .ToDictionaryAsync(e => e.StudentId, e => e.EntryReasonCode, ct);
            await foreach (var s in students.Select(s => new { s.Id, s.StudentNumber, s.Name, s.ClassId, s.OrgUnitId, s.StatusCode, s.CategoryCode }).AsAsyncEnumerable().WithCancellation(ct))
            {
                var open = unmasked.Contains(s.OrgUnitId);
                if (open)
                {
                    shown["Student"].Add(s.Id);
                }
                var (given, family) = SplitName(s.Name);
                var number = PersonalDataAccess.MaskStudentNumber(s.StudentNumber, open);
                file.Row(Id(s.Id), "", "", s.StatusCode == StudentStatuses.Enrolled ? "true" : "false", open ? s.StudentNumber : "", open ? $"{{studentNumber:{s.StudentNumber}}}" : "",
                    given, family, "", number, "", "", "", guardiansOf.GetValueOrDefault(s.Id, ""),
                    s.ClassId is long c && gradeOfClass.TryGetValue(c, out var g) ? Grade(g) : "", "", "", "", "", "", "", code[s.OrgUnitId], "",
                    s.StatusCode, s.CategoryCode, entryReasons.GetValueOrDefault(s.Id), "", "", "", "", "", "", "");
            }
            await foreach (var s in staff.Select(s => new { s.Id, s.StaffNumber, s.Name, s.Phone, s.OrgUnitId, s.PostCode, s.EmploymentTypeCode, s.QualificationCode, s.TitleCode, s.Subjects, s.HiredOn })
                .AsAsyncEnumerable().WithCancellation(ct))
            {
                var open = unmasked.Contains(s.OrgUnitId);
                if (open && s.Phone is not null)
                {
                    shown["Staff"].Add(s.Id);
                }
                var (given, family) = SplitName(s.Name);
                file.Row(Id(s.Id), "", "", "true", s.StaffNumber, $"{{staffNumber:{s.StaffNumber}}}", given, family, "", s.StaffNumber, "", "",
                    PersonalDataAccess.MaskPhone(s.Phone, open), "", "", "", "", "", "", "", "", code[s.OrgUnitId], "",
                    "", "", "", "", s.PostCode, s.EmploymentTypeCode, s.QualificationCode, s.TitleCode, s.Subjects, Date(s.HiredOn));
            }
            await foreach (var g in guardians.Select(g => new { g.Id, g.Name, g.Phone, g.StudentId, g.OrgUnitId, g.RelationCode }).AsAsyncEnumerable().WithCancellation(ct))
            {
                var open = unmasked.Contains(g.OrgUnitId);
                if (open && g.Phone is not null)
                {
                    shown["Guardian"].Add(g.Id);
                }
                var (given, family) = SplitName(g.Name);
                var phone = PersonalDataAccess.MaskPhone(g.Phone, open);
                file.Row(Id(g.Id), "", "", "true", "", "", given, family, "", "", "", phone, phone, Id(g.StudentId), "", "", "", "", "", "", "", code[g.OrgUnitId], "",
                    "", "", "", g.RelationCode, "", "", "", "", "", "");
            }
            users = file.Rows;
        }
        using (var file = new CsvEntry(zip, "roles.csv"))
        {
            await foreach (var s in students.Select(s => new { s.Id, s.OrgUnitId }).AsAsyncEnumerable().WithCancellation(ct))
            {
                file.Row($"role-{Id(s.Id)}", "", "", Id(s.Id), "primary", "student", "", "", code[s.OrgUnitId], "");
            }
            await foreach (var s in staff.Select(s => new { s.Id, s.OrgUnitId, s.PostCode }).AsAsyncEnumerable().WithCancellation(ct))
            {
                var role = s.PostCode switch { "1" => "teacher", "2" => "siteAdministrator", _ => "aide" };
                file.Row($"role-{Id(s.Id)}", "", "", Id(s.Id), "primary", role, "", "", code[s.OrgUnitId], "");
            }
            await foreach (var g in guardians.Select(g => new { g.Id, g.OrgUnitId }).AsAsyncEnumerable().WithCancellation(ct))
            {
                file.Row($"role-{Id(g.Id)}", "", "", Id(g.Id), "primary", "guardian", "", "", code[g.OrgUnitId], "");
            }
            roles = file.Rows;
        }
        using (var file = new CsvEntry(zip, "enrollments.csv"))
        {
            foreach (var c in classes.Where(c => c.HeadTeacherId is long t && staffIds.Contains(t)))
            {
                file.Row($"{Id(c.Id)}-{Id(c.HeadTeacherId!.Value)}", "", "", Id(c.Id), code[c.OrgUnitId], Id(c.HeadTeacherId.Value), "teacher", "true", "", "");
            }
            // Open enrolment stretches in a class, whose student and class are both in the bundle: every reference resolves.
            var open =
                from e in _db.Enrolments.AsNoTracking()
                where e.To == null && e.ClassId != null && schoolIds.Contains(e.OrgUnitId)
                join s in _db.Students on e.StudentId equals s.Id
                join c in _db.Classes on e.ClassId equals c.Id
                where schoolIds.Contains(s.OrgUnitId) && schoolIds.Contains(c.OrgUnitId)
                orderby e.Id
                select new { e.Id, ClassId = c.Id, ClassOrg = c.OrgUnitId, e.StudentId, e.From };
            await foreach (var e in open.AsAsyncEnumerable().WithCancellation(ct))
            {
                file.Row(Id(e.Id), "", "", Id(e.ClassId), code[e.ClassOrg], Id(e.StudentId), "student", "false", Date(e.From), "");
            }
            enrollments = file.Rows;
        }
        using (var file = new CsvEntry(zip, "demographics.csv"))
        {
            // OneRoster's birthDate is a whole date or nothing: without pii.view, nothing (with the masked resident ID beside it,
            // the date would give the ID back).
            await foreach (var s in students.Select(s => new { s.Id, s.BirthDate, s.GenderCode, s.OrgUnitId }).AsAsyncEnumerable().WithCancellation(ct))
            {
                file.Row(Id(s.Id), "", "", unmasked.Contains(s.OrgUnitId) ? Date(s.BirthDate) : "", Sex(s.GenderCode), "", "", "", "", "", "", "", "", "", "", "");
            }
            await foreach (var s in staff.Select(s => new { s.Id, s.BirthDate, s.GenderCode, s.OrgUnitId }).AsAsyncEnumerable().WithCancellation(ct))
            {
                file.Row(Id(s.Id), "", "", unmasked.Contains(s.OrgUnitId) ? Date(s.BirthDate) : "", Sex(s.GenderCode), "", "", "", "", "", "", "", "", "", "", "");
            }
            demographics = file.Rows;
        }

        foreach (var (type, ids) in shown)
        {
            await _personalData.RecordUnmaskedReadAsync(type, ids, ct);
        }
        var counts = new OneRosterCounts(orgs, sessions, courses, classCount, users, roles, enrollments, demographics);
        await _exports.RecordAsync("OneRoster", $"oneroster 1.2 ({unitCode ?? "whole scope"}) {counts}", people, shown.Values.Sum(v => (long)v.Count), purpose, ct);
        return counts;
    }
}
