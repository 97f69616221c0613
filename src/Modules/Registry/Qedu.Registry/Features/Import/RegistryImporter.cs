using Qedu.Kernel.Files;
using System.Data.Common;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Features.Files;
using Qedu.Registry.Features.Records;

namespace Qedu.Registry.Features.Import;

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
        new Run(this, sources, dryRun, progress).ExecuteAsync(ct);

    private sealed record School(int Id, string Code, string Name);

    private sealed class ImportedClass(long location, int entryYear)
    {
        public long Location { get; } = location;
        public int EntryYear { get; } = entryYear;
        public long Id { get; set; }
    }

    private sealed record Pending(string Value, int File, int Row, RecordField Field);

    /// <summary>The state of one import: its files, the keys seen, the database look-ups made, the problems found.</summary>
    private sealed class Run(RegistryImporter owner, IReadOnlyList<ImportSource> given, bool dryRun, IProgress<ImportProgress>? progress)
    {
        private readonly List<ImportSource> _sources = given.OrderBy(s => s.Kind).ToList();
        private readonly RecordContext _context = owner._contexts.Create();
        private readonly List<ImportError> _errors = [];
        private readonly long[] _rows = new long[given.Count];
        private int _errorCount;
        private Dictionary<string, School> _schools = [];
        private HashSet<int>? _writable;

        // Keys seen in this import.
        private readonly Dictionary<int, long> _profiles = [];
        private readonly KeySet _staffNumbers = new();
        private readonly Dictionary<(int School, string Number), long> _staff = [];
        private readonly Dictionary<(int School, string Code), ImportedClass> _classes = [];
        private readonly Dictionary<(int School, string Number), long> _assets = [];
        private readonly Dictionary<(int School, string Class, string Staff, string Subject), long> _teaching = [];
        private readonly Dictionary<int, HashSet<(long Class, long Staff, string Subject)>> _dbTeaching = [];
        private readonly KeySet _studentNumbers = new();
        private readonly KeySet _residentIds = new();

        // What the database already holds, loaded as needed.
        private HashSet<int> _dbProfiles = [];
        private readonly Dictionary<int, Dictionary<string, (long Id, int EntryYear)>> _dbClasses = [];
        private readonly Dictionary<int, Dictionary<string, long>> _dbStaff = [];
        private readonly Dictionary<int, HashSet<string>> _dbAssets = [];
        private bool _noStudents;
        private bool _noStaff;
        private readonly List<Pending> _pendingStaff = [];
        private readonly List<Pending> _pendingNumbers = [];
        private readonly List<Pending> _pendingIds = [];

        private RegistryDb Db => owner._db;

        public async Task<ImportReport> ExecuteAsync(CancellationToken ct)
        {
            foreach (var (source, i) in _sources.Select((s, i) => (s, i)))
            {
                var length = new FileInfo(source.Path).Length;
                if (length > owner._options.MaxFileBytes)
                {
                    Error(i, 0, null, null, null, _context.Message("File.TooLarge", source.FileName, Size(length), Size(owner._options.MaxFileBytes)));
                }
            }
            if (_errorCount > 0)
            {
                return Report(ok: false, new Dictionary<string, long>());
            }

            await LoadAsync(ct);
            for (var i = 0; i < _sources.Count; i++)
            {
                await ValidateAsync(i, ct);
            }
            if (_errorCount > 0 || dryRun)
            {
                Report(ImportPhase.Done, "", 0, null, 1);
                return Report(ok: _errorCount == 0, new Dictionary<string, long>());
            }

            try
            {
                var written = await WriteAsync(ct);
                Report(ImportPhase.Done, "", _rows.Sum(), _rows.Sum(), 1);
                return Report(ok: true, written);
            }
            catch (TableFileException e)
            {
                Error(0, 0, null, null, null, e.Message);
            }
            catch (Exception e) when (e is DbException or DbUpdateException)
            {
                // A concurrent writer took a key between the check and the write: the unique index refused it and the
                // transaction rolled back. Say so instead of failing with a 500.
                Error(0, 0, null, null, null, _context.Message("Import.Conflict", (e.InnerException ?? e).Message.Split('\n')[0]));
            }
            return Report(ok: false, new Dictionary<string, long>());
        }

        private static string Size(long bytes) => FileSize.Describe(bytes);

        private ImportReport Report(bool ok, IReadOnlyDictionary<string, long> written) => new(
            ok,
            dryRun,
            _sources.Select((s, i) => new ImportFileSummary(s.FileName, RecordKinds.Name(s.Kind), _rows[i])).ToList(),
            written,
            _errorCount,
            _errorCount > _errors.Count,
            _errors.Select((e, i) => (e, i)).OrderBy(x => _sources.FindIndex(s => s.FileName == x.e.File)).ThenBy(x => x.e.Row).ThenBy(x => x.i).Select(x => x.e).ToList());

        private void Error(int file, int row, string? column, RecordField? field, string? value, string message)
        {
            _errorCount++;
            if (_errors.Count < owner._options.MaxErrors)
            {
                _errors.Add(new ImportError(_sources[file].FileName, row, column, field?.Key, ReportValue.CutOrNull(value), message));
            }
        }

        private void Report(ImportPhase phase, string file, long rows, long? total, double fraction) =>
            progress?.Report(new ImportProgress(phase, file, rows, total, Math.Clamp(fraction, 0, 1)));

        /// <summary>Schools (all of them: a code outside the caller's scope is "out of scope", not "unknown"), the caller's writable ones, existing profiles.</summary>
        private async Task LoadAsync(CancellationToken ct)
        {
            _schools = (await owner._tree.OfKindPastScopeAsync([OrgUnitKind.School], ct))
                .ToDictionary(o => o.Code, o => new School(o.Id, o.Code, o.Name), StringComparer.Ordinal);
            var caller = owner._access.Current;
            if (!caller.IsSystem)
            {
                var roots = caller.RootsFor(Permissions.RegistryWrite).ToList();
                _writable = (await owner._tree.SubtreeIdsAsync(roots, ct)).ToHashSet();
            }
            var kinds = _sources.Select(s => s.Kind).ToHashSet();
            if (kinds.Contains(RecordKind.Schools))
            {
                _dbProfiles = (await Db.SchoolProfiles.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Select(p => p.OrgUnitId).ToListAsync(ct)).ToHashSet();
            }
            // An empty table cannot hold a duplicate: skip the per-batch look-ups (a first bulk load is the common case).
            _noStudents = kinds.Contains(RecordKind.Students) && !await Db.Students.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).AnyAsync(ct);
            _noStaff = kinds.Contains(RecordKind.Staff) && !await Db.Staff.IgnoreQueryFilters([ScopeFilter.Name]).AnyAsync(ct);
        }

        /// <summary>Maps the file's columns to fields (by Chinese or English header); null when the header itself is wrong.</summary>
        private (int[] Map, string[] Columns)? MapHeader(int file, TableReader table, IRecordDefinition definition)
        {
            var map = new int[table.Header.Count];
            var columns = definition.Fields.Select(f => f.Header(_context.English)).ToArray();
            var seen = new HashSet<int>();
            var ok = true;
            if (table.Header.Count == 0)
            {
                Error(file, 0, null, null, null, _context.Message("File.NoHeader", _sources[file].FileName));
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
                    Error(file, 1, table.Header[i].Trim(), null, null, _context.Message("File.UnknownColumn", table.Header[i].Trim()));
                    ok = false;
                }
                else if (!seen.Add(field.Index))
                {
                    Error(file, 1, table.Header[i].Trim(), field, null, _context.Message("File.DuplicateColumn", table.Header[i].Trim()));
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
                Error(file, 1, field.Header(_context.English), field, null, _context.Message("File.MissingColumn", field.Header(_context.English)));
                ok = false;
            }
            return ok ? (map, columns) : null;
        }

        private static string Normalize(string header) => string.Concat(header.Where(c => !char.IsWhiteSpace(c)));

        private string Describe(int file, string key, object?[] values) => _context.Message(key, [_sources[file].FileName, .. values]);

        /// <summary>Reads one file's rows as records of its kind, with the row number and (pass 1) the field problems.</summary>
        private async IAsyncEnumerable<(SchoolRecord? Record, int Row, string[] Columns, IReadOnlyList<RecordError> Errors)> RowsAsync(
            int file, bool firstPass)
        {
            var source = _sources[file];
            var definition = RecordDefinitions.For(source.Kind);
            TableReader table;
            try
            {
                table = TableReader.Open(source.Path, source.Format, (key, values) => Describe(file, key, values),
                    new TableLimits(owner._options.MaxUnpackedBytes, owner._options.MaxWholePartBytes));
            }
            catch (TableFileException e) when (firstPass)
            {
                Error(file, 0, null, null, null, e.Message);
                yield break;
            }
            catch (IOException e)
            {
                throw new TableFileException(_context.Message("File.Unreadable", source.FileName, e.Message), e);
            }
            using (table)
            {
                var header = MapHeader(file, table, definition);
                if (header is not { } mapped)
                {
                    yield break;
                }
                var reader = new FieldReader(_context);
                var cells = new string?[definition.Fields.Count];
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
                        Error(file, table.RowNumber + 1, null, null, null, e.Message);
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
                            Error(file, table.RowNumber, null, null, null,
                                _context.Message("File.ShortRow", source.FileName, table.RowNumber, row.Count, table.Header.Count));
                        }
                        continue;
                    }
                    for (var c = 0; c < row.Count && c < mapped.Map.Length; c++)
                    {
                        if (mapped.Map[c] >= 0)
                        {
                            cells[mapped.Map[c]] = CellText.Unescape(row[c]);
                        }
                    }
                    reader.Start(cells);
                    var record = Read(definition, reader);
                    rows++;
                    if (rows % 2000 == 0)
                    {
                        var fraction = firstPass ? (file + table.Progress) / _sources.Count * (dryRun ? 1 : 0.5) : 0;
                        if (firstPass)
                        {
                            Report(ImportPhase.Validate, source.FileName, rows, null, fraction);
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

        private async Task ValidateAsync(int file, CancellationToken ct)
        {
            var source = _sources[file];
            var definition = RecordDefinitions.For(source.Kind);
            var sinceFlush = 0;
            await foreach (var (record, row, columns, errors) in RowsAsync(file, firstPass: true).WithCancellation(ct))
            {
                _rows[file]++;
                foreach (var e in errors)
                {
                    Error(file, row, e.Field is null ? null : columns[e.Field.Index], e.Field, e.Value, e.Message);
                }
                if (record is null)
                {
                    continue;
                }
                if (!_schools.TryGetValue(record.SchoolCode, out var school))
                {
                    Error(file, row, columns[definition.School.Index], definition.School, record.SchoolCode, _context.Message("Record.SchoolUnknown", record.SchoolCode));
                    continue;
                }
                if (_writable is not null && !_writable.Contains(school.Id))
                {
                    Error(file, row, columns[definition.School.Index], definition.School, record.SchoolCode, _context.Message("Record.SchoolOutOfScope", record.SchoolCode));
                    continue;
                }
                await CheckAsync(file, row, columns, record, school, ct);
                if (++sinceFlush >= owner._options.BatchSize)
                {
                    await FlushAsync(columns, ct);
                    sinceFlush = 0;
                }
            }
            await FlushAsync(RecordDefinitions.For(source.Kind).Fields.Select(f => f.Header(_context.English)).ToArray(), ct);
            Report(ImportPhase.Validate, source.FileName, _rows[file], _rows[file], (file + 1.0) / _sources.Count * (dryRun ? 1 : 0.5));
        }

        private static long Location(int file, int row) => ((long)file << 32) | (uint)row;

        private void Duplicate(int file, int row, string[] columns, RecordField field, string value, long first) =>
            Error(file, row, columns[field.Index], field, value, _context.Message("Record.DuplicateInFile",
                field.Header(_context.English), value, _sources[(int)(first >> 32)].FileName, (int)(first & 0xFFFFFFFF)));

        private void Exists(int file, int row, string? column, RecordField field, string value) =>
            Error(file, row, column, field, value, _context.Message("Record.DuplicateInDatabase", field.Header(_context.English), value));

        /// <summary>The checks that need more than the row: duplicates and references.</summary>
        private async Task CheckAsync(int file, int row, string[] columns, SchoolRecord record, School school, CancellationToken ct)
        {
            var at = Location(file, row);
            switch (record)
            {
                case SchoolProfileRecord:
                {
                    var field = RecordDefinitions.Schools.School;
                    if (!_profiles.TryAdd(school.Id, at))
                    {
                        Duplicate(file, row, columns, field, record.SchoolCode, _profiles[school.Id]);
                    }
                    else if (_dbProfiles.Contains(school.Id))
                    {
                        Exists(file, row, columns[field.Index], field, record.SchoolCode);
                    }
                    break;
                }
                case StaffRecord staff:
                {
                    var field = RecordDefinitions.Staff.StaffNumber;
                    if (!_staffNumbers.TryAdd(staff.StaffNumber, at, out var first))
                    {
                        Duplicate(file, row, columns, field, staff.StaffNumber, first);
                        break;
                    }
                    _staff[(school.Id, staff.StaffNumber)] = 0;
                    if (!_noStaff)
                    {
                        _pendingStaff.Add(new Pending(staff.StaffNumber, file, row, field));
                    }
                    break;
                }
                case ClassRecord schoolClass:
                {
                    var definition = RecordDefinitions.Classes;
                    if (_classes.TryGetValue((school.Id, schoolClass.Code), out var earlier))
                    {
                        Duplicate(file, row, columns, definition.Code, schoolClass.Code, earlier.Location);
                        break;
                    }
                    if ((await DbClassesAsync(school.Id, ct)).ContainsKey(schoolClass.Code))
                    {
                        Exists(file, row, columns[definition.Code.Index], definition.Code, schoolClass.Code);
                        break;
                    }
                    _classes[(school.Id, schoolClass.Code)] = new ImportedClass(at, schoolClass.EntryYear);
                    if (schoolClass.HeadTeacherNumber is { } teacher
                        && !_staff.ContainsKey((school.Id, teacher)) && !(await DbStaffAsync(school.Id, ct)).ContainsKey(teacher))
                    {
                        Error(file, row, columns[definition.HeadTeacher.Index], definition.HeadTeacher, teacher,
                            _context.Message("Record.StaffUnknown", teacher, school.Code));
                    }
                    break;
                }
                case TeachingRecord teaching:
                {
                    var definition = RecordDefinitions.Teaching;
                    var key = (school.Id, teaching.ClassCode, teaching.StaffNumber, teaching.Subject);
                    if (!_teaching.TryAdd(key, at))
                    {
                        Duplicate(file, row, columns, definition.Subject, teaching.Subject, _teaching[key]);
                        break;
                    }
                    var dbClasses = await DbClassesAsync(school.Id, ct);
                    var dbStaff = await DbStaffAsync(school.Id, ct);
                    var classKnown = _classes.ContainsKey((school.Id, teaching.ClassCode)) || dbClasses.ContainsKey(teaching.ClassCode);
                    var staffKnown = _staff.ContainsKey((school.Id, teaching.StaffNumber)) || dbStaff.ContainsKey(teaching.StaffNumber);
                    if (!classKnown)
                    {
                        Error(file, row, columns[definition.Class.Index], definition.Class, teaching.ClassCode,
                            _context.Message("Record.ClassUnknown", teaching.ClassCode, school.Code));
                    }
                    if (!staffKnown)
                    {
                        Error(file, row, columns[definition.Staff.Index], definition.Staff, teaching.StaffNumber,
                            _context.Message("Record.StaffUnknown", teaching.StaffNumber, school.Code));
                    }
                    if (classKnown && staffKnown && dbClasses.TryGetValue(teaching.ClassCode, out var storedClass)
                        && dbStaff.TryGetValue(teaching.StaffNumber, out var storedStaff)
                        && (await DbTeachingAsync(school.Id, ct)).Contains((storedClass.Id, storedStaff, teaching.Subject)))
                    {
                        Exists(file, row, columns[definition.Subject.Index], definition.Subject, teaching.Subject);
                    }
                    break;
                }
                case AssetRecord asset:
                {
                    var field = RecordDefinitions.Assets.AssetNumber;
                    if (!_assets.TryAdd((school.Id, asset.AssetNumber), at))
                    {
                        Duplicate(file, row, columns, field, asset.AssetNumber, _assets[(school.Id, asset.AssetNumber)]);
                    }
                    else if ((await DbAssetsAsync(school.Id, ct)).Contains(asset.AssetNumber))
                    {
                        Exists(file, row, columns[field.Index], field, asset.AssetNumber);
                    }
                    break;
                }
                case StudentRecord student:
                {
                    var definition = RecordDefinitions.Students;
                    if (!_studentNumbers.TryAdd(student.StudentNumber, at, out var first))
                    {
                        Duplicate(file, row, columns, definition.StudentNumber, student.StudentNumber, first);
                    }
                    else if (!_noStudents)
                    {
                        _pendingNumbers.Add(new Pending(student.StudentNumber, file, row, definition.StudentNumber));
                    }
                    if (student.ResidentId is { } id)
                    {
                        if (!_residentIds.TryAdd(id, at, out first))
                        {
                            Duplicate(file, row, columns, definition.ResidentId, id, first);
                        }
                        else if (!_noStudents)
                        {
                            _pendingIds.Add(new Pending(id, file, row, definition.ResidentId));
                        }
                    }
                    if (student.ClassCode is { } code
                        && !_classes.ContainsKey((school.Id, code)) && !(await DbClassesAsync(school.Id, ct)).ContainsKey(code))
                    {
                        Error(file, row, columns[definition.Class.Index], definition.Class, code, _context.Message("Record.ClassUnknown", code, school.Code));
                    }
                    break;
                }
            }
        }

        /// <summary>Looks up, in one query per key, whether the batch's city-unique keys already exist.</summary>
        private async Task FlushAsync(string[] columns, CancellationToken ct)
        {
            if (_pendingNumbers.Count > 0)
            {
                var values = _pendingNumbers.Select(p => p.Value).ToList();
                var found = (await Db.Students.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).AsNoTracking()
                    .Where(s => values.Contains(s.StudentNumber)).Select(s => s.StudentNumber).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
                Report(_pendingNumbers, found, columns);
            }
            if (_pendingIds.Count > 0)
            {
                // Encrypted at rest: matched by blind index, then named by the ID the file gave (ADR 11).
                var byIndex = _pendingIds.Select(p => p.Value).Distinct(StringComparer.Ordinal)
                    .ToDictionary(v => Db.FieldEncryption.Index(v)!, StringComparer.Ordinal);
                var indexes = byIndex.Keys.ToList();
                var found = (await Db.Students.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).AsNoTracking()
                    .Where(s => indexes.Contains(s.ResidentIdIndex!)).Select(s => s.ResidentIdIndex!).ToListAsync(ct))
                    .Select(i => byIndex[i]).ToHashSet(StringComparer.Ordinal);
                Report(_pendingIds, found, columns);
            }
            if (_pendingStaff.Count > 0)
            {
                var values = _pendingStaff.Select(p => p.Value).ToList();
                var found = (await Db.Staff.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
                    .Where(s => values.Contains(s.StaffNumber)).Select(s => s.StaffNumber).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
                Report(_pendingStaff, found, columns);
            }
        }

        private void Report(List<Pending> pending, HashSet<string> found, string[] columns)
        {
            foreach (var p in pending.Where(p => found.Contains(p.Value)))
            {
                Exists(p.File, p.Row, columns[p.Field.Index], p.Field, p.Value);
            }
            pending.Clear();
        }

        private async Task<Dictionary<string, (long Id, int EntryYear)>> DbClassesAsync(int school, CancellationToken ct)
        {
            if (!_dbClasses.TryGetValue(school, out var classes))
            {
                _dbClasses[school] = classes = await Db.Classes.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(c => c.OrgUnitId == school)
                    .ToDictionaryAsync(c => c.Code, c => (c.Id, c.EntryYear), StringComparer.Ordinal, ct);
            }
            return classes;
        }

        private async Task<Dictionary<string, long>> DbStaffAsync(int school, CancellationToken ct)
        {
            if (!_dbStaff.TryGetValue(school, out var staff))
            {
                _dbStaff[school] = staff = await Db.Staff.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(s => s.OrgUnitId == school)
                    .ToDictionaryAsync(s => s.StaffNumber, s => s.Id, StringComparer.Ordinal, ct);
            }
            return staff;
        }

        private async Task<HashSet<(long Class, long Staff, string Subject)>> DbTeachingAsync(int school, CancellationToken ct)
        {
            if (!_dbTeaching.TryGetValue(school, out var teaching))
            {
                _dbTeaching[school] = teaching = (await Db.TeachingAssignments.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(a => a.OrgUnitId == school)
                    .Select(a => new { a.ClassId, a.StaffId, a.Subject }).ToListAsync(ct)).Select(a => (a.ClassId, a.StaffId, a.Subject)).ToHashSet();
            }
            return teaching;
        }

        private async Task<HashSet<string>> DbAssetsAsync(int school, CancellationToken ct)
        {
            if (!_dbAssets.TryGetValue(school, out var assets))
            {
                _dbAssets[school] = assets = (await Db.Assets.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(a => a.OrgUnitId == school)
                    .Select(a => a.AssetNumber).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            }
            return assets;
        }

        // ---- pass 2 ----------------------------------------------------------------------------------------------

        private async Task<IReadOnlyDictionary<string, long>> WriteAsync(CancellationToken ct)
        {
            var total = _rows.Sum();
            long done = 0;
            await using var session = await owner._bulk.BeginAsync(ct);
            long profiles = 0;
            for (var file = 0; file < _sources.Count; file++)
            {
                var source = _sources[file];
                // Reading and parsing run beside the writing (two cores: one parses while the database takes a batch).
                var batches = Channel.CreateBounded<List<(SchoolRecord Record, int School)>>(
                    new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var reading = Task.Run(() => ReadBatchesAsync(file, batches.Writer, stop.Token), stop.Token);
                long rows = 0;
                try
                {
                    await foreach (var batch in batches.Reader.ReadAllAsync(ct))
                    {
                        profiles += await WriteBatchAsync(session, batch, ct);
                        done += batch.Count;
                        rows += batch.Count;
                        Report(ImportPhase.Write, source.FileName, rows, _rows[file], 0.5 + 0.5 * done / Math.Max(1, total));
                    }
                }
                finally
                {
                    await stop.CancelAsync();
                    try
                    {
                        await reading;
                    }
                    catch (OperationCanceledException)
                    {
                        // The writer stopped first; its own exception is the one that matters.
                    }
                }
            }
            var written = new Dictionary<string, long>(session.Counts, StringComparer.Ordinal);
            if (profiles > 0)
            {
                written[nameof(SchoolProfile)] = profiles;
            }
            var details = $"import {string.Join(", ", _sources.Select((s, i) => $"{s.FileName} ({RecordKinds.Name(s.Kind)}, {_rows[i]} rows)"))}: "
                + string.Join(", ", written.Select(w => $"{w.Key}={w.Value}"));
            await session.CommitAsync("RegistryImport", details, ct);
            return written;
        }

        /// <summary>Pass 2's reader: the file again, in batches; any row that no longer reads as it did in pass 1 stops the import.</summary>
        private async Task ReadBatchesAsync(int file, ChannelWriter<List<(SchoolRecord Record, int School)>> output, CancellationToken ct)
        {
            try
            {
                var source = _sources[file];
                var batch = new List<(SchoolRecord Record, int School)>(owner._options.BatchSize);
                long rows = 0;
                await foreach (var (record, _, _, errors) in RowsAsync(file, firstPass: false).WithCancellation(ct))
                {
                    if (record is null || errors.Count > 0 || !_schools.TryGetValue(record.SchoolCode, out var school))
                    {
                        throw new TableFileException(_context.Message("File.Changed", source.FileName));
                    }
                    batch.Add((record, school.Id));
                    rows++;
                    if (batch.Count >= owner._options.BatchSize)
                    {
                        await output.WriteAsync(batch, ct);
                        batch = new List<(SchoolRecord Record, int School)>(owner._options.BatchSize);
                    }
                }
                if (rows != _rows[file])
                {
                    throw new TableFileException(_context.Message("File.Changed", source.FileName));
                }
                if (batch.Count > 0)
                {
                    await output.WriteAsync(batch, ct);
                }
                output.Complete();
            }
            catch (Exception e)
            {
                output.Complete(e);
                throw;
            }
        }

        /// <summary>Writes one batch of valid records; returns how many school profiles it wrote (they go through EF Core: they have no change feed).</summary>
        private async Task<long> WriteBatchAsync(RegistryBulkWriter.BulkSession session, List<(SchoolRecord Record, int School)> batch, CancellationToken ct)
        {
            if (batch.Count == 0)
            {
                return 0;
            }
            switch (batch[0].Record)
            {
                case SchoolProfileRecord:
                    Db.SchoolProfiles.AddRange(batch.Select(b => (SchoolProfileRecord)b.Record).Select((r, i) => new SchoolProfile
                    {
                        OrgUnitId = batch[i].School, Address = r.Address, Latitude = r.Latitude, Longitude = r.Longitude,
                        CapacitySeats = r.CapacitySeats, Phone = r.Phone, Website = r.Website,
                    }));
                    await Db.SaveChangesAsync(ct);
                    Db.ChangeTracker.Clear();
                    return batch.Count;

                case StaffRecord:
                {
                    var rows = batch.Select(b => RecordMapping.ToStaff((StaffRecord)b.Record, b.School)).ToList();
                    await session.InsertAsync(rows, ct);
                    foreach (var s in rows)
                    {
                        _staff[(s.OrgUnitId, s.StaffNumber)] = s.Id;
                    }
                    return 0;
                }

                case ClassRecord:
                {
                    var rows = new List<SchoolClass>(batch.Count);
                    foreach (var (record, school) in batch)
                    {
                        var r = (ClassRecord)record;
                        long? teacher = r.HeadTeacherNumber is not { } number ? null
                            : _staff.TryGetValue((school, number), out var imported) && imported > 0 ? imported
                            : _dbStaff[school][number];
                        rows.Add(RecordMapping.ToClass(r, school, teacher));
                    }
                    await session.InsertAsync(rows, ct);
                    foreach (var c in rows)
                    {
                        _classes[(c.OrgUnitId, c.Code)].Id = c.Id;
                    }
                    return 0;
                }

                case AssetRecord:
                    await session.InsertAsync(batch.Select(b => RecordMapping.ToAsset((AssetRecord)b.Record, b.School)).ToList(), ct);
                    return 0;

                case TeachingRecord:
                {
                    var rows = new List<TeachingAssignment>(batch.Count);
                    foreach (var (record, school) in batch)
                    {
                        var r = (TeachingRecord)record;
                        var classId = _classes.TryGetValue((school, r.ClassCode), out var imported) ? imported.Id : _dbClasses[school][r.ClassCode].Id;
                        var staffId = _staff.TryGetValue((school, r.StaffNumber), out var importedStaff) && importedStaff > 0
                            ? importedStaff
                            : _dbStaff[school][r.StaffNumber];
                        rows.Add(new TeachingAssignment { OrgUnitId = school, ClassId = classId, StaffId = staffId, Subject = r.Subject });
                    }
                    await session.InsertAsync(rows, ct);
                    return 0;
                }

                case StudentRecord:
                {
                    var students = new List<Student>(batch.Count);
                    var classes = new List<(long? Id, int? EntryYear)>(batch.Count);
                    foreach (var (record, school) in batch)
                    {
                        var r = (StudentRecord)record;
                        (long? Id, int? EntryYear) c = (null, null);
                        if (r.ClassCode is { } code)
                        {
                            var (id, year) = _classes.TryGetValue((school, code), out var imported)
                                ? (imported.Id, imported.EntryYear)
                                : _dbClasses[school][code];
                            c = (id, year);
                        }
                        students.Add(RecordMapping.ToStudent(r, school, c.Id));
                        classes.Add(c);
                    }
                    await session.InsertAsync(students, ct);
                    var enrolments = new List<Enrolment>(batch.Count);
                    var guardians = new List<Guardian>(batch.Count * 2);
                    for (var i = 0; i < students.Count; i++)
                    {
                        var r = (StudentRecord)batch[i].Record;
                        var from = r.EnrolledOn ?? (classes[i].EntryYear is int year ? new DateOnly(year, 9, 1) : _context.Today);
                        enrolments.Add(new Enrolment
                        {
                            StudentId = students[i].Id, OrgUnitId = students[i].OrgUnitId, ClassId = classes[i].Id, From = from,
                            EntryReasonCode = r.EntryReasonCode,
                        });
                        guardians.AddRange(r.Guardians.Select(g => RecordMapping.ToGuardian(g, students[i])));
                    }
                    await session.InsertAsync(enrolments, ct);
                    await session.InsertAsync(guardians, ct);
                    return 0;
                }
            }
            throw new InvalidOperationException(batch[0].Record.GetType().Name);
        }
    }
}
