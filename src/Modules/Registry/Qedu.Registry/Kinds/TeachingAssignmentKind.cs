using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;
using Qedu.Registry.Records;

namespace Qedu.Registry.Kinds;

// Teaching assignments (任课), owned here: a new field touches the entity (Domain/TeachingAssignment.cs), this file and a migration.

/// <summary>
/// 任课 as a registry kind: named <c>teaching-assignments</c> in URLs, imported and exported as kind <c>teaching</c> by
/// <see cref="TeachingDefinition"/>'s field table (class by 班级代码, staff by 教职工号), exchanged as
/// <see cref="TeachingAssignmentData"/> (both by id). Written by files only: it has no write routes.
/// </summary>
internal sealed class TeachingAssignmentKind : RegistryKind
{
    public static readonly TeachingAssignmentKind Instance = new();

    private TeachingAssignmentKind()
    {
    }

    public override string UrlName => "teaching-assignments";

    public override ExchangeKind Exchange { get; } =
        new ExchangeKind<TeachingAssignment, TeachingAssignmentData>((x, org, _) => ToData(x, org), FromData, personal: false);

    public override IRecordDefinition Fields => RecordDefinitions.Teaching;

    public static TeachingAssignmentData ToData(TeachingAssignment x, string org) => new(x.Id, x.Revision, org, x.ClassId, x.StaffId, x.Subject);

    /// <summary>A mirror's row from the exchange shape.</summary>
    public static TeachingAssignment FromData(TeachingAssignmentData d, int org) => new()
    {
        Id = d.Id, OrgUnitId = org, ClassId = d.ClassId, StaffId = d.StaffId, Subject = d.Subject,
    };
}

/// <summary>A teaching assignment in the exchange shape: class and staff member by id, the school as a code.</summary>
internal sealed record TeachingAssignmentData(long Id, long Revision, string OrgCode, long ClassId, long StaffId, string Subject) : IExchangeData;

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
