using Qedu.Family.Credits;
using Qedu.Kernel.Access;

namespace Qedu.Family.Domain;

/// <summary>
/// A learning provider the bureau accredited for the credit bank (a vocational school, a community college, a training
/// body), kept under the org unit whose staff record its learners' outcomes (<see cref="OrgUnitId"/>).
/// </summary>
internal sealed class CreditProvider : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public DateOnly AccreditedOn { get; set; }
    public DateOnly AccreditedUntil { get; set; }
    public required string AccreditedBy { get; set; }
}

/// <summary>
/// A learner's account in the credit bank: any resident, not only a pupil, known by the mobile number they sign in with
/// (the public one-time-code sign-in) and the name the providers recorded.
/// </summary>
internal sealed class CreditLearner
{
    public long Id { get; set; }
    public required string Phone { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A learning outcome a provider recorded for a learner: a course passed (hours, score), a certificate held, an award
/// won; the credits it is worth under the rules' edition named, fixed when recorded.
/// </summary>
internal sealed class CreditOutcome : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long ProviderId { get; set; }
    public long LearnerId { get; set; }
    public LearningKind Kind { get; set; }

    /// <summary>The course's code, the certificate's code, or the award's level (national, provincial, city).</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }
    public decimal? Hours { get; set; }
    public decimal? Score { get; set; }
    public DateOnly AchievedOn { get; set; }
    public decimal Credits { get; set; }
    public string? EquivalenceGroup { get; set; }
    public required string RulesEdition { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>
/// A transcript issued to a learner: its verification code (anyone checks it on the public page), when, the credits it
/// showed and a hash of its lines, so the check says what the paper should say.
/// </summary>
internal sealed class CreditTranscript
{
    public long Id { get; set; }
    public long LearnerId { get; set; }
    public required string Code { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public decimal TotalCredits { get; set; }
    public int Outcomes { get; set; }
    public required string ContentHash { get; set; }
}
