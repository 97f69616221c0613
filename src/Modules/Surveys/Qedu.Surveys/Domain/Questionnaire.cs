using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qedu.Surveys.Domain;

/// <summary>Who answers a questionnaire: the guardians of a school's pupils, or the pupils themselves.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SurveyAudience>))]
internal enum SurveyAudience
{
    Parents = 1,
    Students = 2,
}

/// <summary>What an item asks for: a five-point answer (非常满意 … 非常不满意), or a few words.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ItemKind>))]
internal enum ItemKind
{
    Likert = 1,
    Text = 2,
}

/// <summary>
/// The five dimensions on which the seed (001-11) asks schools and districts to be judged, and the overall question: a
/// questionnaire's five-point items are each tagged with one, so results read per dimension.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<Dimension>))]
internal enum Dimension
{
    /// <summary>总体满意度.</summary>
    Overall = 0,

    /// <summary>品德发展.</summary>
    Morality = 1,

    /// <summary>学业发展.</summary>
    Learning = 2,

    /// <summary>身心发展.</summary>
    Wellbeing = 3,

    /// <summary>兴趣特长.</summary>
    Interests = 4,

    /// <summary>学业负担.</summary>
    Burden = 5,
}

/// <summary>One item of a questionnaire: its number, kind, the words asked (Chinese, and English for the English page), and its dimension.</summary>
internal sealed record QuestionnaireItem(int Number, ItemKind Kind, string Text, string? TextEn, Dimension Dimension = Dimension.Overall);

/// <summary>
/// A questionnaire (问卷): its items as data (JSON), for one audience. Never changed once a survey uses it (a change is a
/// new code), so every survey's results read against the words that were asked. City-wide data, names no one.
/// </summary>
internal sealed class Questionnaire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public string? TitleEn { get; set; }
    public SurveyAudience Audience { get; set; }

    /// <summary>The items, in order, as JSON (<see cref="QuestionnaireItem"/>[]).</summary>
    public required string Items { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public IReadOnlyList<QuestionnaireItem> ParsedItems() => JsonSerializer.Deserialize<List<QuestionnaireItem>>(Items, Json) ?? [];
}
