namespace Qedu.Kernel.Files;

/// <summary>
/// Writing CSV records, the one way every Qedu file is written (registry exports, OneRoster bundles, allocation results,
/// indicator values): RFC 4180 quoting (a field holding a comma, quote, line break, or leading or trailing space is
/// quoted, quotes doubled) after <see cref="SpreadsheetCells.Escape"/>, so no cell runs as a formula in a spreadsheet.
/// </summary>
public static class CsvRecords
{
    /// <summary>Writes one record and its line end (CRLF by default, as RFC 4180 has it).</summary>
    public static void WriteRecord(TextWriter writer, IReadOnlyList<string?> fields, string lineEnd = "\r\n")
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            WriteField(writer, fields[i]);
        }
        writer.Write(lineEnd);
    }

    public static void WriteField(TextWriter writer, string? field)
    {
        var value = SpreadsheetCells.Escape(field ?? "");
        if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' ')))
        {
            writer.Write('"');
            writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }
        else
        {
            writer.Write(value);
        }
    }
}
