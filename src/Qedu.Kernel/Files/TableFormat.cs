namespace Qedu.Kernel.Files;

public enum TableFormat
{
    Csv,
    Xlsx,
}

public static class TableFormats
{
    public const string CsvMediaType = "text/csv";
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Extension(TableFormat format) => format == TableFormat.Csv ? ".csv" : ".xlsx";

    public static string MediaType(TableFormat format) => format == TableFormat.Csv ? CsvMediaType + "; charset=utf-8" : XlsxMediaType;

    public static bool TryParse(string? name, out TableFormat format)
    {
        switch (name?.Trim().TrimStart('.').ToLowerInvariant())
        {
            case "csv":
                format = TableFormat.Csv;
                return true;
            case "xlsx":
                format = TableFormat.Xlsx;
                return true;
            default:
                format = default;
                return false;
        }
    }

    /// <summary>The format a file name's extension says, if it says one.</summary>
    public static bool TryFromFileName(string fileName, out TableFormat format) => TryParse(Path.GetExtension(fileName), out format);
}

/// <summary>A file that cannot be read as a table at all (not a row's problem): the message is for the user.</summary>
public sealed class TableFileException(string message, Exception? inner = null) : Exception(message, inner);
