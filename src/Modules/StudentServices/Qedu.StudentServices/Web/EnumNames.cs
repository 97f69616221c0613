using System.Text.Json;

namespace Qedu.StudentServices.Web;

/// <summary>Enum values by name over HTTP and in forms: camelCase out, any case in, numbers refused.</summary>
internal static class EnumNames
{
    /// <summary>An enum value by its name over HTTP (camelCase).</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>An enum value from its name as a request gives it (any case); numbers and undefined names are refused.</summary>
    public static bool TryParseName<T>(string? name, out T value) where T : struct, Enum =>
        Enum.TryParse(name, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(name, out _);
}
