using System.Globalization;

namespace Qedu.Kernel.Codes;

public enum ResidentIdError
{
    None,
    Empty,
    Length,
    Characters,
    BirthDate,
    FutureBirthDate,
    Checksum,
    Division,
    GenderMismatch,
    BirthDateMismatch,
}

/// <summary>The outcome of checking a resident ID: the normalised value and what it encodes, or the first problem found.</summary>
public sealed record ResidentIdCheck(
    ResidentIdError Error,
    string? Normalized = null,
    string? DivisionCode = null,
    DateOnly? BirthDate = null,
    int? GenderCode = null)
{
    public bool IsValid => Error == ResidentIdError.None;
}

/// <summary>
/// 公民身份号码 per GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence (odd for men),
/// and an ISO 7064 MOD 11-2 check character.
/// </summary>
public static class ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("17 digits expected.", nameof(first17));
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var d = first17[i] - '0';
            if ((uint)d > 9)
            {
                throw new ArgumentException("Digits expected.", nameof(first17));
            }
            sum += d * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    /// <summary>
    /// Checks format, birth date (a real date, not after <paramref name="today"/>), checksum and, when a lookup is given,
    /// that the address code is a known division (historic codes included: an ID keeps the code of where it was issued).
    /// Expected birth date and gender (GB/T 2261.1: 1 male, 2 female), when given, must agree with the number.
    /// </summary>
    public static ResidentIdCheck Validate(
        string? value,
        DateOnly today,
        Func<string, bool>? divisionExists = null,
        DateOnly? expectedBirthDate = null,
        int? expectedGenderCode = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new(ResidentIdError.Empty);
        }
        var id = value.Trim().ToUpperInvariant();
        if (id.Length != 18)
        {
            return new(ResidentIdError.Length);
        }
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return new(ResidentIdError.Characters);
            }
        }
        if (!char.IsAsciiDigit(id[17]) && id[17] != 'X')
        {
            return new(ResidentIdError.Characters);
        }
        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
        {
            return new(ResidentIdError.BirthDate);
        }
        if (birth > today)
        {
            return new(ResidentIdError.FutureBirthDate);
        }
        if (CheckCharacter(id.AsSpan(0, 17)) != id[17])
        {
            return new(ResidentIdError.Checksum);
        }
        var division = id[..6];
        if (divisionExists is not null && !divisionExists(division))
        {
            return new(ResidentIdError.Division, id, division, birth);
        }
        var gender = (id[16] - '0') % 2 == 1 ? 1 : 2;
        if (expectedGenderCode is 1 or 2 && expectedGenderCode != gender)
        {
            return new(ResidentIdError.GenderMismatch, id, division, birth, gender);
        }
        if (expectedBirthDate is not null && expectedBirthDate != birth)
        {
            return new(ResidentIdError.BirthDateMismatch, id, division, birth, gender);
        }
        return new(ResidentIdError.None, id, division, birth, gender);
    }

    /// <summary>Builds a valid number (for demo data and tests).</summary>
    public static string Compose(string divisionCode, DateOnly birthDate, int sequence)
    {
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{divisionCode}{birthDate:yyyyMMdd}{sequence:000}");
        return first17 + CheckCharacter(first17);
    }

    /// <summary>Masks everything but the division code and the last four characters.</summary>
    public static string Mask(string? id) =>
        string.IsNullOrEmpty(id) ? "" : id.Length <= 10 ? new string('*', id.Length) : id[..6] + new string('*', id.Length - 10) + id[^4..];
}
