using System.Data.Common;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Files;
using Qedu.Registry.Data;
using Qedu.Registry.Import;
using Qedu.Registry.Records;
using Qedu.Registry.Writes;

namespace Qedu.Registry.Features.OneRoster;

internal sealed class OneRosterImportOptions
{
    /// <summary>
    /// Upper bound of a bundle, both as uploaded and unpacked (the files are held in memory while they are checked and
    /// cross-referenced); configuration <c>Registry:OneRoster:MaxBundleBytes</c>.
    /// </summary>
    public long MaxBundleBytes { get; set; } = 100L * 1024 * 1024;
}

/// <summary>An import's report, and whether it failed while writing (a conflict) rather than on its input.</summary>
internal sealed record OneRosterImportResult(ImportReport Report, bool Failed);

/// <summary>
/// Loads a OneRoster v1.2 CSV bundle into the registry, all or nothing, by the rules of the registry file import: every
/// row of every file is checked first (each person and class as a record of <see cref="RecordDefinitions"/>, so the
/// same field checks apply), and with any problem nothing is written and the report names file, row, column, value
/// and problem in the caller's language. Records already in Qedu are matched by their Qedu keys (学籍号, 教职工号,
/// school and class code) and updated; students through <see cref="StudentCommands"/>, so a change of class or school
/// is recorded in the enrolment history. sourcedIds are references inside the bundle only: Qedu keeps no foreign ids.
/// </summary>
/// <remarks>
/// What OneRoster cannot carry is taken from the stored record when there is one, and otherwise from
/// <c>metadata.qedu.&lt;field&gt;</c> columns (which Qedu's own export writes) or a stated default; see
/// docs/oneroster.md. An empty OneRoster cell never erases a stored value.
/// </remarks>
internal sealed class OneRosterImport(
    RegistryDb db,
    OrgTree tree,
    RecordContextFactory contexts,
    ICurrentAccess access,
    StudentCommands commands,
    RegistryBulkWriter bulk,
    IOptions<OneRosterImportOptions> options,
    IOptions<ImportOptions> importOptions)
{
    /// <summary>The files Qedu reads, in the order it checks them.</summary>
    internal static readonly string[] Files = ["orgs", "academicSessions", "classes", "users", "roles", "enrollments", "demographics"];

    /// <summary>Extension columns of Qedu's fields that OneRoster has no column for.</summary>
    internal const string MetadataPrefix = "metadata.qedu.";

    internal static readonly Dictionary<string, string[]> RequiredColumns = new(StringComparer.Ordinal)
    {
        ["orgs.csv"] = ["sourcedId", "type"],
        ["academicSessions.csv"] = ["sourcedId", "type", "startDate"],
        ["classes.csv"] = ["sourcedId", "title", "grades", "schoolSourcedId"],
        ["users.csv"] = ["sourcedId", "givenName", "familyName"],
        ["roles.csv"] = ["userSourcedId", "role", "orgSourcedId"],
        ["enrollments.csv"] = ["classSourcedId", "userSourcedId", "role"],
        ["demographics.csv"] = ["sourcedId", "birthDate", "sex"],
    };

    public async Task<OneRosterImportResult> ImportAsync(string path, string fileName, bool dryRun, CancellationToken ct = default)
    {
        var run = new OneRosterImportRun(db, tree, access, commands, bulk, contexts.Create(), importOptions.Value.MaxErrors, fileName, dryRun);
        return await ExecuteAsync(run, path, ct);
    }

    private async Task<OneRosterImportResult> ExecuteAsync(OneRosterImportRun run, string path, CancellationToken ct)
    {
        var limit = options.Value.MaxBundleBytes;
        if (new FileInfo(path).Length > limit)
        {
            run.Error(run.BundleName, 0, null, null, null, OneRosterImportRun.Message("Bundle.TooLarge", run.BundleName, Size(new FileInfo(path).Length), Size(limit)));
            return run.Result(false, Empty);
        }
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException)
        {
            run.Error(run.BundleName, 0, null, null, null, OneRosterImportRun.Message("Bundle.NotZip", run.BundleName));
            return run.Result(false, Empty);
        }
        using (zip)
        {
            // Unpacked size, against zip bombs: the files are read whole.
            var unpacked = zip.Entries.Sum(e => e.Length);
            if (unpacked > limit)
            {
                run.Error(run.BundleName, 0, null, null, null, OneRosterImportRun.Message("Bundle.TooLarge", run.BundleName, Size(unpacked), Size(limit)));
                return run.Result(false, Empty);
            }
            if (!new OneRosterReader(run).ReadFiles(zip))
            {
                return run.Result(false, Empty);
            }
        }

        await new OneRosterChecks(run).CheckAsync(ct);
        await new OneRosterRecordChecks(run).CheckAsync(ct);
        if (run.ErrorCount > 0 || run.DryRun)
        {
            return run.Result(run.ErrorCount == 0, Empty);
        }
        try
        {
            return run.Result(true, await new OneRosterWriter(run).WriteAsync(ct));
        }
        catch (Exception e) when (e is DbException or DbUpdateException or ScopeViolationException)
        {
            // A concurrent writer took a key between the check and the write (the unique index refused it), or
            // the scope changed: the transaction rolled back.
            db.ChangeTracker.Clear();
            run.Error(run.BundleName, 0, null, null, null, OneRosterImportRun.Message("Import.Conflict", (e.InnerException ?? e).Message.Split('\n')[0]));
            return run.Result(false, Empty, failed: true);
        }
    }

    private static readonly IReadOnlyDictionary<string, long> Empty = new Dictionary<string, long>();

    private static string Size(long bytes) => FileSize.Describe(bytes);
}
