using System.IO.Compression;

namespace Qedu.Registry.Features.OneRoster;

/// <summary>
/// Reads a bundle's manifest and the files it declares bulk into the run's tables, reporting what cannot be read: the
/// first of the import's passes (then <see cref="OneRosterChecks"/>, <see cref="OneRosterRecordChecks"/>, <see cref="OneRosterWriter"/>).
/// </summary>
internal sealed class OneRosterReader(OneRosterImportRun run)
{
    private static string Message(string key, params object?[] args) => OneRosterImportRun.Message(key, args);

    /// <summary>Reads the manifest and the files it declares bulk; false when the bundle cannot be read any further.</summary>
    public bool ReadFiles(ZipArchive zip)
    {
        const string manifestName = "manifest.csv";
        var manifestEntry = OneRosterBundle.Entry(zip, manifestName);
        if (manifestEntry is null)
        {
            run.Error(manifestName, 0, null, null, null, Message("Manifest.Missing"));
            return false;
        }
        var manifest = Read(manifestEntry);
        if (manifest is null || !HasColumns(manifest, "propertyName", "value"))
        {
            return false;
        }
        var properties = new Dictionary<string, BundleRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in manifest.Rows)
        {
            properties.TryAdd(row["propertyName"], row);
        }
        if (!properties.TryGetValue("oneroster.version", out var version) || version["value"] != "1.2")
        {
            run.Error(manifest.Rows.Count == 0 || version is null ? new BundleRow(manifest, 0, []) : version, "value",
                version?["value"], Message("Manifest.Version", version?["value"] ?? ""));
        }
        foreach (var file in OneRosterImport.Files)
        {
            var name = file + ".csv";
            var row = properties.GetValueOrDefault("file." + file);
            var mode = row?["value"].ToLowerInvariant() ?? "absent";
            switch (mode)
            {
                case "absent":
                    if (file is "orgs" or "users")
                    {
                        run.Error(row ?? new BundleRow(manifest, 0, []), "value", row?["value"], Message("Manifest.Required", "file." + file));
                    }
                    continue;
                case "delta":
                    run.Error(row!, "value", row!["value"], Message("Manifest.Delta", "file." + file));
                    continue;
                case "bulk":
                    break;
                default:
                    run.Error(row!, "value", row!["value"], Message("Manifest.BadValue", "file." + file, row["value"]));
                    continue;
            }
            var entry = OneRosterBundle.Entry(zip, name);
            if (entry is null)
            {
                run.Error(row!, "value", "bulk", Message("Manifest.FileMissing", name));
                continue;
            }
            var table = Read(entry);
            if (table is not null && HasColumns(table, OneRosterImport.RequiredColumns[name]))
            {
                run.Tables[name] = table;
                run.Order.Add(name);
            }
        }
        if (run.ErrorCount > 0)
        {
            return false;
        }
        // A bulk file's rows are all active: deletions belong to delta files.
        foreach (var table in run.Tables.Values.Where(t => t.Has("status")))
        {
            foreach (var row in table.Rows.Where(r => r["status"].Length > 0 && !r["status"].Equals("active", StringComparison.OrdinalIgnoreCase)))
            {
                run.Error(row, "status", row["status"], Message("Row.Status", row["status"]));
            }
        }
        return true;
    }

    private BundleTable? Read(ZipArchiveEntry entry) =>
        OneRosterBundle.Read(entry, (row, key, detail) => run.Error(entry.FullName, row, null, null, null, Message(key, detail)));

    private bool HasColumns(BundleTable table, params string[] columns)
    {
        var ok = true;
        foreach (var column in columns.Where(c => !table.Has(c)))
        {
            run.Error(table.Name, 1, column, null, null, Message("File.MissingColumn", column));
            ok = false;
        }
        return ok;
    }
}
