using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qedu.Ui.Components;

/// <summary>One named row of values in a chart; a null is a gap (no data).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values);

/// <summary>
/// What a chart shows, independent of the drawing library: bars or a line over categories, optionally a target line and
/// a link per category (clicking a district's bar opens the district). <c>Whole</c>: the values are counts, so the
/// value axis has no fractional ticks (0, 0.5, 1 classes). <c>qedu-charts.js</c> turns it into ECharts options.
/// </summary>
public sealed record ChartSpec(
    string Kind,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    string? Unit = null,
    decimal? Target = null,
    string? TargetLabel = null,
    bool Horizontal = false,
    IReadOnlyList<string?>? Links = null,
    bool Whole = false)
{
    public const string Bar = "bar";
    public const string Line = "line";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
