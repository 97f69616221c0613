using Qedu.Kernel.Access;
using Qedu.Kernel.Files;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Records;

namespace Qedu.Registry.Import;

/// <summary>
/// The state of one import as its passes share it (<see cref="RegistryImportReader"/>, <see cref="RegistryImportChecks"/>,
/// <see cref="RegistryImportWriter"/>): its files, the keys seen, the database look-ups made, the problems found.
/// </summary>
internal sealed class RegistryImportRun(RegistryDb db, OrgTree tree, ICurrentAccess access, RegistryBulkWriter bulk, ImportOptions options,
    RecordContext context, IReadOnlyList<ImportSource> given, bool dryRun, IProgress<ImportProgress>? progress)
{
    private readonly List<ImportError> _errors = [];

    public RegistryDb Db => db;
    public OrgTree Tree => tree;
    public ICurrentAccess Access => access;
    public RegistryBulkWriter Bulk => bulk;
    public ImportOptions Options => options;
    public bool DryRun => dryRun;

    /// <summary>The files in dependency order (<see cref="RecordKind"/>), whatever order they were given in.</summary>
    public List<ImportSource> Sources { get; } = given.OrderBy(s => s.Kind).ToList();
    public RecordContext Context { get; } = context;

    /// <summary>Rows read per file.</summary>
    public long[] Rows { get; } = new long[given.Count];

    /// <summary>Problems found, including those beyond the report's limit.</summary>
    public int ErrorCount { get; private set; }

    public Dictionary<string, ImportSchool> Schools { get; set; } = [];

    /// <summary>The schools the caller may write in; null for the system, which may write anywhere.</summary>
    public HashSet<int>? Writable { get; set; }

    // Keys seen in this import.
    public Dictionary<int, long> Profiles { get; } = [];
    public KeySet StaffNumbers { get; } = new();
    public Dictionary<(int School, string Number), long> Staff { get; } = [];
    public Dictionary<(int School, string Code), ImportedClass> Classes { get; } = [];
    public Dictionary<(int School, string Number), long> Assets { get; } = [];
    public Dictionary<(int School, string Class, string Staff, string Subject), long> Teaching { get; } = [];
    public Dictionary<int, HashSet<(long Class, long Staff, string Subject)>> DbTeaching { get; } = [];
    public KeySet StudentNumbers { get; } = new();
    public KeySet ResidentIds { get; } = new();

    // What the database already holds, loaded as needed.
    public HashSet<int> DbProfiles { get; set; } = [];
    public Dictionary<int, Dictionary<string, (long Id, int EntryYear)>> DbClasses { get; } = [];
    public Dictionary<int, Dictionary<string, long>> DbStaff { get; } = [];
    public Dictionary<int, HashSet<string>> DbAssets { get; } = [];
    public bool NoStudents { get; set; }
    public bool NoStaff { get; set; }
    public List<PendingKey> PendingStaff { get; } = [];
    public List<PendingKey> PendingNumbers { get; } = [];
    public List<PendingKey> PendingIds { get; } = [];

    private readonly List<ImportNotice> _notices = [];

    public ImportReport Report(bool ok, IReadOnlyDictionary<string, long> written) => new(
        ok,
        dryRun,
        Sources.Select((s, i) => new ImportFileSummary(s.FileName, RecordKinds.Name(s.Kind), Rows[i])).ToList(),
        written,
        ErrorCount,
        ErrorCount > _errors.Count,
        _errors.Select((e, i) => (e, i)).OrderBy(x => Sources.FindIndex(s => s.FileName == x.e.File)).ThenBy(x => x.e.Row).ThenBy(x => x.i).Select(x => x.e).ToList())
    {
        Notices = _notices.ToList(),
    };

    /// <summary>A row the import passed over on purpose (reported once, from the first pass).</summary>
    public void Notice(int file, int row, string message)
    {
        if (_notices.Count < options.MaxErrors)
        {
            _notices.Add(new ImportNotice(Sources[file].FileName, row, message));
        }
    }

    public void Error(int file, int row, string? column, RecordField? field, string? value, string message)
    {
        ErrorCount++;
        if (_errors.Count < options.MaxErrors)
        {
            _errors.Add(new ImportError(Sources[file].FileName, row, column, field?.Key, ReportValue.CutOrNull(value), message));
        }
    }

    public void Report(ImportPhase phase, string file, long rows, long? total, double fraction) =>
        progress?.Report(new ImportProgress(phase, file, rows, total, Math.Clamp(fraction, 0, 1)));
}

    internal sealed record ImportSchool(int Id, string Code, string Name);

    /// <summary>A class created earlier in the import: where (file and row) and its entry year; its id once written.</summary>
internal sealed class ImportedClass(long location, int entryYear)
    {
        public long Location { get; } = location;
        public int EntryYear { get; } = entryYear;
        public long Id { get; set; }
    }

    /// <summary>A key to look up in the database in the next batch, with where it came from.</summary>
internal sealed record PendingKey(string Value, int File, int Row, RecordField Field);
