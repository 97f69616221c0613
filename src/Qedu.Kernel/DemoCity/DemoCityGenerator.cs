using System.Globalization;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Kernel.DemoCity;

public enum DemoScale
{
    /// <summary>A few schools per district: fast enough for the first start.</summary>
    Small,

    /// <summary>About 1,500 schools and kindergartens in realistic proportions.</summary>
    City,
}

/// <summary>One org unit of the demo city, with the facts other modules' demo data builds on (location, seats).</summary>
public sealed record DemoOrg(
    string Code,
    string Name,
    string NameEn,
    OrgUnitKind Kind,
    string? ParentCode,
    string? DivisionCode,
    int SortOrder,
    string? SchoolTypeCode = null,
    string? OwnershipCode = null,
    string? KindergartenCategoryCode = null,
    string? UrbanRuralCode = null,
    DateOnly? OpenedOn = null,
    string? Address = null,
    double? Latitude = null,
    double? Longitude = null,
    int? CapacitySeats = null);

/// <summary>
/// A Qingdao-like city: the real bureau hierarchy and departments, and schools spread over the ten districts in
/// realistic proportions. The same scale and seed always give the same city.
/// </summary>
public static class DemoCityGenerator
{
    public const string MinistryCode = "MOE";
    public const string ProvinceCode = "370000";
    public const string CityCode = "370200";

    /// <summary>The school the demo school administrator runs; present at every scale and seed.</summary>
    public const string AnchorSchoolCode = "2137000001";

    private static readonly string[] Ordinals = ["", "第二", "第三", "第四", "第五", "第六", "第七", "第八", "第九", "第十"];

    private sealed record SchoolKind(string Type, double Share, string Suffix, string SuffixEn, string RuralSuffix, string RuralSuffixEn, int Seats);

    private static readonly SchoolKind[] Kinds =
    [
        new("111", 0.56, "幼儿园", "Kindergarten", "中心幼儿园", "Central Kindergarten", 270),
        new("211", 0.25, "小学", "Primary School", "中心小学", "Central Primary School", 1350),
        new("218", 0.02, "小学教学点", "Primary Teaching Point", "小学教学点", "Primary Teaching Point", 90),
        new("311", 0.065, "初级中学", "Junior Middle School", "中学", "Middle School", 1200),
        new("312", 0.04, "学校", "School", "学校", "School", 1800),
        new("342", 0.025, "高级中学", "Senior High School", "高级中学", "Senior High School", 2000),
        new("341", 0.01, "中学", "Middle School", "中学", "Middle School", 2400),
        new("365", 0.02, "职业教育中心学校", "Vocational Education Centre School", "职业教育中心学校", "Vocational Education Centre School", 1600),
        new("513", 0.005, "特殊教育学校", "Special Education School", "特殊教育学校", "Special Education School", 200),
    ];

    private static readonly (string Name, string NameEn, string Type)[] CitySchools =
    [
        ("青岛第二中学", "Qingdao No. 2 High School", "342"),
        ("青岛市中心聋校", "Qingdao Central School for the Deaf", "512"),
        ("青岛第五十八中学", "Qingdao No. 58 High School", "342"),
        ("青岛第一中学", "Qingdao No. 1 High School", "342"),
        ("青岛第十九中学", "Qingdao No. 19 High School", "342"),
        ("青岛第九中学", "Qingdao No. 9 High School", "342"),
        ("青岛实验高级中学", "Qingdao Experimental High School", "342"),
        ("青岛市盲校", "Qingdao School for the Blind", "511"),
        ("青岛市经济职业学校", "Qingdao Economic Vocational School", "361"),
        ("青岛市电子学校", "Qingdao Electronics School", "361"),
        ("青岛市艺术学校", "Qingdao Art School", "361"),
        ("青岛市教育局机关幼儿园", "Qingdao Education Bureau Kindergarten", "111"),
    ];

    public static IReadOnlyList<DemoOrg> Generate(DemoScale scale, int seed)
    {
        var random = new Random(seed);
        var orgs = new List<DemoOrg>
        {
            new(MinistryCode, "中华人民共和国教育部", "Ministry of Education", OrgUnitKind.Ministry, null, null, 0),
            new(ProvinceCode, "山东省教育厅", "Shandong Provincial Department of Education", OrgUnitKind.Province, MinistryCode, ProvinceCode, 0),
            new(CityCode, "青岛市教育局", "Qingdao Municipal Education Bureau", OrgUnitKind.City, ProvinceCode, CityCode, 0),
        };
        var order = 0;
        foreach (var (abbreviation, name, nameEn) in DemoCityPlaces.Departments)
        {
            orgs.Add(new($"{CityCode}-{abbreviation}", name, nameEn, OrgUnitKind.Department, CityCode, CityCode, order++));
        }
        order = 0;
        foreach (var d in DemoCityPlaces.Districts)
        {
            orgs.Add(new(d.Code, d.BureauName, d.BureauNameEn, OrgUnitKind.District, CityCode, d.Code, order++));
        }

        var sequences = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        string NextCode(string type)
        {
            var category = type[..2];
            var n = sequences[category] = sequences.GetValueOrDefault(category) + 1;
            return string.Create(CultureInfo.InvariantCulture, $"{category}37{n:000000}");
        }

        // The anchor school first, so its code never depends on the seed.
        var shinan = DemoCityPlaces.Districts[0];
        orgs.Add(School(NextCode("211"), "青岛市市南区实验小学", "Qingdao Shinan Experimental Primary School", shinan, "211", "21", null, "111",
            1, random, "金门路"));
        names.Add("青岛市市南区实验小学");

        var citySchools = scale == DemoScale.Small ? CitySchools.Take(2) : CitySchools;
        var cityOrder = 0;
        foreach (var (name, nameEn, type) in citySchools)
        {
            var district = DemoCityPlaces.Districts[cityOrder % 2];
            var school = School(NextCode(type), name, nameEn, district, type, "21", type == "111" ? "1" : null, "111", cityOrder, random, null);
            orgs.Add(school with { ParentCode = CityCode });
            names.Add(name);
            cityOrder++;
        }

        foreach (var district in DemoCityPlaces.Districts)
        {
            var plan = scale == DemoScale.Small ? SmallPlan(random) : CityPlan(district, random);
            var sort = 2;
            foreach (var type in plan)
            {
                orgs.Add(NewSchool(district, type, random, names, NextCode, sort++));
            }
        }
        return orgs;
    }

    /// <summary>Per district: two kindergartens (one public, one inclusive private), a primary, and a junior or nine-year school.</summary>
    private static List<string> SmallPlan(Random random) => ["111", "111", "211", random.NextDouble() < 0.5 ? "311" : "312"];

    private static List<string> CityPlan(DemoDistrict district, Random random)
    {
        const int total = 1480;
        var plan = new List<string>();
        foreach (var kind in Kinds)
        {
            var expected = total * district.Weight * kind.Share * (0.9 + 0.2 * random.NextDouble());
            if (kind.Type == "218" && district.UrbanShare >= 1.0)
            {
                continue; // teaching points are rural
            }
            var count = Math.Max(kind.Type is "513" or "342" or "365" ? 1 : 0, (int)Math.Round(expected));
            plan.AddRange(Enumerable.Repeat(kind.Type, count));
        }
        return plan;
    }

    private static DemoOrg NewSchool(DemoDistrict district, string type, Random random, HashSet<string> names, Func<string, string> nextCode, int sort)
    {
        var kind = Kinds.First(k => k.Type == type);
        var urban = random.NextDouble() < district.UrbanShare;
        var urbanRural = urban
            ? (random.NextDouble() < 0.8 ? "111" : "112")
            : random.NextDouble() < 0.5 ? (random.NextDouble() < 0.7 ? "121" : "122") : (random.NextDouble() < 0.4 ? "210" : "220");
        if (type == "218")
        {
            urbanRural = "220";
        }

        // Ownership and, for kindergartens, the inclusive-private category.
        var publicShare = type switch
        {
            "111" => 0.50,
            "211" or "218" => 0.96,
            "311" or "312" => 0.90,
            "342" or "341" => 0.85,
            "365" => 0.80,
            _ => 1.0,
        };
        var draw = random.NextDouble();
        var isPublic = draw < publicShare;
        string? kindergartenCategory = null;
        if (type == "111")
        {
            kindergartenCategory = isPublic ? "1" : draw < publicShare + 0.33 ? "2" : "3";
        }
        var ownership = isPublic ? "21" : "22";

        var place = district.Places[random.Next(district.Places.Length)];
        var rural = urbanRural is "210" or "220" or "121" or "122";
        string suffix, suffixEn;
        if (!isPublic)
        {
            var brand = DemoCityPlaces.Brands[random.Next(DemoCityPlaces.Brands.Length)];
            suffix = brand.Zh + (type == "111" ? "幼儿园" : "学校");
            suffixEn = brand.En + (type == "111" ? " Kindergarten" : " School");
        }
        else
        {
            suffix = rural ? kind.RuralSuffix : kind.Suffix;
            suffixEn = rural ? kind.RuralSuffixEn : kind.SuffixEn;
        }

        var prefix = district.IsCountyCity ? district.Name : "青岛市" + district.Name;
        var prefixEn = district.IsCountyCity ? district.NameEn : "Qingdao " + district.NameEn.Replace(" District", "", StringComparison.Ordinal);
        string name = "", nameEn = "";
        for (var i = 0; i < Ordinals.Length * 3; i++)
        {
            var ordinal = i < Ordinals.Length ? Ordinals[i] : $"第{i + 1}";
            var ordinalEn = i == 0 ? "" : $"No. {i + 1} ";
            name = $"{prefix}{place.Zh}{ordinal}{suffix}";
            nameEn = $"{prefixEn} {place.En} {ordinalEn}{suffixEn}";
            if (names.Add(name))
            {
                break;
            }
        }
        var seats = (int)(kind.Seats * (0.6 + 0.8 * random.NextDouble()));
        return School(nextCode(type), name, nameEn, district, type, ownership, kindergartenCategory, urbanRural, sort, random, place.Zh)
            with { CapacitySeats = seats };
    }

    private static DemoOrg School(string code, string name, string nameEn, DemoDistrict district, string type, string ownership,
        string? kindergartenCategory, string urbanRural, int sort, Random random, string? street)
    {
        var (south, west, north, east) = district.Box;
        var latitude = Math.Round(south + (north - south) * random.NextDouble(), 6);
        var longitude = Math.Round(west + (east - west) * random.NextDouble(), 6);
        var opened = new DateOnly(1950 + random.Next(71), 9, 1);
        var address = $"山东省青岛市{district.Name}{street ?? district.Places[random.Next(district.Places.Length)].Zh}{random.Next(1, 300)}号";
        var seats = Kinds.FirstOrDefault(k => k.Type == type)?.Seats ?? 600;
        return new DemoOrg(code, name, nameEn, OrgUnitKind.School, district.Code, district.Code, sort, type, ownership,
            kindergartenCategory, urbanRural, opened, address, latitude, longitude, seats);
    }
}
