using System.Text.Json;
using System.Text.RegularExpressions;
using Qedu.Surveys.Domain;

namespace Qedu.Surveys.Questionnaires;

/// <summary>
/// A questionnaire as a file gives it (docs/surveys.md has the format): the standard ones ship in questionnaires.json,
/// and a bureau may add its own over the API. <see cref="Problems"/> names each fault by its field (items[3].text).
/// </summary>
internal sealed partial record QuestionnaireDefinition(string? Code, string? Title, string? TitleEn, SurveyAudience? Audience, IReadOnlyList<QuestionnaireItem>? Items)
{
    public const int MaxItems = 40;
    public const int MaxTextItems = 5;
    public const int MaxText = 200;

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,39}$")]
    private static partial Regex CodePattern();

    /// <summary>The faults, by field, as message keys with their arguments; none when the questionnaire may be used.</summary>
    public IReadOnlyList<(string Field, string Key, object[] Args)> Problems()
    {
        var problems = new List<(string, string, object[])>();
        if (Code is null || !CodePattern().IsMatch(Code))
        {
            problems.Add(("code", "Q.Code", []));
        }
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > 100)
        {
            problems.Add(("title", "Q.Title", []));
        }
        if (Audience is null || !Enum.IsDefined(Audience.Value))
        {
            problems.Add(("audience", "Q.Audience", []));
        }
        var items = Items ?? [];
        if (items.Count is 0 or > MaxItems || items.All(i => i.Kind != ItemKind.Likert))
        {
            problems.Add(("items", "Q.Items", [MaxItems]));
        }
        if (items.Count(i => i.Kind == ItemKind.Text) > MaxTextItems)
        {
            problems.Add(("items", "Q.TextItems", [MaxTextItems]));
        }
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Number != i + 1)
            {
                problems.Add(($"items[{i}].number", "Q.Number", [i + 1]));
            }
            if (!Enum.IsDefined(item.Kind))
            {
                problems.Add(($"items[{i}].kind", "Q.Kind", []));
            }
            if (!Enum.IsDefined(item.Dimension))
            {
                problems.Add(($"items[{i}].dimension", "Q.Dimension", []));
            }
            if (string.IsNullOrWhiteSpace(item.Text) || item.Text.Length > MaxText)
            {
                problems.Add(($"items[{i}].text", "Q.Text", [MaxText]));
            }
        }
        return problems;
    }

    internal Questionnaire ToQuestionnaire(DateTimeOffset now) => new()
    {
        Code = Code!,
        Title = Title!.Trim(),
        TitleEn = string.IsNullOrWhiteSpace(TitleEn) ? null : TitleEn.Trim(),
        Audience = Audience!.Value,
        Items = JsonSerializer.Serialize(Items, Questionnaire.Json),
        CreatedAt = now,
    };
}
