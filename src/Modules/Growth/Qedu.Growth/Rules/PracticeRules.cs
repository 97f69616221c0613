using System.Text.Json;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Growth.Rules;

/// <summary>A level of venue (五级) and the kind of unit that approves it.</summary>
internal sealed record PracticeLevel(string Code, string Zh, string En, OrgUnitKind Approver);

/// <summary>A category venues are classed in.</summary>
internal sealed record PracticeCategory(string Code, string Zh, string En);

/// <summary>Study trips: the category of the bases, how long a safety plan must at least be, students per accompanying teacher.</summary>
internal sealed record StudyTravelRules(string Category, int MinSafetyPlanLength, int StudentsPerTeacher);

/// <summary>
/// Social classrooms as data (Rules/practice-rules.json): the five levels and their approvers, the categories, the
/// practice days a student should reach in a school year, how early a session's check-in opens, and the study-trip rules.
/// </summary>
internal sealed record PracticeRules(PracticeLevel[] Levels, PracticeCategory[] Categories, int DaysPerYear, int CheckInOpensMinutesBefore, StudyTravelRules StudyTravel)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static PracticeRules Load()
    {
        using var stream = typeof(PracticeRules).Assembly.GetManifestResourceStream("Qedu.Growth.practice-rules.json")
            ?? throw new InvalidOperationException("practice-rules.json is not embedded.");
        var rules = JsonSerializer.Deserialize<PracticeRules>(stream, Json) ?? throw new InvalidOperationException("practice-rules.json is empty.");
        return rules.Levels.Length > 0 && rules.Categories.Length > 0 && rules.DaysPerYear is > 0 and <= 100 && rules.CheckInOpensMinutesBefore is >= 0 and <= 240
            && rules.Levels.All(l => l.Approver is OrgUnitKind.City or OrgUnitKind.District or OrgUnitKind.School)
            && rules.StudyTravel is { MinSafetyPlanLength: > 0, StudentsPerTeacher: > 0 } && rules.Category(rules.StudyTravel.Category) is not null
            ? rules
            : throw new InvalidOperationException("practice-rules.json: levels (approved by a city, district or school), categories, 1–100 days a year and 0–240 minutes are required.");
    }

    public PracticeLevel? Level(string? code) => Levels.FirstOrDefault(l => l.Code == code);

    public PracticeCategory? Category(string? code) => Categories.FirstOrDefault(c => c.Code == code);
}
