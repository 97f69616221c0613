using Qedu.Kernel.PersonalData;
using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;

namespace Qedu.Registry.Kinds;

// Guardians, owned here: a new field touches the entity (Domain/Guardian.cs), this file (and the student's file
// columns in StudentKind.cs, where a student's guardians are read and written) and a migration.

/// <summary>
/// A student's guardian as a registry kind: named <c>guardians</c> in URLs and exchanged as <see cref="GuardianData"/>
/// (phone and resident ID masked unless pii.view; a teacher sees her classes' phone numbers). Written with their student
/// (the student's body and file row carry up to two guardians), never alone.
/// </summary>
internal sealed class GuardianKind : RegistryKind
{
    public static readonly GuardianKind Instance = new();

    private GuardianKind()
    {
    }

    public override string UrlName => "guardians";

    public override ExchangeKind Exchange { get; } = new ExchangeKind<Guardian, GuardianData>(ToData, FromData, personal: true);

    /// <summary>A guardian a student's record names, as a new row beside the student.</summary>
    public static Guardian ToEntity(GuardianRecord g, Student student) => new()
    {
        OrgUnitId = student.OrgUnitId, StudentId = student.Id, Name = g.Name, RelationCode = g.RelationCode, Phone = g.Phone, ResidentId = g.ResidentId,
    };

    public static GuardianData ToData(Guardian x, string org, bool open) => new(
        x.Id, x.Revision, org, x.StudentId, x.Name, x.RelationCode, PersonalDataAccess.MaskPhone(x.Phone, open),
        PersonalDataAccess.MaskResidentId(x.ResidentId, open), x.Employer, Masked: !open);

    /// <summary>A mirror's row from the exchange shape (only unmasked data is applied).</summary>
    public static Guardian FromData(GuardianData d, int org) => new()
    {
        Id = d.Id, OrgUnitId = org, StudentId = d.StudentId, Name = d.Name, RelationCode = d.RelationCode, Phone = d.Phone,
        ResidentId = d.ResidentId, Employer = d.Employer,
    };
}

/// <summary>A guardian in the exchange shape: the student by id, the school as a code, and whether personal data was masked.</summary>
internal sealed record GuardianData(
    long Id, long Revision, string OrgCode, long StudentId, string Name, string RelationCode, string? Phone, string? ResidentId, string? Employer, bool Masked) : IExchangeData;

/// <summary>A guardian as a student's file row and write body carry them (up to two).</summary>
internal sealed record GuardianRecord(string Name, string RelationCode, string? Phone, string? ResidentId);
