using System.Globalization;
using Qedu.Kernel.Codes;
using Qedu.Kernel.PersonalData;

namespace Qedu.Registry.Records;

/// <summary>A record kind's columns, independent of file formats (imports, exports, templates and the API share them).</summary>
internal interface IRecordDefinition
{
    RecordKind Kind { get; }
    IReadOnlyList<RecordField> Fields { get; }

    /// <summary>The field naming the record's school (学校标识码): its scope.</summary>
    RecordField School { get; }
}

/// <summary>Every record belongs to a school, named by its 学校标识码.</summary>
internal abstract class SchoolRecord
{
    public required string SchoolCode { get; init; }
}

/// <summary>
/// One record kind: its fields, how a row of text becomes a record (with every field-level check: required, length,
/// code lists, formats, resident IDs against birth date and gender), and how a record becomes text again. Checks
/// that need the database (the school exists and is in scope, duplicates, references) are the caller's.
/// Written text is canonical: codes, yyyy-MM-dd dates, 是/否, invariant numbers.
/// </summary>
internal abstract class RecordDefinition<T> : IRecordDefinition
    where T : SchoolRecord
{
    private readonly List<RecordField> _fields = [];

    protected RecordDefinition() => School = Add("schoolCode", "学校标识码", "School code", FieldType.Identifier, required: true, maxLength: 32);

    public abstract RecordKind Kind { get; }
    public IReadOnlyList<RecordField> Fields => _fields;
    public RecordField School { get; }

    protected RecordField Add(string key, string zh, string en, FieldType type = FieldType.Text, bool required = false,
        int maxLength = 0, string? codeList = null, PersonalKind personal = PersonalKind.None, bool informational = false,
        Func<CodeValue, bool>? allowed = null)
    {
        var field = new RecordField(_fields.Count, key, zh, en, type, required, maxLength, codeList, personal) { Informational = informational, Allowed = allowed };
        _fields.Add(field);
        return field;
    }

    /// <summary>The record in the row, or null when the row has errors (they are in <paramref name="row"/>).</summary>
    public T? Read(FieldReader row)
    {
        var school = row.Identifier(School);
        var record = ReadFields(row, school ?? "");
        return row.HasErrors ? null : record;
    }

    protected abstract T ReadFields(FieldReader row, string schoolCode);

    /// <summary>Writes the record's canonical text into <paramref name="cells"/> (one per field).</summary>
    public void Write(T record, string?[] cells)
    {
        Array.Clear(cells);
        cells[School.Index] = record.SchoolCode;
        WriteFields(record, cells);
    }

    protected abstract void WriteFields(T record, string?[] cells);

    protected static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static string? Format(int? number) => number?.ToString(CultureInfo.InvariantCulture);

    protected static string? Format(double? number) => number?.ToString("R", CultureInfo.InvariantCulture);

    protected static string? Format(decimal? number) => number?.ToString("0.00", CultureInfo.InvariantCulture);

    protected static string Format(bool value) => value ? "是" : "否";
}
