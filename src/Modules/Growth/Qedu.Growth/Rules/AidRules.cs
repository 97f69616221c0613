using System.Text.Json;

namespace Qedu.Growth.Rules;

/// <summary>An aid scheme: who is eligible (registry flags), and the yearly amount per student by grade (the grades it covers).</summary>
internal sealed record AidScheme(string Code, string Zh, string En, string[] Eligible, Dictionary<string, decimal> Amounts);

/// <summary>Student aid schemes as data (Rules/aid-schemes.json, with the source of their amounts).</summary>
internal sealed record AidRules(string Source, AidScheme[] Schemes)
{
    public const string Hardship = "hardship";
    public const string Disability = "disability";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AidRules Load()
    {
        using var stream = typeof(AidRules).Assembly.GetManifestResourceStream("Qedu.Growth.aid-schemes.json")
            ?? throw new InvalidOperationException("aid-schemes.json is not embedded.");
        var rules = JsonSerializer.Deserialize<AidRules>(stream, Json) ?? throw new InvalidOperationException("aid-schemes.json is empty.");
        return rules.Schemes.Length > 0 && rules.Schemes.All(s => s.Eligible.Length > 0 && s.Eligible.All(e => e is Hardship or Disability)
                && s.Amounts.Count > 0 && s.Amounts.Values.All(a => a is > 0 and <= 100_000))
            ? rules
            : throw new InvalidOperationException("aid-schemes.json: every scheme needs eligible flags (hardship, disability) and amounts of 1–100,000 by grade.");
    }

    public AidScheme? Find(string? code) => Schemes.FirstOrDefault(s => s.Code == code);
}
