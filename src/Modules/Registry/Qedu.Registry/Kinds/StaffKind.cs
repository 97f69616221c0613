using System.Globalization;
using Qedu.Kernel.Codes;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;
using Qedu.Registry.Records;
using Qedu.Registry.Writes;

namespace Qedu.Registry.Kinds;

// Staff, owned here: a new field of a staff member touches the entity (Domain/Staff.cs), this file and a migration.

/// <summary>
/// Staff as a registry kind: named <c>staff</c> in URLs, read and written by <see cref="StaffDefinition"/>'s field table
/// (files and API bodies), exchanged as <see cref="StaffData"/> (GET, change feed, mirror), written through
/// <see cref="StaffWrites"/>. A GET body may be PUT back as it is: its exchange names are taken for the fields' keys.
/// </summary>
internal sealed class StaffKind : RegistryKind
{
    public static readonly StaffKind Instance = new();

    private StaffKind()
    {
    }

    public override string UrlName => "staff";

    public override ExchangeKind Exchange { get; } = new ExchangeKind<Staff, StaffData>(ToData, FromData, personal: true);

    public override IRecordDefinition Fields => RecordDefinitions.Staff;

    public override RecordWriteRoute Writes { get; } = new(typeof(StaffWrites), typeof(Staff), "a staff member", "教职工号");

    public override IReadOnlyDictionary<string, string> BodyAliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["orgCode"] = "schoolCode",
        ["genderCode"] = "gender",
        ["qualificationCode"] = "qualification",
        ["titleCode"] = "title",
        ["postCode"] = "post",
        ["employmentTypeCode"] = "employmentType",
    };

    /// <summary>A checked record (codes, as files and the API carry them) as a new row in the school.</summary>
    public static Staff ToEntity(StaffRecord r, int orgUnitId) => new()
    {
        OrgUnitId = orgUnitId, StaffNumber = r.StaffNumber, Name = r.Name, GenderCode = r.GenderCode, ResidentId = r.ResidentId,
        BirthDate = r.BirthDate, QualificationCode = r.QualificationCode, TitleCode = r.TitleCode, Subjects = r.Subjects,
        PostCode = r.PostCode, EmploymentTypeCode = r.EmploymentTypeCode, HiredOn = r.HiredOn, Phone = r.Phone,
    };

    /// <summary>A stored row as a record, for files and for filling what a bundle leaves out.</summary>
    public static StaffRecord ToRecord(Staff s, string schoolCode) => new()
    {
        SchoolCode = schoolCode, StaffNumber = s.StaffNumber, Name = s.Name, GenderCode = s.GenderCode, ResidentId = s.ResidentId,
        BirthDate = s.BirthDate, QualificationCode = s.QualificationCode, TitleCode = s.TitleCode, Subjects = s.Subjects,
        PostCode = s.PostCode, EmploymentTypeCode = s.EmploymentTypeCode, HiredOn = s.HiredOn, Phone = s.Phone,
    };

    /// <summary>Copies the values a record carries onto the stored row (what the record does not carry stays).</summary>
    public static void CopyValues(Staff from, Staff to)
    {
        to.OrgUnitId = from.OrgUnitId;
        to.StaffNumber = from.StaffNumber;
        to.Name = from.Name;
        to.GenderCode = from.GenderCode;
        to.ResidentId = from.ResidentId;
        to.BirthDate = from.BirthDate;
        to.QualificationCode = from.QualificationCode;
        to.TitleCode = from.TitleCode;
        to.Subjects = from.Subjects;
        to.PostCode = from.PostCode;
        to.EmploymentTypeCode = from.EmploymentTypeCode;
        to.HiredOn = from.HiredOn;
        to.Phone = from.Phone;
    }

    /// <summary>The exchange shape, personal data masked unless <paramref name="open"/>.</summary>
    public static StaffData ToData(Staff x, string org, bool open) => new(
        x.Id, x.Revision, org, x.StaffNumber, x.Name, x.GenderCode, PersonalDataAccess.MaskResidentId(x.ResidentId, open),
        PersonalDataAccess.MaskBirthDate(x.BirthDate, open),
        x.QualificationCode, x.TitleCode, x.Subjects, x.PostCode, x.EmploymentTypeCode, x.HiredOn, PersonalDataAccess.MaskPhone(x.Phone, open),
        Masked: !open);

    /// <summary>A mirror's row from the exchange shape (only unmasked data is applied).</summary>
    public static Staff FromData(StaffData d, int org) => new()
    {
        Id = d.Id, OrgUnitId = org, StaffNumber = d.StaffNumber, Name = d.Name, GenderCode = d.GenderCode, ResidentId = d.ResidentId,
        BirthDate = d.BirthDate is null ? null : DateOnly.ParseExact(d.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), QualificationCode = d.QualificationCode, TitleCode = d.TitleCode, Subjects = d.Subjects,
        PostCode = d.PostCode, EmploymentTypeCode = d.EmploymentTypeCode, HiredOn = d.HiredOn, Phone = d.Phone,
    };
}

/// <summary>Staff in the exchange shape: the entity's names (camelCase in JSON), the school as a code, and whether personal data was masked.</summary>
internal sealed record StaffData(
    long Id,
    long Revision,
    string OrgCode,
    string StaffNumber,
    string Name,
    string GenderCode,
    string? ResidentId,
    string? BirthDate,
    string? QualificationCode,
    string? TitleCode,
    string? Subjects,
    string PostCode,
    string EmploymentTypeCode,
    DateOnly? HiredOn,
    string? Phone,
    bool Masked) : IExchangeData;

/// <summary>A member of a school's staff.</summary>
internal sealed class StaffRecord : SchoolRecord
{
    public required string StaffNumber { get; init; }
    public required string Name { get; init; }
    public required string GenderCode { get; init; }
    public string? ResidentId { get; init; }
    public DateOnly? BirthDate { get; init; }
    public string? QualificationCode { get; init; }
    public string? TitleCode { get; init; }
    public string? Subjects { get; init; }
    public required string PostCode { get; init; }
    public required string EmploymentTypeCode { get; init; }
    public DateOnly? HiredOn { get; init; }
    public string? Phone { get; init; }
}

internal sealed class StaffDefinition : RecordDefinition<StaffRecord>
{
    public StaffDefinition()
    {
        StaffNumber = Add("staffNumber", "教职工号", "Staff number", FieldType.Identifier, required: true, maxLength: 32);
        Name = Add("name", "姓名", "Name", required: true, maxLength: 64);
        Gender = Add("gender", "性别", "Gender", FieldType.Code, required: true, codeList: CodeLists.Gender);
        ResidentId = Add("residentId", "身份证号", "Resident ID", FieldType.ResidentId, personal: PersonalKind.ResidentId);
        BirthDate = Add("birthDate", "出生日期", "Birth date", FieldType.Date, personal: PersonalKind.BirthDate);
        Qualification = Add("qualification", "学历", "Qualification", FieldType.Code, codeList: RegistryCodeLists.Qualification);
        Title = Add("title", "职称", "Professional title", FieldType.Code, codeList: RegistryCodeLists.ProfessionalTitle);
        Subjects = Add("subjects", "任教学科", "Subjects", maxLength: 100);
        Post = Add("post", "岗位类别", "Post", FieldType.Code, required: true, codeList: RegistryCodeLists.StaffPost);
        Employment = Add("employmentType", "用工形式", "Employment type", FieldType.Code, required: true, codeList: RegistryCodeLists.EmploymentType);
        HiredOn = Add("hiredOn", "入职日期", "Hired on", FieldType.Date);
        Phone = Add("phone", "联系电话", "Phone", FieldType.Phone, maxLength: 20, personal: PersonalKind.Phone);
    }

    public override RecordKind Kind => RecordKind.Staff;
    public RecordField StaffNumber { get; }
    public RecordField Name { get; }
    public RecordField Gender { get; }
    public RecordField ResidentId { get; }
    public RecordField BirthDate { get; }
    public RecordField Qualification { get; }
    public RecordField Title { get; }
    public RecordField Subjects { get; }
    public RecordField Post { get; }
    public RecordField Employment { get; }
    public RecordField HiredOn { get; }
    public RecordField Phone { get; }

    protected override StaffRecord ReadFields(FieldReader row, string schoolCode)
    {
        var gender = row.Code(Gender);
        var birth = row.Date(BirthDate);
        var id = row.ResidentId(ResidentId, birth, gender);
        if (birth is null && row.Raw(BirthDate) is null && id is not null)
        {
            birth = Kernel.Codes.ResidentId.Validate(id, row.Context.Today).BirthDate;
        }
        return new StaffRecord
        {
            SchoolCode = schoolCode,
            StaffNumber = row.Identifier(StaffNumber) ?? "",
            Name = row.Text(Name) ?? "",
            GenderCode = gender ?? "",
            ResidentId = id,
            BirthDate = birth,
            QualificationCode = row.Code(Qualification),
            TitleCode = row.Code(Title),
            Subjects = row.Text(Subjects),
            PostCode = row.Code(Post) ?? "",
            EmploymentTypeCode = row.Code(Employment) ?? "",
            HiredOn = row.Date(HiredOn),
            Phone = row.Phone(Phone),
        };
    }

    protected override void WriteFields(StaffRecord r, string?[] cells)
    {
        cells[StaffNumber.Index] = r.StaffNumber;
        cells[Name.Index] = r.Name;
        cells[Gender.Index] = r.GenderCode;
        cells[ResidentId.Index] = r.ResidentId;
        cells[BirthDate.Index] = Format(r.BirthDate);
        cells[Qualification.Index] = r.QualificationCode;
        cells[Title.Index] = r.TitleCode;
        cells[Subjects.Index] = r.Subjects;
        cells[Post.Index] = r.PostCode;
        cells[Employment.Index] = r.EmploymentTypeCode;
        cells[HiredOn.Index] = Format(r.HiredOn);
        cells[Phone.Index] = r.Phone;
    }
}
