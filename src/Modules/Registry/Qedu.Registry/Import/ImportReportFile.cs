using Qedu.Kernel.Files;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Qedu.Registry.Records;

namespace Qedu.Registry.Import;

/// <summary>An import's problems as a spreadsheet (file, row, column, value, message), for people who fix the file in Excel.</summary>
internal static class ImportReportFile
{
    public static void WriteXlsx(ImportReport report, Stream output, IStringLocalizer<RecordText> text)
    {
        using var writer = TableWriter.Create(output, TableFormat.Xlsx, "errors");
        writer.WriteHeader([text["Report.File"], text["Report.Row"], text["Report.Column"], text["Report.Value"], text["Report.Message"]]);
        foreach (var e in report.Errors)
        {
            writer.WriteRow([e.File, e.Row.ToString(CultureInfo.InvariantCulture), e.Column, e.Value, e.Message]);
        }
        writer.Complete();
    }
}
