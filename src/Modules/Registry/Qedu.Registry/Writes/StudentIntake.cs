using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Persistence;
using Qedu.Registry.Contracts;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Writes;

/// <summary>
/// <see cref="IStudentIntake"/>: a registry context of its own, put on the caller's connection and transaction (EF's
/// <c>SetDbConnection</c> and <c>UseTransaction</c>), writes the students through <see cref="StudentCommands"/>, which
/// joins a running transaction instead of opening its own. So the students and the caller's rows are one commit; the
/// scoped <see cref="RegistryDb"/> of the request is left as it was.
/// </summary>
internal sealed class StudentIntake(IServiceProvider services, DatabaseSettings settings, CodeBook codes) : IStudentIntake
{
    /// <summary>其他监护人: the admissions form names the guardian but not the relation.</summary>
    public const string GuardianRelation = "90";

    public async Task<IReadOnlyList<StudentIntakeResult>> EnrolAsync(
        DbTransaction transaction, DateOnly from, IReadOnlyList<NewStudentIntake> students, CancellationToken ct = default)
    {
        if (students.FirstOrDefault(s => s.SourceKey.Length is 0 or > 30) is { } bad)
        {
            throw new ArgumentException($"A source key is 1 to 30 characters: '{bad.SourceKey}'.", nameof(students));
        }
        await using var db = await RegistryDbOnTransaction.OpenAsync(services, settings, transaction, ct);

        var rows = students.Select(s => (Intake: s, Number: NumberOf(s), Index: db.FieldEncryption.Index(Normalise(s.ResidentId)))).ToList();
        var numbers = rows.Select(r => r.Number).ToList();
        var indexes = rows.Where(r => r.Index is not null).Select(r => r.Index!).ToList();
        // A child already in the registry (a kindergarten pupil, an earlier intake) anywhere in the city, whoever's
        // scope it is in: matched by 学籍号 or resident ID, so no second record is made. Only the id goes back.
        var existing = await db.Students.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).AsNoTracking()
            .Where(s => numbers.Contains(s.StudentNumber) || (s.ResidentIdIndex != null && indexes.Contains(s.ResidentIdIndex)))
            .Select(s => new { s.Id, s.StudentNumber, s.ResidentIdIndex })
            .ToListAsync(ct);

        var commands = new StudentCommands(db, codes);
        var results = new List<StudentIntakeResult>(rows.Count);
        foreach (var (intake, number, index) in rows)
        {
            if (existing.FirstOrDefault(e => e.StudentNumber == number || (index is not null && e.ResidentIdIndex == index)) is { } found)
            {
                results.Add(new StudentIntakeResult(intake.SourceKey, null, found.Id));
                continue;
            }
            var student = new Student
            {
                OrgUnitId = intake.SchoolId, StudentNumber = number, Name = intake.Name.Trim(), GenderCode = intake.GenderCode,
                ResidentId = Normalise(intake.ResidentId), BirthDate = intake.BirthDate, Address = Clip(intake.Address, 200),
                ClassId = null, StatusCode = StudentStatuses.Enrolled, IsMigrantChild = intake.IsMigrantChild,
            };
            var guardian = new Guardian { Name = intake.GuardianName.Trim(), RelationCode = GuardianRelation, Phone = Clip(intake.GuardianPhone, 20) };
            // 新生入学 has no code in the 学籍异动 list: a first entry's reason stays empty (Enrolment.EntryReasonCode).
            await commands.CreateAsync(student, [guardian], from, entryReasonCode: null, ct);
            existing.Add(new { student.Id, student.StudentNumber, student.ResidentIdIndex });
            results.Add(new StudentIntakeResult(intake.SourceKey, student.Id, null));
        }
        return results;
    }

    private static string NumberOf(NewStudentIntake s) => Normalise(s.ResidentId) is { } id ? "G" + id : "T" + s.SourceKey;

    private static string? Normalise(string? residentId) => string.IsNullOrWhiteSpace(residentId) ? null : residentId.Trim().ToUpperInvariant();

    private static string? Clip(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var v && v.Length > max ? v[..max] : value.Trim();
}
