using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Tests.Support;
using Qedu.Kernel.Web;
using Qedu.Organisation.Features.OrgUnits;

namespace Qedu.Kernel.Tests.OrgUnits;

public class OrgUnitRulesTests(SeededCity fixture) : IClassFixture<SeededCity>
{
    /// <summary>The whole allowed set; every other pair is refused.</summary>
    private static readonly HashSet<(OrgUnitKind, OrgUnitKind)> Allowed =
    [
        (OrgUnitKind.Ministry, OrgUnitKind.Province),
        (OrgUnitKind.Province, OrgUnitKind.City),
        (OrgUnitKind.City, OrgUnitKind.District),
        (OrgUnitKind.City, OrgUnitKind.School),
        (OrgUnitKind.District, OrgUnitKind.School),
        (OrgUnitKind.Ministry, OrgUnitKind.Department),
        (OrgUnitKind.Province, OrgUnitKind.Department),
        (OrgUnitKind.City, OrgUnitKind.Department),
        (OrgUnitKind.District, OrgUnitKind.Department),
    ];

    public static TheoryData<OrgUnitKind, OrgUnitKind> AllPairs()
    {
        var data = new TheoryData<OrgUnitKind, OrgUnitKind>();
        foreach (var parent in Enum.GetValues<OrgUnitKind>())
        {
            foreach (var child in Enum.GetValues<OrgUnitKind>())
            {
                data.Add(parent, child);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Only_the_five_levels_and_bureau_departments_nest(OrgUnitKind parent, OrgUnitKind child) =>
        Assert.Equal(Allowed.Contains((parent, child)), OrgUnitRules.MayContain(parent, child));

    [Theory]
    [InlineData("370202", true)]
    [InlineData("2137000001", true)]
    [InlineData("370200-JJC", true)]
    [InlineData("MOE", true)]
    [InlineData("-370202", false)]
    [InlineData("370202 ", false)]
    [InlineData("37/0202", false)]
    [InlineData("市南区", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("A234567890123456789012345678901X", true)] // 32 characters
    [InlineData("A234567890123456789012345678901XY", false)] // 33
    public void Codes_are_short_ascii_words(string? code, bool wellFormed) =>
        Assert.Equal(wellFormed, OrgUnitRules.IsWellFormedCode(code));

    [Theory]
    [InlineData(Demo.AnchorSchool, "School", "2137000777", "211")] // a school under a school
    [InlineData("370200-JJC", "School", "2137000778", "211")] // a school under a department
    [InlineData(Demo.Shinan, "District", "370299", null)] // a district under a district
    [InlineData(Demo.Shinan, "Province", "370000", null)]
    public async Task Creating_a_unit_under_the_wrong_kind_of_parent_is_refused_and_writes_nothing(
        string parentCode, string kind, string code, string? schoolType)
    {
        await using var scope = fixture.Host.Scope(AccessContext.System("test"));
        var commands = scope.ServiceProvider.GetRequiredService<OrgUnitCommands>();

        var outcome = await commands.CreateAsync(new OrgUnitInput
        {
            ParentCode = parentCode,
            Kind = kind,
            Code = code,
            Name = "不该存在的单位",
            SchoolTypeCode = schoolType,
            OwnershipCode = schoolType is null ? null : "21",
            UrbanRuralCode = schoolType is null ? null : "111",
        });

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.NotNull(outcome.Errors!.First("kind"));
        var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
        Assert.False(await db.OrgUnits.IgnoreQueryFilters().AnyAsync(o => o.Name == "不该存在的单位"));
    }

    private static string Describe(InputErrors? errors) =>
        errors is null ? "" : string.Join("; ", errors.ByField.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));

    [Fact]
    public async Task A_school_under_a_district_is_created_with_its_closure_when_the_caller_manages_the_district()
    {
        var shinanAdmin = await fixture.Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan);
        await using (var scope = fixture.Host.Scope(shinanAdmin))
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<OrgUnitCommands>().CreateAsync(new OrgUnitInput
            {
                ParentCode = Demo.Shinan,
                Kind = "School",
                Code = "2137000555",
                Name = "青岛市市南区测试小学",
                SchoolTypeCode = "211",
                OwnershipCode = "21",
                UrbanRuralCode = "111",
            });
            Assert.True(outcome.IsOk, $"{outcome.Kind}: {outcome.Message} {Describe(outcome.Errors)}");
        }

        var shibeiAdmin = await fixture.Host.UserAsync(Roles.DistrictAdmin, Demo.Shibei);
        await using (var scope = fixture.Host.Scope(shibeiAdmin))
        {
            // The other district's administrator cannot even see the parent: refused on the parent, the same answer as
            // for a parent that does not exist.
            var outcome = await scope.ServiceProvider.GetRequiredService<OrgUnitCommands>().CreateAsync(new OrgUnitInput
            {
                ParentCode = Demo.Shinan,
                Kind = "School",
                Code = "2137000556",
                Name = "青岛市市南区越权小学",
                SchoolTypeCode = "211",
                OwnershipCode = "21",
                UrbanRuralCode = "111",
            });
            Assert.True(
                outcome.Kind == OutcomeKind.NotFound || outcome.Errors?.First("parentCode") is not null,
                $"{outcome.Kind}: {outcome.Message} {Describe(outcome.Errors)}");
        }

        var ids = await fixture.Host.OrgIdsAsync();
        Assert.False(ids.ContainsKey("2137000556"));
        var subtree = await fixture.Host.SubtreeAsync(Demo.Shinan);
        Assert.Contains("2137000555", subtree);
        await using var check = fixture.Host.Scope(shinanAdmin);
        Assert.True(await check.ServiceProvider.GetRequiredService<OrgTree>().IsUnderAsync([ids[Demo.Shinan]], ids["2137000555"]));
    }
}
