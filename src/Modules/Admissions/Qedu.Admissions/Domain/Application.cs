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

/// <summary>What another agency's exchange file said about one stated fact (户籍, 房产, 社保).</summary>
internal enum FactCheck
{
    /// <summary>No exchange file has named the child yet.</summary>
    Unchecked,

    /// <summary>The agency's data agrees with what the family stated.</summary>
    Verified,

    /// <summary>The agency's data disagrees: the field is flagged for the reviewer.</summary>
    Mismatch,
}

/// <summary>How the offered seat was given.</summary>
internal enum OfferRoute
{
    /// <summary>By the published allocation run.</summary>
    Allocation,

    /// <summary>By the district's 统筹: the nearest school with a free seat, for a child the allocation placed nowhere.</summary>
    Coordination,

    /// <summary>By an upheld review request (复核).</summary>
    Appeal,
}

/// <summary>Where a family's review request (复核) stands.</summary>
internal enum AppealStatus
{
    None,

    /// <summary>Asked, waiting for the bureau's answer.</summary>
    Pending,

    /// <summary>The bureau agreed; the answer says what changed.</summary>
    Upheld,

    /// <summary>The bureau kept its decision; the answer says why.</summary>
    Dismissed,
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

    /// <summary>How the offer was given (allocation, 统筹 or 复核).</summary>
    public OfferRoute OfferRoute { get; set; }

    /// <summary>Straight-line distance from the home to the offered school when 统筹 placed the child, in km.</summary>
    public double? OfferDistanceKm { get; set; }

    /// <summary>Where the home is, from the zone line its address matched (for 统筹 by distance); null when unknown.</summary>
    public double? HomeLatitude { get; set; }

    public double? HomeLongitude { get; set; }

    /// <summary>What the public-security 户籍 list said about <see cref="HukouAtHome"/>.</summary>
    public FactCheck HukouCheck { get; set; }

    /// <summary>What the housing department's property list said about <see cref="PropertyAtHome"/>.</summary>
    public FactCheck PropertyCheck { get; set; }

    /// <summary>What the human-resources insurance list said about <see cref="InsuranceMonths"/>.</summary>
    public FactCheck InsuranceCheck { get; set; }

    /// <summary>The insurance months the agency holds, when its file named the child (points use it once known).</summary>
    public int? AgencyInsuranceMonths { get; set; }

    /// <summary>When an exchange file last named the child.</summary>
    public DateTimeOffset? CheckedAt { get; set; }

    /// <summary>The family's review request (复核): its reason, when, where it stands, and the bureau's answer.</summary>
    public AppealStatus AppealStatus { get; set; }

    public string? AppealReason { get; set; }
    public DateTimeOffset? AppealedAt { get; set; }
    public string? AppealAnswer { get; set; }
    public DateTimeOffset? AppealAnsweredAt { get; set; }

    /// <summary>The registry student an accepted offer became (once), and when.</summary>
    public long? StudentId { get; set; }

    public DateTimeOffset? EnrolledAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// When the row last changed after it was inserted, in real time (not the business clock): every node keeps the
    /// status it last read of each application and asks each second for the ones changed lately (ApplicationStatuses).
    /// Set on every save that modifies the row (AdmissionsSaves); null until then.
    /// </summary>
    public DateTimeOffset? ChangedAt { get; set; }

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

/// <summary>The agencies' exchange files a district imports to verify what families stated.</summary>
internal enum VerificationKind
{
    /// <summary>户籍 list from public security: resident ID and registered address.</summary>
    Hukou,

    /// <summary>Property list from housing: resident ID of an owner (a guardian) and the property's address.</summary>
    Property,

    /// <summary>Insurance months from human resources: resident ID and months paid.</summary>
    Insurance,
}

/// <summary>
/// One exchange file a district imported for a season: who, when, which file (by hash), and what it did to the
/// applications it named (verified, flagged, not found). The applications' checks say the rest.
/// </summary>
[ScopedWrite(Permissions.AdmissionsManage)]
internal sealed class VerificationImport : IOrgScoped
{
    public long Id { get; set; }
    public long SeasonId { get; set; }

    /// <summary>The season's bureau, which imports the file.</summary>
    public int OrgUnitId { get; set; }

    public VerificationKind Kind { get; set; }
    public string FileName { get; set; } = "";
    public string FileHash { get; set; } = "";
    public int Rows { get; set; }
    public int Verified { get; set; }
    public int Mismatched { get; set; }

    /// <summary>Rows naming no application of the season.</summary>
    public int NotFound { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";
}
