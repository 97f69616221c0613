using System.Text.Json;

namespace Qedu.Kernel.Identity.Passwords;

/// <summary>
/// The common passwords no account may use: zxcvbn-ts's list (about 49,000 of the most frequent passwords in public
/// breach corpora), embedded at build time from the npm package @zxcvbn-ts/language-common (see Qedu.Kernel.csproj).
/// Loaded once, on first use.
/// </summary>
public static class CommonPasswords
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    /// <summary>Whether the word (compared in lower case) is on the list.</summary>
    public static bool Contains(string word) => List.Value.Contains(word.ToLowerInvariant());

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Qedu.Identity.common-passwords.json")
            ?? throw new InvalidOperationException("The common-password list is not embedded: build the kernel with npm available.");
        var words = JsonSerializer.Deserialize<string[]>(stream) ?? [];
        return new HashSet<string>(words.Select(w => w.ToLowerInvariant()), StringComparer.Ordinal);
    }
}
