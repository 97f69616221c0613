namespace Qedu.Registry.Records;

/// <summary>The kinds of registry record that can be imported, exported and (later) edited through the API.</summary>
internal enum RecordKind
{
    Schools,
    Staff,
    Classes,

    /// <summary>任课: who teaches which subject in which class (after staff and classes, which it names).</summary>
    Teaching,
    Assets,
    Students,
}

internal static class RecordKinds
{
    /// <summary>The names used on the command line and in URLs, in dependency order (a class names its head teacher, a student its class).</summary>
    public static readonly IReadOnlyList<string> Names = Enum.GetValues<RecordKind>().Select(Name).ToArray();

    public static string Name(RecordKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out RecordKind kind)
    {
        foreach (var k in Enum.GetValues<RecordKind>())
        {
            if (string.Equals(Name(k), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
