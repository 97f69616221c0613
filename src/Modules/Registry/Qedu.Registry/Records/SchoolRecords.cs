using Qedu.Registry.Domain;

namespace Qedu.Registry.Records;

/// <summary>A school's profile (address, location, seats): details beyond its org unit, keyed by 学校标识码.</summary>
internal sealed class SchoolProfileRecord : SchoolRecord
{
    /// <summary>The org unit's name, exported for people to read; not imported.</summary>
    public string? SchoolName { get; init; }
    public string? Address { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public int? CapacitySeats { get; init; }
    public string? Phone { get; init; }
    public string? Website { get; init; }
}

internal sealed class SchoolProfileDefinition : RecordDefinition<SchoolProfileRecord>
{
    public SchoolProfileDefinition()
    {
        SchoolName = Add("schoolName", "学校名称", "School name", informational: true);
        Address = Add("address", "地址", "Address", maxLength: 300);
        Latitude = Add("latitude", "纬度", "Latitude", FieldType.Number);
        Longitude = Add("longitude", "经度", "Longitude", FieldType.Number);
        CapacitySeats = Add("capacitySeats", "学位数", "Seats", FieldType.Integer);
        Phone = Add("phone", "联系电话", "Phone", FieldType.Phone, maxLength: 40);
        Website = Add("website", "网址", "Website", maxLength: 200);
    }

    public override RecordKind Kind => RecordKind.Schools;
    public RecordField SchoolName { get; }
    public RecordField Address { get; }
    public RecordField Latitude { get; }
    public RecordField Longitude { get; }
    public RecordField CapacitySeats { get; }
    public RecordField Phone { get; }
    public RecordField Website { get; }

    protected override SchoolProfileRecord ReadFields(FieldReader row, string schoolCode) => new()
    {
        SchoolCode = schoolCode,
        Address = row.Text(Address),
        Latitude = row.Number(Latitude, -90, 90),
        Longitude = row.Number(Longitude, -180, 180),
        CapacitySeats = row.Integer(CapacitySeats, 0, 100_000),
        Phone = row.Phone(Phone),
        Website = row.Text(Website),
    };

    protected override void WriteFields(SchoolProfileRecord r, string?[] cells)
    {
        cells[SchoolName.Index] = r.SchoolName;
        cells[Address.Index] = r.Address;
        cells[Latitude.Index] = Format(r.Latitude);
        cells[Longitude.Index] = Format(r.Longitude);
        cells[CapacitySeats.Index] = Format(r.CapacitySeats);
        cells[Phone.Index] = r.Phone;
        cells[Website.Index] = r.Website;
    }
}

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

/// <summary>任课: a member of staff (教职工号) teaches a subject in a class (班级代码) of the same school.</summary>
internal sealed class TeachingRecord : SchoolRecord
{
    public required string ClassCode { get; init; }
    public required string StaffNumber { get; init; }
    public required string Subject { get; init; }
}

internal sealed class TeachingDefinition : RecordDefinition<TeachingRecord>
{
    public TeachingDefinition()
    {
        Class = Add("classCode", "班级代码", "Class code", FieldType.Identifier, required: true, maxLength: 32);
        Staff = Add("staffNumber", "教职工号", "Staff number", FieldType.Identifier, required: true, maxLength: 32);
        Subject = Add("subject", "任教学科", "Subject", required: true, maxLength: 20);
    }

    public override RecordKind Kind => RecordKind.Teaching;
    public RecordField Class { get; }
    public RecordField Staff { get; }
    public RecordField Subject { get; }

    protected override TeachingRecord ReadFields(FieldReader row, string schoolCode) => new()
    {
        SchoolCode = schoolCode,
        ClassCode = row.Identifier(Class) ?? "",
        StaffNumber = row.Identifier(Staff) ?? "",
        Subject = row.Text(Subject) ?? "",
    };

    protected override void WriteFields(TeachingRecord r, string?[] cells)
    {
        cells[Class.Index] = r.ClassCode;
        cells[Staff.Index] = r.StaffNumber;
        cells[Subject.Index] = r.Subject;
    }
}
