using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Tests.Support;

namespace Qedu.Kernel.Tests.Codes;

/// <summary>学校(机构)标识码: 2-digit category, 2-digit province, 6-digit sequence, checked against the code lists.</summary>
public class SchoolIdentifierTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private CodeBook Codes => fixture.Host.Services.GetRequiredService<CodeBook>();

    [Theory]
    [InlineData("2137000001", null)]
    [InlineData("2137000001", "211")] // primary school: category 21
    [InlineData("1137000042", "111")] // kindergarten: category 11
    [InlineData("3137000007", "312")] // nine-year school: category 31
    [InlineData("3411000001", "342")] // a Beijing senior high school
    public void Well_formed_codes_validate(string code, string? schoolType) =>
        Assert.Equal(SchoolIdentifierError.None, SchoolIdentifier.Validate(code, Codes, schoolType));

    [Theory]
    [InlineData(null, SchoolIdentifierError.Format)]
    [InlineData("", SchoolIdentifierError.Format)]
    [InlineData("213700001", SchoolIdentifierError.Format)]
    [InlineData("21370000011", SchoolIdentifierError.Format)]
    [InlineData("21370000A1", SchoolIdentifierError.Format)]
    [InlineData("２１37000001", SchoolIdentifierError.Format)] // full-width digits are not ASCII digits
    [InlineData("9937000001", SchoolIdentifierError.Category)]
    [InlineData("0037000001", SchoolIdentifierError.Category)]
    [InlineData("2199000001", SchoolIdentifierError.Province)]
    [InlineData("2100000001", SchoolIdentifierError.Province)]
    public void Malformed_codes_report_why(string? code, SchoolIdentifierError expected) =>
        Assert.Equal(expected, SchoolIdentifier.Validate(code, Codes));

    [Theory]
    [InlineData("2137000001", "111")] // a kindergarten type under a primary-school code
    [InlineData("1137000001", "211")]
    [InlineData("3137000001", "342")]
    public void The_category_must_agree_with_the_school_type(string code, string schoolType) =>
        Assert.Equal(SchoolIdentifierError.CategoryMismatch, SchoolIdentifier.Validate(code, Codes, schoolType));
}
