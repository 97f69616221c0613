using Qedu.Kernel.Codes;
using Qedu.Kernel.PersonalData;

namespace Qedu.Registry.Records;

/// <summary>How a field's text is read and written.</summary>
internal enum FieldType
{
    Text,

    /// <summary>A value of <see cref="RecordField.CodeList"/>; read from its code or its Chinese or English name, written as its code.</summary>
    Code,
    Date,
    Integer,
    Decimal,
    Number,

    /// <summary>是 / 否 (yes / no; true / false and 1 / 0 are read too).</summary>
    Boolean,

    /// <summary>GB 11643 resident ID: checksum and birth date checked, normalised to upper-case X.</summary>
    ResidentId,
    Phone,

    /// <summary>A GB/T 2260 division code (six digits under a known province).</summary>
    Division,

    /// <summary>A code or number a person types: letters, digits and hyphens.</summary>
    Identifier,
}

/// <summary>
/// One column of a record kind: its key (API field name), its headers (the Chinese one is the template's), how its
/// text is read, and whether it is required. Index = position in <see cref="IRecordDefinition.Fields"/>.
/// </summary>
internal sealed record RecordField(
    int Index,
    string Key,
    string HeaderZh,
    string HeaderEn,
    FieldType Type = FieldType.Text,
    bool Required = false,
    int MaxLength = 0,
    string? CodeList = null,
    PersonalKind Personal = PersonalKind.None)
{
    /// <summary>Written on export for people to read (a school's name) and ignored on import.</summary>
    public bool Informational { get; init; }

    /// <summary>For a code field: the values of <see cref="CodeList"/> this field takes (null: all of them). Reading, templates and messages share it.</summary>
    public Func<CodeValue, bool>? Allowed { get; init; }

    public string Header(bool english) => english ? HeaderEn : HeaderZh;
}

/// <summary>A problem with one field of one record, in the caller's language.</summary>
internal sealed record RecordError(RecordField? Field, string? Value, string Message);
