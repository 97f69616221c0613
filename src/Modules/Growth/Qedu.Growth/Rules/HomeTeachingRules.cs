using System.Text.Json;

namespace Qedu.Growth.Rules;

/// <summary>Teaching at home as data (Rules/home-teaching.json): the least a plan may promise, with its source.</summary>
internal sealed record HomeTeachingRules(string Source, int MinVisitsPerMonth, double MinHoursPerVisit)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static HomeTeachingRules Load()
    {
        using var stream = typeof(HomeTeachingRules).Assembly.GetManifestResourceStream("Qedu.Growth.home-teaching.json")
            ?? throw new InvalidOperationException("home-teaching.json is not embedded.");
        var rules = JsonSerializer.Deserialize<HomeTeachingRules>(stream, Json)
            ?? throw new InvalidOperationException("home-teaching.json is empty.");
        return rules.MinVisitsPerMonth is > 0 and <= 31 && rules.MinHoursPerVisit is > 0 and <= 8
            ? rules
            : throw new InvalidOperationException("home-teaching.json: 1–31 visits a month and 0–8 hours a visit.");
    }
}
