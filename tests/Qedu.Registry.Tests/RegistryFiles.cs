using Qedu.Kernel.Files;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Export;
using Qedu.Registry.Import;
using Qedu.Registry.Records;

namespace Qedu.Registry.Tests;

/// <summary>Helpers for the import and export tests: real services over a real database, files in a temporary folder.</summary>
internal sealed class RegistryFiles : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("qedu-registry-files-").FullName;

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string Write(string name, string text, System.Text.Encoding? encoding = null)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text, encoding ?? new System.Text.UTF8Encoding(false));
        return path;
    }

    public static async Task<string> ExportAsync(KernelHost host, AccessContext caller, RecordKind kind, TableFormat format, string path, string? school = null)
    {
        await using var scope = host.Scope(caller);
        var exporter = scope.ServiceProvider.GetRequiredService<RegistryExporter>();
        var schools = await exporter.SchoolsAsync(school) ?? throw new InvalidOperationException($"No school {school}.");
        await using (var stream = File.Create(path))
        {
            await exporter.ExportAsync(kind, format, stream, schools);
        }
        return path;
    }

    public static async Task<ImportReport> ImportAsync(KernelHost host, AccessContext caller, bool dryRun, params (RecordKind Kind, string Path)[] files)
    {
        await using var scope = host.Scope(caller);
        var importer = scope.ServiceProvider.GetRequiredService<RegistryImporter>();
        var sources = files.Select(f => new ImportSource(f.Kind, Path.GetFileName(f.Path), f.Path,
            TableFormats.TryFromFileName(f.Path, out var format) ? format : TableFormat.Csv)).ToList();
        return await importer.ImportAsync(sources, dryRun);
    }

    /// <summary>A migrated database holding the demo city's org units (and accounts) but no registry data.</summary>
    public static async Task<KernelHost> OrgUnitsOnlyAsync()
    {
        var host = await KernelHost.CreateSeededAsync(seed: false);
        await using var scope = host.Scope(AccessContext.System("test-seed"));
        var kernelStep = scope.ServiceProvider.GetServices<IDemoSeedStep>().Single(s => s.Order == 0);
        await kernelStep.SeedAsync(new DemoSeedContext(DemoScale.Small, 1, DemoCityGenerator.Generate(DemoScale.Small, 1), null), default);
        return host;
    }

    /// <summary>Every cell of a file's first sheet, row by row, as the importer reads it.</summary>
    public static List<string> Rows(string path)
    {
        var format = TableFormats.TryFromFileName(path, out var f) ? f : TableFormat.Csv;
        using var table = TableReader.Open(path, format, (key, _) => key);
        var rows = new List<string> { string.Join(" | ", table.Header) };
        while (table.Read())
        {
            rows.Add(string.Join(" | ", table.Cells));
        }
        return rows;
    }

    /// <summary>Row counts of every registry table, the change-feed head and the audit log length: what a failed import must leave alone.</summary>
    public static async Task<string> FingerprintAsync(KernelHost host)
    {
        await using var scope = host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        var kernel = scope.ServiceProvider.GetRequiredService<Qedu.Kernel.Data.KernelDb>();
        var head = await db.Set<ChangeHead>().AsNoTracking().Select(h => h.LastVersion).SingleAsync();
        long[] counts =
        [
            await db.SchoolProfiles.CountAsync(), await db.Staff.CountAsync(), await db.Classes.CountAsync(), await db.Assets.CountAsync(),
            await db.Students.CountAsync(), await db.Guardians.CountAsync(), await db.Enrolments.CountAsync(), await db.Changes.CountAsync(),
            head, await kernel.AuditEntries.CountAsync(),
        ];
        return "profiles staff classes assets students guardians enrolments changes head audit: "
            + string.Join(' ', counts.Select(c => c.ToString(CultureInfo.InvariantCulture)));
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
