using System.Text.Json;
using Qedu.Registry.Domain;
using Qedu.Registry.Kinds;
using Qedu.Registry.Records;

namespace Qedu.Registry.Features.Students;

/// <summary>
/// The add and edit pages' form: every field as the text typed (so a failed save shows exactly what was entered), turned
/// into the write API's body (the field table's keys) and checked by the same <see cref="StudentWrites"/> as POST and PUT.
/// Nothing here validates: the use case does.
/// </summary>
public sealed class StudentForm
{
    /// <summary>The student's revision when the edit page was opened: a save over someone else's change is refused (as If-Match is).</summary>
    public long Revision { get; set; }

    public string? StudentNumber { get; set; }
    public string? Name { get; set; }
    public string? Gender { get; set; }
    public string? ResidentId { get; set; }
    public string? BirthDate { get; set; }
    public string? Ethnicity { get; set; }
    public string? HukouDivision { get; set; }
    public string? Address { get; set; }
    public string? ClassCode { get; set; }
    public string? Status { get; set; } = StudentStatuses.Enrolled;
    public string? Category { get; set; } = "00";
    public bool MigrantChild { get; set; }
    public bool LeftBehind { get; set; }
    public bool Disability { get; set; }
    public bool FinancialHardship { get; set; }

    /// <summary>Adding only: the first enrolment's start and 入学方式.</summary>
    public string? EnrolledOn { get; set; }
    public string? EntryReason { get; set; }

    /// <summary>Editing only: the 学籍异动 reason and date a change of class or status is recorded with (PUT's reason and effective).</summary>
    public string? MoveReason { get; set; }
    public string? Effective { get; set; }

    public List<GuardianForm> Guardians { get; set; } = [];

    internal static StudentDefinition Fields => RecordDefinitions.Students;

    /// <summary>The personal fields a caller without pii.view sees masked (the guardians' are all of theirs).</summary>
    public static readonly IReadOnlySet<string> PersonalKeys = Fields.Fields
        .Where(f => f.Personal != Kernel.PersonalData.PersonalKind.None && !f.Key.StartsWith("guardian", StringComparison.Ordinal))
        .Select(f => f.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Always as many guardian rows as a record carries, however many were posted (a masked form posts none).</summary>
    public StudentForm WithGuardianRows()
    {
        // The form binder leaves the list null when a post names no guardian.
        Guardians ??= [];
        while (Guardians.Count < StudentDefinition.MaxGuardians)
        {
            Guardians.Add(new GuardianForm());
        }
        return this;
    }

    /// <summary>The edit page's starting values: the student as the caller may read them, in the write body's codes.</summary>
    internal static StudentForm From(StudentDetail detail, string? classCode)
    {
        var s = detail.Student;
        var form = new StudentForm
        {
            Revision = s.Revision, StudentNumber = s.StudentNumber, Name = s.Name, Gender = s.GenderCode, ResidentId = s.ResidentId,
            BirthDate = s.BirthDate, Ethnicity = s.EthnicityCode, HukouDivision = s.HukouDivisionCode, Address = s.Address, ClassCode = classCode,
            Status = s.StatusCode, Category = s.CategoryCode, MigrantChild = s.IsMigrantChild, LeftBehind = s.IsLeftBehind,
            Disability = s.HasDisability, FinancialHardship = s.HasFinancialHardship,
            Guardians = [.. detail.Guardians.Take(StudentDefinition.MaxGuardians)
                .Select(g => new GuardianForm { Name = g.Name, Relation = g.RelationCode, Phone = g.Phone, ResidentId = g.ResidentId })],
        };
        return form.WithGuardianRows();
    }

    /// <summary>
    /// The write API's body for the school. Without <paramref name="personal"/> the personal fields and the guardians are
    /// left out (the caller fills the first from the stored record; without guardian keys the use case keeps the guardians).
    /// </summary>
    public Dictionary<string, string?> ToBody(string schoolCode, bool creating, bool personal = true)
    {
        var body = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [Fields.School.Key] = schoolCode,
            [Fields.Name.Key] = Name,
            [Fields.Gender.Key] = Gender,
            [Fields.Ethnicity.Key] = Ethnicity,
            [Fields.Hukou.Key] = HukouDivision,
            [Fields.Class.Key] = ClassCode,
            [Fields.Status.Key] = Status,
            [Fields.Category.Key] = Category,
            [Fields.Migrant.Key] = Flag(MigrantChild),
            [Fields.LeftBehind.Key] = Flag(LeftBehind),
            [Fields.Disability.Key] = Flag(Disability),
            [Fields.Hardship.Key] = Flag(FinancialHardship),
        };
        if (creating)
        {
            body[Fields.EnrolledOn.Key] = EnrolledOn;
            body[Fields.EntryReason.Key] = EntryReason;
        }
        if (personal)
        {
            body[Fields.StudentNumber.Key] = StudentNumber;
            body[Fields.ResidentId.Key] = ResidentId;
            body[Fields.BirthDate.Key] = BirthDate;
            body[Fields.Address.Key] = Address;
            // Every guardian key, empty rows too: the body then says what the guardians are (an emptied row removes one).
            for (var i = 0; i < Fields.Guardians.Count; i++)
            {
                var g = i < Guardians.Count ? Guardians[i] : new GuardianForm();
                var keys = Fields.Guardians[i];
                body[keys.Name.Key] = g.Name;
                body[keys.Relation.Key] = g.Relation;
                body[keys.Phone.Key] = g.Phone;
                body[keys.ResidentId.Key] = g.ResidentId;
            }
        }
        return body;
    }

    public static JsonElement Json(Dictionary<string, string?> body) => JsonSerializer.SerializeToElement(body);

    private static string Flag(bool value) => value ? "true" : "false";
}

/// <summary>One guardian row of the form.</summary>
public sealed class GuardianForm
{
    public string? Name { get; set; }
    public string? Relation { get; set; }
    public string? Phone { get; set; }
    public string? ResidentId { get; set; }
}

/// <summary>A class the form offers: its code is what the body names, its grade groups the choices.</summary>
public sealed record ClassChoice(long Id, string Code, string Name, string GradeCode);

/// <summary>
/// What the edit page shows, and does not send, of a student whose personal data the caller sees masked: the
/// masked values as every read path masks them, and the guardians (kept as they are).
/// </summary>
public sealed record MaskedStudent(string StudentNumber, string? ResidentId, string BirthDate, string? Address, IReadOnlyList<MaskedGuardian> Guardians)
{
    internal static MaskedStudent Of(StudentDetail detail) => new(detail.Student.StudentNumber, detail.Student.ResidentId, detail.Student.BirthDate,
        detail.Student.Address, [.. detail.Guardians.Select(g => new MaskedGuardian(g.Name, g.RelationCode, g.Phone))]);
}

public sealed record MaskedGuardian(string Name, string RelationCode, string? Phone);
