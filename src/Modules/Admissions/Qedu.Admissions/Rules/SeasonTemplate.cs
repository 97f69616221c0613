using Qedu.Admissions.Domain;

namespace Qedu.Admissions.Rules;

/// <summary>
/// What a new season starts with, so a bureau edits rather than types everything: the five priority categories most
/// Chinese districts use (户籍+房产 in the zone, 房产 only, 户籍 only, 随迁子女 by points, 政策照顾) and points for
/// insurance months and residence-permit years. All of it is data the season's set-up page changes.
/// </summary>
internal static class SeasonTemplate
{
    public static IReadOnlyList<SeasonCategory> Categories(long seasonId) =>
    [
        new() { SeasonId = seasonId, Rank = 1, Code = "hukou-property", NameZh = "户籍与房产均在学区", NameEn = "户籍 and property in the zone", NeedsHukou = true, NeedsProperty = true },
        new() { SeasonId = seasonId, Rank = 2, Code = "property", NameZh = "房产在学区", NameEn = "Property in the zone", NeedsProperty = true },
        new() { SeasonId = seasonId, Rank = 3, Code = "hukou", NameZh = "户籍在学区", NameEn = "户籍 in the zone", NeedsHukou = true },
        new() { SeasonId = seasonId, Rank = 4, Code = "migrant", NameZh = "随迁子女（积分）", NameEn = "Migrant children (points)", NeedsResidencePermit = true, UsesPoints = true },
        new() { SeasonId = seasonId, Rank = 5, Code = "policy-care", NameZh = "政策照顾", NameEn = "Policy care", NeedsPolicyCare = true },
    ];

    public static IReadOnlyList<PointsRule> PointsRules(long seasonId) =>
    [
        new() { SeasonId = seasonId, Fact = PointsFact.InsuranceMonths, PointsPerUnit = 0.5m, MaxPoints = 30 },
        new() { SeasonId = seasonId, Fact = PointsFact.ResidencePermitYears, PointsPerUnit = 2, MaxPoints = 10 },
    ];

    /// <summary>The registry stage a season's schools must teach.</summary>
    public static Qedu.Kernel.Codes.Stage StageOf(SeasonStage stage) => stage switch
    {
        SeasonStage.Kindergarten => Qedu.Kernel.Codes.Stage.Preschool,
        SeasonStage.PrimaryOne => Qedu.Kernel.Codes.Stage.Primary,
        _ => Qedu.Kernel.Codes.Stage.JuniorSecondary,
    };
}
