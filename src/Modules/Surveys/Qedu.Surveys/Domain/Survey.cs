namespace Qedu.Surveys.Domain;

/// <summary>
/// A satisfaction survey a bureau runs (the city's, or a district's for its own schools): one questionnaire, the schools
/// taking part, and the days it is open. Not a scoped row: every school taking part sees it, and its results are read
/// through <see cref="SurveyAccess"/>, which keeps each reader to the schools in their scope.
/// </summary>
internal sealed class Survey
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int QuestionnaireId { get; set; }

    /// <summary>The bureau that runs it: only its survey managers change or close it.</summary>
    public int OwnerUnitId { get; set; }
    public DateOnly OpensOn { get; set; }

    /// <summary>The last day answers are taken (inclusive).</summary>
    public DateOnly ClosesOn { get; set; }

    /// <summary>When the bureau closed it early; none while it runs its course.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>Answers are taken from <see cref="OpensOn"/> to <see cref="ClosesOn"/>, unless closed early.</summary>
    public bool IsOpen(DateOnly today) => ClosedAt is null && today >= OpensOn && today <= ClosesOn;

    /// <summary>Closed: the comments may now be read (never while answers still come in).</summary>
    public bool IsClosed(DateOnly today) => ClosedAt is not null || today > ClosesOn;

    /// <summary>"upcoming", "open" or "closed" on <paramref name="today"/>.</summary>
    public string StateOn(DateOnly today) => IsClosed(today) ? "closed" : IsOpen(today) ? "open" : "upcoming";
}

/// <summary>A school taking part in a survey, and how many one-time links it has handed out.</summary>
internal sealed class SurveySchool
{
    public int SurveyId { get; set; }
    public int SchoolId { get; set; }
    public int LinksIssued { get; set; }
}

/// <summary>
/// A one-time link of a school in a survey, kept only as the SHA-256 of its code (the code is shown once, on the slips).
/// Used once: taken with a single conditional update, never tied to the answer it brought (no id, no time of use).
/// </summary>
internal sealed class SurveyToken
{
    public long Id { get; set; }
    public int SurveyId { get; set; }
    public int SchoolId { get; set; }
    public required string Hash { get; set; }
    public bool Used { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
}

/// <summary>
/// One anonymous response: the survey, the school it was for, the day, and the five-point answers as one digit per
/// five-point item in the questionnaire's order ("54435445"; 5 = 非常满意). Nothing that points to a person or a link.
/// One row per response keeps a city's half a million answers cheap to write and to count.
/// </summary>
internal sealed class SurveyResponse
{
    public long Id { get; set; }
    public int SurveyId { get; set; }
    public int SchoolId { get; set; }
    public DateOnly SubmittedOn { get; set; }
    public required string Values { get; set; }
}

/// <summary>A comment of a response, for one free-text item: read by the school only after the survey has closed.</summary>
internal sealed class SurveyComment
{
    public long Id { get; set; }
    public long ResponseId { get; set; }
    public int SurveyId { get; set; }
    public int SchoolId { get; set; }
    public short Item { get; set; }
    public required string Text { get; set; }
}
