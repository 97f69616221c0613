namespace Qedu.Kernel.Codes;

/// <summary>
/// Mainland China mobile numbers: 11 digits, "1" then 3 to 9. What a person types is normalised first (spaces and
/// hyphens removed, a +86 or 0086 country prefix dropped), so "+86 138-0000-0000" is 13800000000. Only a mobile number
/// can receive a text message; the registry's phone fields (<c>FieldReader.Phone</c>) also take landlines and so keep
/// their looser rule.
/// </summary>
public static class MobilePhone
{
    /// <summary>The 11-digit number, or null when <paramref name="input"/> is not a mainland mobile number.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        var digits = new System.Text.StringBuilder(input.Length);
        foreach (var c in input.Trim())
        {
            if (c is ' ' or '-' or '\u00A0' or '\u3000')
            {
                continue;
            }
            digits.Append(c);
        }
        var text = digits.ToString();
        if (text.StartsWith("+86", StringComparison.Ordinal))
        {
            text = text[3..];
        }
        else if (text.StartsWith("0086", StringComparison.Ordinal))
        {
            text = text[4..];
        }
        return IsValid(text) ? text : null;
    }

    /// <summary>True for exactly 11 ASCII digits starting 13 to 19.</summary>
    public static bool IsValid(string? phone) =>
        phone is { Length: 11 } && phone[0] == '1' && phone[1] is >= '3' and <= '9' && phone.All(char.IsAsciiDigit);

    /// <summary>The number as audit lines and logs show it: 138****0000 (the kernel's one phone mask).</summary>
    public static string Mask(string phone) => PersonalData.PersonalDataAccess.MaskPhone(phone, unmasked: false)!;
}
