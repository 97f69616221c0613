using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;
using Qedu.Registry.Kinds;
using Qedu.Registry.Records;

namespace Qedu.Registry.Writes;

/// <summary>
/// Classes through the write API, matched by school and class code. Besides an import row's checks: the code is free in
/// its school, the head teacher is on that school's staff, and a class that still has students neither moves to
/// another school nor is deleted (their class would point nowhere). A body names the head teacher by 教职工号
/// (<c>headTeacher</c>, the template's column) or by id (<c>headTeacherId</c>, as GET gives it), and may name the campus
/// (<c>campusId</c>); without <c>campusId</c> the stored campus stays.
/// </summary>
internal sealed class ClassWrites(RegistryDb db, RecordBodyReader bodies, ExchangeData shaper, IStringLocalizer<RecordWriteText> text)
    : SimpleRecordWrites<SchoolClass>(db, bodies, shaper)
{
    private static ClassDefinition Definition => RecordDefinitions.Classes;

    // The inputs whose body named the campus (a bulk request holds several): only those set it.
    private readonly HashSet<SchoolClass> _campusGiven = new(ReferenceEqualityComparer.Instance);

    public override string Name => "classes";
    protected override RecordKind Kind => RecordKind.Classes;
    public override RecordField KeyField => Definition.Code;
    protected override string KeyProperty => nameof(SchoolClass.Code);
    protected override bool KeyPerSchool => true;

    public override (int School, string Value) KeyOf(SchoolClass input) => (input.OrgUnitId, input.Code);

    public override async Task<SchoolClass?> ReadAsync(JsonElement body, long? self, InputErrors errors, CancellationToken ct = default)
    {
        var headTeacherId = Bodies.Reference(body, "headTeacherId", errors);
        var campusId = Bodies.Reference(body, "campusId", errors);
        if (await Bodies.ReadAsync(Definition, body, errors, ct, BodyAliases, BodyReferences) is not { } read)
        {
            return null;
        }
        var (record, school) = read;
        var english = Bodies.Context.English;
        // Another school's codes are its own business: only this school's classes can clash.
        if (await Db.Classes.IgnoreQueryFilters([ScopeFilter.Name]).AnyAsync(c => c.OrgUnitId == school.Id && c.Code == record.Code && c.Id != (self ?? 0), ct))
        {
            errors.Add(Definition.Code.Key, string.Format(text["Write.TakenInSchool"], Definition.Code.Header(english), record.Code, school.Code));
        }
        long? teacher = null;
        if (record.HeadTeacherNumber is { } number)
        {
            teacher = await Db.Staff.IgnoreQueryFilters([ScopeFilter.Name]).Where(s => s.OrgUnitId == school.Id && s.StaffNumber == number)
                .Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
            if (teacher is null)
            {
                errors.Add(Definition.HeadTeacher.Key, Bodies.Context.Message("Record.StaffUnknown", number, school.Code));
            }
            else if (headTeacherId is { Given: true, Id: { } byId } && byId != teacher)
            {
                errors.Add("headTeacherId", string.Format(text["Write.ReferenceDisagrees"], Definition.HeadTeacher.Key, "headTeacherId"));
            }
        }
        else if (headTeacherId is { Id: { } staffId })
        {
            // The school is within the caller's write scope: a scoped read sees its staff and campuses.
            teacher = await Db.Staff.Where(s => s.OrgUnitId == school.Id && s.Id == staffId)
                .Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
            if (teacher is null)
            {
                errors.Add("headTeacherId", string.Format(text["Write.ReferenceUnknown"], "headTeacherId", staffId, school.Code));
            }
        }
        if (campusId is { Id: { } campus } && !await Db.Campuses.AnyAsync(c => c.OrgUnitId == school.Id && c.Id == campus, ct))
        {
            errors.Add("campusId", string.Format(text["Write.ReferenceUnknown"], "campusId", campus, school.Code));
        }
        if (self is { } id && await Db.Classes.Where(c => c.Id == id).Select(c => (int?)c.OrgUnitId).FirstOrDefaultAsync(ct) is { } was
            && was != school.Id && await StudentsInAsync(id, ct) is > 0 and var count)
        {
            errors.Add(Definition.School.Key, string.Format(text["Write.ClassMoveHasStudents"], record.Code, count));
        }
        if (errors.Any)
        {
            return null;
        }
        var entity = ClassKind.ToEntity(record, school.Id, teacher);
        if (campusId.Given)
        {
            entity.CampusId = campusId.Id;
            _campusGiven.Add(entity);
        }
        return entity;
    }

    protected override void Copy(SchoolClass from, SchoolClass to)
    {
        // The template has no campus column: the campus changes only when the body named it.
        if (_campusGiven.Contains(from))
        {
            to.CampusId = from.CampusId;
        }
        to.OrgUnitId = from.OrgUnitId;
        to.Code = from.Code;
        to.Name = from.Name;
        to.GradeCode = from.GradeCode;
        to.EntryYear = from.EntryYear;
        to.HeadTeacherId = from.HeadTeacherId;
    }

    protected override async Task<string?> RefuseDeleteAsync(SchoolClass stored, CancellationToken ct) =>
        await StudentsInAsync(stored.Id, ct) is > 0 and var count ? string.Format(text["Write.ClassHasStudents"], stored.Code, count) : null;

    /// <summary>Students whose class this is, whatever their status: each would be left pointing at nothing.</summary>
    private Task<int> StudentsInAsync(long classId, CancellationToken ct) =>
        Db.Students.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).CountAsync(s => s.ClassId == classId, ct);
}
