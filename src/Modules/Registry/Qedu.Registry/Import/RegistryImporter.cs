using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Files;
using Qedu.Registry.Data;
using Qedu.Registry.Records;

namespace Qedu.Registry.Import;

/// <summary>
/// Imports registry files (schools, staff, classes, assets, students) all or nothing. Pass 1 streams every file and
/// checks every row (fields, the school and the caller's scope, duplicates in the import and in the database,
/// references to classes and head teachers in the database or earlier in the import), keeping only the keys it needs.
/// With any problem nothing is written and the report lists them. Otherwise pass 2 reads the files again and writes
/// in batches through <see cref="RegistryBulkWriter"/>, in one transaction with one audit line. Files are taken in
/// dependency order (<see cref="RecordKind"/>), whatever order they are given in.
/// </summary>
internal sealed class RegistryImporter(
    RegistryDb db,
    OrgTree tree,
    RecordContextFactory contexts,
    ICurrentAccess access,
    RegistryBulkWriter bulk,
    IOptions<ImportOptions> options)
{
    private readonly RegistryDb _db = db;
    private readonly OrgTree _tree = tree;
    private readonly RecordContextFactory _contexts = contexts;
    private readonly ICurrentAccess _access = access;
    private readonly RegistryBulkWriter _bulk = bulk;
    private readonly ImportOptions _options = options.Value;

    public Task<ImportReport> ImportAsync(
        IReadOnlyList<ImportSource> sources, bool dryRun, IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        ExecuteAsync(new RegistryImportRun(_db, _tree, _access, _bulk, _options, _contexts.Create(), sources, dryRun, progress), ct);

    private static async Task<ImportReport> ExecuteAsync(RegistryImportRun run, CancellationToken ct)
    {
        foreach (var (source, i) in run.Sources.Select((s, i) => (s, i)))
        {
            var length = new FileInfo(source.Path).Length;
            if (length > run.Options.MaxFileBytes)
            {
                run.Error(i, 0, null, null, null, run.Context.Message("File.TooLarge", source.FileName, Size(length), Size(run.Options.MaxFileBytes)));
            }
        }
        if (run.ErrorCount > 0)
        {
            return run.Report(ok: false, new Dictionary<string, long>());
        }

        var checks = new RegistryImportChecks(run);
        await checks.LoadAsync(ct);
        for (var i = 0; i < run.Sources.Count; i++)
        {
            await checks.ValidateAsync(i, ct);
        }
        if (run.ErrorCount > 0 || run.DryRun)
        {
            run.Report(ImportPhase.Done, "", 0, null, 1);
            return run.Report(ok: run.ErrorCount == 0, new Dictionary<string, long>());
        }

        try
        {
            var written = await new RegistryImportWriter(run).WriteAsync(ct);
            run.Report(ImportPhase.Done, "", run.Rows.Sum(), run.Rows.Sum(), 1);
            return run.Report(ok: true, written);
        }
        catch (TableFileException e)
        {
            run.Error(0, 0, null, null, null, e.Message);
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            // A concurrent writer took a key between the check and the write: the unique index refused it and the
            // transaction rolled back. Say so instead of failing with a 500.
            run.Error(0, 0, null, null, null, run.Context.Message("Import.Conflict", (e.InnerException ?? e).Message.Split('\n')[0]));
        }
        return run.Report(ok: false, new Dictionary<string, long>());
    }

    private static string Size(long bytes) => FileSize.Describe(bytes);
}
