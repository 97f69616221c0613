using Qedu.StudentServices.Domain;

namespace Qedu.StudentServices.Features.Changes;

/// <summary>A change asked for: the student, the kind, and what the kind needs (target school, the school outside the city, the break's end).</summary>
internal sealed record StartChange(
    long StudentId, ChangeKind Kind, string Reason, int? ToSchoolId = null, string? OtherSchool = null, DateOnly? SuspendedUntil = null,
    IncomingInput? Incoming = null);

/// <summary>The child a 转入 brings (no <see cref="StartChange.StudentId"/>: not in the registry yet), and one guardian.</summary>
internal sealed record IncomingInput(
    string? StudentNumber, string? Name, string? GenderCode, DateOnly? BirthDate, string? GuardianName, string? GuardianRelationCode, string? GuardianPhone);

/// <summary>A step's answer: accept (a receiving school may name the class), return for correction, or refuse (both with a note).</summary>
internal sealed record DecideStep(StepDecision Decision, string? Note = null, long? ClassId = null, bool ConfirmLargeClass = false);
