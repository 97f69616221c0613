namespace Qedu.Teachers.Rules;

/// <summary>
/// Rotation (交流轮岗, 县管校聘) as data (teacher-rules.json, "rotation"): who is due to rotate (teachers after so many years
/// at one school, principals after so many terms; the posts and employment types that rotate; years counted to a day of
/// the year), and a district's yearly quota (a share of those due; shares of the moves for backbone teachers and for
/// urban → rural schools).
/// </summary>
internal sealed record RotationRules(
    int TeacherYears, int PrincipalTerms, int PrincipalTermYears, IReadOnlyList<string> TeacherPosts, IReadOnlyList<string> PrincipalPosts,
    IReadOnlyList<string> EmploymentTypes, string CountedTo, double ShareOfEligible, double BackboneShareOfMoves, double UrbanToRuralShareOfMoves)
{
    public string? Check() =>
        TeacherYears is > 0 and <= 30 && PrincipalTerms is > 0 and <= 10 && PrincipalTermYears is > 0 and <= 10 && TeacherPosts is { Count: > 0 }
        && PrincipalPosts is not null && EmploymentTypes is { Count: > 0 } && DateOnly.TryParseExact($"2001-{CountedTo}", "yyyy-MM-dd", out _)
        && new[] { ShareOfEligible, BackboneShareOfMoves, UrbanToRuralShareOfMoves }.All(s => s is >= 0 and <= 1)
            ? null
            : "rotation: teacherYears 1–30, principalTerms and principalTermYears 1–10, at least one post and employment type, countedTo as MM-dd, shares 0–1.";

    /// <summary>The day a year's years at a school are counted to (the end of the school year by default).</summary>
    public DateOnly CountedOn(int year) => DateOnly.ParseExact($"{year:D4}-{CountedTo}", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether a member of staff in <paramref name="post"/> on <paramref name="employmentType"/>, at their school since <paramref name="since"/>, is due to rotate in <paramref name="year"/>.</summary>
    public bool IsDue(string post, string employmentType, DateOnly? since, int year)
    {
        if (since is not { } from || !EmploymentTypes.Contains(employmentType))
        {
            return false;
        }
        var years = TeacherPosts.Contains(post) ? TeacherYears : PrincipalPosts.Contains(post) ? PrincipalTerms * PrincipalTermYears : (int?)null;
        return years is { } y && from <= CountedOn(year).AddYears(-y);
    }

    /// <summary>Whole years at the school on the year's counting day.</summary>
    public int YearsAt(DateOnly since, int year)
    {
        var on = CountedOn(year);
        var years = on.Year - since.Year;
        return on < since.AddYears(years) ? years - 1 : years;
    }

    /// <summary>The quota of a district with <paramref name="due"/> staff due and <paramref name="moves"/> moves planned: moves required, backbone moves required, urban → rural moves required.</summary>
    public (int Moves, int Backbone, int UrbanToRural) Quota(int due, int moves) =>
        ((int)Math.Ceiling((due * ShareOfEligible) - 1e-9), (int)Math.Ceiling((moves * BackboneShareOfMoves) - 1e-9), (int)Math.Ceiling((moves * UrbanToRuralShareOfMoves) - 1e-9));
}

/// <summary>A tier of rural posts: the 城乡分类 codes of its schools and the monthly subsidy (yuan) each teacher there receives.</summary>
internal sealed record RuralTier(string Code, string Zh, string En, IReadOnlyList<string> UrbanRural, int Monthly)
{
    public string Name(bool english) => english ? En : Zh;
}

/// <summary>Rural incentives as data (teacher-rules.json, "ruralIncentives"): the tiers, the hardest first.</summary>
internal sealed record RuralIncentives(IReadOnlyList<RuralTier> Tiers)
{
    public string? Check() =>
        Tiers is { Count: > 0 } && Tiers.All(t => t.Code is { Length: > 0 } && t.UrbanRural is { Count: > 0 } && t.Monthly is >= 0 and <= 100_000)
        && Tiers.SelectMany(t => t.UrbanRural).Distinct().Count() == Tiers.Sum(t => t.UrbanRural.Count)
            ? null
            : "ruralIncentives: tiers need a code, at least one 城乡分类 code (each in one tier only) and a monthly amount 0–100,000.";

    public RuralTier? TierOf(string? urbanRuralCode) => urbanRuralCode is null ? null : Tiers.FirstOrDefault(t => t.UrbanRural.Contains(urbanRuralCode));
}
