using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Web;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Writes;

/// <summary>
/// Writes students so the history stays true: a new student opens an enrolment; moving school or class, leaving, or
/// pausing closes the open stretch with its 学籍异动 reason (and opens the next one), so where a child was is never
/// overwritten. Guardians and enrolments belong to the student's school for scoping and follow the student.
/// </summary>
internal sealed class StudentCommands(RegistryDb db, CodeBook codes)
{
    /// <summary>Adds the student (and its guardians) and opens its first enrolment on <paramref name="from"/>.</summary>
    public async Task<Student> CreateAsync(Student student, IReadOnlyList<Guardian> guardians, DateOnly? from = null, string? entryReasonCode = null,
        CancellationToken ct = default)
    {
        await using var transaction = await OwnTransactionAsync(ct);
        db.Students.Add(student);
        await db.SaveChangesAsync(ct); // the student's id comes from the change-feed counter on save
        foreach (var guardian in guardians)
        {
            guardian.StudentId = student.Id;
            guardian.OrgUnitId = student.OrgUnitId;
            db.Guardians.Add(guardian);
        }
        if (student.StatusCode == StudentStatuses.Enrolled)
        {
            db.Enrolments.Add(new Enrolment
            {
                StudentId = student.Id, OrgUnitId = student.OrgUnitId, ClassId = student.ClassId,
                From = from ?? codes.Today, EntryReasonCode = entryReasonCode,
            });
        }
        await db.SaveChangesAsync(ct);
        await CommitAsync(transaction, ct);
        return student;
    }

    /// <summary>
    /// Replaces the student's fields with <paramref name="values"/> if the stored revision is still
    /// <paramref name="expectedRevision"/>. A move of school or class, or a change of status, is recorded in the
    /// enrolment history on <paramref name="effective"/> (today by default) with <paramref name="reasonCode"/>, or the
    /// usual reason for that change when none is given.
    /// </summary>
    public async Task<Outcome<Student>> UpdateAsync(long id, long expectedRevision, Student values, string? reasonCode = null,
        DateOnly? effective = null, IReadOnlyList<Guardian>? guardians = null, CancellationToken ct = default)
    {
        var student = await db.Students.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (student is null)
        {
            return Outcome<Student>.NotFound(RecordWriteApi.Missing(id));
        }
        if (student.Revision != expectedRevision)
        {
            return Outcome<Student>.Stale(student.Revision);
        }
        await using var transaction = await OwnTransactionAsync(ct);
        var on = effective ?? codes.Today;
        var movedSchool = values.OrgUnitId != student.OrgUnitId;
        var movedClass = values.ClassId != student.ClassId;
        var wasIn = student.StatusCode == StudentStatuses.Enrolled;
        var isIn = values.StatusCode == StudentStatuses.Enrolled;
        if (wasIn && (!isIn || movedSchool || movedClass))
        {
            var exit = reasonCode ?? (movedSchool ? "21" : !isIn ? ExitReason(values.StatusCode) : "29");
            await CloseOpenStretchAsync(id, on, exit, ct);
        }
        if (isIn && (!wasIn || movedSchool || movedClass))
        {
            var entry = reasonCode is not null && !movedSchool ? reasonCode : movedSchool ? "22" : !wasIn ? ResumeReason(student.StatusCode) : "29";
            db.Enrolments.Add(new Enrolment { StudentId = id, OrgUnitId = values.OrgUnitId, ClassId = values.ClassId, From = on, EntryReasonCode = entry });
        }
        if (movedSchool)
        {
            // Guardians are scoped by the child's school: they move with the child.
            await foreach (var guardian in db.Guardians.Where(g => g.StudentId == id).AsAsyncEnumerable().WithCancellation(ct))
            {
                guardian.OrgUnitId = values.OrgUnitId;
            }
        }
        Copy(values, student);
        if (guardians is not null)
        {
            await ReplaceGuardiansAsync(student, guardians, ct);
        }
        // The concurrency token guards the race between the read above and this write.
        db.Entry(student).Property(s => s.Revision).OriginalValue = expectedRevision;
        await db.SaveChangesAsync(ct);
        await CommitAsync(transaction, ct);
        return Outcome<Student>.Ok(student);
    }

    /// <summary>
    /// Makes the student's guardians the given ones, in order: the first stored guardian takes the first given, and so
    /// on; extra stored ones are removed, extra given ones added. Saved with the update.
    /// </summary>
    private async Task ReplaceGuardiansAsync(Student student, IReadOnlyList<Guardian> given, CancellationToken ct = default)
    {
        var stored = await db.Guardians.Where(g => g.StudentId == student.Id).OrderBy(g => g.Id).ToListAsync(ct);
        for (var i = 0; i < Math.Max(stored.Count, given.Count); i++)
        {
            if (i >= given.Count)
            {
                db.Guardians.Remove(stored[i]);
                continue;
            }
            var g = given[i];
            if (i >= stored.Count)
            {
                g.StudentId = student.Id;
                g.OrgUnitId = student.OrgUnitId;
                db.Guardians.Add(g);
                continue;
            }
            var s = stored[i];
            (s.Name, s.RelationCode, s.Phone, s.ResidentId, s.OrgUnitId) = (g.Name, g.RelationCode, g.Phone, g.ResidentId, student.OrgUnitId);
            if (g.Employer is not null)
            {
                s.Employer = g.Employer;
            }
        }
    }

    /// <summary>A transaction of this command's own, unless the caller already runs one (a bulk upsert writes many students in one).</summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> OwnTransactionAsync(CancellationToken ct) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;

    private static async Task CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction, CancellationToken ct)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>Deletes the student with its guardians and history (each leaves a tombstone in the change feed).</summary>
    public async Task<Outcome<Student>> DeleteAsync(long id, long expectedRevision, CancellationToken ct = default)
    {
        var student = await db.Students.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (student is null)
        {
            return Outcome<Student>.NotFound(RecordWriteApi.Missing(id));
        }
        if (student.Revision != expectedRevision)
        {
            return Outcome<Student>.Stale(student.Revision);
        }
        db.Guardians.RemoveRange(await db.Guardians.Where(g => g.StudentId == id).ToListAsync(ct));
        db.Enrolments.RemoveRange(await db.Enrolments.Where(e => e.StudentId == id).ToListAsync(ct));
        db.Students.Remove(student);
        await db.SaveChangesAsync(ct);
        return Outcome<Student>.Ok(student);
    }

    private async Task CloseOpenStretchAsync(long studentId, DateOnly on, string exitReason, CancellationToken ct)
    {
        var open = await db.Enrolments.Where(e => e.StudentId == studentId && e.To == null).ToListAsync(ct);
        foreach (var stretch in open)
        {
            stretch.To = on < stretch.From ? stretch.From : on;
            stretch.ExitReasonCode = exitReason;
        }
    }

    /// <summary>The 学籍异动 reason that usually goes with leaving for this status (休学 → 11, 退学 → 31, 死亡 → 51).</summary>
    private static string ExitReason(string status) => status switch
    {
        StudentStatuses.Suspended => "11",
        "03" => "21",
        "05" => "31",
        "06" => "51",
        _ => "99",
    };

    /// <summary>Coming back after 休学 is 复学 (12); anything else is recorded as other.</summary>
    private static string ResumeReason(string previousStatus) => previousStatus == StudentStatuses.Suspended ? "12" : "99";

    private static void Copy(Student from, Student to)
    {
        to.OrgUnitId = from.OrgUnitId;
        to.StudentNumber = from.StudentNumber;
        to.Name = from.Name;
        to.GenderCode = from.GenderCode;
        to.ResidentId = from.ResidentId;
        to.BirthDate = from.BirthDate;
        to.EthnicityCode = from.EthnicityCode;
        to.HukouDivisionCode = from.HukouDivisionCode;
        to.Address = from.Address;
        to.ClassId = from.ClassId;
        to.StatusCode = from.StatusCode;
        to.CategoryCode = from.CategoryCode;
        to.IsMigrantChild = from.IsMigrantChild;
        to.IsLeftBehind = from.IsLeftBehind;
        to.HasDisability = from.HasDisability;
        to.HasFinancialHardship = from.HasFinancialHardship;
    }
}
