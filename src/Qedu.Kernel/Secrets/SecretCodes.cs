using System.Security.Cryptography;
using System.Text;

namespace Qedu.Kernel.Secrets;

/// <summary>
/// Secret codes a person is handed once and types back later (a survey link's code, a report's follow-up secret): 12
/// characters of Crockford's base32 (60 random bits: not guessable, short enough to type from a slip), shown as
/// XXXX-XXXX-XXXX and kept only as their SHA-256. Where one is checked, a rate limit stands in front of the check.
/// </summary>
public static class SecretCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 12;

    public static string NewCode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[bytes[i] & 31];
        }
        return new string(chars);
    }

    /// <summary>The code as printed: three groups of four.</summary>
    public static string Display(string code) => $"{code[..4]}-{code[4..8]}-{code[8..]}";

    /// <summary>The code as typed or scanned, upper-cased and without separators (O read as 0, I and L as 1); null when it cannot be one.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var code = new StringBuilder(Length);
        foreach (var c in text.ToUpperInvariant())
        {
            var d = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (Alphabet.Contains(d, StringComparison.Ordinal))
            {
                code.Append(d);
            }
            else if (c is not ('-' or ' '))
            {
                return null;
            }
        }
        return code.Length == Length ? code.ToString() : null;
    }

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code)));
}
