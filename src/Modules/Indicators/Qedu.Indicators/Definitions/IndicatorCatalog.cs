using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Indicators.Definitions;

/// <summary>A name in both languages, as the definitions file writes it.</summary>
internal sealed record Bilingual(string Zh, string En)
{
    public string In(bool english) => english ? En : Zh;
    public override string ToString() => In(CodeBook.IsEnglish);
}

internal enum Formula
{
    Ratio,
    Count,
    Difference,
}

/// <summary>Which way is better: a large-class share should fall, a coverage rate rise; some figures are only watched.</summary>
internal enum Direction
{
    None,
    Higher,
    Lower,
}

/// <summary>One indicator, after a per-stage entry of the definitions file has been expanded.</summary>
internal sealed record IndicatorDefinition(
    string Code,
    string Category,
    Bilingual Name,
    Bilingual Unit,
    Bilingual Definition,
    Formula Formula,
    string Numerator,
    string? Denominator,
    decimal Scale,
    int Decimals,
    Direction Direction,
    IReadOnlyList<Stage> Stages,
    IReadOnlySet<OrgUnitKind> Levels,
    string Source,
    string? Plans,
    Stage? Stage,
    bool IsBand,
    IReadOnlyList<string>? Keywords = null)
{
    /// <summary>The collection form that feeds this indicator, or null when the registry does.</summary>
    public string? FormCode => Source.StartsWith("form:", StringComparison.Ordinal) ? Source[5..] : null;

    /// <summary>The fact counting the units the source form was sent to ("form.campus-network.asked"), or null.</summary>
    public string? AskedFact => FormCode is { } form ? FormFactNames.Asked(form) : null;

    /// <summary>The fact counting the source form's approved returns ("form.campus-network.returns"), or null.</summary>
    public string? AnsweredFact => FormCode is { } form ? FormFactNames.Returns(form) : null;

    public string Format(decimal value) => value.ToString("N" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

/// <summary>
/// The two facts every collection form gives besides its fields: "form.&lt;form&gt;.asked" = 1 for each unit the form was
/// sent to in the period (whatever became of its return), "form.&lt;form&gt;.returns" = 1 for each approved return.
/// Their names are reserved as field codes.
/// </summary>
internal static class FormFactNames
{
    public const string AskedField = "asked";
    public const string ReturnsField = "returns";

    public static string Asked(string form) => $"form.{form}.{AskedField}";

    public static string Returns(string form) => $"form.{form}.{ReturnsField}";
}

internal sealed record IndicatorCategory(string Code, Bilingual Name);

/// <summary>A band of class sizes for the distribution chart.</summary>
internal sealed record SizeBand(string Code, int From, int? To)
{
    public bool Contains(int size) => size >= From && (To is null || size <= To);
}

/// <summary>
/// Every indicator Qedu computes, read from <c>Definitions/indicators.json</c>: an analyst reads and extends the file,
/// and the computation and the dashboards follow it without new code or pages.
/// </summary>
internal sealed class IndicatorCatalog
{
    /// <summary>The short name of a stage in expanded codes ("large-class-share.primary").</summary>
    public static readonly IReadOnlyDictionary<Stage, string> StageKeys = new Dictionary<Stage, string>
    {
        [Stage.Preschool] = "preschool",
        [Stage.Primary] = "primary",
        [Stage.JuniorSecondary] = "junior",
        [Stage.SeniorSecondary] = "senior",
        [Stage.Vocational] = "vocational",
        [Stage.Special] = "special",
    };

    public static readonly IReadOnlyDictionary<Stage, Bilingual> StageNames = new Dictionary<Stage, Bilingual>
    {
        [Stage.Preschool] = new("学前", "preschool"),
        [Stage.Primary] = new("小学", "primary"),
        [Stage.JuniorSecondary] = new("初中", "junior secondary"),
        [Stage.SeniorSecondary] = new("高中", "senior secondary"),
        [Stage.Vocational] = new("中职", "vocational"),
        [Stage.Special] = new("特教", "special"),
    };

    public const string BandCategory = "class-size-bands";

    private readonly Dictionary<string, IndicatorDefinition> _byCode;

    public IndicatorCatalog(IReadOnlyList<IndicatorCategory> categories, IReadOnlyList<IndicatorDefinition> indicators, Bilingual bandsName, IReadOnlyList<SizeBand> bands)
    {
        Categories = categories;
        Indicators = indicators;
        BandsName = bandsName;
        Bands = bands;
        _byCode = indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<IndicatorCategory> Categories { get; }

    /// <summary>All indicators in file order, the class-size bands last.</summary>
    public IReadOnlyList<IndicatorDefinition> Indicators { get; }
    public Bilingual BandsName { get; }
    public IReadOnlyList<SizeBand> Bands { get; }

    public IndicatorDefinition? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var d) ? d : null;

    /// <summary>The first indicator (in file order) one of whose keywords the text names: "普惠性幼儿园覆盖率巩固在80%以上".</summary>
    public IndicatorDefinition? Match(string text) =>
        Indicators.FirstOrDefault(i => i.Keywords is { Count: > 0 } words && words.Any(w => text.Contains(w, StringComparison.Ordinal)));

    public static string BandCode(SizeBand band) => "class-size-band." + band.Code;

    /// <summary>The catalogue built into Qedu.</summary>
    public static IndicatorCatalog BuiltIn()
    {
        using var stream = typeof(IndicatorCatalog).Assembly.GetManifestResourceStream("Qedu.Indicators.indicators.json")
            ?? throw new InvalidOperationException("The indicator definitions are not embedded.");
        return Parse(stream);
    }

    public static IndicatorCatalog Parse(Stream json)
    {
        var file = JsonSerializer.Deserialize<DefinitionsFile>(json, FileJson)
            ?? throw new InvalidDataException("indicators.json is empty.");
        var categories = file.Categories.Select(c => new IndicatorCategory(c.Code, c.Name)).ToList();
        var known = categories.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var indicators = new List<IndicatorDefinition>();
        foreach (var e in file.Indicators)
        {
            if (!known.Contains(e.Category))
            {
                throw new InvalidDataException($"indicators.json: {e.Code}: unknown category '{e.Category}'.");
            }
            if (e.Formula != Formula.Count && e.Denominator is null)
            {
                throw new InvalidDataException($"indicators.json: {e.Code}: a {e.Formula} needs a denominator.");
            }
            var levels = e.Levels.ToHashSet();
            if (e.PerStage)
            {
                foreach (var stage in e.Stages ?? [])
                {
                    var key = StageKeys[stage];
                    var stageName = StageNames[stage];
                    indicators.Add(Make(e, $"{e.Code}.{key}", new Bilingual($"{e.Name.Zh}（{stageName.Zh}）", $"{e.Name.En} ({stageName.En})"),
                        [stage], levels, stage, key));
                }
            }
            else
            {
                indicators.Add(Make(e, e.Code, e.Name, e.Stages ?? [], levels, null, null));
            }
        }
        var bands = file.Distribution.Bands.Select(b => new SizeBand(b.Code, b.From, b.To)).ToList();
        foreach (var band in bands)
        {
            var label = band.To is null ? $"{band.From}+" : $"{band.From}–{band.To}";
            indicators.Add(new IndicatorDefinition(BandCode(band), BandCategory,
                new Bilingual($"{label}人的班级", $"Classes of {label}"), new Bilingual("个", "classes"),
                new Bilingual($"小学、初中、高中在读学生{label}人的班级数", $"Primary and secondary classes with {label} enrolled students"),
                Formula.Count, "classes.band." + band.Code, null, 1, 0, Direction.None,
                [Stage.Primary, Stage.JuniorSecondary, Stage.SeniorSecondary], new HashSet<OrgUnitKind> { OrgUnitKind.City, OrgUnitKind.District, OrgUnitKind.School },
                "registry", "001-23", null, IsBand: true));
        }
        var duplicate = indicators.GroupBy(i => i.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"indicators.json: the code {duplicate.Key} is used twice.");
        }
        return new IndicatorCatalog(categories, indicators, file.Distribution.Name, bands);
    }

    private static IndicatorDefinition Make(IndicatorEntry e, string code, Bilingual name, IReadOnlyList<Stage> stages, IReadOnlySet<OrgUnitKind> levels, Stage? stage, string? key) =>
        new(code, e.Category, name, e.Unit, e.Definition, e.Formula,
            Expand(e.Numerator, key), e.Denominator is null ? null : Expand(e.Denominator, key),
            e.Scale ?? 1, e.Decimals ?? 0, e.Direction, stages, levels, e.Source, e.Plans, stage, IsBand: false, e.Keywords ?? []);

    private static string Expand(string fact, string? stageKey) => stageKey is null ? fact : fact.Replace("{stage}", stageKey, StringComparison.Ordinal);

    private static readonly JsonSerializerOptions FileJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private sealed record DefinitionsFile(List<CategoryEntry> Categories, List<IndicatorEntry> Indicators, DistributionEntry Distribution);

    private sealed record CategoryEntry(string Code, Bilingual Name);

    private sealed record IndicatorEntry(
        string Code,
        string Category,
        Bilingual Name,
        Bilingual Unit,
        Bilingual Definition,
        Formula Formula,
        string Numerator,
        string? Denominator,
        decimal? Scale,
        int? Decimals,
        Direction Direction,
        List<OrgUnitKind> Levels,
        string Source,
        string? Plans,
        bool PerStage = false,
        List<Stage>? Stages = null,
        List<string>? Keywords = null);

    private sealed record DistributionEntry(Bilingual Name, List<BandEntry> Bands);

    private sealed record BandEntry(string Code, int From, int? To);
}
