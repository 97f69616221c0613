using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Features.Records;
using Qedu.Registry.Resources;
using Microsoft.Extensions.Localization;

namespace Qedu.Registry.Features.Students;

/// <summary>A student as the API takes it: the record's fields by key (the template's columns), checked like an import row.</summary>
internal sealed record StudentInput(Student Student, IReadOnlyList<Guardian> Guardians, DateOnly? EnrolledOn, string? EntryReasonCode);

/// <summary>
/// Turns a JSON body into a checked student for the write API: the same field checks as an import row (the shared
/// <see cref="StudentDefinition"/>), then what needs the database: the school exists and is within the caller's write
/// scope, the class exists in it, and the 学籍号 and resident ID belong to no other student. Problems come back keyed
/// by field (prefixed for items of a bulk request), in the caller's language.
/// </summary>
internal sealed class StudentWrites(RegistryDb db, KernelDb kernel, OrgTree tree, ICurrentAccess access, RecordContextFactory contexts,
    IStringLocalizer<RegistryText> text)
{
    private static StudentDefinition Definition => RecordDefinitions.Students;

    private RecordContext? _context;
    private RecordContext Context => _context ??= contexts.Create();

    // Look-ups a bulk request repeats item after item (one school, a few classes): made once per request.
    private readonly Dictionary<string, (OrgUnit? School, bool Writable)> _schools = new(StringComparer.Ordinal);
    private readonly Dictionary<(int School, string Code), long?> _classes = [];

    /// <summary>Checks one item. <paramref name="self"/> is the student being updated (its own numbers are no duplicates).</summary>
    public async Task<StudentInput?> ReadAsync(JsonElement body, long? self, Dictionary<string, string[]> errors, string prefix = "",
        CancellationToken ct = default)
    {
        void Add(string field, string message) =>
            errors[prefix + field] = errors.TryGetValue(prefix + field, out var had) ? [.. had, message] : [message];

        if (body.ValueKind != JsonValueKind.Object)
        {
            Add("", text["Api.NotAnObject"]);
            return null;
        }
        var cells = new string?[Definition.Fields.Count];
        foreach (var property in body.EnumerateObject())
        {
            var field = Definition.Fields.FirstOrDefault(f => string.Equals(f.Key, property.Name, StringComparison.OrdinalIgnoreCase));
            if (field is null || field.Informational)
            {
                if (property.Name is not ("id" or "revision"))
                {
                    Add(property.Name, string.Format(text["Api.UnknownField"], property.Name));
                }
                continue;
            }
            cells[field.Index] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => null,
                _ => Invalid(property.Name),
            };
        }
        string? Invalid(string name)
        {
            Add(name, string.Format(text["Api.SingleValue"], name));
            return null;
        }

        var reader = new FieldReader(Context);
        reader.Start(cells);
        var record = Definition.Read(reader);
        foreach (var error in reader.Errors)
        {
            Add(error.Field?.Key ?? "", error.Message);
        }
        if (record is null)
        {
            return null;
        }

        var (school, writable) = await SchoolAsync(record.SchoolCode, ct);
        if (school is null)
        {
            Add(Definition.School.Key, Context.Message("Record.SchoolUnknown", record.SchoolCode));
            return null;
        }
        if (!writable)
        {
            Add(Definition.School.Key, Context.Message("Record.SchoolOutOfScope", record.SchoolCode));
            return null;
        }
        long? classId = null;
        if (record.ClassCode is not null)
        {
            if (!_classes.TryGetValue((school.Id, record.ClassCode), out classId))
            {
                classId = await db.Classes.AsNoTracking().Where(c => c.OrgUnitId == school.Id && c.Code == record.ClassCode).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
                _classes[(school.Id, record.ClassCode)] = classId;
            }
            if (classId is null)
            {
                Add(Definition.Class.Key, Context.Message("Record.ClassUnknown", record.ClassCode, school.Code));
            }
        }
        // Unique across the city, whoever's scope the other student is in: read past the scope filter, name nothing else.
        // One query for both numbers.
        var clashes = await db.Students.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Id != (self ?? 0) && (s.StudentNumber == record.StudentNumber || (record.ResidentId != null && s.ResidentId == record.ResidentId)))
            .Select(s => new { s.StudentNumber, s.ResidentId })
            .Take(2)
            .ToListAsync(ct);
        if (clashes.Any(c => c.StudentNumber == record.StudentNumber))
        {
            Add(Definition.StudentNumber.Key, Context.Message("Record.DuplicateInDatabase", Definition.StudentNumber.Header(Context.English), record.StudentNumber));
        }
        if (record.ResidentId is not null && clashes.Any(c => c.ResidentId == record.ResidentId))
        {
            Add(Definition.ResidentId.Key, Context.Message("Record.DuplicateInDatabase", Definition.ResidentId.Header(Context.English), record.ResidentId));
        }
        if (errors.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return null;
        }
        var student = RecordMapping.ToStudent(record, school.Id, classId);
        var guardians = record.Guardians.Select(g => RecordMapping.ToGuardian(g, student)).ToList();
        return new StudentInput(student, guardians, record.EnrolledOn, record.EntryReasonCode);
    }

    /// <summary>
    /// The school with this code the caller may see (null when none: unknown and out of sight read the same), and whether
    /// it lies within the caller's registry.write scope (the write guard would refuse it anyway, as a 404).
    /// </summary>
    private async Task<(OrgUnit? School, bool Writable)> SchoolAsync(string code, CancellationToken ct)
    {
        if (!_schools.TryGetValue(code, out var found))
        {
            var unit = OrgUnitRules.IsWellFormedCode(code) ? await tree.FindAsync(code, ct) : null;
            found = unit is null || unit.Kind != OrgUnitKind.School
                ? (null, false)
                : (unit, (await ScopeWriteGuard.WithinScopeAsync(kernel, access.Current, Permissions.RegistryWrite, [unit.Id], ct)).Contains(unit.Id));
            _schools[code] = found;
        }
        return found;
    }
}
