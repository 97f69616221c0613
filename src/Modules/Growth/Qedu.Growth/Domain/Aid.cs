using System.Text.Json.Serialization;
using Qedu.Kernel.Access;

namespace Qedu.Growth.Domain;

// Student aid (学生资助, 002-17): an application per student, scheme and school year, reviewed by the district, with
// the payments made on it; kept at the student's school.

/// <summary>Where an application stands: applied by the school, awarded or refused by the district.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AidState>))]
internal enum AidState
{
    Applied = 1,
    Awarded = 2,
    Refused = 3,
}

/// <summary>A student's application for a scheme in a school year: the registry flag it rests on, the amount the scheme gives, the review.</summary>
internal sealed class AidApplication : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StudentId { get; set; }
    public required string StudentNumber { get; set; }
    public string? ClassName { get; set; }
    public required string GradeCode { get; set; }
    public int SchoolYear { get; set; }
    public required string Scheme { get; set; }

    /// <summary>The registry flag the student is eligible by (hardship, disability), as the school saw it when applying.</summary>
    public required string Basis { get; set; }
    public decimal Amount { get; set; }

    /// <summary>
    /// What has been paid on the award, in fen (分): kept beside the payments so that a payment is taken by one conditional
    /// update that cannot pass the award however many are recorded at once.
    /// </summary>
    public long PaidFen { get; set; }
    public AidState State { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
    public required string AppliedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public string? ReviewNote { get; set; }
}

/// <summary>A payment made on an awarded application (the day, the amount, how: to a bank card, in kind, by fee waiver).</summary>
internal sealed class AidPayment : IOrgScoped
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public int OrgUnitId { get; set; }
    public DateOnly PaidOn { get; set; }
    public decimal Amount { get; set; }
    public required string Method { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}
