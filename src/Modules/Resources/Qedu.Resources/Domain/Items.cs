using Qedu.Kernel.Access;

namespace Qedu.Resources.Domain;

/// <summary>What a resource is (资源类型).</summary>
internal enum ResourceType
{
    /// <summary>微课: a short video on one point.</summary>
    MicroLesson,
    /// <summary>优课: a recorded quality lesson.</summary>
    QualityLesson,
    /// <summary>课件: slides and teaching materials.</summary>
    Courseware,
    /// <summary>试题: test items and papers.</summary>
    TestItems,
    /// <summary>校本课程: a school-based course.</summary>
    SchoolCourse,
}

/// <summary>How far a resource is shared once published: its school, its district, or the whole city.</summary>
internal enum ResourceReach
{
    School,
    District,
    City,
}

/// <summary>Where a resource stands: waiting for review, published, sent back to its contributor, or retired (kept, hidden from search).</summary>
internal enum ResourceState
{
    Pending,
    Published,
    Returned,
    Retired,
}

/// <summary>A reward: featured by its reviewers (推荐), or the city's 精品 (city-level quality resource).</summary>
internal enum ResourceAward
{
    None,
    Featured,
    CityExcellent,
}

/// <summary>
/// A teaching resource of a unit (<see cref="OrgUnitId"/>: the contributor's school, district or the city): a stored
/// file (by content hash, <see cref="FileHash"/>) or a link, with its metadata. It is reviewed by the unit at the level it
/// is to be shared at (<see cref="ReviewerUnitId"/>: the school itself, its district, or the city) and public within that
/// reach once published. <see cref="DistrictId"/> is the contributor's district (null for the city's own), so a search
/// can find district-wide items of other schools. <see cref="SearchText"/> is the normalised text words are matched in.
/// </summary>
internal sealed class ResourceItem : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public int? DistrictId { get; set; }
    public int ReviewerUnitId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public ResourceType Type { get; set; }
    public required string Stage { get; set; }
    public int? Grade { get; set; }
    public required string Subject { get; set; }
    public string? Edition { get; set; }
    public string? Chapter { get; set; }
    public string? Keywords { get; set; }
    public ResourceReach Reach { get; set; }
    public ResourceState State { get; set; }
    public ResourceAward Award { get; set; }
    public string? FileHash { get; set; }
    public string? FileName { get; set; }
    public string? MediaType { get; set; }
    public long? Length { get; set; }
    public string? Url { get; set; }
    public required string SearchText { get; set; }
    public int Downloads { get; set; }
    public int Opens { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public string? CreatedById { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public string? ReviewNote { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
    public string? RetiredBy { get; set; }
    public string? RetiredReason { get; set; }
}

/// <summary>One account's rating of a resource (1 to 5 stars); rating again changes it. Kept in the rater's unit.</summary>
internal sealed class ResourceRating : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long ItemId { get; set; }
    public required string AccountId { get; set; }
    public int Stars { get; set; }
    public DateTimeOffset RatedAt { get; set; }
}
