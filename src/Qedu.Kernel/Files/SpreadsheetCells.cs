namespace Qedu.Kernel.Files;

/// <summary>
/// Guards spreadsheet cells against formula injection (CSV injection): a value that a spreadsheet would run as a
/// formula (starting with = + - @, a tab or a carriage return) is written with a leading apostrophe. A value that
/// already starts with an apostrophe followed by one of those (or another apostrophe) gets one too, so that reading
/// removes exactly one apostrophe and every value survives export and import unchanged. A plain number ("-2", "+1.5")
/// cannot run and is left a number. Every file Qedu writes goes through it: the spreadsheet writers directly, CSV
/// through <see cref="CsvRecords"/>.
/// </summary>
public static partial class SpreadsheetCells
{
    private static bool Triggers(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static bool IsEscaped(string value) => value.Length >= 2 && value[0] == '\'' && (Triggers(value[1]) || value[1] == '\'');

    public static string Escape(string value) =>
        value.Length > 0 && ((Triggers(value[0]) && !PlainNumber().IsMatch(value)) || IsEscaped(value)) ? "'" + value : value;

    [System.Text.RegularExpressions.GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex PlainNumber();

    public static string Unescape(string value) => IsEscaped(value) ? value[1..] : value;

    /// <summary>A spreadsheet column's letters from its zero-based index: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }
}
