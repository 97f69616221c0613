using Qedu.Indicators.Computation;
using System.Text;
using Qedu.Indicators.Definitions;
using Qedu.Kernel.Codes;

namespace Qedu.Indicators.Tests;

public sealed class CatalogTests
{
    [Fact]
    public void Per_stage_entries_expand_to_one_indicator_per_stage_with_the_stage_in_their_facts()
    {
        var catalog = IndicatorCatalog.BuiltIn();
        var primary = catalog.Find("large-class-share.primary")!;
        Assert.Equal(("classes.primary.56plus", "classes.primary"), (primary.Numerator, primary.Denominator));
        Assert.Equal([Stage.Primary], primary.Stages);
        Assert.Equal("大班额比例（小学）", primary.Name.Zh);
        Assert.Null(catalog.Find("large-class-share"));
        Assert.Equal(Direction.Lower, primary.Direction);
    }

    [Fact]
    public void Every_indicator_names_a_known_category_and_a_unique_code()
    {
        var catalog = IndicatorCatalog.BuiltIn();
        var categories = catalog.Categories.Select(c => c.Code).Append(IndicatorCatalog.BandCategory).ToHashSet();
        Assert.All(catalog.Indicators, i => Assert.Contains(i.Category, categories));
        Assert.Equal(catalog.Indicators.Count, catalog.Indicators.Select(i => i.Code).Distinct().Count());
    }

    [Theory]
    [InlineData("""{"categories":[],"indicators":[{"code":"x","category":"nope","name":{"zh":"x","en":"x"},"unit":{"zh":"","en":""},"definition":{"zh":"","en":""},"formula":"count","numerator":"students","direction":"none","levels":["City"],"source":"registry"}],"distribution":{"name":{"zh":"","en":""},"bands":[]}}""", "unknown category")]
    [InlineData("""{"categories":[{"code":"c","name":{"zh":"c","en":"c"}}],"indicators":[{"code":"x","category":"c","name":{"zh":"x","en":"x"},"unit":{"zh":"","en":""},"definition":{"zh":"","en":""},"formula":"ratio","numerator":"students","direction":"none","levels":["City"],"source":"registry"}],"distribution":{"name":{"zh":"","en":""},"bands":[]}}""", "needs a denominator")]
    public void A_broken_definitions_file_is_refused_with_the_reason(string json, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => IndicatorCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}

public sealed class FactTableTests
{
    [Fact]
    public void Rolling_up_adds_each_units_own_facts_once_to_every_ancestor_whatever_the_order()
    {
        // city 1 ← district 2 ← school 3; the district has a figure of its own (a form), the school a count.
        var facts = new FactTable();
        facts.Add(3, "students", 100);
        facts.Add(2, "form.funding.rural-education", 50);
        facts.Add(2, "students", 0);
        facts.RollUp(new Dictionary<int, int[]> { [3] = [2, 1], [2] = [1] });
        Assert.Equal(100, facts.Get(2, "students"));
        Assert.Equal(100, facts.Get(1, "students"));
        Assert.Equal(50, facts.Get(1, "form.funding.rural-education"));
        Assert.Equal(100, facts.Get(3, "students"));
    }
}
