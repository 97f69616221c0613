using System.Runtime.CompilerServices;
using Qedu.Kernel.Files;
using Qedu.Registry.Export;
using Qedu.Registry.Kinds;
using Qedu.Registry.Records;

namespace Qedu.Registry.Import;

/// <summary>
/// Reads a registry file's rows for both passes of <see cref="RegistryImporter"/>: the header mapped to the kind's fields
/// (Chinese or English), then each row as a record with its field problems, streamed so a large file is never held whole.
/// </summary>
internal sealed class RegistryImportReader(RegistryImportRun run)
{
    private (int[] Map, string[] Columns)? MapHeader(int file, TableReader table, IRecordDefinition definition)
    {
        var map = new int[table.Header.Count];
        var columns = definition.Fields.Select(f => f.Header(run.Context.English)).ToArray();
        var seen = new HashSet<int>();
        var ok = true;
        if (table.Header.Count == 0)
        {
            run.Error(file, 0, null, null, null, run.Context.Message("File.NoHeader", run.Sources[file].FileName));
            return null;
        }
        for (var i = 0; i < table.Header.Count; i++)
        {
            var header = Normalize(table.Header[i]);
            map[i] = -1;
            if (header.Length == 0)
            {
                continue;
            }
            var field = definition.Fields.FirstOrDefault(f =>
                string.Equals(Normalize(f.HeaderZh), header, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Normalize(f.HeaderEn), header, StringComparison.OrdinalIgnoreCase)
                || string.Equals(f.Key, header, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                run.Error(file, 1, table.Header[i].Trim(), null, null, run.Context.Message("File.UnknownColumn", table.Header[i].Trim()));
                ok = false;
            }
            else if (!seen.Add(field.Index))
            {
                run.Error(file, 1, table.Header[i].Trim(), field, null, run.Context.Message("File.DuplicateColumn", table.Header[i].Trim()));
                ok = false;
            }
            else
            {
                map[i] = field.Informational ? -1 : field.Index;
                columns[field.Index] = table.Header[i].Trim();
            }
        }
        foreach (var field in definition.Fields.Where(f => f.Required && !seen.Contains(f.Index)))
        {
            run.Error(file, 1, field.Header(run.Context.English), field, null, run.Context.Message("File.MissingColumn", field.Header(run.Context.English)));
            ok = false;
        }
        return ok ? (map, columns) : null;
    }

    private static string Normalize(string header) => string.Concat(header.Where(c => !char.IsWhiteSpace(c)));

    private string Describe(int file, string key, object?[] values) => run.Context.Message(key, [run.Sources[file].FileName, .. values]);

    /// <summary>Reads one file's rows as records of its kind, with the row number and (pass 1) the field problems.</summary>
    public async IAsyncEnumerable<(SchoolRecord? Record, int Row, string[] Columns, IReadOnlyList<RecordError> Errors)> RowsAsync(
        int file, bool firstPass)
    {
        var source = run.Sources[file];
        var definition = RecordDefinitions.For(source.Kind);
        TableReader table;
        try
        {
            table = TableReader.Open(source.Path, source.Format, (key, values) => Describe(file, key, values),
                new TableLimits(run.Options.MaxUnpackedBytes, run.Options.MaxWholePartBytes));
        }
        catch (TableFileException e) when (firstPass)
        {
            run.Error(file, 0, null, null, null, e.Message);
            yield break;
        }
        catch (IOException e)
        {
            throw new TableFileException(run.Context.Message("File.Unreadable", source.FileName, e.Message), e);
        }
        using (table)
        {
            var header = MapHeader(file, table, definition);
            if (header is not { } mapped)
            {
                yield break;
            }
            var reader = new FieldReader(run.Context);
            var cells = new string?[definition.Fields.Count];
            var example = ImportTemplate.ExampleRow(definition, run.Context);
            long rows = 0;
            while (true)
            {
                bool more;
                try
                {
                    more = table.Read();
                }
                catch (TableFileException e) when (firstPass)
                {
                    run.Error(file, table.RowNumber + 1, null, null, null, e.Message);
                    yield break;
                }
                if (!more)
                {
                    break;
                }
                Array.Clear(cells);
                var row = table.Cells;
                if (table.RowsMustBeFull && row.Count < table.Header.Count)
                {
                    // A CSV row cut short is a broken file, not a row of empty fields.
                    if (firstPass)
                    {
                        run.Error(file, table.RowNumber, null, null, null,
                            run.Context.Message("File.ShortRow", source.FileName, table.RowNumber, row.Count, table.Header.Count));
                    }
                    continue;
                }
                for (var c = 0; c < row.Count && c < mapped.Map.Length; c++)
                {
                    if (mapped.Map[c] >= 0)
                    {
                        cells[mapped.Map[c]] = SpreadsheetCells.Unescape(row[c]);
                    }
                }
                if (ImportTemplate.IsExample(definition, cells, example))
                {
                    // The template's example row, left in: skipped in both passes, said once.
                    if (firstPass)
                    {
                        run.Notice(file, table.RowNumber, run.Context.Message("Import.ExampleSkipped", source.FileName, table.RowNumber));
                    }
                    continue;
                }
                reader.Start(cells);
                var record = Read(definition, reader);
                rows++;
                if (rows % 2000 == 0)
                {
                    var fraction = firstPass ? (file + table.Progress) / run.Sources.Count * (run.DryRun ? 1 : 0.5) : 0;
                    if (firstPass)
                    {
                        run.Report(ImportPhase.Validate, source.FileName, rows, null, fraction);
                    }
                }
                yield return (record, table.RowNumber, mapped.Columns, reader.Errors);
            }
            await Task.CompletedTask;
        }
    }

    private static SchoolRecord? Read(IRecordDefinition definition, FieldReader reader) => definition switch
    {
        SchoolProfileDefinition d => d.Read(reader),
        ClassDefinition d => d.Read(reader),
        StudentDefinition d => d.Read(reader),
        StaffDefinition d => d.Read(reader),
        AssetDefinition d => d.Read(reader),
        TeachingDefinition d => d.Read(reader),
        _ => throw new InvalidOperationException(definition.Kind.ToString()),
    };
}
