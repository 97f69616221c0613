using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Codes;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Tests.Support;

namespace Qedu.Kernel.Tests.DemoCity;

public class DemoCityGeneratorTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private static readonly Lazy<IReadOnlyList<DemoOrg>> City1 = new(() => DemoCityGenerator.Generate(DemoScale.City, 1));

    private CodeBook Codes => fixture.Host.Services.GetRequiredService<CodeBook>();

    private static List<DemoOrg> Schools(IEnumerable<DemoOrg> orgs) => orgs.Where(o => o.Kind == OrgUnitKind.School).ToList();

    [Fact]
    public void The_same_scale_and_seed_give_the_same_city_and_another_seed_a_different_one()
    {
        Assert.Equal(City1.Value, DemoCityGenerator.Generate(DemoScale.City, 1));
        Assert.Equal(DemoCityGenerator.Generate(DemoScale.Small, 7), DemoCityGenerator.Generate(DemoScale.Small, 7));

        var other = DemoCityGenerator.Generate(DemoScale.City, 2);
        Assert.NotEqual(City1.Value, other);
        // Not only coordinates: the schools themselves differ.
        Assert.NotEqual(Schools(City1.Value).Select(s => s.Name).Order(), Schools(other).Select(s => s.Name).Order());
    }

    [Fact]
    public void The_city_has_about_1500_schools_and_kindergartens_in_every_district()
    {
        var schools = Schools(City1.Value);

        Assert.InRange(schools.Count, 1300, 1700);
        foreach (var district in Demo.Districts)
        {
            var inDistrict = schools.Count(s => s.ParentCode == district);
            Assert.True(inDistrict >= 20, $"{district} has {inDistrict} schools");
            Assert.All(schools.Where(s => s.ParentCode == district), s => Assert.Equal(district, s.DivisionCode));
        }
        // The bigger districts get more schools than 市南区.
        Assert.True(schools.Count(s => s.ParentCode == "370211") > 2 * schools.Count(s => s.ParentCode == Demo.Shinan));
        // Kindergartens are the largest group, as in the real city.
        Assert.True(schools.Count(s => s.SchoolTypeCode == "111") > schools.Count / 3);
        // Every school hangs off a district or, for the 市直 schools, the city.
        Assert.All(schools, s => Assert.Contains(s.ParentCode, Demo.Districts.Append(Demo.City)));
    }

    [Fact]
    public void Every_school_code_is_a_valid_unique_10_digit_identifier_matching_its_type()
    {
        foreach (var scale in new[] { DemoScale.Small, DemoScale.City })
        {
            var orgs = scale == DemoScale.City ? City1.Value : DemoCityGenerator.Generate(scale, 1);
            var schools = Schools(orgs);
            Assert.Equal(orgs.Count, orgs.Select(o => o.Code).Distinct().Count());
            Assert.All(schools, s =>
            {
                Assert.Matches("^[0-9]{10}$", s.Code);
                Assert.Equal(SchoolIdentifierError.None, SchoolIdentifier.Validate(s.Code, Codes, s.SchoolTypeCode));
                Assert.True(Codes.IsValid(CodeLists.SchoolType, s.SchoolTypeCode), s.SchoolTypeCode);
                Assert.True(Codes.IsValid(CodeLists.Ownership, s.OwnershipCode), s.OwnershipCode);
                Assert.True(Codes.IsValid(CodeLists.UrbanRural, s.UrbanRuralCode), s.UrbanRuralCode);
                Assert.True(Codes.IsValid(CodeLists.Division, s.DivisionCode), s.DivisionCode);
                Assert.Equal(s.SchoolTypeCode == "111", s.KindergartenCategoryCode is not null);
                if (s.KindergartenCategoryCode is not null)
                {
                    Assert.True(Codes.IsValid(CodeLists.KindergartenCategory, s.KindergartenCategoryCode));
                }
            });
            Assert.Equal(schools.Count, schools.Select(s => s.Name).Distinct().Count());
        }
    }

    [Fact]
    public void The_bureau_hierarchy_and_its_18_departments_exist_and_parents_come_first()
    {
        var orgs = City1.Value;
        var byCode = orgs.ToDictionary(o => o.Code);

        Assert.Equal(OrgUnitKind.Ministry, byCode[DemoCityGenerator.MinistryCode].Kind);
        Assert.Equal(DemoCityGenerator.ProvinceCode, byCode[Demo.City].ParentCode);
        var departments = orgs.Where(o => o.Kind == OrgUnitKind.Department).ToList();
        Assert.Equal(18, departments.Count);
        Assert.All(departments, d => Assert.Equal(Demo.City, d.ParentCode));
        Assert.All(departments, d => Assert.Matches("^370200-[A-Z]{2,8}$", d.Code));
        Assert.Contains(departments, d => d.Code == "370200-JJC" && d.Name == "基教处");
        Assert.Contains(departments, d => d.Code == "370200-ZKB" && d.Name == "招考办");
        Assert.Equal(Demo.Districts.Order(), orgs.Where(o => o.Kind == OrgUnitKind.District).Select(o => o.Code).Order());
        Assert.All(orgs.Where(o => o.Kind == OrgUnitKind.District), d => Assert.Equal(Demo.City, d.ParentCode));

        // Seeding adds units in list order, so every parent must come before its children.
        var seen = new HashSet<string>();
        foreach (var org in orgs)
        {
            Assert.True(org.ParentCode is null || seen.Contains(org.ParentCode), $"{org.Code} comes before its parent {org.ParentCode}");
            seen.Add(org.Code);
        }
    }

    [Theory]
    [InlineData(DemoScale.Small, 1)]
    [InlineData(DemoScale.Small, 99)]
    [InlineData(DemoScale.City, 3)]
    public void The_anchor_school_is_present_at_every_scale_and_seed(DemoScale scale, int seed)
    {
        var anchor = Assert.Single(DemoCityGenerator.Generate(scale, seed), o => o.Code == DemoCityGenerator.AnchorSchoolCode);

        Assert.Equal("2137000001", anchor.Code);
        Assert.Equal("青岛市市南区实验小学", anchor.Name);
        Assert.Equal(Demo.Shinan, anchor.ParentCode);
        Assert.Equal("211", anchor.SchoolTypeCode);
    }

    [Fact]
    public void The_small_city_is_small_but_still_covers_every_district()
    {
        var schools = Schools(DemoCityGenerator.Generate(DemoScale.Small, 1));

        Assert.InRange(schools.Count, 30, 80);
        Assert.All(Demo.Districts, d => Assert.Contains(schools, s => s.ParentCode == d));
    }
}
