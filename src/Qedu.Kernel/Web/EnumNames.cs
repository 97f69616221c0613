using System.Text.Json;

namespace Qedu.Kernel.Web;

/// <summary>
/// Enum values by name over HTTP and in forms: camelCase out, any case in, numbers refused (a client speaks in names, so a
/// renumbered enum never changes what a request means). Every module's API parses its enumerations here.
/// </summary>
public static class EnumNames
{
    /// <summary>An enum value by its name over HTTP (camelCase).</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>An enum value from its name as a request gives it (any case, spaces around); numbers and undefined names are refused.</summary>
    public static bool TryParseName<T>(string? name, out T value) where T : struct, Enum =>
        Enum.TryParse(name?.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(name, out _);

    /// <summary>The value <paramref name="name"/> names, or null (<see cref="TryParseName{T}"/>'s rules).</summary>
    public static T? ParseName<T>(string? name) where T : struct, Enum => TryParseName<T>(name, out var value) ? value : null;
}
