using Qedu.Kernel.Access;

namespace Qedu.Admissions.Domain;

/// <summary>Where an application stands. The parent sees every one of them.</summary>
internal enum ApplicationStatus
{
    /// <summary>Being filled in by the family; staff do not see it.</summary>
    Draft,

    /// <summary>Submitted, waiting for review.</summary>
    Submitted,

    /// <summary>Returned to the family for more material (补正): they change it and submit again.</summary>
    Returned,

    /// <summary>Reviewed and accepted into the allocation.</summary>
    Approved,

    /// <summary>Refused, with the reason.</summary>
    Refused,

    /// <summary>The allocation offered a seat.</summary>
    Offered,

    /// <summary>The allocation placed the child nowhere (统筹 follows).</summary>
    Unplaced,

    /// <summary>The family accepted the offer.</summary>
    Accepted,

    /// <summary>The family declined the offer, or let it lapse.</summary>
    Declined,
}

/// <summary>The kinds of identity document a child without a resident ID may apply with.</summary>
internal static class ChildDocuments
{
    public const string ResidentId = "resident-id";
    public static readonly IReadOnlyList<string> Others = ["passport", "hk-macao-permit", "taiwan-permit", "foreign-permanent-residence"];
}

/// <summary>
/// A family's application for one child in one season. The parent account owns it (<see cref="IParentOwned"/>): they
/// read and write it and no other parent does; staff see it through its review unit (<see cref="OrgUnitId"/>): the zone
/// school the home address matched, else the first school chosen, else the season's bureau (the district's manual
/// queue for an address no zone holds). The child's resident ID is stored encrypted (ADR 11); one application per child
/// per season is a unique index on the child's blind key, so two submissions at once cannot both land.
/// </summary>
[ScopedWrite(Permissions.AdmissionsReview)]
internal sealed class Application : IParentOwned
{
    public long Id { get; set; }
    public long SeasonId { get; set; }
    public Guid ParentAccountId { get; set; }

    /// <summary>The review unit (see the type's summary).</summary>
    public int OrgUnitId { get; set; }

    /// <summary>The number the family and the officers quote (报名号): the season code and a sequence.</summary>
    public string Number { get; set; } = "";

    public ApplicationStatus Status { get; set; }

    public string ChildName { get; set; } = "";

    /// <summary>The child's resident ID (encrypted at rest), or null with another document.</summary>
    public string? ResidentId { get; set; }

    /// <summary><see cref="ChildDocuments.ResidentId"/> or one of <see cref="ChildDocuments.Others"/>.</summary>
    public string DocumentType { get; set; } = ChildDocuments.ResidentId;

    /// <summary>The other document's number (encrypted at rest); null with a resident ID.</summary>
    public string? DocumentNumber { get; set; }

    /// <summary>The blind index of the child's document (type and number): one application per child per season.</summary>
    public string ChildKey { get; set; } = "";

    public DateOnly BirthDate { get; set; }

    /// <summary>GB/T 2261.1: 1 male, 2 female.</summary>
    public string GenderCode { get; set; } = "";

    public string GuardianName { get; set; } = "";

    /// <summary>The home: a compound (小区) and/or a street and door number.</summary>
    public string? HomeCompound { get; set; }

    public string? HomeStreet { get; set; }
    public int? HomeNumber { get; set; }

    /// <summary>The rest of the address (building, unit, flat), for letters; not matched.</summary>
    public string? HomeDetail { get; set; }

    /// <summary>The child's 户籍 is at the home address.</summary>
    public bool HukouAtHome { get; set; }

    /// <summary>The family owns the home (不动产权证).</summary>
    public bool PropertyAtHome { get; set; }

    public bool HasResidencePermit { get; set; }
    public int ResidencePermitYears { get; set; }
    public int InsuranceMonths { get; set; }

    /// <summary>The policy-care ground stated (政策照顾), or null.</summary>
    public string? PolicyCare { get; set; }

    /// <summary>The zone school the home address matched, or null (the district's manual queue).</summary>
    public int? ZoneSchoolId { get; set; }

    /// <summary>The category computed from the facts (and, once verified, from what the agencies hold).</summary>
    public long? CategoryId { get; set; }

    public decimal Points { get; set; }

    /// <summary>Why it was returned (the family sees it) or refused.</summary>
    public string? ReviewNote { get; set; }

    /// <summary>The school offered by the published allocation, and the date by which the family answers.</summary>
    public int? OfferSchoolId { get; set; }

    public DateTimeOffset? OfferDeadline { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public int Revision { get; set; }

    public bool FamilyMayEdit => Status is ApplicationStatus.Draft or ApplicationStatus.Returned;
}

/// <summary>A school the family chose, in their order of preference (rank 1 first).</summary>
internal sealed class ApplicationChoice
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public int Rank { get; set; }
    public int SchoolId { get; set; }
}

/// <summary>What happened to an application, when and by whom: the family's status page and the officers' history.</summary>
internal sealed class ApplicationEvent
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>created, saved, submitted, approved, returned, refused, …</summary>
    public string Kind { get; set; } = "";

    /// <summary>Who: "family" or the officer's account name.</summary>
    public string Actor { get; set; } = "";

    public string? Note { get; set; }
}

/// <summary>The kinds of material a family uploads (户口簿, 不动产权证, 居住证, 社保证明, or other proof).</summary>
internal static class MaterialKinds
{
    public static readonly IReadOnlyList<string> All = ["hukou-book", "property-certificate", "residence-permit", "insurance", "policy-care", "other"];
}

/// <summary>
/// A file a family gave as proof (a photo or a scan). The bytes are in the kernel's file store under their SHA-256
/// (outside the web root); this row says whose, which kind, and what it was called. Deleted with the application, or
/// when the retention after the season's close ends (the stored file goes once no row names its hash).
/// </summary>
internal sealed class ApplicationMaterial
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public string Kind { get; set; } = "";
    public string FileHash { get; set; } = "";
    public string MediaType { get; set; } = "";
    public long Length { get; set; }
    public string FileName { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}
