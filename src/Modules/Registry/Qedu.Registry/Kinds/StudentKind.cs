using System.Globalization;
using Qedu.Kernel.Codes;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;
using Qedu.Registry.Records;

namespace Qedu.Registry.Kinds;

// Students, owned here: a new field of a student touches the entity (Domain/Student.cs), this file and a migration.

/// <summary>
/// A student (学籍) as a registry kind: named <c>students</c> in URLs, read and written by <see cref="StudentDefinition"/>'s
/// field table (files and API bodies: the student, their class by 班级代码, the open enrolment's start and reason, up to
/// two guardians), exchanged as <see cref="StudentData"/> (GET, lists, the change feed and the mirror: one shape). Its
/// write routes are its own (a move is recorded in the enrolment history). A GET body may be PUT back as it is: its
/// exchange names are taken for the fields' keys and <c>classId</c> for the class.
/// </summary>
internal sealed class StudentKind : RegistryKind
{
    public static readonly StudentKind Instance = new();

    private StudentKind()
    {
    }

    public override string UrlName => "students";

    public override ExchangeKind Exchange { get; } = new ExchangeKind<Student, StudentData>(ToData, FromData, personal: true);

    public override IRecordDefinition Fields => RecordDefinitions.Students;

    public override IReadOnlyDictionary<string, string> BodyAliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["orgCode"] = "schoolCode",
        ["genderCode"] = "gender",
        ["ethnicityCode"] = "ethnicity",
        ["hukouDivisionCode"] = "hukouDivision",
        ["statusCode"] = "status",
        ["categoryCode"] = "category",
        ["isMigrantChild"] = "migrantChild",
        ["isLeftBehind"] = "leftBehind",
        ["hasDisability"] = "disability",
        ["hasFinancialHardship"] = "financialHardship",
    };

    /// <summary>The exchange shape's class by id, which the write adapter resolves in the student's school.</summary>
    public override IReadOnlySet<string> BodyReferences { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "classId" };

    /// <summary>A checked record (codes, as files and the API carry them) as a new row in the school.</summary>
    public static Student ToEntity(StudentRecord r, int orgUnitId, long? classId) => new()
    {
        OrgUnitId = orgUnitId, StudentNumber = r.StudentNumber, Name = r.Name, GenderCode = r.GenderCode, ResidentId = r.ResidentId,
        BirthDate = r.BirthDate, EthnicityCode = r.EthnicityCode, HukouDivisionCode = r.HukouDivisionCode, Address = r.Address,
        ClassId = classId, StatusCode = r.StatusCode, CategoryCode = r.CategoryCode, IsMigrantChild = r.IsMigrantChild,
        IsLeftBehind = r.IsLeftBehind, HasDisability = r.HasDisability, HasFinancialHardship = r.HasFinancialHardship,
    };

    /// <summary>A stored row with its open enrolment and guardians as a record, for files.</summary>
    public static StudentRecord ToRecord(Student s, string schoolCode, string? classCode, Enrolment? open, IEnumerable<Guardian> guardians) => new()
    {
        SchoolCode = schoolCode, StudentNumber = s.StudentNumber, Name = s.Name, GenderCode = s.GenderCode, ResidentId = s.ResidentId,
        BirthDate = s.BirthDate, EthnicityCode = s.EthnicityCode, HukouDivisionCode = s.HukouDivisionCode, Address = s.Address,
        ClassCode = classCode, StatusCode = s.StatusCode, CategoryCode = s.CategoryCode, IsMigrantChild = s.IsMigrantChild,
        IsLeftBehind = s.IsLeftBehind, HasDisability = s.HasDisability, HasFinancialHardship = s.HasFinancialHardship,
        EnrolledOn = open?.From, EntryReasonCode = open?.EntryReasonCode,
        Guardians = guardians.Select(g => new GuardianRecord(g.Name, g.RelationCode, g.Phone, g.ResidentId)).ToList(),
    };

    /// <summary>The exchange shape, identifying fields masked unless <paramref name="open"/> (the birth date is then its year).</summary>
    public static StudentData ToData(Student x, string org, bool open) => new(
        x.Id, x.Revision, org, PersonalDataAccess.MaskStudentNumber(x.StudentNumber, open), x.Name, x.GenderCode,
        PersonalDataAccess.MaskResidentId(x.ResidentId, open), PersonalDataAccess.MaskBirthDate(x.BirthDate, open)!, x.EthnicityCode, x.HukouDivisionCode,
        PersonalDataAccess.MaskAddress(x.Address, open), x.ClassId, x.StatusCode, x.CategoryCode,
        x.IsMigrantChild, x.IsLeftBehind, x.HasDisability, x.HasFinancialHardship, Masked: !open);

    /// <summary>A mirror's row from the exchange shape (only unmasked data is applied: a masked feed is refused first).</summary>
    public static Student FromData(StudentData d, int org) => new()
    {
        Id = d.Id, OrgUnitId = org, StudentNumber = d.StudentNumber, Name = d.Name, GenderCode = d.GenderCode, ResidentId = d.ResidentId,
        BirthDate = DateOnly.ParseExact(d.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), EthnicityCode = d.EthnicityCode,
        HukouDivisionCode = d.HukouDivisionCode, Address = d.Address, ClassId = d.ClassId, StatusCode = d.StatusCode, CategoryCode = d.CategoryCode,
        IsMigrantChild = d.IsMigrantChild, IsLeftBehind = d.IsLeftBehind, HasDisability = d.HasDisability, HasFinancialHardship = d.HasFinancialHardship,
    };
}

/// <summary>
/// A student in the exchange shape, the one shape GET, lists and the change feed give: the entity's names (camelCase in
/// JSON), the school as a code, the class by id, and whether identifying fields were masked.
/// </summary>
internal sealed record StudentData(
    long Id,
    long Revision,
    string OrgCode,
    string StudentNumber,
    string Name,
    string GenderCode,
    string? ResidentId,
    string BirthDate,
    string? EthnicityCode,
    string? HukouDivisionCode,
    string? Address,
    long? ClassId,
    string StatusCode,
    string CategoryCode,
    bool IsMigrantChild,
    bool IsLeftBehind,
    bool HasDisability,
    bool HasFinancialHardship,
    bool Masked) : IExchangeData;

/// <summary>A student's record (学籍) as files carry it: the student, their class and open enrolment, up to two guardians.</summary>
internal sealed class StudentRecord : SchoolRecord
{
    public required string StudentNumber { get; init; }
    public required string Name { get; init; }
    public required string GenderCode { get; init; }
    public string? ResidentId { get; init; }
    public DateOnly BirthDate { get; init; }
    public string? EthnicityCode { get; init; }
    public string? HukouDivisionCode { get; init; }
    public string? Address { get; init; }
    public string? ClassCode { get; init; }
    public required string StatusCode { get; init; }
    public required string CategoryCode { get; init; }
    public bool IsMigrantChild { get; init; }
    public bool IsLeftBehind { get; init; }
    public bool HasDisability { get; init; }
    public bool HasFinancialHardship { get; init; }

    /// <summary>Start of the open enrolment; when empty, 1 September of the class's entry year (or today without a class).</summary>
    public DateOnly? EnrolledOn { get; init; }

    /// <summary>学籍异动 code of the entry (转入, 复学…); null for a first entry (新生入学).</summary>
    public string? EntryReasonCode { get; init; }
    public IReadOnlyList<GuardianRecord> Guardians { get; init; } = [];
}

internal sealed class StudentDefinition : RecordDefinition<StudentRecord>
{
    public const int MaxGuardians = 2;

    public StudentDefinition()
    {
        StudentNumber = Add("studentNumber", "学籍号", "Student number", FieldType.Identifier, required: true, maxLength: 32, personal: PersonalKind.StudentNumber);
        Name = Add("name", "姓名", "Name", required: true, maxLength: 64);
        Gender = Add("gender", "性别", "Gender", FieldType.Code, required: true, codeList: CodeLists.Gender);
        ResidentId = Add("residentId", "身份证号", "Resident ID", FieldType.ResidentId, personal: PersonalKind.ResidentId);
        BirthDate = Add("birthDate", "出生日期", "Birth date", FieldType.Date, personal: PersonalKind.BirthDate);
        Ethnicity = Add("ethnicity", "民族", "Ethnicity", FieldType.Code, codeList: CodeLists.Ethnicity);
        Hukou = Add("hukouDivision", "户籍所在地", "Hukou division", FieldType.Division);
        Address = Add("address", "家庭住址", "Address", maxLength: 200, personal: PersonalKind.Address);
        Class = Add("classCode", "班级代码", "Class code", FieldType.Identifier, maxLength: 32);
        Status = Add("status", "学籍状态", "Status", FieldType.Code, codeList: RegistryCodeLists.StudentStatus);
        Category = Add("category", "学生类别", "Category", FieldType.Code, codeList: RegistryCodeLists.StudentCategory);
        Migrant = Add("migrantChild", "随迁子女", "Migrant child", FieldType.Boolean);
        LeftBehind = Add("leftBehind", "留守儿童", "Left-behind child", FieldType.Boolean);
        Disability = Add("disability", "残疾", "Disability", FieldType.Boolean);
        Hardship = Add("financialHardship", "家庭经济困难", "Financial hardship", FieldType.Boolean);
        EnrolledOn = Add("enrolledOn", "入学日期", "Enrolled on", FieldType.Date);
        // K-12 entries only: 转学(转入), 复学… not exits such as 退学.
        EntryReason = Add("entryReason", "入学方式", "Entry reason", FieldType.Code, codeList: CodeLists.StatusChange,
            allowed: v => v.Attribute("k12") == "true" && v.Attribute("direction") != "exit");
        var guardians = new List<GuardianFields>();
        for (var n = 1; n <= MaxGuardians; n++)
        {
            guardians.Add(new GuardianFields(
                Add($"guardian{n}Name", $"监护人{n}姓名", $"Guardian {n} name", maxLength: 64),
                Add($"guardian{n}Relation", $"监护人{n}关系", $"Guardian {n} relation", FieldType.Code, codeList: RegistryCodeLists.GuardianRelation),
                Add($"guardian{n}Phone", $"监护人{n}电话", $"Guardian {n} phone", FieldType.Phone, maxLength: 20, personal: PersonalKind.Phone),
                Add($"guardian{n}ResidentId", $"监护人{n}身份证号", $"Guardian {n} resident ID", FieldType.ResidentId, personal: PersonalKind.ResidentId)));
        }
        Guardians = guardians;
    }

    internal sealed record GuardianFields(RecordField Name, RecordField Relation, RecordField Phone, RecordField ResidentId);

    public override RecordKind Kind => RecordKind.Students;
    public RecordField StudentNumber { get; }
    public RecordField Name { get; }
    public RecordField Gender { get; }
    public RecordField ResidentId { get; }
    public RecordField BirthDate { get; }
    public RecordField Ethnicity { get; }
    public RecordField Hukou { get; }
    public RecordField Address { get; }
    public RecordField Class { get; }
    public RecordField Status { get; }
    public RecordField Category { get; }
    public RecordField Migrant { get; }
    public RecordField LeftBehind { get; }
    public RecordField Disability { get; }
    public RecordField Hardship { get; }
    public RecordField EnrolledOn { get; }
    public RecordField EntryReason { get; }
    public IReadOnlyList<GuardianFields> Guardians { get; }

    protected override StudentRecord ReadFields(FieldReader row, string schoolCode)
    {
        var gender = row.Code(Gender);
        var birth = row.Date(BirthDate);
        var birthGiven = row.Raw(BirthDate) is not null;
        // A birth date that failed to parse is already reported; do not report the ID against it as well.
        var id = row.ResidentId(ResidentId, birth, gender);
        if (birth is null && !birthGiven)
        {
            if (id is not null)
            {
                birth = Kernel.Codes.ResidentId.Validate(id, row.Context.Today).BirthDate;
            }
            else if (row.Raw(ResidentId) is null)
            {
                row.Fail(BirthDate, null, string.Format(row.Context.KernelText["Field.Required"], BirthDate.Header(row.Context.English)));
            }
        }
        var guardians = new List<GuardianRecord>(MaxGuardians);
        for (var i = 0; i < Guardians.Count; i++)
        {
            var g = Guardians[i];
            var name = row.Text(g.Name);
            var relation = row.Code(g.Relation);
            var phone = row.Phone(g.Phone);
            var guardianId = row.ResidentId(g.ResidentId);
            var given = row.Raw(g.Name) ?? row.Raw(g.Relation) ?? row.Raw(g.Phone) ?? row.Raw(g.ResidentId);
            if (given is null)
            {
                continue;
            }
            if (row.Raw(g.Name) is null || row.Raw(g.Relation) is null)
            {
                row.Fail(row.Raw(g.Name) is null ? g.Name : g.Relation, null, row.Context.Message("Record.GuardianIncomplete", i + 1));
                continue;
            }
            if (name is not null && relation is not null)
            {
                guardians.Add(new GuardianRecord(name, relation, phone, guardianId));
            }
        }
        return new StudentRecord
        {
            SchoolCode = schoolCode,
            StudentNumber = row.Identifier(StudentNumber) ?? "",
            Name = row.Text(Name) ?? "",
            GenderCode = gender ?? "",
            ResidentId = id,
            BirthDate = birth ?? default,
            EthnicityCode = row.Code(Ethnicity),
            HukouDivisionCode = row.Division(Hukou),
            Address = row.Text(Address),
            ClassCode = row.Identifier(Class),
            StatusCode = row.Code(Status) ?? StudentStatuses.Enrolled,
            CategoryCode = row.Code(Category) ?? "00",
            IsMigrantChild = row.Boolean(Migrant),
            IsLeftBehind = row.Boolean(LeftBehind),
            HasDisability = row.Boolean(Disability),
            HasFinancialHardship = row.Boolean(Hardship),
            EnrolledOn = row.Date(EnrolledOn),
            EntryReasonCode = row.Code(EntryReason),
            Guardians = guardians,
        };
    }

    protected override void WriteFields(StudentRecord r, string?[] cells)
    {
        cells[StudentNumber.Index] = r.StudentNumber;
        cells[Name.Index] = r.Name;
        cells[Gender.Index] = r.GenderCode;
        cells[ResidentId.Index] = r.ResidentId;
        cells[BirthDate.Index] = Format(r.BirthDate);
        cells[Ethnicity.Index] = r.EthnicityCode;
        cells[Hukou.Index] = r.HukouDivisionCode;
        cells[Address.Index] = r.Address;
        cells[Class.Index] = r.ClassCode;
        cells[Status.Index] = r.StatusCode;
        cells[Category.Index] = r.CategoryCode;
        cells[Migrant.Index] = Format(r.IsMigrantChild);
        cells[LeftBehind.Index] = Format(r.IsLeftBehind);
        cells[Disability.Index] = Format(r.HasDisability);
        cells[Hardship.Index] = Format(r.HasFinancialHardship);
        cells[EnrolledOn.Index] = Format(r.EnrolledOn);
        cells[EntryReason.Index] = r.EntryReasonCode;
        for (var i = 0; i < Guardians.Count && i < r.Guardians.Count; i++)
        {
            var (g, v) = (Guardians[i], r.Guardians[i]);
            cells[g.Name.Index] = v.Name;
            cells[g.Relation.Index] = v.RelationCode;
            cells[g.Phone.Index] = v.Phone;
            cells[g.ResidentId.Index] = v.ResidentId;
        }
    }
}
