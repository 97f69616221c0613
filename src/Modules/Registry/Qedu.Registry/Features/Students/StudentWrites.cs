using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Kinds;
using Qedu.Registry.Records;
using Qedu.Registry.Writes;

namespace Qedu.Registry.Features.Students;

/// <summary>
/// A student as the API takes it: the record's fields by key (the template's columns, or the names GET gives), checked
/// like an import row. <see cref="Guardians"/> is null when the body named no guardian field: an update then leaves the
/// student's guardians as they are (a GET body, which carries none, can be PUT back without losing them).
/// </summary>
internal sealed record StudentInput(Student Student, IReadOnlyList<Guardian>? Guardians, DateOnly? EnrolledOn, string? EntryReasonCode);

/// <summary>
/// Students through the write API, matched by 学籍号. A body is read like an import row (the shared
/// <see cref="StudentDefinition"/>, via <see cref="RecordBodyReader"/>: field checks, the school known and within the
/// caller's write scope), then what else needs the database: the class (by 班级代码, or by id as GET gives it) exists in
/// that school, and the 学籍号 and resident ID belong to no other student. Writes go through <see cref="StudentCommands"/>, which keeps the enrolment history.
/// </summary>
internal sealed class StudentWrites(RegistryDb db, RecordBodyReader bodies, StudentCommands commands, StudentQueries queries,
    IStringLocalizer<RecordWriteText> text)
    : RecordWrites<StudentInput, Student>(db, bodies)
{
    private static StudentDefinition Definition => RecordDefinitions.Students;

    // A bulk request names the same few classes item after item: looked up once per request.
    private readonly Dictionary<(int School, string Code), long?> _classes = [];

    public override string Name => "students";
    protected override RecordKind Kind => RecordKind.Students;
    public override RecordField KeyField => Definition.StudentNumber;
    protected override string KeyProperty => nameof(Student.StudentNumber);
    protected override bool KeyPerSchool => false;

    public override (int School, string Value) KeyOf(StudentInput input) => (0, input.Student.StudentNumber);

    public override async Task<StudentInput?> ReadAsync(JsonElement body, long? self, InputErrors errors, CancellationToken ct = default)
    {
        var classReference = Bodies.Reference(body, "classId", errors);
        if (await Bodies.ReadAsync(Definition, body, errors, ct, BodyAliases, BodyReferences) is not { } read)
        {
            return null;
        }
        var (record, school) = read;
        var context = Bodies.Context;
        long? classId = null;
        if (record.ClassCode is null && classReference.Id is { } byId)
        {
            // The school is within the caller's write scope: a scoped read sees its classes.
            classId = await Db.Classes.AsNoTracking().Where(c => c.OrgUnitId == school.Id && c.Id == byId).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
            if (classId is null)
            {
                errors.Add("classId", string.Format(text["Write.ReferenceUnknown"], "classId", byId, school.Code));
            }
        }
        else if (record.ClassCode is not null)
        {
            if (!_classes.TryGetValue((school.Id, record.ClassCode), out classId))
            {
                classId = await Db.Classes.AsNoTracking().Where(c => c.OrgUnitId == school.Id && c.Code == record.ClassCode).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
                _classes[(school.Id, record.ClassCode)] = classId;
            }
            if (classId is null)
            {
                errors.Add(Definition.Class.Key, context.Message("Record.ClassUnknown", record.ClassCode, school.Code));
            }
            else if (classReference is { Id: { } other } && other != classId)
            {
                errors.Add("classId", string.Format(text["Write.ReferenceDisagrees"], Definition.Class.Key, "classId"));
            }
        }
        // Unique across the city, whoever's scope the other student is in: read past the scope filter, name nothing else.
        // One query for both numbers.
        // The resident ID is encrypted at rest; its blind index finds the same ID (ADR 11).
        var residentIdIndex = Db.FieldEncryption.Index(record.ResidentId);
        var clashes = await Db.Students.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).AsNoTracking()
            .Where(s => s.Id != (self ?? 0) && (s.StudentNumber == record.StudentNumber || (residentIdIndex != null && s.ResidentIdIndex == residentIdIndex)))
            .Select(s => new { s.StudentNumber, s.ResidentIdIndex })
            .Take(2)
            .ToListAsync(ct);
        if (clashes.Any(c => c.StudentNumber == record.StudentNumber))
        {
            errors.Add(Definition.StudentNumber.Key, context.Message("Record.DuplicateInDatabase", Definition.StudentNumber.Header(context.English), record.StudentNumber));
        }
        if (residentIdIndex is not null && clashes.Any(c => c.ResidentIdIndex == residentIdIndex))
        {
            errors.Add(Definition.ResidentId.Key, context.Message("Record.DuplicateInDatabase", Definition.ResidentId.Header(context.English), record.ResidentId));
        }
        if (errors.Any)
        {
            return null;
        }
        var student = StudentKind.ToEntity(record, school.Id, classId);
        var guardians = NamesGuardians(body) ? record.Guardians.Select(g => GuardianKind.ToEntity(g, student)).ToList() : null;
        return new StudentInput(student, guardians, record.EnrolledOn, record.EntryReasonCode);
    }

    public override Task<Student> CreateAsync(StudentInput input, CancellationToken ct = default) =>
        commands.CreateAsync(input.Student, input.Guardians ?? [], input.EnrolledOn, input.EntryReasonCode, ct);

    public override Task<Outcome<Student>> UpdateAsync(long id, long revision, StudentInput input, CancellationToken ct = default) =>
        commands.UpdateAsync(id, revision, input.Student, guardians: input.Guardians, ct: ct);

    public override Task<Outcome<Student>> DeleteAsync(long id, long revision, CancellationToken ct = default) =>
        commands.DeleteAsync(id, revision, ct);

    // Every guardian column's key (guardian1Name, guardian2Phone…): a body naming any of them replaces the guardians.
    private static readonly HashSet<string> GuardianKeys = Definition.Guardians
        .SelectMany(g => new[] { g.Name.Key, g.Relation.Key, g.Phone.Key, g.ResidentId.Key }).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the body names any guardian field (<c>guardian1Name</c>…), even to empty it.</summary>
    private static bool NamesGuardians(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.EnumerateObject().Any(p => GuardianKeys.Contains(p.Name));

    public override async Task<object?> ShowAsync(long id, CancellationToken ct = default) => await queries.FindAsync(id, ct);
}
