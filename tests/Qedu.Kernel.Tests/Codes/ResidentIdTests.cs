using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Qedu.Kernel.Codes;

namespace Qedu.Kernel.Tests.Codes;

public class ResidentIdTests
{
    // A fixed "today" so that the future-birth-date rule does not depend on when the tests run.
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    // The sample number printed in GB 11643-1999 itself (Beijing Chaoyang, born 1949-12-31, sequence 002, female).
    [InlineData("11010519491231002X", "110105", 1949, 12, 31, 2)]
    [InlineData("370202201503070018", "370202", 2015, 3, 7, 1)]
    [InlineData("370285200002290027", "370285", 2000, 2, 29, 2)]
    public void A_well_formed_number_validates_and_decodes(string id, string division, int year, int month, int day, int gender)
    {
        var check = ResidentId.Validate(id, Today);

        Assert.True(check.IsValid, check.Error.ToString());
        Assert.Equal(id, check.Normalized);
        Assert.Equal(division, check.DivisionCode);
        Assert.Equal(new DateOnly(year, month, day), check.BirthDate);
        Assert.Equal(gender, check.GenderCode);
    }

    [Fact]
    public void The_check_character_follows_ISO_7064_MOD_11_2()
    {
        Assert.Equal('X', ResidentId.CheckCharacter("11010519491231002"));
        // 3*7+7*9+0*10+2*5+0*8+2*4+2*2+0*1+1*6+5*3+0*7+3*9+0*10+7*5+0*8+0*4+1*2 = 191; 191 mod 11 = 4 -> '8'
        Assert.Equal('8', ResidentId.CheckCharacter("37020220150307001"));
        Assert.Throws<ArgumentException>(() => ResidentId.CheckCharacter("3702022015030700"));
        Assert.Throws<ArgumentException>(() => ResidentId.CheckCharacter("3702022015030700A"));
    }

    [Fact]
    public void A_lower_case_x_and_surrounding_spaces_are_normalised()
    {
        var check = ResidentId.Validate("  11010519491231002x ", Today);

        Assert.True(check.IsValid);
        Assert.Equal("11010519491231002X", check.Normalized);
    }

    [Theory]
    [InlineData(null, ResidentIdError.Empty)]
    [InlineData("   ", ResidentIdError.Empty)]
    [InlineData("11010519491231002", ResidentIdError.Length)]
    [InlineData("11010519491231002X1", ResidentIdError.Length)]
    [InlineData("1101051949123100AX", ResidentIdError.Characters)]
    [InlineData("11010519491231002Y", ResidentIdError.Characters)]
    [InlineData("110105194902300020", ResidentIdError.BirthDate)] // 30 February
    [InlineData("110105189912310020", ResidentIdError.BirthDate)] // before 1900
    [InlineData("110105203001010020", ResidentIdError.FutureBirthDate)]
    [InlineData("110105194912310021", ResidentIdError.Checksum)]
    public void Malformed_numbers_report_the_first_problem(string? id, ResidentIdError expected)
    {
        var check = ResidentId.Validate(id, Today);

        Assert.False(check.IsValid);
        Assert.Equal(expected, check.Error);
    }

    [Fact]
    public void Born_today_is_allowed_but_tomorrow_is_not()
    {
        Assert.True(ResidentId.Validate(ResidentId.Compose("370202", Today, 1), Today).IsValid);
        Assert.Equal(ResidentIdError.FutureBirthDate, ResidentId.Validate(ResidentId.Compose("370202", Today.AddDays(1), 1), Today).Error);
    }

    [Fact]
    public void An_unknown_division_is_rejected_only_when_a_lookup_is_given()
    {
        var id = ResidentId.Compose("999999", new DateOnly(2010, 1, 1), 11);

        Assert.True(ResidentId.Validate(id, Today).IsValid);
        var check = ResidentId.Validate(id, Today, divisionExists: code => code == "370202");
        Assert.Equal(ResidentIdError.Division, check.Error);
        Assert.Equal("999999", check.DivisionCode);
        Assert.True(ResidentId.Validate(ResidentId.Compose("370202", new DateOnly(2010, 1, 1), 11), Today, code => code == "370202").IsValid);
    }

    [Fact]
    public void Expected_gender_and_birth_date_must_agree_with_the_number()
    {
        var male = ResidentId.Compose("370202", new DateOnly(2012, 5, 1), 123); // odd sequence: male

        Assert.Equal(1, ResidentId.Validate(male, Today).GenderCode);
        Assert.True(ResidentId.Validate(male, Today, expectedGenderCode: 1, expectedBirthDate: new DateOnly(2012, 5, 1)).IsValid);
        Assert.Equal(ResidentIdError.GenderMismatch, ResidentId.Validate(male, Today, expectedGenderCode: 2).Error);
        Assert.Equal(ResidentIdError.BirthDateMismatch, ResidentId.Validate(male, Today, expectedBirthDate: new DateOnly(2012, 5, 2)).Error);
        // 0 and 9 (unknown, not stated) say nothing about the number.
        Assert.True(ResidentId.Validate(male, Today, expectedGenderCode: 9).IsValid);
    }

    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("370202201503070018", "370202********0018")]
    [InlineData("12345678901", "123456*8901")]
    [InlineData("1234567890", "**********")]
    [InlineData("12", "**")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Masking_keeps_only_the_division_and_the_last_four(string? id, string expected) =>
        Assert.Equal(expected, ResidentId.Mask(id));

    // ---- properties ----

    private sealed record IdParts(string Division, DateOnly BirthDate, int Sequence);

    private static readonly string[] Divisions = ["110105", "370200", "370202", "370203", "370211", "370285", "440305", "650102"];

    private static Arbitrary<IdParts> Parts()
    {
        var days = Today.DayNumber - new DateOnly(1900, 1, 1).DayNumber;
        var gen =
            from division in Gen.Elements(Divisions)
            from day in Gen.Choose(0, days)
            from sequence in Gen.Choose(0, 999)
            select new IdParts(division, new DateOnly(1900, 1, 1).AddDays(day), sequence);
        return Arb.From(gen);
    }

    [Property(MaxTest = 500)]
    public Property Composed_numbers_validate_and_decode_to_their_parts() =>
        Prop.ForAll(Parts(), p =>
        {
            var id = ResidentId.Compose(p.Division, p.BirthDate, p.Sequence);
            var check = ResidentId.Validate(id, Today);
            return check.IsValid
                && id.Length == 18
                && check.DivisionCode == p.Division
                && check.BirthDate == p.BirthDate
                && check.GenderCode == (p.Sequence % 2 == 1 ? 1 : 2)
                && ResidentId.Mask(id) == id[..6] + "********" + id[^4..];
        });

    [Property(MaxTest = 500)]
    public Property Changing_any_one_character_breaks_validation() =>
        Prop.ForAll(Parts(), Arb.From(Gen.Choose(0, 17)), Arb.From(Gen.Choose(1, 10)), (p, position, shift) =>
        {
            var id = ResidentId.Compose(p.Division, p.BirthDate, p.Sequence);
            const string alphabet = "0123456789X";
            // The first 17 places are digits; the last may be any check character. Shift to a different one.
            var size = position == 17 ? 11 : 10;
            var current = alphabet.IndexOf(id[position], StringComparison.Ordinal);
            var changed = alphabet[(current + 1 + (shift - 1) % (size - 1)) % size];
            var tampered = string.Concat(id.AsSpan(0, position), changed.ToString(), id.AsSpan(position + 1));

            var check = ResidentId.Validate(tampered, Today);
            // A change in the date may make it no date at all; every other change must be caught by the check character.
            return tampered != id
                && !check.IsValid
                && (check.Error == ResidentIdError.Checksum || (position is >= 6 and < 14 && check.Error is ResidentIdError.BirthDate or ResidentIdError.FutureBirthDate));
        });

    [Property(MaxTest = 300)]
    public Property Swapping_two_different_adjacent_digits_breaks_validation() =>
        Prop.ForAll(Parts(), Arb.From(Gen.Choose(0, 15)), (p, position) =>
        {
            var id = ResidentId.Compose(p.Division, p.BirthDate, p.Sequence).ToCharArray();
            if (id[position] == id[position + 1])
            {
                return true; // nothing to swap
            }
            (id[position], id[position + 1]) = (id[position + 1], id[position]);
            return !ResidentId.Validate(new string(id), Today).IsValid;
        });
}
