using System.Reflection;
using System.Text.Json;

namespace Qedu.Inspection.Rules;

/// <summary>
/// Inspection (督导) as data (Rules/evaluation-schemes.json): the evaluation schemes with their indicators and weights
/// (summing to 100), the levels, how many schools one responsible inspector keeps, and the deadlines a visit's findings get.
/// </summary>
internal sealed class InspectionRules
{
    public required string Edition { get; init; }
    public required string Source { get; init; }
    public int MaxSchoolsPerInspector { get; init; }
    public int FindingDueDays { get; init; }
    public int RecheckAfterDays { get; init; }
    public required IReadOnlyList<Level> Levels { get; init; }
    public required IReadOnlyList<Scheme> Schemes { get; init; }

    public Scheme? Find(string? code) => Schemes.FirstOrDefault(s => s.Code == code);

    /// <summary>The level a total reaches (the highest whose threshold it meets).</summary>
    public Level LevelOf(decimal total) => Levels.OrderByDescending(l => l.From).First(l => total >= l.From);

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static InspectionRules Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Qedu.Inspection.evaluation-schemes.json")
            ?? throw new InvalidOperationException("The evaluation schemes are missing from the assembly.");
        var rules = JsonSerializer.Deserialize<InspectionRules>(stream, Json) ?? throw new InvalidOperationException("The evaluation schemes are empty.");
        if (rules.Schemes.Any(s => s.Indicators.Sum(i => i.Weight) != 100) || !rules.Levels.Any(l => l.From == 0))
        {
            throw new InvalidOperationException("An evaluation scheme's weights do not sum to 100, or no level starts at 0.");
        }
        return rules;
    }
}

internal sealed record Level(string Code, string Name, string NameEn, decimal From);

/// <summary>An evaluation scheme: what it evaluates (a school, or a district's government) and its weighted indicators.</summary>
internal sealed record Scheme(string Code, string Name, string NameEn, string Evaluates, IReadOnlyList<Indicator> Indicators);

internal sealed record Indicator(string Code, string Name, decimal Weight, string Evidence);
