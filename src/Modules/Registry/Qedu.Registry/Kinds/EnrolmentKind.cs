using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;

namespace Qedu.Registry.Kinds;

// Enrolments, owned here: a new field touches the entity (Domain/Enrolment.cs), this file and a migration.

/// <summary>
/// One stretch of a student's schooling as a registry kind: named <c>enrolments</c> in URLs and exchanged as
/// <see cref="EnrolmentData"/>. Written only by the student's own writes (<see cref="Writes.StudentCommands"/> keeps the
/// history when a student moves or changes status), never alone.
/// </summary>
internal sealed class EnrolmentKind : RegistryKind
{
    public static readonly EnrolmentKind Instance = new();

    private EnrolmentKind()
    {
    }

    public override string UrlName => "enrolments";

    public override ExchangeKind Exchange { get; } = new ExchangeKind<Enrolment, EnrolmentData>((x, org, _) => ToData(x, org), FromData, personal: false);

    public static EnrolmentData ToData(Enrolment x, string org) =>
        new(x.Id, x.Revision, org, x.StudentId, x.ClassId, x.From, x.To, x.EntryReasonCode, x.ExitReasonCode);

    /// <summary>A mirror's row from the exchange shape.</summary>
    public static Enrolment FromData(EnrolmentData d, int org) => new()
    {
        Id = d.Id, OrgUnitId = org, StudentId = d.StudentId, ClassId = d.ClassId, From = d.From, To = d.To,
        EntryReasonCode = d.EntryReasonCode, ExitReasonCode = d.ExitReasonCode,
    };
}

/// <summary>An enrolment in the exchange shape: student and class by id, the school as a code, dates and 学籍异动 codes.</summary>
internal sealed record EnrolmentData(
    long Id, long Revision, string OrgCode, long StudentId, long? ClassId, DateOnly From, DateOnly? To, string? EntryReasonCode, string? ExitReasonCode) : IExchangeData;
