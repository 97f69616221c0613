namespace Qedu.Registry.Features.Writes;

/// <summary>
/// The problems of one write request, keyed by field as a validation problem document carries them. A bulk request
/// shares one set among its items, each adding under its own prefix (<c>items[3].schoolCode</c>).
/// </summary>
internal sealed class FieldErrors
{
    private readonly string _prefix;

    public FieldErrors()
        : this(new Dictionary<string, string[]>(StringComparer.Ordinal), "")
    {
    }

    private FieldErrors(Dictionary<string, string[]> all, string prefix)
    {
        All = all;
        _prefix = prefix;
    }

    public Dictionary<string, string[]> All { get; }

    /// <summary>True when this request (or this item of it) has a problem.</summary>
    public bool Any => _prefix.Length == 0 ? All.Count > 0 : All.Keys.Any(k => k.StartsWith(_prefix, StringComparison.Ordinal));

    /// <summary>The problems of item <paramref name="index"/> of a bulk request, in the same set.</summary>
    public FieldErrors Item(int index) => new(All, $"items[{index}].");

    public void Add(string field, string message) =>
        All[_prefix + field] = All.TryGetValue(_prefix + field, out var had) ? [.. had, message] : [message];
}
