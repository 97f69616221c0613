using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Web;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Kinds;
using Qedu.Registry.Records;

namespace Qedu.Registry.Features.OneRoster;

/// <summary>
/// The write pass: what the checks planned, in one transaction (staff, then classes, then students with their guardians
/// and enrolment history through <see cref="StudentCommands"/>); nothing is written when any row has a problem.
/// </summary>
internal sealed class OneRosterWriter(OneRosterImportRun run)
{
    private static string Message(string key, params object?[] args) => OneRosterImportRun.Message(key, args);

    private RegistryDb Db => run.Db;

    public async Task<IReadOnlyDictionary<string, long>> WriteAsync(CancellationToken ct)
    {
        var written = new Dictionary<string, long>(StringComparer.Ordinal);
        void Count(string key, long n) => written[key] = written.GetValueOrDefault(key) + n;

        await using var transaction = await Db.Database.BeginTransactionAsync(ct);
        await using var session = await run.Bulk.BeginAsync(ct);

        // Staff first (classes name their head teacher), then classes (students name their class).
        var staffIds = new Dictionary<string, long>(StringComparer.Ordinal);
        var newStaff = run.Staff.Where(p => p.Existing is null).Select(p => StaffKind.ToEntity(p.Record, p.School)).ToList();
        await session.InsertAsync(newStaff, ct);
        foreach (var s in newStaff)
        {
            staffIds[s.StaffNumber] = s.Id;
        }
        var updates = run.Staff.Where(p => p.Existing is not null).ToDictionary(p => p.Existing!.Id);
        var updateIds = updates.Keys.ToList();
        foreach (var entity in await Db.Staff.Where(s => updateIds.Contains(s.Id)).ToListAsync(ct))
        {
            var p = updates[entity.Id];
            var v = StaffKind.ToEntity(p.Record, p.School);
            (entity.OrgUnitId, entity.Name, entity.GenderCode, entity.ResidentId, entity.BirthDate, entity.QualificationCode, entity.TitleCode) =
                (v.OrgUnitId, v.Name, v.GenderCode, v.ResidentId, v.BirthDate, v.QualificationCode, v.TitleCode);
            (entity.Subjects, entity.PostCode, entity.EmploymentTypeCode, entity.HiredOn, entity.Phone) =
                (v.Subjects, v.PostCode, v.EmploymentTypeCode, v.HiredOn, v.Phone);
            staffIds[entity.StaffNumber] = entity.Id;
        }
        await Db.SaveChangesAsync(ct);
        Count("staff.created", newStaff.Count);
        Count("staff.updated", updates.Count);

        var storedTeachers = run.StoredTeachers.ToDictionary(t => t.Value, t => t.Key, StringComparer.Ordinal);
        long? Teacher(string? number) => number is null ? null : staffIds.TryGetValue(number, out var id) ? id : storedTeachers[number];
        var plans = run.Classes.Values.Where(p => p.Record is not null).ToList();
        var newClasses = plans.Where(p => p.Existing is null).Select(p => (Plan: p, Entity: ClassKind.ToEntity(p.Record!, p.School.Id, Teacher(p.Record!.HeadTeacherNumber)))).ToList();
        await session.InsertAsync(newClasses.Select(c => c.Entity).ToList(), ct);
        var classIds = new Dictionary<(int, string), (long Id, int EntryYear)>();
        foreach (var (plan, entity) in newClasses)
        {
            classIds[(plan.School.Id, plan.Code)] = (entity.Id, entity.EntryYear);
        }
        var classUpdates = plans.Where(p => p.Existing is not null).ToDictionary(p => p.Existing!.Id);
        var classUpdateIds = classUpdates.Keys.ToList();
        foreach (var entity in await Db.Classes.Where(c => classUpdateIds.Contains(c.Id)).ToListAsync(ct))
        {
            var r = classUpdates[entity.Id].Record!;
            (entity.Name, entity.GradeCode, entity.EntryYear, entity.HeadTeacherId) = (r.Name, r.GradeCode, r.EntryYear, Teacher(r.HeadTeacherNumber));
            classIds[(entity.OrgUnitId, entity.Code)] = (entity.Id, entity.EntryYear);
        }
        await Db.SaveChangesAsync(ct);
        Count("classes.created", newClasses.Count);
        Count("classes.updated", classUpdates.Count);

        // Classes of students that the bundle does not list again (its enrollments name only its own classes).
        (long? Id, int? EntryYear) Class(int school, string? code) =>
            code is null ? (null, null)
            : classIds.TryGetValue((school, code), out var c) ? (c.Id, c.EntryYear)
            : run.StoredClasses.TryGetValue((school, code), out var s) ? (s.Id, s.EntryYear)
            : throw new InvalidOperationException($"class {code}");

        var created = run.Students.Where(p => p.Existing is null).ToList();
        var students = new List<Student>(created.Count);
        var classes = new List<(long? Id, int? EntryYear)>(created.Count);
        foreach (var p in created)
        {
            var c = Class(p.School, p.Record.ClassCode);
            students.Add(StudentKind.ToEntity(p.Record, p.School, c.Id));
            classes.Add(c);
        }
        await session.InsertAsync(students, ct);
        var enrolments = new List<Enrolment>(students.Count);
        var guardians = new List<Guardian>();
        for (var i = 0; i < students.Count; i++)
        {
            var r = created[i].Record;
            if (students[i].StatusCode == StudentStatuses.Enrolled)
            {
                var from = r.EnrolledOn ?? (classes[i].EntryYear is int year ? new DateOnly(year, 9, 1) : run.Context.Today);
                enrolments.Add(new Enrolment
                {
                    StudentId = students[i].Id, OrgUnitId = students[i].OrgUnitId, ClassId = classes[i].Id, From = from, EntryReasonCode = r.EntryReasonCode,
                });
            }
            guardians.AddRange(r.Guardians.Select(g => GuardianKind.ToEntity(g, students[i])));
        }
        await session.InsertAsync(enrolments, ct);
        await session.InsertAsync(guardians, ct);
        Count("students.created", students.Count);

        var updated = 0;
        foreach (var p in run.Students.Where(p => p.Existing is not null))
        {
            var values = StudentKind.ToEntity(p.Record, p.School, Class(p.School, p.Record.ClassCode).Id);
            var given = p.ReplaceGuardians ? p.Record.Guardians.Select(g => GuardianKind.ToEntity(g, values)).ToList() : null;
            // Through the student commands: a move of class or school closes the open stretch and opens the next.
            var result = await run.Commands.UpdateAsync(p.Existing!.Id, p.Existing.Revision, values, guardians: given, ct: ct);
            if (result.Kind != OutcomeKind.Ok)
            {
                throw new DbUpdateConcurrencyException(Message("Import.Stale", p.Record.StudentNumber));
            }
            updated++;
        }
        Count("students.updated", updated);
        Count("guardians.created", guardians.Count);

        var details = $"oneroster import {run.BundleName}: " + string.Join(", ", written.Select(w => $"{w.Key}={w.Value}"));
        await session.CommitAsync("OneRosterImport", details, ct);
        await transaction.CommitAsync(ct);
        return written;
    }
}
