using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Qedu.Growth.Domain;
using Qedu.Growth.Health;

namespace Qedu.Growth.Rules;

/// <summary>An area of 综合素质评价; <see cref="FedBy"/> names what Qedu itself adds to it (the fitness result, practice days).</summary>
public sealed record RecordArea(GrowthArea Code, string Zh, string En, string? FedBy);

/// <summary>How a 十个一 item counts as done.</summary>
public enum ItemRule
{
    /// <summary>The quantities of its entries add up to the target (a hundred books).</summary>
    Count,

    /// <summary>At least the target number of entries (a sport mastered, once).</summary>
    Entries,
}

/// <summary>A 十个一 item: its area and what counts as done.</summary>
public sealed record TenItem(string Code, string Zh, string En, GrowthArea Area, ItemRule Kind, int Target, string? UnitZh, string? UnitEn)
{
    public string Name(bool english) => english ? En : Zh;

    public string Unit(bool english) => (english ? UnitEn : UnitZh) ?? "";
}

/// <summary>
/// The growth record as data (Rules/growth-record.json): the five areas, the 十个一 items of the handbook's edition, and
/// when the second term starts. docs/growth.md, "Growth record".
/// </summary>
public sealed record RecordRules(string Edition, string Source, string SecondTermStarts, RecordArea[] Areas, TenItem[] Items)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static RecordRules Load()
    {
        using var stream = typeof(RecordRules).Assembly.GetManifestResourceStream("Qedu.Growth.growth-record.json")
            ?? throw new InvalidOperationException("growth-record.json is not embedded.");
        var rules = JsonSerializer.Deserialize<RecordRules>(stream, Json) ?? throw new InvalidOperationException("growth-record.json is empty.");
        var areas = rules.Areas.Select(a => a.Code).ToHashSet();
        if (areas.Count != Enum.GetValues<GrowthArea>().Length || rules.Items.Length == 0
            || rules.Items.Select(i => i.Code).Distinct(StringComparer.Ordinal).Count() != rules.Items.Length
            || rules.Items.Any(i => !areas.Contains(i.Area) || i.Target <= 0 || (i.Kind == ItemRule.Count && i.UnitZh is null))
            || !DateOnly.TryParseExact("2000-" + rules.SecondTermStarts, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new InvalidOperationException(
                "growth-record.json: each of the five areas once; items with unique codes, a known area, a positive target and a unit for counts; secondTermStarts as MM-dd.");
        }
        return rules;
    }

    public TenItem? Item(string? code) => Items.FirstOrDefault(i => i.Code == code);

    public RecordArea Area(GrowthArea code) => Areas.Single(a => a.Code == code);

    /// <summary>The first day of a term: 1 September, or <see cref="SecondTermStarts"/> of the next calendar year.</summary>
    public DateOnly TermStart(int year, int term) =>
        term == 1 ? new DateOnly(year, 9, 1) : DateOnly.ParseExact($"{year + 1}-{SecondTermStarts}", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The school year (by the year it began) and term (1 from September, 2 from <see cref="SecondTermStarts"/>) of a day.</summary>
    public (int Year, int Term) TermOf(DateOnly day)
    {
        var year = HealthFile.SchoolYearOf(day);
        return (year, day >= TermStart(year, 2) ? 2 : 1);
    }

    /// <summary>"2026学年第一学期" or "2026–27, term 1".</summary>
    public static string TermName(int year, int term, bool english) =>
        english ? $"{year}–{(year + 1) % 100:00}, term {term}" : $"{year}学年第{(term == 1 ? "一" : "二")}学期";
}
