using System.Text.Json;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Registry.Records;
using Qedu.Registry.Resources;

namespace Qedu.Registry.Writes;

/// <summary>
/// Turns a JSON body into a checked record for the write API: the fields by the import template's keys, read by the
/// kind's definition with exactly an import row's checks, then its school: known, and within the caller's
/// registry.write scope. What else needs the database (duplicates, references) is each kind's own. One per request, so
/// the schools a bulk request names item after item are looked up once.
/// </summary>
internal sealed class RecordBodyReader(OrgTree tree, ICurrentAccess access, RecordContextFactory contexts,
    IStringLocalizer<RegistryText> text)
{
    private readonly Dictionary<string, (OrgUnit? School, bool Writable)> _schools = new(StringComparer.Ordinal);
    private RecordContext? _context;

    /// <summary>Code lists, today and messages in the caller's language, for the kinds' own checks.</summary>
    public RecordContext Context => _context ??= contexts.Create();

    /// <summary>The record in <paramref name="body"/> and its school, or null with the problems added to <paramref name="errors"/>.</summary>
    /// <remarks>
    /// <paramref name="aliases"/> are the kind's exchange names for its fields (<c>genderCode</c> for <c>gender</c>), so
    /// the body its GET gives can be PUT back; <c>masked: false</c> is taken as read, <c>masked: true</c> refused (masked
    /// values would overwrite the real ones). <paramref name="references"/> (<c>classId</c>) are left to the caller, which
    /// resolves them within the record's school.
    /// </remarks>
    public async Task<(T Record, OrgUnit School)?> ReadAsync<T>(RecordDefinition<T> definition, JsonElement body, InputErrors errors,
        CancellationToken ct, IReadOnlyDictionary<string, string>? aliases = null, IReadOnlySet<string>? references = null)
        where T : SchoolRecord
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("", text["Api.NotAnObject"]);
            return null;
        }
        var cells = new string?[definition.Fields.Count];
        foreach (var property in body.EnumerateObject())
        {
            if (references is not null && references.Contains(property.Name))
            {
                continue;
            }
            var field = Field(definition, aliases is not null && aliases.TryGetValue(property.Name, out var key) ? key : property.Name);
            if (aliases is not null && string.Equals(property.Name, "masked", StringComparison.OrdinalIgnoreCase))
            {
                if (property.Value.ValueKind != JsonValueKind.False)
                {
                    errors.Add(property.Name, text["Api.MaskedBody"]);
                }
                continue;
            }
            if (field is null || field.Informational)
            {
                // id and revision name the stored record in a bulk item; they are no fields of it.
                if (property.Name is not ("id" or "revision"))
                {
                    errors.Add(property.Name, string.Format(text["Api.UnknownField"], property.Name));
                }
                continue;
            }
            if (TryCell(property.Value, out var cell))
            {
                cells[field.Index] = cell;
            }
            else
            {
                errors.Add(property.Name, string.Format(text["Api.SingleValue"], property.Name));
            }
        }

        var reader = new FieldReader(Context);
        reader.Start(cells);
        var record = definition.Read(reader);
        foreach (var error in reader.Errors)
        {
            errors.Add(error.Field?.Key ?? "", error.Message);
        }
        if (record is null)
        {
            return null;
        }
        var (school, writable) = await SchoolAsync(record.SchoolCode, ct);
        if (school is null)
        {
            errors.Add(definition.School.Key, Context.Message("Record.SchoolUnknown", record.SchoolCode));
            return null;
        }
        if (!writable)
        {
            errors.Add(definition.School.Key, Context.Message("Record.SchoolOutOfScope", record.SchoolCode));
            return null;
        }
        return (record, school);
    }

    /// <summary>
    /// The id a body gives for a reference (<c>classId</c>): absent (not given), null (given empty), or the number; a
    /// value that is no whole number is added to <paramref name="errors"/>.
    /// </summary>
    public (bool Given, long? Id) Reference(JsonElement body, string key, InputErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (false, null);
        }
        var property = body.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.Undefined:
                return (false, null);
            case JsonValueKind.Null:
                return (true, null);
            case JsonValueKind.Number when property.Value.TryGetInt64(out var id) && id > 0:
                return (true, id);
            default:
                errors.Add(property.Name, string.Format(text["Api.NotAnId"], property.Name));
                return (true, null);
        }
    }

    /// <summary>The trimmed text a body gives for a field (how <see cref="ReadAsync"/> would take it), for matching bulk items before they are read.</summary>
    public static string? Value(JsonElement body, string key)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var property = body.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
        var text = property.Value.ValueKind != JsonValueKind.Undefined && TryCell(property.Value, out var cell) ? cell?.Trim() : null;
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>
    /// The school with this code the caller may see (null when none: unknown and out of sight read the same), and whether
    /// it lies within the caller's registry.write scope (the write guard would refuse it anyway, as a 404).
    /// </summary>
    public async Task<(OrgUnit? School, bool Writable)> SchoolAsync(string code, CancellationToken ct)
    {
        if (!_schools.TryGetValue(code, out var found))
        {
            var unit = OrgUnitRules.IsWellFormedCode(code) ? await tree.FindAsync(code, ct) : null;
            found = unit is null || unit.Kind != OrgUnitKind.School
                ? (null, false)
                : (unit, (await tree.WithinScopeAsync(access.Current, Permissions.RegistryWrite, [unit.Id], ct)).Contains(unit.Id));
            _schools[code] = found;
        }
        return found;
    }

    private static RecordField? Field<T>(RecordDefinition<T> definition, string key)
        where T : SchoolRecord =>
        definition.Fields.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>A JSON value as a cell's text (null is an empty cell); false for arrays and objects, which no field takes.</summary>
    private static bool TryCell(JsonElement value, out string? text)
    {
        text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);
    }
}
