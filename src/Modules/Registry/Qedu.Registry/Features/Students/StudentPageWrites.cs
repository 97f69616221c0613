using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Resources;
using Qedu.Registry.Writes;

namespace Qedu.Registry.Features.Students;

/// <summary>
/// What the add and edit pages save through: the form becomes the write API's body and goes through the same use case
/// as <c>POST</c> and <c>PUT /api/registry/students</c> (<see cref="StudentWrites"/> reads and checks it,
/// <see cref="StudentCommands"/> writes it), so a page and the API accept and refuse alike. Answers are outcomes the
/// pages show: problems by field, a stale revision, a collision.
/// </summary>
internal sealed class StudentPageWrites(StudentWrites writes, StudentCommands commands, RegistryDb db, OrgTree tree, ICurrentAccess access,
    IStringLocalizer<RegistryText> text, IStringLocalizer<RecordWriteText> writeText)
{
    /// <summary>Whether the caller holds registry.write over the school (the API's write scope): who sees the add and edit links.</summary>
    public async Task<bool> MayWriteAsync(int schoolId, CancellationToken ct = default) =>
        access.Current.Has(Permissions.RegistryWrite)
        && (await tree.WithinScopeAsync(access.Current, Permissions.RegistryWrite, [schoolId], ct)).Contains(schoolId);

    /// <summary>The school of a student the caller may read (null when out of sight), without reading the student's personal data.</summary>
    public async Task<int?> SchoolOfAsync(long id, CancellationToken ct = default) =>
        await db.Students.AsNoTracking().Where(s => s.Id == id).Select(s => (int?)s.OrgUnitId).SingleOrDefaultAsync(ct);

    /// <summary>The caller's school when their registry.write scope is exactly one school (a school's registrar); else null.</summary>
    public async Task<OrgUnit?> OwnSchoolAsync(CancellationToken ct = default)
    {
        var roots = access.Current.RootsFor(Permissions.RegistryWrite);
        if (roots.Count != 1)
        {
            return null;
        }
        var units = await tree.UnitsOfAsync(roots, ct);
        return units.Values.SingleOrDefault() is { Kind: OrgUnitKind.School } own ? own : null;
    }

    /// <summary>The school's classes for the class picker, by grade then code (the classes the use case accepts for the school).</summary>
    public async Task<IReadOnlyList<ClassChoice>> ClassesAsync(int schoolId, CancellationToken ct = default) =>
        (await db.Classes.AsNoTracking().Where(c => c.OrgUnitId == schoolId).Select(c => new ClassChoice(c.Id, c.Code, c.Name, c.GradeCode)).ToListAsync(ct))
            .OrderBy(c => c.GradeCode, StringComparer.Ordinal).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();

    /// <summary>Adds the student with guardians and first enrolment, as POST does.</summary>
    public async Task<Outcome<Student>> CreateAsync(OrgUnit school, StudentForm form, CancellationToken ct = default)
    {
        var errors = new InputErrors();
        var input = await writes.ReadAsync(StudentForm.Json(form.ToBody(school.Code, creating: true)), self: null, errors, ct);
        if (input is null)
        {
            return Outcome<Student>.Invalid(errors);
        }
        try
        {
            return Outcome<Student>.Ok(await writes.CreateAsync(input, ct));
        }
        catch (DbUpdateException e) when (RecordWriteApi.IsUniqueViolation(e))
        {
            return Outcome<Student>.Conflict(writeText["Write.Conflict"]);
        }
    }

    /// <summary>
    /// Replaces the student's fields as PUT does, moves recorded in the history with the form's reason and date. The
    /// API refuses a masked body, since masked values would overwrite the real ones; so when the caller sees this
    /// student <paramref name="masked"/>, the form carries no personal fields and no guardians: the personal fields are
    /// taken from the stored record (never shown; a problem with one is reported without its value) and the guardians,
    /// named by no key, are kept as they are.
    /// </summary>
    public async Task<Outcome<Student>> UpdateAsync(long id, string schoolCode, StudentForm form, bool masked, CancellationToken ct = default)
    {
        var errors = new InputErrors();
        DateOnly? effective = null;
        if (!string.IsNullOrWhiteSpace(form.Effective))
        {
            if (DateOnly.TryParseExact(form.Effective.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
            {
                effective = on;
            }
            else
            {
                errors.Add("effective", string.Format(text["StudentForm.DateInvalid"], form.Effective));
            }
        }
        var body = form.ToBody(schoolCode, creating: false, personal: !masked);
        if (masked)
        {
            var stored = await db.Students.AsNoTracking().Where(s => s.Id == id)
                .Select(s => new { s.StudentNumber, s.ResidentId, s.BirthDate, s.Address }).SingleOrDefaultAsync(ct);
            if (stored is null)
            {
                return Outcome<Student>.NotFound(RecordWriteApi.Missing(id));
            }
            var fields = Records.RecordDefinitions.Students;
            body[fields.StudentNumber.Key] = stored.StudentNumber;
            body[fields.ResidentId.Key] = stored.ResidentId;
            body[fields.BirthDate.Key] = stored.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            body[fields.Address.Key] = stored.Address;
        }
        var read = new InputErrors();
        var input = await writes.ReadAsync(StudentForm.Json(body), self: id, read, ct);
        foreach (var (field, messages) in read.ByField)
        {
            foreach (var message in masked && StudentForm.PersonalKeys.Contains(field) ? [text["StudentForm.MaskedProblem"].Value] : messages)
            {
                errors.Add(field, message);
            }
        }
        if (input is null || errors.Any)
        {
            return Outcome<Student>.Invalid(errors);
        }
        try
        {
            return await commands.UpdateAsync(id, form.Revision, input.Student, string.IsNullOrWhiteSpace(form.MoveReason) ? null : form.MoveReason.Trim(),
                effective, input.Guardians, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Student>.Stale(await writes.CurrentRevisionAsync(id, ct));
        }
        catch (DbUpdateException e) when (RecordWriteApi.IsUniqueViolation(e))
        {
            return Outcome<Student>.Conflict(writeText["Write.Conflict"]);
        }
    }
}
