using Qedu.Kernel.PersonalData;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Exchange;

// The exchange shape of each registry record: what the change feed serves and what a mirror applies. The names are the
// entities' own (camelCase in JSON), with the record's school as a code (org unit ids are local to an instance) and its
// revision. Records that hold personal data say whether it was masked; a mirror refuses masked data.

/// <summary>What every exchange shape has: the id, the school's code, and whether personal data in it was masked.</summary>
internal interface IExchangeData
{
    long Id { get; }
    string OrgCode { get; }
    bool Masked => false;
}

internal sealed record CampusData(long Id, long Revision, string OrgCode, string Name, bool IsMain, string? Address, double? Latitude, double? Longitude) : IExchangeData;

internal sealed record SchoolClassData(
    long Id, long Revision, string OrgCode, string Code, string Name, string GradeCode, int EntryYear, long? HeadTeacherId, long? CampusId) : IExchangeData;

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

internal sealed record GuardianData(
    long Id, long Revision, string OrgCode, long StudentId, string Name, string RelationCode, string? Phone, string? ResidentId, string? Employer, bool Masked) : IExchangeData;

internal sealed record TeachingAssignmentData(long Id, long Revision, string OrgCode, long ClassId, long StaffId, string Subject) : IExchangeData;

internal sealed record EnrolmentData(
    long Id, long Revision, string OrgCode, long StudentId, long? ClassId, DateOnly From, DateOnly? To, string? EntryReasonCode, string? ExitReasonCode) : IExchangeData;

/// <summary>Turns records into their exchange shape (masking personal data unless <c>open</c>) and back.</summary>
internal static class ExchangeMapping
{
    public static CampusData ToData(Campus x, string org) => new(x.Id, x.Revision, org, x.Name, x.IsMain, x.Address, x.Latitude, x.Longitude);

    public static Campus ToEntity(CampusData d, int org) => new()
    {
        Id = d.Id, OrgUnitId = org, Name = d.Name, IsMain = d.IsMain, Address = d.Address, Latitude = d.Latitude, Longitude = d.Longitude,
    };

    public static SchoolClassData ToData(SchoolClass x, string org) =>
        new(x.Id, x.Revision, org, x.Code, x.Name, x.GradeCode, x.EntryYear, x.HeadTeacherId, x.CampusId);

    public static SchoolClass ToEntity(SchoolClassData d, int org) => new()
    {
        Id = d.Id, OrgUnitId = org, Code = d.Code, Name = d.Name, GradeCode = d.GradeCode, EntryYear = d.EntryYear,
        HeadTeacherId = d.HeadTeacherId, CampusId = d.CampusId,
    };

    public static StudentData ToData(Student x, string org, bool open) => new(
        x.Id, x.Revision, org, PersonalDataAccess.MaskStudentNumber(x.StudentNumber, open), x.Name, x.GenderCode,
        PersonalDataAccess.MaskResidentId(x.ResidentId, open), PersonalDataAccess.MaskBirthDate(x.BirthDate, open)!, x.EthnicityCode, x.HukouDivisionCode,
        PersonalDataAccess.MaskAddress(x.Address, open), x.ClassId, x.StatusCode, x.CategoryCode,
        x.IsMigrantChild, x.IsLeftBehind, x.HasDisability, x.HasFinancialHardship, Masked: !open);

    public static Student ToEntity(StudentData d, int org) => new()
    {
        Id = d.Id, OrgUnitId = org, StudentNumber = d.StudentNumber, Name = d.Name, GenderCode = d.GenderCode, ResidentId = d.ResidentId,
        BirthDate = Date(d.BirthDate)!.Value, EthnicityCode = d.EthnicityCode, HukouDivisionCode = d.HukouDivisionCode, Address = d.Address,
        ClassId = d.ClassId, StatusCode = d.StatusCode, CategoryCode = d.CategoryCode, IsMigrantChild = d.IsMigrantChild,
        IsLeftBehind = d.IsLeftBehind, HasDisability = d.HasDisability, HasFinancialHardship = d.HasFinancialHardship,
    };

    public static GuardianData ToData(Guardian x, string org, bool open) => new(
        x.Id, x.Revision, org, x.StudentId, x.Name, x.RelationCode, PersonalDataAccess.MaskPhone(x.Phone, open),
        PersonalDataAccess.MaskResidentId(x.ResidentId, open), x.Employer, Masked: !open);

    public static Guardian ToEntity(GuardianData d, int org) => new()
    {
        Id = d.Id, OrgUnitId = org, StudentId = d.StudentId, Name = d.Name, RelationCode = d.RelationCode, Phone = d.Phone,
        ResidentId = d.ResidentId, Employer = d.Employer,
    };

    public static TeachingAssignmentData ToData(TeachingAssignment x, string org) => new(x.Id, x.Revision, org, x.ClassId, x.StaffId, x.Subject);

    public static TeachingAssignment ToEntity(TeachingAssignmentData d, int org) => new()
    {
        Id = d.Id, OrgUnitId = org, ClassId = d.ClassId, StaffId = d.StaffId, Subject = d.Subject,
    };

    public static EnrolmentData ToData(Enrolment x, string org) =>
        new(x.Id, x.Revision, org, x.StudentId, x.ClassId, x.From, x.To, x.EntryReasonCode, x.ExitReasonCode);

    public static Enrolment ToEntity(EnrolmentData d, int org) => new()
    {
        Id = d.Id, OrgUnitId = org, StudentId = d.StudentId, ClassId = d.ClassId, From = d.From, To = d.To,
        EntryReasonCode = d.EntryReasonCode, ExitReasonCode = d.ExitReasonCode,
    };

    /// <summary>A whole birth date from the feed (only unmasked data is ever applied: a masked feed is refused first).</summary>
    private static DateOnly? Date(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
