using System.Collections.Frozen;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Localization;

namespace Qedu.Registry.Records;

/// <summary>
/// What reading and writing records needs, built once per import, export or request: code lists as dictionaries (a
/// million rows cannot scan a list per cell), today's date, and the messages in the caller's language.
/// </summary>
internal sealed class RecordContext
{
    private readonly CodeBook _codes;
    private readonly Dictionary<string, CodeIndex> _lists = new(StringComparer.Ordinal);

    public RecordContext(CodeBook codes, IStringLocalizer<RecordText> text, IStringLocalizer<KernelText> kernelText)
    {
        _codes = codes;
        Text = text;
        KernelText = kernelText;
        Today = codes.Today;
        English = CodeBook.IsEnglish;
        Provinces = codes.Values(CodeLists.Division).Select(v => v.Code).Where(c => c.EndsWith("0000", StringComparison.Ordinal)).ToFrozenSet();
    }

    public IStringLocalizer<RecordText> Text { get; }
    public IStringLocalizer<KernelText> KernelText { get; }
    public DateOnly Today { get; }
    public bool English { get; }

    /// <summary>Province codes (xx0000). The shipped division list is not county-complete, so an address code is judged by its province.</summary>
    public FrozenSet<string> Provinces { get; }

    public string Message(string key, params object?[] args) => string.Format(Text[key], args);

    public CodeIndex List(string key)
    {
        if (!_lists.TryGetValue(key, out var index))
        {
            _lists[key] = index = new CodeIndex(_codes.Values(key));
        }
        return index;
    }

    /// <summary>The values a code field takes (its list narrowed by <see cref="RecordField.Allowed"/>), in list order.</summary>
    public IReadOnlyList<CodeValue> Choices(RecordField field)
    {
        var values = List(field.CodeList!).Values;
        return field.Allowed is null ? values : values.Where(field.Allowed).ToList();
    }

    public bool IsDivision(string code) =>
        code.Length == 6 && code.All(char.IsAsciiDigit) && Provinces.Contains(string.Concat(code.AsSpan(0, 2), "0000"));
}

/// <summary>One code list for lookups both ways: code or name to code (reading), code to Chinese name (writing files).</summary>
internal sealed class CodeIndex
{
    private readonly Dictionary<string, string> _toCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _nameOf = new(StringComparer.Ordinal);

    public CodeIndex(IReadOnlyList<CodeValue> values)
    {
        Values = values;
        // Codes first, so a name can never shadow a code.
        foreach (var v in values)
        {
            _toCode[v.Code] = v.Code;
            _nameOf[v.Code] = v.NameZh;
        }
        foreach (var v in values)
        {
            _toCode.TryAdd(v.NameZh, v.Code);
            _toCode.TryAdd(v.NameEn, v.Code);
        }
    }

    public IReadOnlyList<CodeValue> Values { get; }

    public string? CodeOf(string text) => _toCode.GetValueOrDefault(text);

    /// <summary>The Chinese name people see in files, or the code itself when the list does not know it.</summary>
    public string NameOf(string code) => _nameOf.GetValueOrDefault(code, code);
}
