using Qedu.Registry.Domain;

namespace Qedu.Registry.Records;

/// <summary>Records (codes, as files and the API carry them) to entities (ids) and back; the caller resolves the codes.</summary>
internal static class RecordMapping
{
    public static SchoolClass ToClass(ClassRecord r, int orgUnitId, long? headTeacherId) => new()
    {
        OrgUnitId = orgUnitId, Code = r.Code, Name = r.Name, GradeCode = r.GradeCode, EntryYear = r.EntryYear, HeadTeacherId = headTeacherId,
    };

    public static ClassRecord FromClass(SchoolClass c, string schoolCode, string? headTeacherNumber) => new()
    {
        SchoolCode = schoolCode, Code = c.Code, Name = c.Name, GradeCode = c.GradeCode, EntryYear = c.EntryYear, HeadTeacherNumber = headTeacherNumber,
    };

    public static SchoolProfileRecord FromProfile(SchoolProfile p, string schoolCode, string schoolName) => new()
    {
        SchoolCode = schoolCode, SchoolName = schoolName, Address = p.Address, Latitude = p.Latitude, Longitude = p.Longitude,
        CapacitySeats = p.CapacitySeats, Phone = p.Phone, Website = p.Website,
    };

    public static Student ToStudent(StudentRecord r, int orgUnitId, long? classId) => new()
    {
        OrgUnitId = orgUnitId, StudentNumber = r.StudentNumber, Name = r.Name, GenderCode = r.GenderCode, ResidentId = r.ResidentId,
        BirthDate = r.BirthDate, EthnicityCode = r.EthnicityCode, HukouDivisionCode = r.HukouDivisionCode, Address = r.Address,
        ClassId = classId, StatusCode = r.StatusCode, CategoryCode = r.CategoryCode, IsMigrantChild = r.IsMigrantChild,
        IsLeftBehind = r.IsLeftBehind, HasDisability = r.HasDisability, HasFinancialHardship = r.HasFinancialHardship,
    };

    public static StudentRecord FromStudent(Student s, string schoolCode, string? classCode, Enrolment? open, IEnumerable<Guardian> guardians) => new()
    {
        SchoolCode = schoolCode, StudentNumber = s.StudentNumber, Name = s.Name, GenderCode = s.GenderCode, ResidentId = s.ResidentId,
        BirthDate = s.BirthDate, EthnicityCode = s.EthnicityCode, HukouDivisionCode = s.HukouDivisionCode, Address = s.Address,
        ClassCode = classCode, StatusCode = s.StatusCode, CategoryCode = s.CategoryCode, IsMigrantChild = s.IsMigrantChild,
        IsLeftBehind = s.IsLeftBehind, HasDisability = s.HasDisability, HasFinancialHardship = s.HasFinancialHardship,
        EnrolledOn = open?.From, EntryReasonCode = open?.EntryReasonCode,
        Guardians = guardians.Select(g => new GuardianRecord(g.Name, g.RelationCode, g.Phone, g.ResidentId)).ToList(),
    };

    public static Guardian ToGuardian(GuardianRecord g, Student student) => new()
    {
        OrgUnitId = student.OrgUnitId, StudentId = student.Id, Name = g.Name, RelationCode = g.RelationCode, Phone = g.Phone, ResidentId = g.ResidentId,
    };
}
