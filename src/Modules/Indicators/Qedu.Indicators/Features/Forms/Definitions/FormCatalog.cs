using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Qedu.Indicators.Definitions;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Indicators.Features.Forms.Definitions;

[JsonConverter(typeof(JsonStringEnumConverter<FieldType>))]
internal enum FieldType
{
    [JsonStringEnumMemberName("integer")]
    Integer,
    [JsonStringEnumMemberName("number")]
    Number,
    [JsonStringEnumMemberName("yes-no")]
    YesNo,
    [JsonStringEnumMemberName("text")]
    Text,
}

/// <summary>One question of a form. Integer, number and yes-no fields are facts of the reporting unit; text is for people.</summary>
internal sealed record FormField(
    string Code, Bilingual Label, FieldType Type, Bilingual? Unit, decimal? Min, decimal? Max, bool Required, int MaxLength)
{
    public bool IsFact => Type != FieldType.Text;
}

/// <summary>
/// Which units of the level a form goes to: those whose code in <see cref="List"/> has <see cref="Attribute"/> not equal
/// to <see cref="Not"/> (rural-pairing: schools whose urban-rural code is not urban). A unit without a code is asked too:
/// better one needless return than a unit that is never counted.
/// </summary>
internal sealed record FormCondition(string List, string Attribute, string Not)
{
    /// <summary>The code lists a condition may name, with the org unit attribute that holds each unit's code.</summary>
    public static readonly IReadOnlyDictionary<string, Func<OrgUnit, string?>> Lists = new Dictionary<string, Func<OrgUnit, string?>>(StringComparer.Ordinal)
    {
        [CodeLists.UrbanRural] = u => u.UrbanRuralCode,
        [CodeLists.SchoolType] = u => u.SchoolTypeCode,
        [CodeLists.Ownership] = u => u.OwnershipCode,
        [CodeLists.KindergartenCategory] = u => u.KindergartenCategoryCode,
    };

    public bool Includes(OrgUnit unit, CodeBook codes) =>
        codes.Find(List, Lists[List](unit), anyDate: true)?.Attribute(Attribute) != Not;
}

/// <summary>
/// A collection form: what it asks, of which level of unit, and of which of them. A form of a bureau's own level (City)
/// is the bureau's own return: sent by the bureau to itself (the city's 市本级 figures).
/// </summary>
internal sealed record FormDefinition(
    string Code, Bilingual Title, Bilingual Description, OrgUnitKind Level, FormCondition? Condition, IReadOnlyList<FormField> Fields)
{
    public FormField? Field(string code) => Fields.FirstOrDefault(f => string.Equals(f.Code, code, StringComparison.Ordinal));

    /// <summary>A city form is the city bureau's own return: a city sends it to itself (a province to its cities).</summary>
    public bool IsOwnReturn => Level == OrgUnitKind.City;

    /// <summary>The fact an approved return adds for one of the form's fields: "form.campus-network.compliant".</summary>
    public string Fact(FormField field) => $"form.{Code}.{field.Code}";

    /// <summary>The fact that counts approved returns ("form.campus-network.returns"): the units that answered.</summary>
    public string ReturnsFact => FormFactNames.Returns(Code);

    /// <summary>The fact that counts the units the form was sent to ("form.campus-network.asked"), the denominator of a form's rates.</summary>
    public string AskedFact => FormFactNames.Asked(Code);
}

/// <summary>
/// Every collection form, read from <c>Features/Forms/Definitions/forms.json</c>: a form is data, so a new one (or a new
/// question) is a change to the file, and the pages, the validation and the facts follow it.
/// </summary>
internal sealed partial class FormCatalog
{
    /// <summary>The field name reserved for the count of approved returns.</summary>
    public const string ReturnsField = FormFactNames.ReturnsField;

    /// <summary>The field name reserved for the count of units asked.</summary>
    public const string AskedField = FormFactNames.AskedField;

    /// <summary>Values are stored as decimal(18,4): four decimals, and below 10^14.</summary>
    public const int MaxDecimals = 4;

    /// <summary>The longest text answer any field may allow (the column's length).</summary>
    public const int MaxTextLength = 2000;

    private readonly Dictionary<string, FormDefinition> _byCode;

    public FormCatalog(IReadOnlyList<FormDefinition> forms)
    {
        Forms = forms;
        _byCode = forms.ToDictionary(f => f.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<FormDefinition> Forms { get; }

    public FormDefinition? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var form) ? form : null;

    /// <summary>The catalogue built into Qedu.</summary>
    public static FormCatalog BuiltIn()
    {
        using var stream = typeof(FormCatalog).Assembly.GetManifestResourceStream("Qedu.Indicators.forms.json")
            ?? throw new InvalidOperationException("The form definitions are not embedded.");
        return Parse(stream);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();

    public static FormCatalog Parse(Stream json)
    {
        var file = JsonSerializer.Deserialize<FormsFile>(json, FileJson) ?? throw new InvalidDataException("forms.json is empty.");
        var forms = new List<FormDefinition>();
        foreach (var f in file.Forms)
        {
            if (!CodePattern().IsMatch(f.Code ?? ""))
            {
                throw new InvalidDataException($"forms.json: '{f.Code}' is not a form code (lower-case words joined by '-').");
            }
            if (f.Level is not (OrgUnitKind.School or OrgUnitKind.District or OrgUnitKind.City))
            {
                throw new InvalidDataException($"forms.json: {f.Code}: a form goes to schools, to districts or to a city bureau itself, not to {f.Level}.");
            }
            if (f.Condition is { } c && !FormCondition.Lists.ContainsKey(c.List))
            {
                throw new InvalidDataException($"forms.json: {f.Code}: a condition may name {string.Join(", ", FormCondition.Lists.Keys)}, not '{c.List}'.");
            }
            if (f.Fields.Count == 0)
            {
                throw new InvalidDataException($"forms.json: {f.Code} has no fields.");
            }
            var fields = new List<FormField>();
            foreach (var e in f.Fields)
            {
                if (!CodePattern().IsMatch(e.Code ?? "") || e.Code is ReturnsField or AskedField)
                {
                    throw new InvalidDataException($"forms.json: {f.Code}: '{e.Code}' is not a field code (and '{ReturnsField}' and '{AskedField}' are reserved).");
                }
                if (e.Min > e.Max)
                {
                    throw new InvalidDataException($"forms.json: {f.Code}.{e.Code}: min is above max.");
                }
                if (e.Type is FieldType.Text or FieldType.YesNo && (e.Min is not null || e.Max is not null))
                {
                    throw new InvalidDataException($"forms.json: {f.Code}.{e.Code}: only numbers have a min and a max.");
                }
                if (e.MaxLength is < 1 or > MaxTextLength)
                {
                    throw new InvalidDataException($"forms.json: {f.Code}.{e.Code}: maxLength is between 1 and {MaxTextLength}.");
                }
                fields.Add(new FormField(e.Code!, e.Label, e.Type, e.Unit, e.Min, e.Max, e.Required, e.MaxLength ?? 500));
            }
            if (fields.GroupBy(x => x.Code).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new InvalidDataException($"forms.json: {f.Code}: the field {twice.Key} is defined twice.");
            }
            forms.Add(new FormDefinition(f.Code!, f.Title, f.Description, f.Level, f.Condition, fields));
        }
        if (forms.GroupBy(x => x.Code).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new InvalidDataException($"forms.json: the form {duplicate.Key} is defined twice.");
        }
        return new FormCatalog(forms);
    }

    private static readonly JsonSerializerOptions FileJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private sealed record FormsFile(List<FormEntry> Forms);

    private sealed record FormEntry(
        string? Code, Bilingual Title, Bilingual Description, OrgUnitKind Level, FormCondition? Condition, List<FieldEntry> Fields);

    private sealed record FieldEntry(
        string? Code, Bilingual Label, FieldType Type, Bilingual? Unit, decimal? Min, decimal? Max, bool Required = false, int? MaxLength = null);
}
