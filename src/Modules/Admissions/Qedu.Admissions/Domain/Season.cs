using Qedu.Kernel.Access;

namespace Qedu.Admissions.Domain;

/// <summary>The entry stage a season admits to.</summary>
internal enum SeasonStage
{
    /// <summary>幼儿园小班.</summary>
    Kindergarten,

    /// <summary>小学一年级.</summary>
    PrimaryOne,

    /// <summary>初中七年级.</summary>
    JuniorSeven,
}

/// <summary>How a season's seats are given.</summary>
internal enum SeasonMechanism
{
    /// <summary>公办: by zone and priority category; no private schools.</summary>
    PublicByZone,

    /// <summary>民办: by application, a lottery when a school is oversubscribed.</summary>
    PrivateByLottery,

    /// <summary>公民同招: both at once; a child who loses a private lottery falls back to the zone school.</summary>
    PublicAndPrivate,
}

/// <summary>
/// One enrolment season (招生季) of one bureau (a district; the city for city-wide schools): its stage, application
/// window (stored in UTC, shown in China time), the birth dates it admits, its schools and seats, its priority
/// categories in order and its points rules (data, not code), and the deadlines after results.
/// </summary>
[ScopedWrite(Permissions.AdmissionsManage)]
internal sealed class Season : IOrgScoped
{
    public long Id { get; set; }

    /// <summary>The bureau that runs the season.</summary>
    public int OrgUnitId { get; set; }

    /// <summary>Unique, readable: e.g. 2026-370202-P1.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";
    public SeasonStage Stage { get; set; }
    public SeasonMechanism Mechanism { get; set; }
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }

    /// <summary>The earliest birth date admitted (inclusive), e.g. 2019-09-01 for grade one in 2026.</summary>
    public DateOnly BornFrom { get; set; }

    /// <summary>The latest birth date admitted (inclusive), e.g. 2020-08-31.</summary>
    public DateOnly BornTo { get; set; }

    /// <summary>How many private schools a family may choose (公民同招: usually 1).</summary>
    public int MaxPrivateChoices { get; set; } = 1;

    /// <summary>Days a family has to accept or decline an offer after results are published.</summary>
    public int AcceptDays { get; set; } = 7;

    /// <summary>Days a family has to ask for a review (复核) after results are published.</summary>
    public int AppealDays { get; set; } = 5;

    /// <summary>Days after the close that materials and unsuccessful applications are kept.</summary>
    public int RetentionDays { get; set; } = 180;

    public DateTimeOffset? ResultsPublishedAt { get; set; }
    public int Revision { get; set; }

    /// <summary>
    /// The public draw (电脑随机派位): SHA-256 of <see cref="DrawSeed"/> (hex), published with <see cref="DrawCommittedAt"/>
    /// when applications close, so the seed cannot be chosen after the applicants are known.
    /// </summary>
    public string? DrawCommitment { get; set; }

    public DateTimeOffset? DrawCommittedAt { get; set; }

    /// <summary>The draw's seed (32 random bytes, hex), encrypted at rest and secret until the draw reveals it.</summary>
    public string? DrawSeed { get; set; }

    /// <summary>The salt of the applicant hashes in the published draw package (secret: the hashes cannot be reversed).</summary>
    public string? DrawSalt { get; set; }

    /// <summary>When the draw ran (the seed is public from then on); a season draws once.</summary>
    public DateTimeOffset? DrawnAt { get; set; }

    /// <summary>The allocation run the draw made.</summary>
    public long? DrawRunId { get; set; }

    public bool IsOpenAt(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;
}

/// <summary>A school taking part in a season, with its seats (one program per school and season).</summary>
internal sealed class SeasonSchool
{
    public long Id { get; set; }
    public long SeasonId { get; set; }
    public int SchoolId { get; set; }

    /// <summary>民办: families choose it by application, and a lottery decides when it is oversubscribed.</summary>
    public bool IsPrivate { get; set; }

    public int Seats { get; set; }

    /// <summary>Where the school is (from the registry's school profile, editable): 统筹 places by distance from it.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}

/// <summary>
/// One priority category (招生类别) of a season, in rank order (1 first). A family is in the first category whose
/// conditions all hold; a category that uses points ranks its families by <see cref="PointsRule"/>s.
/// </summary>
internal sealed class SeasonCategory
{
    public long Id { get; set; }
    public long SeasonId { get; set; }
    public int Rank { get; set; }
    public string Code { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";

    /// <summary>户籍 at the home address, which lies in the school's zone.</summary>
    public bool NeedsHukou { get; set; }

    /// <summary>Property (房产) at the home address, which lies in the school's zone.</summary>
    public bool NeedsProperty { get; set; }

    /// <summary>A residence permit (居住证) here: the children of families who came from elsewhere (随迁子女).</summary>
    public bool NeedsResidencePermit { get; set; }

    /// <summary>A policy-care ground (政策照顾: military, police, talent, …) stated and verified.</summary>
    public bool NeedsPolicyCare { get; set; }

    /// <summary>Families in this category are ranked by points (the season's <see cref="PointsRule"/>s).</summary>
    public bool UsesPoints { get; set; }

    public string Name(bool english) => english ? NameEn : NameZh;
}

/// <summary>The fact a points rule counts.</summary>
internal enum PointsFact
{
    /// <summary>Months of social insurance paid here (社保缴纳月数).</summary>
    InsuranceMonths,

    /// <summary>Whole years the residence permit has been held (居住证年限).</summary>
    ResidencePermitYears,
}

/// <summary>Points for migrant children as data: <see cref="PointsPerUnit"/> per unit of <see cref="Fact"/>, at most <see cref="MaxPoints"/>.</summary>
internal sealed class PointsRule
{
    public long Id { get; set; }
    public long SeasonId { get; set; }
    public PointsFact Fact { get; set; }
    public decimal PointsPerUnit { get; set; }
    public decimal MaxPoints { get; set; }
}

/// <summary>Which door numbers of a street a zone line covers.</summary>
internal enum NumberParity
{
    All,
    Odd,
    Even,
}

/// <summary>
/// One line of a school's attendance zone (学区) in a season: a residential compound (小区) by name, or a street with a
/// range of door numbers. Dated by its season, so last year's zones stay as they were.
/// </summary>
internal sealed class ZoneLine
{
    public long Id { get; set; }
    public long SeasonId { get; set; }
    public int SchoolId { get; set; }

    /// <summary>A compound's name (matched first); null for a street line.</summary>
    public string? Compound { get; set; }

    public string? Street { get; set; }
    public int? FromNumber { get; set; }
    public int? ToNumber { get; set; }
    public NumberParity Parity { get; set; }

    /// <summary>Where the compound or street lies (optional): a matched home takes it, for 统筹 by distance.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}
