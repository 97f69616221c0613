namespace Qedu.StudentServices.Domain;

/// <summary>The category of a service item, as the government-service catalogues name them.</summary>
internal enum ServiceCategory
{
    /// <summary>公共服务.</summary>
    PublicService = 1,

    /// <summary>行政许可.</summary>
    Licence = 2,

    /// <summary>行政确认.</summary>
    Confirmation = 3,

    /// <summary>行政给付.</summary>
    Payment = 4,

    /// <summary>其他行政权力.</summary>
    OtherPower = 5,
}

/// <summary>How an item can be asked for (网上办理, 掌上办理, 窗口办理).</summary>
[Flags]
internal enum ServiceChannels
{
    None = 0,
    Online = 1,
    Mobile = 2,
    Window = 4,
}

/// <summary>The procedure in Qedu an item is done by, if any: the item's page links to it, and a change takes its limits from it.</summary>
internal enum OnlineProcedure
{
    None = 0,
    Transfer = 1,
    TransferOut = 2,
    Suspension = 3,
    Resumption = 4,

    /// <summary>转入 from outside the city: the receiving school registers it (the family has no city record to sign in with).</summary>
    TransferIn = 5,

    /// <summary>Admission to grade one or seven (the admissions module's application).</summary>
    Enrolment = 10,
}

/// <summary>A version's state: a draft is edited in place; a published version is never changed again.</summary>
internal enum VersionState
{
    Draft = 1,
    Published = 2,
}

/// <summary>
/// A service item of the 一次办好 catalogue, by its code: which of its versions is in force, and whether it was withdrawn.
/// What the item says is in its versions (<see cref="ServiceItemVersion"/>). City-wide data, edited by the city bureau.
/// </summary>
internal sealed class ServiceItem
{
    public int Id { get; set; }

    /// <summary>The code the catalogue quotes, e.g. QDJY-XJ-001 (upper-case letters, digits and dashes).</summary>
    public string Code { get; set; } = "";

    /// <summary>The published version in force; null until the first is published.</summary>
    public int? PublishedVersion { get; set; }

    /// <summary>No longer offered since then (the public catalogue leaves it out); publishing a new version offers it again.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public int Revision { get; set; }
}

/// <summary>
/// One version of a service item with the standard elements of a service guide (办事指南). A published version is kept
/// as it was (a change started under it quotes its code and number); a new edit makes the next version a draft.
/// </summary>
internal sealed class ServiceItemVersion
{
    public long Id { get; set; }
    public int ItemId { get; set; }
    public int Version { get; set; }
    public VersionState State { get; set; } = VersionState.Draft;

    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public ServiceCategory Category { get; set; } = ServiceCategory.PublicService;

    /// <summary>Who does it (实施主体), e.g. 学生就读学校所在区（市）教育和体育局.</summary>
    public string ImplementingBody { get; set; } = "";

    /// <summary>设定依据: the laws and documents the item rests on.</summary>
    public string LegalBasis { get; set; } = "";

    /// <summary>受理条件.</summary>
    public string Conditions { get; set; } = "";

    /// <summary>申请材料, in order; those Qedu already holds are marked and never asked for (免提交).</summary>
    public List<ServiceMaterial> Materials { get; set; } = [];

    /// <summary>办理流程: one step per line.</summary>
    public string Process { get; set; } = "";

    /// <summary>法定办结时限 in working days (0: none set by law).</summary>
    public int LegalDays { get; set; }

    /// <summary>承诺办结时限 in working days (0: done on the spot).</summary>
    public int PromisedDays { get; set; }

    /// <summary>收费标准, e.g. 不收费.</summary>
    public string Fees { get; set; } = "";

    public ServiceChannels Channels { get; set; }

    /// <summary>即办件: done on the spot when the materials are complete.</summary>
    public bool Immediate { get; set; }

    /// <summary>零跑腿: can be done without going anywhere.</summary>
    public bool ZeroTrip { get; set; }

    public OnlineProcedure Procedure { get; set; }

    /// <summary>What this version changed, as its editor says.</summary>
    public string? ChangeNote { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public int Revision { get; set; }
}

/// <summary>A material the applicant brings, or (<see cref="HeldByQedu"/>) one Qedu already holds and never asks for: 免提交.</summary>
internal sealed record ServiceMaterial(string Name, bool HeldByQedu, string? Note = null);
