using System.Reflection;
using System.Text.Json;

namespace Qedu.Family.Credits;

/// <summary>What a learning outcome is: a course passed, a certificate held, an award won.</summary>
internal enum LearningKind
{
    Course,
    Certificate,
    Award,
}

/// <summary>
/// The credit bank's conversion rules as data (Rules/credit-rules.json): a course's hours become credits (hours ÷ hours per
/// credit, rounded down to the step, at most the cap, only when passed), a certificate and an award are worth fixed
/// credits, and within an equivalence group (a certificate and the course it stands for) only the largest counts.
/// </summary>
internal sealed class CreditRules
{
    public required string Edition { get; init; }
    public required string Source { get; init; }
    public decimal CourseHoursPerCredit { get; init; }
    public decimal CourseCreditStep { get; init; }
    public decimal MaxCreditsPerCourse { get; init; }
    public decimal CoursePassScore { get; init; }
    public required IReadOnlyList<CertificateRule> Certificates { get; init; }
    public required IReadOnlyList<AwardRule> Awards { get; init; }
    public required IReadOnlyList<Equivalence> Equivalences { get; init; }

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static CreditRules Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Qedu.Family.credit-rules.json")
            ?? throw new InvalidOperationException("The credit rules are missing from the assembly.");
        var rules = JsonSerializer.Deserialize<CreditRules>(stream, Json) ?? throw new InvalidOperationException("The credit rules are empty.");
        if (rules.CourseHoursPerCredit <= 0 || rules.CourseCreditStep <= 0)
        {
            throw new InvalidOperationException("The credit rules need positive hours per credit and a positive step.");
        }
        return rules;
    }

    /// <summary>
    /// The credits an outcome is worth on its own: a course's hours converted (0 when failed, or below one step), a
    /// certificate's or an award level's fixed credits; null when the certificate or the level is not in the rules.
    /// </summary>
    public decimal? Credits(LearningKind kind, string code, decimal? hours, decimal? score) => kind switch
    {
        LearningKind.Course when hours is > 0 => score is { } s && s < CoursePassScore
            ? 0m
            : Math.Min(MaxCreditsPerCourse, Math.Floor(hours.Value / CourseHoursPerCredit / CourseCreditStep) * CourseCreditStep),
        LearningKind.Course => null,
        LearningKind.Certificate => Certificates.FirstOrDefault(c => c.Code == code)?.Credits,
        LearningKind.Award => Awards.FirstOrDefault(a => a.Level == code)?.Credits,
        _ => null,
    };

    /// <summary>The equivalence group a course or certificate belongs to, if any.</summary>
    public string? GroupOf(LearningKind kind, string code) => kind switch
    {
        LearningKind.Course => Equivalences.FirstOrDefault(e => e.Courses.Contains(code))?.Group,
        LearningKind.Certificate => Equivalences.FirstOrDefault(e => e.Certificates.Contains(code))?.Group,
        _ => null,
    };
}

internal sealed record CertificateRule(string Code, string Name, decimal Credits);

internal sealed record AwardRule(string Level, string Name, decimal Credits);

internal sealed record Equivalence(string Group, string Name, IReadOnlyList<string> Certificates, IReadOnlyList<string> Courses);
