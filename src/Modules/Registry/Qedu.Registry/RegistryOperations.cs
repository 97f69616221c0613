using Qedu.Kernel.Files;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Export;
using Qedu.Registry.Features.Import;
using Qedu.Registry.Features.OneRoster;
using Qedu.Registry.Import;
using Qedu.Registry.Records;

namespace Qedu.Registry;

/// <summary>
/// What hosts other than the web (the <c>qedu</c> command line) may ask of the registry's files and OneRoster import:
/// with <see cref="RegistryModule"/>, <c>RegistryMirror</c> and <c>OneRosterExport</c>, the module's public surface for
/// hosts. Built by the module (its constructor takes internal services); the command line keeps its own parsing and
/// output. Record kinds and table formats travel as their names, so the module's enums stay internal.
/// </summary>
public sealed class RegistryOperations
{
    private readonly IServiceProvider _services;

    // The scope's provider, not the services themselves: each command needs one of them, and building the importer's
    // or exporter's dependencies for a command that does not use them would be waste.
    internal RegistryOperations(IServiceProvider services) => _services = services;

    /// <summary>Every record kind's name (student, staff, ...), in order.</summary>
    public static IReadOnlyList<string> KindNames => RecordKinds.Names;

    /// <summary>The record kind's name for <paramref name="name"/> (any case, trimmed), if it is one.</summary>
    public static bool TryKind(string? name, out string kind)
    {
        var ok = RecordKinds.TryParse(name, out var k);
        kind = ok ? RecordKinds.Name(k) : "";
        return ok;
    }

    /// <summary>"csv" or "xlsx" for <paramref name="name"/> (any case, with or without the dot), if it is one.</summary>
    public static bool TryFormat(string? name, out string format)
    {
        var ok = TableFormats.TryParse(name, out var f);
        format = ok ? Name(f) : "";
        return ok;
    }

    /// <summary>"csv" or "xlsx" as the file name's extension says, if it says one.</summary>
    public static bool TryFileFormat(string fileName, out string format) => TryFormat(Path.GetExtension(fileName), out format);

    /// <summary>Whether the file name says .xlsx.</summary>
    public static bool IsXlsxFile(string fileName) => TableFormats.TryFromFileName(fileName, out var f) && f == TableFormat.Xlsx;

    /// <summary>Refuse import files larger than this (the default otherwise, or the host's configuration).</summary>
    public static void LimitImportFiles(IServiceCollection services, long maxFileBytes) =>
        services.Configure<ImportOptions>(o => o.MaxFileBytes = maxFileBytes);

    /// <summary>Refuse OneRoster bundles larger than this, packed or unpacked.</summary>
    public static void LimitOneRosterBundles(IServiceCollection services, long maxBundleBytes) =>
        services.Configure<OneRosterImportOptions>(o => o.MaxBundleBytes = maxBundleBytes);

    /// <summary>
    /// Writes the import template for the kind (a name from <see cref="TryKind"/>) in the format: headers and an example
    /// row (skipped on import); an .xlsx also has the database's code lists, drop-downs and instructions.
    /// </summary>
    public void WriteTemplate(string kind, string format, Stream output) =>
        ImportTemplate.Write(Kind(kind), Format(format), output, _services.GetRequiredService<RecordContextFactory>().Create());

    /// <summary>
    /// Imports the files (checks every row first; writes nothing when anything is wrong, or on a dry run), reporting
    /// progress on the importer's thread.
    /// </summary>
    public async Task<RegistryImportReport> ImportAsync(
        IReadOnlyList<RegistryImportFile> files, bool dryRun, IProgress<RegistryImportProgress> progress, CancellationToken ct = default)
    {
        var sources = files.Select(f => new ImportSource(Kind(f.Kind), f.FileName, f.Path, Format(f.Format))).ToList();
        var report = await _services.GetRequiredService<RegistryImporter>().ImportAsync(sources, dryRun,
            new PhaseProgress(progress), ct);
        return new RegistryImportReport(report, _services.GetRequiredService<IStringLocalizer<RecordText>>());
    }

    /// <summary>
    /// Retention: deletes background import jobs (their progress and encrypted reports) started more than an hour ago,
    /// as the next import would; for a daily run when none follows. How many were deleted.
    /// </summary>
    public Task<int> ApplyRetentionAsync(CancellationToken ct = default) =>
        _services.GetRequiredService<ImportJobs>().PurgeAsync(_services.GetRequiredService<RegistryDb>(), ct);

    /// <summary>Imports a OneRoster v1.2 CSV bundle, as <see cref="ImportAsync"/> does files. IO errors reach the caller.</summary>
    public async Task<OneRosterImportRun> ImportOneRosterAsync(string path, string fileName, bool dryRun, CancellationToken ct = default)
    {
        var result = await _services.GetRequiredService<OneRosterImport>().ImportAsync(path, fileName, dryRun, ct);
        return new OneRosterImportRun(new RegistryImportReport(result.Report, _services.GetRequiredService<IStringLocalizer<RecordText>>()), result.Failed);
    }

    /// <summary>The schools an export covers: the one with this code, or (null) every school in scope; null when there is no such school.</summary>
    public Task<IReadOnlyList<OrgUnit>?> SchoolsAsync(string? schoolCode, CancellationToken ct = default) =>
        _services.GetRequiredService<RegistryExporter>().SchoolsAsync(schoolCode, ct);

    /// <summary>How many people an export of the kind over the schools holds (0 for kinds that are not people).</summary>
    public Task<long> PeopleAsync(string kind, IReadOnlyList<OrgUnit> schools, CancellationToken ct = default) =>
        _services.GetRequiredService<RegistryExporter>().PeopleAsync(Kind(kind), schools, ct);

    /// <summary>Writes the export and returns its rows; the caller has checked the purpose against the number of people.</summary>
    public async Task<long> ExportAsync(string kind, string format, Stream output, IReadOnlyList<OrgUnit> schools, string? purpose, CancellationToken ct = default) =>
        (await _services.GetRequiredService<RegistryExporter>().ExportAsync(Kind(kind), Format(format), output, schools, purpose, ct)).Rows;

    private static string Name(TableFormat format) => format == TableFormat.Csv ? "csv" : "xlsx";

    private static RecordKind Kind(string name) =>
        RecordKinds.TryParse(name, out var kind) ? kind : throw new ArgumentException($"Not a record kind: {name}", nameof(name));

    private static TableFormat Format(string name) =>
        TableFormats.TryParse(name, out var format) ? format : throw new ArgumentException($"Not a table format: {name}", nameof(name));

    /// <summary>Passes reports on at once, on the importer's thread, with the phase by name.</summary>
    private sealed class PhaseProgress(IProgress<RegistryImportProgress> inner) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) =>
            inner.Report(new RegistryImportProgress(value.Phase.ToString().ToLowerInvariant(), value.File, value.Rows, value.TotalRows, value.Fraction));
    }
}

/// <summary>One file to import: its record kind and format (names), the name to report it by, and where it is on disk.</summary>
public sealed record RegistryImportFile(string Kind, string FileName, string Path, string Format);

/// <summary>Where an import is: the phase (validate, write, done), the file, rows so far, the total when known, the share done (0 to 1).</summary>
public sealed record RegistryImportProgress(string Phase, string File, long Rows, long? TotalRows, double Fraction);

/// <summary>A OneRoster import's report, and whether the write failed (nothing written).</summary>
public sealed record OneRosterImportRun(RegistryImportReport Report, bool Failed);

/// <summary>
/// An import's outcome: what the command line prints, and the full report to write as JSON or as a spreadsheet
/// (the module's report shape, unchanged).
/// </summary>
public sealed class RegistryImportReport
{
    private readonly ImportReport _report;
    private readonly IStringLocalizer<RecordText> _text;

    internal RegistryImportReport(ImportReport report, IStringLocalizer<RecordText> text) => (_report, _text) = (report, text);

    /// <summary>False when anything was wrong; then nothing was written.</summary>
    public bool Ok => _report.Ok;

    public bool DryRun => _report.DryRun;

    public int ErrorCount => _report.ErrorCount;

    /// <summary>Each file's name and rows.</summary>
    public IReadOnlyList<(string File, long Rows)> Files => [.. _report.Files.Select(f => (f.File, f.Rows))];

    /// <summary>What the import passed over on purpose (a template's example row), as messages in the current UI culture.</summary>
    public IReadOnlyList<string> Notices => [.. _report.Notices.Select(n => n.Message)];

    /// <summary>Rows written per record kind.</summary>
    public IReadOnlyDictionary<string, long> Written => _report.Written;

    public string ToJson(JsonSerializerOptions options) => JsonSerializer.Serialize(_report, options);

    public Task WriteJsonAsync(Stream output, JsonSerializerOptions options, CancellationToken ct = default) =>
        JsonSerializer.SerializeAsync(output, _report, options, ct);

    /// <summary>The problems as a spreadsheet, in the current UI culture.</summary>
    public void WriteXlsx(Stream output) => ImportReportFile.WriteXlsx(_report, output, _text);
}
