namespace Qedu.Admissions.Domain;

/// <summary>
/// The facts a family's category and points are computed from. <see cref="InsuranceFromAgency"/>: the months are the
/// human-resources department's (an exchange file named the child), not the family's own statement.
/// </summary>
internal sealed record FamilyFacts(
    bool InZone, bool HukouAtHome, bool PropertyAtHome, bool HasResidencePermit, int ResidencePermitYears, int InsuranceMonths, bool PolicyCare,
    bool InsuranceFromAgency = false)
{
    /// <summary>
    /// The facts an application states (in a zone when its home matched one), with the agency's insurance months in
    /// place of the stated ones once known: a family cannot gain points by stating more months than were paid.
    /// </summary>
    public static FamilyFacts Of(Application a) =>
        new(a.ZoneSchoolId is not null, a.HukouAtHome, a.PropertyAtHome, a.HasResidencePermit, a.ResidencePermitYears,
            a.AgencyInsuranceMonths ?? a.InsuranceMonths, !string.IsNullOrWhiteSpace(a.PolicyCare), a.AgencyInsuranceMonths is not null);
}

/// <summary>The category a family falls in, its points, and how they were reached (shown to the family and the officers).</summary>
internal sealed record CategoryResult(SeasonCategory? Category, decimal Points, IReadOnlyList<string> How);

/// <summary>
/// Puts a family in the first category (by rank) whose conditions all hold, and adds up points by the season's rules.
/// Zone conditions (户籍, 房产) count only when the home lies in a zone: a house outside every zone gives no priority.
/// </summary>
internal static class Categories
{
    public static CategoryResult Compute(IReadOnlyList<SeasonCategory> categories, IReadOnlyList<PointsRule> rules, FamilyFacts facts, bool english)
    {
        var how = new List<string>();
        foreach (var category in categories.OrderBy(c => c.Rank))
        {
            var holds = (!category.NeedsHukou || (facts.InZone && facts.HukouAtHome))
                && (!category.NeedsProperty || (facts.InZone && facts.PropertyAtHome))
                && (!category.NeedsResidencePermit || facts.HasResidencePermit)
                && (!category.NeedsPolicyCare || facts.PolicyCare);
            if (!holds)
            {
                continue;
            }
            how.Add(english
                ? $"Category {category.Rank} ({category.NameEn}): {Conditions(category, english)}"
                : $"第 {category.Rank} 类（{category.NameZh}）：{Conditions(category, english)}");
            var points = 0m;
            if (category.UsesPoints)
            {
                foreach (var rule in rules)
                {
                    var units = rule.Fact switch
                    {
                        PointsFact.InsuranceMonths => facts.InsuranceMonths,
                        PointsFact.ResidencePermitYears => facts.ResidencePermitYears,
                        _ => 0,
                    };
                    var got = Math.Min(units * rule.PointsPerUnit, rule.MaxPoints);
                    points += got;
                    var fact = rule.Fact == PointsFact.InsuranceMonths && facts.InsuranceFromAgency
                        ? english ? $"Insurance {units} months (verified by human resources)" : $"社保 {units} 个月（人社核验）"
                        : $"{FactName(rule.Fact, english)} {units}";
                    how.Add(english
                        ? $"{fact} × {rule.PointsPerUnit:0.##} (at most {rule.MaxPoints:0.##}) = {got:0.##} points"
                        : $"{fact} × {rule.PointsPerUnit:0.##}（上限 {rule.MaxPoints:0.##}）= {got:0.##} 分");
                }
            }
            return new(category, points, how);
        }
        how.Add(english ? "No priority category applies." : "不符合任何优先类别。");
        return new(null, 0, how);
    }

    private static string Conditions(SeasonCategory c, bool english)
    {
        var parts = new List<string>();
        if (c.NeedsHukou) parts.Add(english ? "户籍 at the home, in the zone" : "户籍在学区内住址");
        if (c.NeedsProperty) parts.Add(english ? "property at the home, in the zone" : "房产在学区内");
        if (c.NeedsResidencePermit) parts.Add(english ? "a residence permit" : "持居住证");
        if (c.NeedsPolicyCare) parts.Add(english ? "a policy-care ground" : "符合政策照顾");
        if (parts.Count == 0) parts.Add(english ? "no condition" : "无条件");
        return string.Join(english ? ", " : "、", parts);
    }

    public static string FactName(PointsFact fact, bool english) => fact switch
    {
        PointsFact.InsuranceMonths => english ? "Insurance months" : "社保缴纳月数",
        PointsFact.ResidencePermitYears => english ? "Residence-permit years" : "居住证年限",
        _ => fact.ToString(),
    };
}
