using System.Globalization;
using System.Text;

namespace Qedu.Kernel.Identity.Passwords;

/// <summary>Why a password is refused; <see cref="Argument"/> fills the message (a length, a word, a count).</summary>
public sealed record PasswordProblem(string Code, object? Argument = null);

/// <summary>
/// What makes a password too easy to guess, following OWASP ASVS 5.0 chapter 6.2: long enough (12 characters), any
/// characters allowed (no composition rules unless a bureau's assessor asks for them), not on the list of common and
/// breached passwords, not such a password with digits or symbols around it or letters swapped for look-alikes
/// ("P@ssw0rd2026!"), not a run or repetition ("123456789012"), and not containing the product's name or the person's
/// own names. Pure: the same answer for the same input, so each rule is tested on its own.
/// </summary>
public sealed class PasswordPolicy(AccountSecurityOptions.PasswordSettings settings)
{
    public const int MaxLength = 128;

    /// <summary>Words of the product and the place every Qedu account belongs to.</summary>
    public static readonly IReadOnlyList<string> ProductWords = ["qedu", "qingdao"];

    // Keyboard rows, the alphabet and digits, forwards (runs backwards are checked by reversing the candidate).
    private static readonly string[] Sequences =
    [
        "01234567890123456789",
        "abcdefghijklmnopqrstuvwxyz",
        "qwertyuiopasdfghjklzxcvbnm",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
        "qazwsxedcrfvtgbyhnujmikolp",
        "1q2w3e4r5t6y7u8i9o0p",
    ];

    public IReadOnlyList<PasswordProblem> Check(string password, IEnumerable<string?> personalWords)
    {
        var problems = new List<PasswordProblem>();
        var length = new StringInfo(password).LengthInTextElements;
        if (length < settings.MinLength)
        {
            problems.Add(new("PasswordTooShort", settings.MinLength));
        }
        if (length > MaxLength)
        {
            problems.Add(new("PasswordTooLong", MaxLength));
        }
        if (settings.CharacterClasses > 0 && CharacterClasses(password) < settings.CharacterClasses)
        {
            problems.Add(new("PasswordCharacterClasses", settings.CharacterClasses));
        }
        var lower = password.ToLowerInvariant();
        if (CommonPasswords.Contains(lower))
        {
            problems.Add(new("PasswordCommon"));
        }
        else if (IsCommonVariant(lower))
        {
            problems.Add(new("PasswordCommonVariant"));
        }
        else if (IsRunOrRepetition(lower))
        {
            problems.Add(new("PasswordPattern"));
        }
        var contained = ProductWords.Concat(PersonalWords(personalWords))
            .FirstOrDefault(w => lower.Contains(w, StringComparison.Ordinal) || Unleet(lower, 'i').Contains(w, StringComparison.Ordinal)
                || Unleet(lower, 'l').Contains(w, StringComparison.Ordinal));
        if (contained is not null)
        {
            problems.Add(new("PasswordContextWord", contained));
        }
        return problems;
    }

    /// <summary>A common password with digits or symbols before or after it, or with look-alike characters in it.</summary>
    private static bool IsCommonVariant(string lower)
    {
        var core = lower.Trim().AsSpan();
        var start = 0;
        while (start < core.Length && !char.IsLetter(core[start]))
        {
            start++;
        }
        var end = core.Length;
        while (end > start && !char.IsLetter(core[end - 1]))
        {
            end--;
        }
        var stripped = core[start..end].ToString();
        if (stripped.Length < 3)
        {
            return false;
        }
        return CommonPasswords.Contains(stripped) || CommonPasswords.Contains(Unleet(stripped, 'i')) || CommonPasswords.Contains(Unleet(stripped, 'l'));
    }

    /// <summary>Undoes the usual look-alike swaps (p@ssw0rd); '1' stands for i or l, so both readings are tried.</summary>
    private static string Unleet(string text, char one)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '@' or '4' => 'a',
                '0' => 'o',
                '1' or '!' or '|' => one,
                '3' => 'e',
                '$' or '5' => 's',
                '7' or '+' => 't',
                '8' => 'b',
                '9' => 'g',
                _ => c,
            });
        }
        return builder.ToString();
    }

    /// <summary>One short unit repeated ("abcabcabcabc"), or a run along the alphabet, the digits or a keyboard row.</summary>
    private static bool IsRunOrRepetition(string lower)
    {
        for (var unit = 1; unit <= 4 && unit * 2 <= lower.Length; unit++)
        {
            var repeated = true;
            for (var i = unit; i < lower.Length && repeated; i++)
            {
                repeated = lower[i] == lower[i - unit];
            }
            if (repeated)
            {
                return true;
            }
        }
        var backwards = new string(lower.Reverse().ToArray());
        return Sequences.Any(s => s.Contains(lower, StringComparison.Ordinal) || s.Contains(backwards, StringComparison.Ordinal));
    }

    /// <summary>The person's names as words a password must not contain: the user name and its parts, the display name.</summary>
    private static IEnumerable<string> PersonalWords(IEnumerable<string?> names)
    {
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }
            var lower = name.Trim().ToLowerInvariant();
            // A Chinese name of two characters is a whole name; a Latin part of fewer than four letters ("li") is too
            // common inside other words to refuse.
            if (lower.Length >= 4 || (lower.Length >= 2 && lower.All(c => c > 0x2E80)))
            {
                yield return lower;
            }
            foreach (var part in lower.Split(['.', '_', '-', '@', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (part != lower && part.Length >= 4)
                {
                    yield return part;
                }
            }
        }
    }

    private static int CharacterClasses(string password) =>
        (password.Any(char.IsUpper) ? 1 : 0)
        + (password.Any(char.IsLower) ? 1 : 0)
        + (password.Any(char.IsDigit) ? 1 : 0)
        + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
}
