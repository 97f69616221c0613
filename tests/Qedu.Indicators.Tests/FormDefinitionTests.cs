using System.Text;
using Qedu.Indicators.Definitions;
using Qedu.Indicators.Computation;
using Qedu.Indicators.Features.Forms;
using Qedu.Indicators.Features.Forms.Definitions;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Indicators.Tests;

/// <summary>The collection forms as data (forms.json) and the facts approved returns give the indicators, without a database.</summary>
public sealed class FormDefinitionTests
{
    private static readonly FormCatalog Forms = FormCatalog.BuiltIn();

    [Fact]
    public void Every_form_fact_an_indicator_reads_is_a_figure_of_a_defined_form()
    {
        var indicators = IndicatorCatalog.BuiltIn().Indicators;
        var read = indicators.SelectMany(i => new[] { i.Numerator, i.Denominator }).OfType<string>().Where(f => f.StartsWith("form.", StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(read);
        foreach (var fact in read)
        {
            var parts = fact.Split('.');
            Assert.True(parts.Length == 3, $"{fact} is not form.<form>.<field>");
            var form = Forms.Find(parts[1]);
            Assert.True(form is not null, $"{fact}: no form {parts[1]} in forms.json");
            Assert.True(parts[2] is FormCatalog.ReturnsField or FormCatalog.AskedField || form.Field(parts[2]) is { IsFact: true },
                $"{fact}: {parts[1]} has no integer, number or yes-no field {parts[2]}");
        }
        foreach (var indicator in indicators.Where(i => i.FormCode is not null))
        {
            Assert.True(Forms.Find(indicator.FormCode) is not null, $"{indicator.Code}: its source form {indicator.FormCode} is not defined");
        }
    }

    [Fact]
    public void The_built_in_forms_go_to_their_levels_with_their_fields()
    {
        Assert.Equal(["preschool-population", "rural-pairing", "campus-network", "international", "city-funding", "funding"], Forms.Forms.Select(f => f.Code).ToArray());
        Assert.Equal(OrgUnitKind.District, Forms.Find("preschool-population")!.Level);
        Assert.Equal(OrgUnitKind.City, Forms.Find("city-funding")!.Level); // the city bureau's own return (市本级)
        Assert.Equal(OrgUnitKind.District, Forms.Find("funding")!.Level);
        Assert.Equal(OrgUnitKind.School, Forms.Find("campus-network")!.Level);
        Assert.Equal(new FormCondition("urban-rural", "urban", "true"), Forms.Find("rural-pairing")!.Condition);
        Assert.Null(Forms.Find("campus-network")!.Condition);

        var network = Forms.Find("campus-network")!;
        Assert.Equal("校园网络是否达标", network.Field("compliant")!.Label.Zh);
        Assert.Equal(FieldType.YesNo, network.Field("compliant")!.Type);
        Assert.True(network.Field("compliant")!.Required);
        Assert.Equal((FieldType.Integer, 0m, 100000m, "Mbps"), (network.Field("bandwidth")!.Type, network.Field("bandwidth")!.Min!.Value, network.Field("bandwidth")!.Max!.Value, network.Field("bandwidth")!.Unit!.En));
        Assert.False(network.Field("notes")!.IsFact);
        Assert.Equal(FieldType.Number, Forms.Find("funding")!.Field("rural-education")!.Type);
        Assert.All(Forms.Forms, f => Assert.All(f.Fields, x => Assert.False(string.IsNullOrEmpty(x.Label.En) || string.IsNullOrEmpty(x.Label.Zh))));
    }

    [Theory]
    [InlineData("""{"code": "x", "title": {"zh": "x", "en": "x"}, "description": {"zh": "", "en": ""}, "level": "Province", "fields": [{"code": "a", "label": {"zh": "a", "en": "a"}, "type": "integer"}]}""", "schools, to districts or to a city bureau itself")]
    [InlineData("""{"code": "x", "title": {"zh": "x", "en": "x"}, "description": {"zh": "", "en": ""}, "level": "School", "fields": [{"code": "returns", "label": {"zh": "a", "en": "a"}, "type": "integer"}]}""", "reserved")]
    [InlineData("""{"code": "x", "title": {"zh": "x", "en": "x"}, "description": {"zh": "", "en": ""}, "level": "School", "fields": [{"code": "asked", "label": {"zh": "a", "en": "a"}, "type": "integer"}]}""", "reserved")]
    [InlineData("""{"code": "x", "title": {"zh": "x", "en": "x"}, "description": {"zh": "", "en": ""}, "level": "School", "fields": [{"code": "a", "label": {"zh": "a", "en": "a"}, "type": "integer", "min": 5, "max": 1}]}""", "min is above max")]
    [InlineData("""{"code": "x", "title": {"zh": "x", "en": "x"}, "description": {"zh": "", "en": ""}, "level": "School", "fields": [{"code": "a", "label": {"zh": "a", "en": "a"}, "type": "integer"}, {"code": "a", "label": {"zh": "b", "en": "b"}, "type": "text"}]}""", "defined twice")]
    [InlineData("""{"code": "x", "title": {"zh": "x", "en": "x"}, "description": {"zh": "", "en": ""}, "level": "School", "condition": {"list": "gender", "attribute": "a", "not": "b"}, "fields": [{"code": "a", "label": {"zh": "a", "en": "a"}, "type": "yes-no"}]}""", "condition")]
    [InlineData("""{"code": "X Y", "title": {"zh": "x", "en": "x"}, "description": {"zh": "", "en": ""}, "level": "School", "fields": [{"code": "a", "label": {"zh": "a", "en": "a"}, "type": "yes-no"}]}""", "not a form code")]
    public void A_bad_definition_is_refused_naming_what_is_wrong(string form, string message)
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"forms": [{{form}}]}"""));
        var error = Assert.Throws<InvalidDataException>(() => FormCatalog.Parse(json));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Approved_returns_are_facts_of_their_units_summed_up_the_tree_into_the_indicator()
    {
        // A city with two districts; district 10 has three schools that returned, district 20 one school that did not.
        const int city = 1, district = 10, quiet = 20;
        var units = new HashSet<int> { city, district, quiet, 101, 102, 103, 201 };
        var facts = new FactTable();
        int[] asked = [101, 102, 103, 201];
        FormFacts.AddAsked(facts, units, Forms, [.. asked.Select(u => new AskedUnit(u, "campus-network")), new AskedUnit(102, "international")]);
        FormFacts.Add(facts, units, Forms,
        [
            new ApprovedReturn(101, "campus-network", new Dictionary<string, decimal> { ["compliant"] = 1, ["bandwidth"] = 1000 }),
            new ApprovedReturn(102, "campus-network", new Dictionary<string, decimal> { ["compliant"] = 0, ["bandwidth"] = 200 }),
            new ApprovedReturn(103, "campus-network", new Dictionary<string, decimal> { ["compliant"] = 1, ["bandwidth"] = 500, ["retired-field"] = 9 }),
            new ApprovedReturn(102, "international", new Dictionary<string, decimal> { ["sister-schools"] = 2 }),
            new ApprovedReturn(999, "campus-network", new Dictionary<string, decimal> { ["compliant"] = 1 }), // a unit the computation does not know
            new ApprovedReturn(101, "no-longer-defined", new Dictionary<string, decimal> { ["x"] = 1 }),
        ]);
        Assert.Equal(0m, facts.Get(102, "form.campus-network.compliant"));
        Assert.Equal(1m, facts.Get(102, "form.campus-network.returns"));
        Assert.Equal(1m, facts.Get(201, "form.campus-network.asked"));
        Assert.Null(facts.Get(201, "form.campus-network.returns"));
        Assert.Null(facts.Get(103, "form.campus-network.retired-field"));
        Assert.Empty(facts.Of(999));
        Assert.DoesNotContain(facts.Of(101).Keys, k => k.Contains("no-longer-defined", StringComparison.Ordinal));

        facts.RollUp(Tree(city, (district, [101, 102, 103]), (quiet, [201])));
        Assert.Equal(3m, facts.Get(district, "form.campus-network.returns"));
        Assert.Equal(4m, facts.Get(city, "form.campus-network.asked"));
        Assert.Equal(2m, facts.Get(city, "form.campus-network.compliant"));
        Assert.Equal(1700m, facts.Get(city, "form.campus-network.bandwidth"));

        var indicators = IndicatorCatalog.BuiltIn();
        var compliance = indicators.Find("campus-network-compliance")!;
        Assert.Equal((66.7m, 2m, (decimal?)3m), IndicatorComputation.Evaluate(compliance, facts, district));
        Assert.Equal((3, 3), IndicatorComputation.Response(compliance, facts, district));
        // The city asked four schools and the quiet one never answered: it counts as not compliant, 2 of 4.
        Assert.Equal((50m, 2m, (decimal?)4m), IndicatorComputation.Evaluate(compliance, facts, city));
        Assert.Equal((4, 3), IndicatorComputation.Response(compliance, facts, city));
        // Nobody in the quiet district answered: 0 % of the one school asked, and a response rate of 0 of 1 beside it.
        Assert.Equal((0m, 0m, (decimal?)1m), IndicatorComputation.Evaluate(compliance, facts, quiet));
        Assert.Equal((1, 0), IndicatorComputation.Response(compliance, facts, quiet));
        // A count (sister schools) sums what was returned; a unit never asked has no value and no response rate.
        Assert.Null(IndicatorComputation.Evaluate(indicators.Find("sister-schools")!, facts, quiet));
        Assert.Null(IndicatorComputation.Response(indicators.Find("sister-schools")!, facts, quiet));
        Assert.Equal(2m, IndicatorComputation.Evaluate(indicators.Find("sister-schools")!, facts, city)!.Value.Value);
        Assert.Equal((1, 1), IndicatorComputation.Response(indicators.Find("sister-schools")!, facts, city));
        // A registry indicator has no response rate.
        Assert.Null(IndicatorComputation.Response(indicators.Find("migrant-share")!, facts, city));
    }

    /// <summary>
    /// A rate of units asked (pairing, network compliance) counts a silent unit as not meeting it. A ratio whose
    /// denominator is a form's figure (resident children per district) would flatter with only some units' figures
    /// under every unit's enrolment, so it has a value only once every unit asked has answered.
    /// </summary>
    [Fact]
    public void A_form_sent_to_n_units_where_some_answer_gives_the_lower_rate_and_the_response_rate()
    {
        const int city = 1, d1 = 10, d2 = 20;
        int[] schools = [101, 102, 103, 104, 105, 201, 202, 203, 204, 205];
        var units = new HashSet<int>([city, d1, d2, .. schools]);
        var facts = new FactTable();
        // The rural-pairing form went to ten schools; two answered, both paired ("100 %" of those who answered).
        FormFacts.AddAsked(facts, units, Forms, [.. schools.Select(s => new AskedUnit(s, "rural-pairing")), new AskedUnit(d1, "preschool-population"), new AskedUnit(d2, "preschool-population")]);
        FormFacts.Add(facts, units, Forms,
        [
            new ApprovedReturn(101, "rural-pairing", new Dictionary<string, decimal> { ["paired"] = 1 }),
            new ApprovedReturn(102, "rural-pairing", new Dictionary<string, decimal> { ["paired"] = 1 }),
            new ApprovedReturn(d1, "preschool-population", new Dictionary<string, decimal> { ["children-3-5"] = 100 }),
        ]);
        facts.Add(d1, "students.preschool", 90); // the registry's children, on the districts here for brevity
        facts.Add(d2, "students.preschool", 90);
        facts.RollUp(Tree(city, (d1, [101, 102, 103, 104, 105]), (d2, [201, 202, 203, 204, 205])));

        var indicators = IndicatorCatalog.BuiltIn();
        var pairing = indicators.Find("rural-pairing-rate")!;
        Assert.Equal((20m, 2m, (decimal?)10m), IndicatorComputation.Evaluate(pairing, facts, city));
        Assert.Equal((10, 2), IndicatorComputation.Response(pairing, facts, city));
        Assert.Equal((40m, 2m, (decimal?)5m), IndicatorComputation.Evaluate(pairing, facts, d1));
        Assert.Equal((0m, 0m, (decimal?)5m), IndicatorComputation.Evaluate(pairing, facts, d2));
        Assert.Equal((5, 0), IndicatorComputation.Response(pairing, facts, d2));

        // Enrolment over resident children: district 10 answered (90 of 100), district 20 did not, so the city has no
        // rate rather than 180 children over district 10's 100.
        var enrolment = indicators.Find("preschool-enrolment-rate")!;
        Assert.Equal(90m, IndicatorComputation.Evaluate(enrolment, facts, d1)!.Value.Value);
        Assert.Null(IndicatorComputation.Evaluate(enrolment, facts, d2));
        Assert.Null(IndicatorComputation.Evaluate(enrolment, facts, city));
        Assert.Equal((2, 1), IndicatorComputation.Response(enrolment, facts, city));
    }

    [Fact]
    public void A_district_form_is_a_fact_of_the_district_summed_into_the_city()
    {
        const int city = 1;
        var facts = new FactTable();
        FormFacts.Add(facts, new HashSet<int> { city, 10, 20 }, Forms,
        [
            new ApprovedReturn(10, "funding", new Dictionary<string, decimal> { ["rural-education"] = 1234.5m }),
            new ApprovedReturn(20, "funding", new Dictionary<string, decimal> { ["rural-education"] = 100m }),
        ]);
        facts.RollUp(Tree(city, (10, []), (20, [])));
        var funding = IndicatorCatalog.BuiltIn().Find("district-rural-education-funding")!;
        Assert.Equal(1234.5m, facts.Get(10, "form.funding.rural-education"));
        Assert.Equal(1334.5m, facts.Get(city, "form.funding.rural-education"));
        // The figure keeps its decimals; the indicator shows it with the decimals indicators.json gives it (none).
        Assert.Equal((1335m, 1334.5m, (decimal?)null), IndicatorComputation.Evaluate(funding, facts, city));
    }

    /// <summary>
    /// Plan task 001-26's target is the city's own allocation ("市本级每年统筹安排乡村教育资金不低于3000万元"): the
    /// indicator bound to it counts the city bureau's own return only, never the districts' sums.
    /// </summary>
    [Fact]
    public void The_rural_funding_target_is_measured_by_the_citys_own_allocation_not_the_districts_sums()
    {
        const int city = 1;
        var facts = new FactTable();
        var units = new HashSet<int> { city, 10, 20 };
        FormFacts.AddAsked(facts, units, Forms, [new AskedUnit(city, "city-funding"), new AskedUnit(10, "funding"), new AskedUnit(20, "funding")]);
        FormFacts.Add(facts, units, Forms,
        [
            new ApprovedReturn(city, "city-funding", new Dictionary<string, decimal> { ["rural-education"] = 3200m }),
            new ApprovedReturn(10, "funding", new Dictionary<string, decimal> { ["rural-education"] = 1500m }),
            new ApprovedReturn(20, "funding", new Dictionary<string, decimal> { ["rural-education"] = 900m }),
        ]);
        facts.RollUp(Tree(city, (10, []), (20, [])));
        var catalog = IndicatorCatalog.BuiltIn();

        var own = catalog.Match("2018—2022年，市本级每年统筹安排乡村教育资金不低于3000万元")!;
        Assert.Equal("rural-education-funding", own.Code);
        Assert.Equal<OrgUnitKind>([OrgUnitKind.City], own.Levels);
        Assert.Equal(3200m, IndicatorComputation.Evaluate(own, facts, city)!.Value.Value);
        Assert.Equal((1, 1), IndicatorComputation.Response(own, facts, city));
        Assert.Null(IndicatorComputation.Evaluate(own, facts, 10)); // a district has no 市本级 figure
        Assert.Equal(2400m, IndicatorComputation.Evaluate(catalog.Find("district-rural-education-funding")!, facts, city)!.Value.Value);
    }

    /// <summary>
    /// A district's own figure (a district form) beside its schools' figures: rolling up adds each unit's own facts once, so
    /// the city counts the district's schools once and the district's own figure once.
    /// </summary>
    [Fact]
    public void A_district_s_own_figure_does_not_make_the_city_count_its_schools_twice()
    {
        const int city = 1, district = 10;
        var facts = new FactTable();
        FormFacts.Add(facts, new HashSet<int> { city, district, 101 }, Forms,
        [
            new ApprovedReturn(101, "campus-network", new Dictionary<string, decimal> { ["compliant"] = 1, ["bandwidth"] = 1000 }),
            new ApprovedReturn(district, "preschool-population", new Dictionary<string, decimal> { ["children-3-5"] = 30000 }),
        ]);
        facts.RollUp(Tree(city, (district, [101])));
        Assert.Equal(1m, facts.Get(city, "form.campus-network.returns"));
        Assert.Equal(30000m, facts.Get(city, "form.preschool-population.children-3-5"));
    }

    /// <summary>The bureau ancestors of every unit of a city → districts → schools tree, as the computation builds them.</summary>
    private static Dictionary<int, int[]> Tree(int city, params (int District, int[] Schools)[] districts)
    {
        var ancestors = new Dictionary<int, int[]>();
        foreach (var (district, schools) in districts)
        {
            ancestors[district] = [city];
            foreach (var school in schools)
            {
                ancestors[school] = [district, city];
            }
        }
        return ancestors;
    }
}
