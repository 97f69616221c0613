using System.Text.Encodings.Web;
using System.Text.Json;

namespace Qedu.PlanDocuments;

/// <summary>The contract's JSON: camelCase, indented, Chinese written as is (not \uXXXX) so a person can read it.</summary>
public static class PlanJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(PlanDocument document) => JsonSerializer.Serialize(document, Options);

    public static PlanDocument? Deserialize(string json) => JsonSerializer.Deserialize<PlanDocument>(json, Options);
}
