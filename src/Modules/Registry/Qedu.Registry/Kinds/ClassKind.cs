using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;
using Qedu.Registry.Records;
using Qedu.Registry.Writes;

namespace Qedu.Registry.Kinds;

// Classes, owned here: a new field of a class touches the entity (Domain/SchoolClass.cs), this file and a migration.

/// <summary>
/// A school's class as a registry kind: named <c>classes</c> in URLs, read and written by <see cref="ClassDefinition"/>'s
/// field table (its head teacher by 教职工号), exchanged as <see cref="SchoolClassData"/> (its head teacher and campus by
/// id), written through <see cref="ClassWrites"/>. A GET body may be PUT back as it is: <c>headTeacherId</c> and
/// <c>campusId</c> are taken as well as the template's <c>headTeacher</c>.
/// </summary>
internal sealed class ClassKind : RegistryKind
{
    public static readonly ClassKind Instance = new();

    private ClassKind()
    {
    }

    public override string UrlName => "classes";

    public override ExchangeKind Exchange { get; } = new ExchangeKind<SchoolClass, SchoolClassData>((x, org, _) => ToData(x, org), FromData, personal: false);

    public override IRecordDefinition Fields => RecordDefinitions.Classes;

    public override RecordWriteRoute Writes { get; } = new(typeof(ClassWrites), typeof(SchoolClass), "a class", "school code and class code");

    public override IReadOnlyDictionary<string, string> BodyAliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["orgCode"] = "schoolCode",
        ["gradeCode"] = "grade",
    };

    /// <summary>The exchange shape's references by id, which the write adapter resolves in the class's school.</summary>
    public override IReadOnlySet<string> BodyReferences { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "headTeacherId", "campusId" };

    /// <summary>A checked record (codes, as files and the API carry them) as a new row in the school.</summary>
    public static SchoolClass ToEntity(ClassRecord r, int orgUnitId, long? headTeacherId) => new()
    {
        OrgUnitId = orgUnitId, Code = r.Code, Name = r.Name, GradeCode = r.GradeCode, EntryYear = r.EntryYear, HeadTeacherId = headTeacherId,
    };

    /// <summary>A stored row as a record, for files (the head teacher by 教职工号).</summary>
    public static ClassRecord ToRecord(SchoolClass c, string schoolCode, string? headTeacherNumber) => new()
    {
        SchoolCode = schoolCode, Code = c.Code, Name = c.Name, GradeCode = c.GradeCode, EntryYear = c.EntryYear, HeadTeacherNumber = headTeacherNumber,
    };

    public static SchoolClassData ToData(SchoolClass x, string org) =>
        new(x.Id, x.Revision, org, x.Code, x.Name, x.GradeCode, x.EntryYear, x.HeadTeacherId, x.CampusId);

    /// <summary>A mirror's row from the exchange shape.</summary>
    public static SchoolClass FromData(SchoolClassData d, int org) => new()
    {
        Id = d.Id, OrgUnitId = org, Code = d.Code, Name = d.Name, GradeCode = d.GradeCode, EntryYear = d.EntryYear,
        HeadTeacherId = d.HeadTeacherId, CampusId = d.CampusId,
    };
}

/// <summary>A class in the exchange shape: the entity's names, the school as a code, head teacher and campus by id.</summary>
internal sealed record SchoolClassData(
    long Id, long Revision, string OrgCode, string Code, string Name, string GradeCode, int EntryYear, long? HeadTeacherId, long? CampusId) : IExchangeData;

/// <summary>A class of a school, with its head teacher named by 教职工号.</summary>
internal sealed class ClassRecord : SchoolRecord
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string GradeCode { get; init; }
    public int EntryYear { get; init; }
    public string? HeadTeacherNumber { get; init; }
}

internal sealed class ClassDefinition : RecordDefinition<ClassRecord>
{
    public ClassDefinition()
    {
        Code = Add("code", "班级代码", "Class code", FieldType.Identifier, required: true, maxLength: 32);
        Name = Add("name", "班级名称", "Class name", required: true, maxLength: 64);
        Grade = Add("grade", "年级", "Grade", FieldType.Code, required: true, codeList: RegistryCodeLists.Grade);
        EntryYear = Add("entryYear", "入学年份", "Entry year", FieldType.Integer, required: true);
        HeadTeacher = Add("headTeacher", "班主任教职工号", "Head teacher staff number", FieldType.Identifier, maxLength: 32);
    }

    public override RecordKind Kind => RecordKind.Classes;
    public RecordField Code { get; }
    public RecordField Name { get; }
    public RecordField Grade { get; }
    public RecordField EntryYear { get; }
    public RecordField HeadTeacher { get; }

    protected override ClassRecord ReadFields(FieldReader row, string schoolCode) => new()
    {
        SchoolCode = schoolCode,
        Code = row.Identifier(Code) ?? "",
        Name = row.Text(Name) ?? "",
        GradeCode = row.Code(Grade) ?? "",
        EntryYear = row.Integer(EntryYear, 1990, row.Context.Today.Year + 1) ?? 0,
        HeadTeacherNumber = row.Identifier(HeadTeacher),
    };

    protected override void WriteFields(ClassRecord r, string?[] cells)
    {
        cells[Code.Index] = r.Code;
        cells[Name.Index] = r.Name;
        cells[Grade.Index] = r.GradeCode;
        cells[EntryYear.Index] = Format(r.EntryYear);
        cells[HeadTeacher.Index] = r.HeadTeacherNumber;
    }
}
