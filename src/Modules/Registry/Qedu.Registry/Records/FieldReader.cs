using System.Globalization;
using System.Numerics;
using Qedu.Kernel.Codes;

namespace Qedu.Registry.Records;

/// <summary>
/// Reads the typed values of one row of text cells (aligned with a definition's fields), collecting every problem
/// rather than stopping at the first, with messages that name the field and the value. Reused row after row.
/// </summary>
internal sealed class FieldReader(RecordContext context)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy.M.d"];
    private readonly List<RecordError> _errors = [];
    private IReadOnlyList<string?> _cells = [];

    public RecordContext Context => context;
    public IReadOnlyList<RecordError> Errors => _errors;
    public bool HasErrors => _errors.Count > 0;

    public void Start(IReadOnlyList<string?> cells)
    {
        _cells = cells;
        _errors.Clear();
    }

    /// <summary>The cell's trimmed text, or null when empty or absent.</summary>
    public string? Raw(RecordField field)
    {
        var value = field.Index < _cells.Count ? _cells[field.Index] : null;
        if (value is null)
        {
            return null;
        }
        value = value.Trim();
        return value.Length == 0 ? null : value;
    }

    public void Fail(RecordField? field, string? value, string message) => _errors.Add(new RecordError(field, value, message));

    private string Header(RecordField field) => field.Header(context.English);

    private string? Present(RecordField field)
    {
        var value = Raw(field);
        if (value is null && field.Required)
        {
            Fail(field, null, string.Format(context.KernelText["Field.Required"], Header(field)));
        }
        return value;
    }

    public string? Text(RecordField field)
    {
        var value = Present(field);
        if (value is not null && field.MaxLength > 0 && value.Length > field.MaxLength)
        {
            Fail(field, value, string.Format(context.KernelText["Field.TooLong"], Header(field), field.MaxLength));
            return null;
        }
        return value;
    }

    public string? Identifier(RecordField field)
    {
        var value = Text(field);
        if (value is not null && !value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            Fail(field, value, context.Message("Record.Identifier", value));
            return null;
        }
        return value;
    }

    /// <summary>A code of the field's list (narrowed by <see cref="RecordField.Allowed"/>), given as the code or its Chinese or English name.</summary>
    public string? Code(RecordField field)
    {
        var value = Present(field);
        if (value is null)
        {
            return null;
        }
        var index = context.List(field.CodeList!);
        var code = index.CodeOf(value);
        if (code is null || (field.Allowed is not null && !field.Allowed(index.Values.First(v => v.Code == code))))
        {
            Fail(field, value, UnknownCode(field, value));
            return null;
        }
        return code;
    }

    /// <summary>
    /// "Not a valid code", naming what is: a short list in full (names in the caller's language, as people type them),
    /// a long one by pointing to the template's code-list sheet.
    /// </summary>
    private string UnknownCode(RecordField field, string value)
    {
        var choices = context.Choices(field);
        if (choices.Count == 0)
        {
            return string.Format(context.KernelText["Code.Unknown"], value, Header(field));
        }
        if (choices.Count > MaxChoicesNamed)
        {
            return context.Message("Code.UnknownSeeList", value, Header(field));
        }
        var names = string.Join(context.English ? ", " : "、", choices.Select(v => v.Name(context.English)));
        return context.Message("Code.UnknownChoices", value, Header(field), names);
    }

    /// <summary>Lists up to this long are named in full in a message; longer ones are on the template's code-list sheet.</summary>
    public const int MaxChoicesNamed = 20;

    public DateOnly? Date(RecordField field)
    {
        var value = Present(field);
        if (value is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 1900)
        {
            return date;
        }
        Fail(field, value, context.Message("Record.Date", value));
        return null;
    }

    public int? Integer(RecordField field, int min, int max) =>
        InRange(field, NumberStyles.AllowLeadingSign, "Record.Integer", min, max);

    public decimal? Decimal(RecordField field, decimal min, decimal max) =>
        InRange(field, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, "Record.Number", min, max);

    public double? Number(RecordField field, double min, double max) =>
        InRange(field, NumberStyles.Float, "Record.Number", min, max);

    /// <summary>The field's number if it parses (invariant culture, finite) and lies in [min, max]; else the problem is recorded.</summary>
    private T? InRange<T>(RecordField field, NumberStyles styles, string notANumber, T min, T max)
        where T : struct, INumber<T>
    {
        var value = Present(field);
        if (value is null)
        {
            return null;
        }
        if (!T.TryParse(value, styles, CultureInfo.InvariantCulture, out var number) || !T.IsFinite(number))
        {
            Fail(field, value, context.Message(notANumber, value));
            return null;
        }
        if (number < min || number > max)
        {
            Fail(field, value, context.Message("Record.Range", Header(field), min, max));
            return null;
        }
        return number;
    }

    /// <summary>是 / 否; empty is 否 unless the field is required.</summary>
    public bool Boolean(RecordField field)
    {
        var value = Present(field);
        switch (value?.ToUpperInvariant())
        {
            case null or "否" or "NO" or "N" or "FALSE" or "0":
                return false;
            case "是" or "YES" or "Y" or "TRUE" or "1":
                return true;
            default:
                Fail(field, value, context.Message("Record.Boolean", value));
                return false;
        }
    }

    /// <summary>A resident ID, checked (and, when given, against the birth date and gender) and normalised.</summary>
    public string? ResidentId(RecordField field, DateOnly? birthDate = null, string? genderCode = null)
    {
        var value = Present(field);
        if (value is null)
        {
            return null;
        }
        int? gender = genderCode is "1" ? 1 : genderCode is "2" ? 2 : null;
        var check = Kernel.Codes.ResidentId.Validate(value, context.Today, context.IsDivision, birthDate, gender);
        if (!check.IsValid)
        {
            Fail(field, value, context.KernelText[$"ResidentId.{check.Error}"]);
            return null;
        }
        return check.Normalized;
    }

    /// <summary>Digits with an optional leading + and inner hyphens or spaces (0532-8xxxxxxx, 138…), 5 to 20 characters.</summary>
    public string? Phone(RecordField field)
    {
        var value = Text(field);
        if (value is null)
        {
            return null;
        }
        var body = value.StartsWith('+') ? value[1..] : value;
        if (value.Length < 5 || !body.All(c => char.IsAsciiDigit(c) || c is '-' or ' ') || !char.IsAsciiDigit(body[0]) || !char.IsAsciiDigit(body[^1]))
        {
            Fail(field, value, context.Message("Record.Phone", value));
            return null;
        }
        return value;
    }

    public string? Division(RecordField field)
    {
        var value = Present(field);
        if (value is not null && !context.IsDivision(value))
        {
            Fail(field, value, context.Message("Record.Division", value));
            return null;
        }
        return value;
    }
}
