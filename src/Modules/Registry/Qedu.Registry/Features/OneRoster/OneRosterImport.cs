using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qedu.Kernel.Access;
using Qedu.Kernel.Files;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Features.Import;
using Qedu.Registry.Features.Records;
using Qedu.Registry.Features.Students;
using Qedu.Registry.Features.Writes;

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
internal sealed partial class OneRosterImport(
    RegistryDb db,
    OrgTree tree,
    RecordContextFactory contexts,
    ICurrentAccess access,
    StudentCommands commands,
    RegistryBulkWriter bulk,
    IOptions<OneRosterImportOptions> options,
    IOptions<ImportOptions> importOptions)
{
    private readonly RegistryDb _db = db;
    private readonly OrgTree _tree = tree;
    private readonly RecordContextFactory _contexts = contexts;
    private readonly ICurrentAccess _access = access;
    private readonly StudentCommands _commands = commands;
    private readonly RegistryBulkWriter _bulk = bulk;
    private readonly IOptions<OneRosterImportOptions> _options = options;
    private readonly IOptions<ImportOptions> _importOptions = importOptions;

    /// <summary>The files Qedu reads, in the order it checks them.</summary>
    internal static readonly string[] Files = ["orgs", "academicSessions", "classes", "users", "roles", "enrollments", "demographics"];

    /// <summary>Extension columns of Qedu's fields that OneRoster has no column for.</summary>
    internal const string MetadataPrefix = "metadata.qedu.";

    private static readonly Dictionary<string, string[]> RequiredColumns = new(StringComparer.Ordinal)
    {
        ["orgs.csv"] = ["sourcedId", "type"],
        ["academicSessions.csv"] = ["sourcedId", "type", "startDate"],
        ["classes.csv"] = ["sourcedId", "title", "grades", "schoolSourcedId"],
        ["users.csv"] = ["sourcedId", "givenName", "familyName"],
        ["roles.csv"] = ["userSourcedId", "role", "orgSourcedId"],
        ["enrollments.csv"] = ["classSourcedId", "userSourcedId", "role"],
        ["demographics.csv"] = ["sourcedId", "birthDate", "sex"],
    };

    public Task<OneRosterImportResult> ImportAsync(string path, string fileName, bool dryRun, CancellationToken ct = default) =>
        new Run(this, fileName, dryRun).ExecuteAsync(path, ct);

    private enum Kind
    {
        Student,
        Guardian,
        Staff,
        Skipped,
    }

    /// <summary>Where a value came from, for the report.</summary>
    private sealed record Source(BundleRow Row, string Column);

    private sealed record School(int Id, string Code);

    private sealed class User(BundleRow row, string id)
    {
        public BundleRow Row { get; } = row;
        public string Id { get; } = id;
        public string Role { get; set; } = "";
        public BundleRow? RoleRow { get; set; }
        public Kind Kind { get; set; } = Kind.Skipped;
        public School? School { get; set; }
        public string? Number { get; set; }

        /// <summary>The users.csv column the number came from (userIds, identifier or username).</summary>
        public string NumberColumn { get; set; } = "identifier";
        public BundleRow? Demographics { get; set; }
        public ClassPlan? Class { get; set; }
        public BundleRow? Enrollment { get; set; }
        public List<User> Links { get; } = [];
    }

    private sealed record ExistingClass(long Id, int EntryYear, SchoolClass Entity);

    private sealed class ClassPlan(BundleRow row, School school)
    {
        public BundleRow Row { get; } = row;
        public School School { get; } = school;
        public string Code { get; set; } = "";
        public ClassRecord? Record { get; set; }
        public ExistingClass? Existing { get; set; }
        public User? HeadTeacher { get; set; }
    }

    private sealed record StaffPlan(StaffRecord Record, int School, Staff? Existing);

    private sealed record StudentPlan(StudentRecord Record, int School, Student? Existing, bool ReplaceGuardians);

    private sealed partial class Run(OneRosterImport owner, string bundleName, bool dryRun)
    {
        private readonly RecordContext _context = owner._contexts.Create();
        private readonly List<ImportError> _errors = [];
        private readonly Dictionary<string, BundleTable> _tables = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];
        private int _errorCount;

        private readonly Dictionary<string, School?> _orgs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, User> _users = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ClassPlan> _classes = new(StringComparer.Ordinal);
        private readonly List<StaffPlan> _staff = [];
        private readonly List<StudentPlan> _students = [];
        private readonly Dictionary<(int School, string Code), ClassPlan> _classCodes = [];
        private Dictionary<string, Staff> _dbStaff = new(StringComparer.Ordinal);
        private int _schoolYear;

        private RegistryDb Db => owner._db;

        private static string Message(string key, params object?[] args) =>
            string.Format(CultureInfo.CurrentUICulture, OneRosterText.Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key, args);

        private void Error(string file, int row, string? column, string? field, string? value, string message)
        {
            _errorCount++;
            if (_errors.Count < owner._importOptions.Value.MaxErrors)
            {
                _errors.Add(new ImportError(file, row, column, field, ReportValue.CutOrNull(value), message));
            }
        }

        private void Error(BundleRow row, string? column, string? value, string message) =>
            Error(row.Table.Name, row.Number, column, null, value, message);

        private OneRosterImportResult Result(bool ok, IReadOnlyDictionary<string, long> written, bool failed = false)
        {
            var order = _order.Prepend(bundleName).ToList();
            var report = new ImportReport(
                ok,
                dryRun,
                _order.Select(f => new ImportFileSummary(f, "oneroster", _tables[f].Rows.Count)).ToList(),
                written,
                _errorCount,
                _errorCount > _errors.Count,
                _errors.Select((e, i) => (e, i))
                    .OrderBy(x => order.IndexOf(x.e.File) is var k and >= 0 ? k : int.MaxValue).ThenBy(x => x.e.Row).ThenBy(x => x.i)
                    .Select(x => x.e).ToList());
            return new OneRosterImportResult(report, failed);
        }

        public async Task<OneRosterImportResult> ExecuteAsync(string path, CancellationToken ct)
        {
            var limit = owner._options.Value.MaxBundleBytes;
            if (new FileInfo(path).Length > limit)
            {
                Error(bundleName, 0, null, null, null, Message("Bundle.TooLarge", bundleName, Size(new FileInfo(path).Length), Size(limit)));
                return Result(false, Empty);
            }
            ZipArchive zip;
            try
            {
                zip = ZipFile.OpenRead(path);
            }
            catch (InvalidDataException)
            {
                Error(bundleName, 0, null, null, null, Message("Bundle.NotZip", bundleName));
                return Result(false, Empty);
            }
            using (zip)
            {
                // Unpacked size, against zip bombs: the files are read whole.
                var unpacked = zip.Entries.Sum(e => e.Length);
                if (unpacked > limit)
                {
                    Error(bundleName, 0, null, null, null, Message("Bundle.TooLarge", bundleName, Size(unpacked), Size(limit)));
                    return Result(false, Empty);
                }
                if (!ReadFiles(zip))
                {
                    return Result(false, Empty);
                }
            }

            await CheckAsync(ct);
            if (_errorCount > 0 || dryRun)
            {
                return Result(_errorCount == 0, Empty);
            }
            try
            {
                return Result(true, await WriteAsync(ct));
            }
            catch (Exception e) when (e is DbException or DbUpdateException or ScopeViolationException)
            {
                // A concurrent writer took a key between the check and the write (the unique index refused it), or
                // the scope changed: the transaction rolled back.
                Db.ChangeTracker.Clear();
                Error(bundleName, 0, null, null, null, Message("Import.Conflict", (e.InnerException ?? e).Message.Split('\n')[0]));
                return Result(false, Empty, failed: true);
            }
        }

        private static readonly IReadOnlyDictionary<string, long> Empty = new Dictionary<string, long>();

        private static string Size(long bytes) => FileSize.Describe(bytes);

        // ---- the manifest and the files ---------------------------------------------------------------------------

        /// <summary>Reads the manifest and the files it declares bulk; false when the bundle cannot be read any further.</summary>
        private bool ReadFiles(ZipArchive zip)
        {
            const string manifestName = "manifest.csv";
            var manifestEntry = OneRosterBundle.Entry(zip, manifestName);
            if (manifestEntry is null)
            {
                Error(manifestName, 0, null, null, null, Message("Manifest.Missing"));
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
                Error(manifest.Rows.Count == 0 || version is null ? new BundleRow(manifest, 0, []) : version, "value",
                    version?["value"], Message("Manifest.Version", version?["value"] ?? ""));
            }
            foreach (var file in Files)
            {
                var name = file + ".csv";
                var row = properties.GetValueOrDefault("file." + file);
                var mode = row?["value"].ToLowerInvariant() ?? "absent";
                switch (mode)
                {
                    case "absent":
                        if (file is "orgs" or "users")
                        {
                            Error(row ?? new BundleRow(manifest, 0, []), "value", row?["value"], Message("Manifest.Required", "file." + file));
                        }
                        continue;
                    case "delta":
                        Error(row!, "value", row!["value"], Message("Manifest.Delta", "file." + file));
                        continue;
                    case "bulk":
                        break;
                    default:
                        Error(row!, "value", row!["value"], Message("Manifest.BadValue", "file." + file, row["value"]));
                        continue;
                }
                var entry = OneRosterBundle.Entry(zip, name);
                if (entry is null)
                {
                    Error(row!, "value", "bulk", Message("Manifest.FileMissing", name));
                    continue;
                }
                var table = Read(entry);
                if (table is not null && HasColumns(table, RequiredColumns[name]))
                {
                    _tables[name] = table;
                    _order.Add(name);
                }
            }
            if (_errorCount > 0)
            {
                return false;
            }
            // A bulk file's rows are all active: deletions belong to delta files.
            foreach (var table in _tables.Values.Where(t => t.Has("status")))
            {
                foreach (var row in table.Rows.Where(r => r["status"].Length > 0 && !r["status"].Equals("active", StringComparison.OrdinalIgnoreCase)))
                {
                    Error(row, "status", row["status"], Message("Row.Status", row["status"]));
                }
            }
            return true;
        }

        private BundleTable? Read(ZipArchiveEntry entry) =>
            OneRosterBundle.Read(entry, (row, key, detail) => Error(entry.FullName, row, null, null, null, Message(key, detail)));

        private bool HasColumns(BundleTable table, params string[] columns)
        {
            var ok = true;
            foreach (var column in columns.Where(c => !table.Has(c)))
            {
                Error(table.Name, 1, column, null, null, Message("File.MissingColumn", column));
                ok = false;
            }
            return ok;
        }

        private BundleTable? Table(string name) => _tables.GetValueOrDefault(name);

        private List<BundleRow> Rows(string name) => Table(name)?.Rows ?? [];

        /// <summary>Rows by sourcedId (or another key column), reporting repeats.</summary>
        private Dictionary<string, BundleRow> Index(string name, string column = "sourcedId")
        {
            var index = new Dictionary<string, BundleRow>(StringComparer.Ordinal);
            foreach (var row in Rows(name))
            {
                var id = row[column];
                if (id.Length == 0)
                {
                    Error(row, column, null, string.Format(CultureInfo.CurrentUICulture, _context.KernelText["Field.Required"], column));
                }
                else if (!index.TryAdd(id, row))
                {
                    Error(row, column, id, Message("Row.DuplicateId", id, index[id].Number));
                }
            }
            return index;
        }

        // ---- pass 1: check everything ------------------------------------------------------------------------------

        private async Task CheckAsync(CancellationToken ct)
        {
            await OrgsAsync(ct);
            _schoolYear = SchoolYear();
            Users();
            var classRows = Index("classes.csv");
            await LoadClassesAsync(ct);
            foreach (var row in classRows.Values)
            {
                ClassRow(row);
            }
            Enrollments();
            await StaffAsync(ct);
            Classes();
            await StudentsAsync(ct);
        }

        /// <summary>Schools of orgs.csv: each must already be a school in Qedu (by 学校标识码) and within the caller's write scope.</summary>
        private async Task OrgsAsync(CancellationToken ct)
        {
            var schools = (await owner._tree.OfKindPastScopeAsync([OrgUnitKind.School], ct))
                .ToDictionary(o => o.Code, o => new School(o.Id, o.Code), StringComparer.Ordinal);
            var rows = Index("orgs.csv");
            var found = new List<(BundleRow Row, string Column, School School)>();
            foreach (var (id, row) in rows)
            {
                if (!row["type"].Equals("school", StringComparison.OrdinalIgnoreCase))
                {
                    _orgs[id] = null;
                    continue;
                }
                var column = row["identifier"].Length > 0 ? "identifier" : "sourcedId";
                var code = row[column];
                if (!schools.TryGetValue(code, out var school))
                {
                    Error(row, column, code, Message("Org.UnknownSchool", code));
                    _orgs[id] = null;
                    continue;
                }
                found.Add((row, column, school));
                _orgs[id] = school;
            }
            var writable = await owner._tree.WithinScopeAsync(owner._access.Current, Permissions.RegistryWrite,
                found.Select(f => f.School.Id).ToList(), ct);
            foreach (var (row, column, school) in found.Where(f => !writable.Contains(f.School.Id)))
            {
                Error(row, column, school.Code, _context.Message("Record.SchoolOutOfScope", school.Code));
                _orgs[row["sourcedId"]] = null;
            }
        }

        /// <summary>The autumn the bundle's school year starts: its schoolYear session holding today (or the latest one), else the current one.</summary>
        private int SchoolYear()
        {
            var today = _context.Today;
            var years = new List<(DateOnly Start, DateOnly? End)>();
            foreach (var row in Rows("academicSessions.csv").Where(r => r["type"].Equals("schoolYear", StringComparison.OrdinalIgnoreCase)))
            {
                if (!DateOnly.TryParseExact(row["startDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
                {
                    Error(row, "startDate", row["startDate"], _context.Message("Record.Date", row["startDate"]));
                    continue;
                }
                DateOnly? end = DateOnly.TryParseExact(row["endDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e) ? e : null;
                years.Add((start, end));
            }
            var current = years.Where(y => y.Start <= today && (y.End is null || today <= y.End)).Select(y => (DateOnly?)y.Start).FirstOrDefault()
                ?? years.Select(y => (DateOnly?)y.Start).Max();
            return current?.Year ?? (today.Month >= 8 ? today.Year : today.Year - 1);
        }

        private School? SchoolOf(BundleRow row, string column)
        {
            var id = row[column];
            if (!_orgs.TryGetValue(id, out var school))
            {
                Error(row, column, id, Message("Ref.Unknown", column, id, "orgs.csv"));
                return null;
            }
            if (school is null && Table("orgs.csv")!.Rows.First(r => r["sourcedId"] == id)["type"] is var type
                && !type.Equals("school", StringComparison.OrdinalIgnoreCase))
            {
                Error(row, column, id, Message("Ref.NotSchool", id));
            }
            // A school that was refused in orgs.csv is already reported there.
            return school;
        }

        /// <summary>Each user with its role (roles.csv, or a 1.1-style role column), school, and number.</summary>
        private void Users()
        {
            foreach (var (id, row) in Index("users.csv"))
            {
                _users[id] = new User(row, id);
            }
            var usersTable = Table("users.csv")!;
            if (usersTable.Has("role"))
            {
                foreach (var user in _users.Values)
                {
                    user.Role = user.Row["role"];
                }
            }
            // A user's primary role decides (roleType primary, else the first row); primary roles must agree on the kind.
            foreach (var group in Rows("roles.csv").GroupBy(r => r["userSourcedId"]))
            {
                if (!_users.TryGetValue(group.Key, out var user))
                {
                    foreach (var row in group)
                    {
                        Error(row, "userSourcedId", group.Key, Message("Ref.Unknown", "userSourcedId", group.Key, "users.csv"));
                    }
                    continue;
                }
                var primaries = group.Where(r => !r["roleType"].Equals("secondary", StringComparison.OrdinalIgnoreCase)).ToList();
                var chosen = primaries.FirstOrDefault() ?? group.First();
                if (primaries.FirstOrDefault(r => Classify(r["role"]).Kind != Classify(chosen["role"]).Kind) is { } conflict)
                {
                    Error(conflict, "role", conflict["role"], Message("User.RoleConflict", group.Key, chosen["role"], conflict["role"]));
                }
                user.RoleRow = chosen;
                user.Role = chosen["role"];
            }
            foreach (var row in Rows("demographics.csv"))
            {
                if (_users.TryGetValue(row["sourcedId"], out var user))
                {
                    user.Demographics = row;
                }
                else
                {
                    Error(row, "sourcedId", row["sourcedId"], Message("Ref.Unknown", "sourcedId", row["sourcedId"], "users.csv"));
                }
            }
            foreach (var user in _users.Values)
            {
                if (user.Role.Length == 0)
                {
                    Error(user.Row, "sourcedId", user.Id, Message("User.NoRole", user.Id));
                    continue;
                }
                var (kind, known) = Classify(user.Role);
                if (!known)
                {
                    Error(user.RoleRow ?? user.Row, "role", user.Role, Message("User.UnknownRole", user.Role));
                    continue;
                }
                user.Kind = kind;
                if (kind is Kind.Student or Kind.Staff)
                {
                    var column = user.Row["primaryOrgSourcedId"].Length > 0 || user.RoleRow is null ? "primaryOrgSourcedId" : "orgSourcedId";
                    var row = column == "orgSourcedId" ? user.RoleRow! : user.Row;
                    if (row[column].Length == 0)
                    {
                        Error(user.Row, "primaryOrgSourcedId", null, Message("User.NoSchool", user.Id));
                    }
                    else
                    {
                        user.School = SchoolOf(row, column);
                    }
                    user.Number = Number(user);
                }
            }
            // Guardians and their students, linked from either side.
            foreach (var user in _users.Values.Where(u => u.Kind is Kind.Student or Kind.Guardian))
            {
                foreach (var agent in user.Row["agentSourcedIds"].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!_users.TryGetValue(agent, out var other))
                    {
                        Error(user.Row, "agentSourcedIds", agent, Message("Ref.Unknown", "agentSourcedIds", agent, "users.csv"));
                        continue;
                    }
                    var (student, guardian) = user.Kind == Kind.Student ? (user, other) : (other, user);
                    if (student.Kind != Kind.Student || guardian.Kind != Kind.Guardian)
                    {
                        // Links between students and other kinds of user (a teacher as an agent) carry nothing Qedu keeps.
                        if (user.Kind == Kind.Guardian && other.Kind is Kind.Staff or Kind.Guardian)
                        {
                            Error(user.Row, "agentSourcedIds", agent, Message("Guardian.NotStudent", agent));
                        }
                        continue;
                    }
                    if (!student.Links.Contains(guardian))
                    {
                        student.Links.Add(guardian);
                    }
                }
            }
        }

        /// <summary>The OneRoster 1.2 role vocabulary: what Qedu keeps each as, and whether the value is known at all.</summary>
        private static (Kind Kind, bool Known) Classify(string role) => role.ToLowerInvariant() switch
        {
            "student" => (Kind.Student, true),
            "guardian" or "parent" or "relative" => (Kind.Guardian, true),
            "teacher" or "administrator" or "siteadministrator" or "principal" or "aide" or "counselor" or "proctor" => (Kind.Staff, true),
            // Accounts above the school (a district's or the system's) are not school staff: Qedu keeps no record of them.
            "districtadministrator" or "systemadministrator" or "student.aide" => (Kind.Skipped, true),
            _ => (Kind.Skipped, false),
        };

        /// <summary>
        /// 学籍号 or 教职工号: from userIds ({studentNumber:…} / {staffNumber:…}, as Qedu's export writes), else identifier,
        /// else username. A masked value (an export without pii.view) cannot identify anyone and is refused.
        /// </summary>
        private string? Number(User user)
        {
            var type = user.Kind == Kind.Student ? "studentNumber" : "staffNumber";
            var (value, column) = UserId(user.Row["userIds"], type) is { } fromIds ? (fromIds, "userIds")
                : user.Row["identifier"].Length > 0 ? (user.Row["identifier"], "identifier")
                : (user.Row["username"], "username");
            if (value.Length == 0)
            {
                var field = user.Kind == Kind.Student ? RecordDefinitions.Students.StudentNumber : RecordDefinitions.Staff.StaffNumber;
                Error(user.Row, "identifier", null, Message("User.NoNumber", user.Id, field.Header(_context.English)));
                return null;
            }
            if (value.Contains('*', StringComparison.Ordinal))
            {
                Error(user.Row, column, value, Message("User.Masked", value));
                return null;
            }
            user.NumberColumn = column;
            return value;
        }

        private static string? UserId(string userIds, string type)
        {
            foreach (Match m in UserIdPattern().Matches(userIds))
            {
                if (m.Groups[1].Value.Trim().Equals(type, StringComparison.OrdinalIgnoreCase))
                {
                    return m.Groups[2].Value.Trim();
                }
            }
            return null;
        }

        [GeneratedRegex(@"\{([^:{}]+):([^{}]*)\}")]
        private static partial Regex UserIdPattern();

        private async Task LoadClassesAsync(CancellationToken ct)
        {
            var schoolIds = _orgs.Values.OfType<School>().Select(s => s.Id).Distinct().ToList();
            var stored = await Db.Classes.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(c => schoolIds.Contains(c.OrgUnitId)).ToListAsync(ct);
            _storedClasses = stored.ToDictionary(c => (c.OrgUnitId, c.Code), c => new ExistingClass(c.Id, c.EntryYear, c));
            var teachers = stored.Select(c => c.HeadTeacherId).OfType<long>().Distinct().ToList();
            _storedTeachers = await Db.Staff.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(s => teachers.Contains(s.Id))
                .ToDictionaryAsync(s => s.Id, s => s.StaffNumber, ct);
        }

        private Dictionary<(int, string), ExistingClass> _storedClasses = [];

        /// <summary>Staff numbers of the stored classes' head teachers, by staff id.</summary>
        private Dictionary<long, string> _storedTeachers = [];

        /// <summary>A class row: its school, its code (classCode, else sourcedId), and whether Qedu has it already.</summary>
        private void ClassRow(BundleRow row)
        {
            var school = SchoolOf(row, "schoolSourcedId");
            if (school is null)
            {
                return;
            }
            var plan = new ClassPlan(row, school) { Code = row["classCode"].Length > 0 ? row["classCode"] : row["sourcedId"] };
            _classes[row["sourcedId"]] = plan;
            if (_classCodes.TryGetValue((school.Id, plan.Code), out var first))
            {
                Error(row, "classCode", plan.Code, Message("Duplicate.Key", RecordDefinitions.Classes.Code.Header(_context.English), plan.Code,
                    "classes.csv", first.Row.Number));
                return;
            }
            _classCodes[(school.Id, plan.Code)] = plan;
            plan.Existing = _storedClasses.GetValueOrDefault((school.Id, plan.Code));
        }

        /// <summary>Teachers marked primary are head teachers; a student's one open enrolment is their class.</summary>
        private void Enrollments()
        {
            var today = _context.Today;
            foreach (var row in Rows("enrollments.csv"))
            {
                var role = row["role"].ToLowerInvariant();
                if (role is not ("student" or "teacher"))
                {
                    continue; // administrators and proctors of a class: Qedu keeps no such link
                }
                if (DateOnly.TryParseExact(row["endDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) && end < today)
                {
                    continue; // a closed enrolment: history Qedu does not rewrite from a bundle
                }
                var classId = row["classSourcedId"];
                var userId = row["userSourcedId"];
                var known = true;
                if (!_classes.TryGetValue(classId, out var plan))
                {
                    if (Table("classes.csv")?.Rows.Any(r => r["sourcedId"] == classId) != true)
                    {
                        Error(row, "classSourcedId", classId, Message("Ref.Unknown", "classSourcedId", classId, "classes.csv"));
                    }
                    known = false;
                }
                if (!_users.TryGetValue(userId, out var user))
                {
                    Error(row, "userSourcedId", userId, Message("Ref.Unknown", "userSourcedId", userId, "users.csv"));
                    continue;
                }
                var expected = role == "student" ? Kind.Student : Kind.Staff;
                if (user.Kind != expected)
                {
                    if (user.Role.Length > 0 && Classify(user.Role).Known)
                    {
                        Error(row, "role", row["role"], Message("Enrollment.Role", row["role"], userId, user.Role));
                    }
                    continue;
                }
                if (!known || plan is null)
                {
                    continue;
                }
                if (role == "teacher")
                {
                    if (!row["primary"].Equals("true", StringComparison.OrdinalIgnoreCase))
                    {
                        continue; // subject teachers: Qedu records only the head teacher (班主任)
                    }
                    if (plan.HeadTeacher is not null && plan.HeadTeacher != user)
                    {
                        Error(row, "userSourcedId", userId, Message("Class.HeadTeachers", plan.Code));
                        continue;
                    }
                    plan.HeadTeacher = user;
                    continue;
                }
                if (user.Class is not null && user.Class != plan)
                {
                    Error(row, "classSourcedId", classId, Message("Enrollment.Classes", userId));
                    continue;
                }
                if (user.School is not null && plan.School.Id != user.School.Id)
                {
                    Error(row, "classSourcedId", classId, Message("Enrollment.ClassSchool", plan.Code, plan.School.Code, user.School.Code));
                    continue;
                }
                user.Class = plan;
                user.Enrollment = row;
            }
        }

        /// <summary>A record's text cells (one per field) with where each came from.</summary>
        private sealed class Cells(IRecordDefinition definition)
        {
            public string?[] Values { get; } = new string?[definition.Fields.Count];
            public Source?[] Sources { get; } = new Source?[definition.Fields.Count];

            /// <summary>Sets the field from a bundle cell, unless the cell is empty (an empty OneRoster cell never erases a stored value).</summary>
            public void Set(RecordField field, BundleRow row, string column, string? value = null)
            {
                value ??= row[column];
                if (value.Length > 0)
                {
                    Values[field.Index] = value;
                    Sources[field.Index] = new Source(row, column);
                }
            }

            /// <summary>
            /// Fields Qedu has and OneRoster has not, from <c>metadata.qedu.&lt;key&gt;</c> columns. Never personal data
            /// (resident IDs…), never the fields the standard columns carry.
            /// </summary>
            public void Metadata(BundleRow row, HashSet<RecordField> standard)
            {
                foreach (var field in definition.Fields.Where(f => f.Personal == PersonalKind.None && !f.Informational && !standard.Contains(f)))
                {
                    var column = MetadataPrefix + field.Key;
                    if (row.Table.Has(column))
                    {
                        Set(field, row, column);
                    }
                }
            }
        }

        private T? ReadRecord<T>(RecordDefinition<T> definition, Cells cells, BundleRow fallback)
            where T : SchoolRecord
        {
            var reader = new FieldReader(_context);
            reader.Start(cells.Values);
            var record = definition.Read(reader);
            foreach (var error in reader.Errors)
            {
                var source = error.Field is { } f ? cells.Sources[f.Index] : null;
                var row = source?.Row ?? fallback;
                Error(row.Table.Name, row.Number, source?.Column ?? error.Field?.Header(_context.English), error.Field?.Key, error.Value, error.Message);
            }
            return record;
        }

        /// <summary>Name as Chinese writes it (family name first), or given then family name for names in Latin letters.</summary>
        private static string Name(BundleRow row)
        {
            var (given, family) = (row["givenName"], row["familyName"]);
            return given.Any(c => c >= '\u2E80') || family.Any(c => c >= '\u2E80') ? family + given : $"{given} {family}".Trim();
        }

        private const string NameColumn = "familyName,givenName";

        /// <summary>demographics.csv sex to GB/T 2261.1; null when it says nothing (then a stored gender stands).</summary>
        private string? Gender(User user)
        {
            var row = user.Demographics;
            var sex = row?["sex"].ToLowerInvariant() ?? "";
            switch (sex)
            {
                case "male":
                    return "1";
                case "female":
                    return "2";
                case "" or "unspecified" or "other":
                    return null;
                default:
                    Error(row!, "sex", row!["sex"], Message("Demographics.Sex", row["sex"]));
                    return null;
            }
        }

        /// <summary>Each staff user as a staff record, over the stored one when the 教职工号 is known.</summary>
        private async Task StaffAsync(CancellationToken ct)
        {
            var users = _users.Values.Where(u => u.Kind == Kind.Staff && u.School is not null && u.Number is not null).ToList();
            var numbers = users.Select(u => u.Number!).Distinct().ToList();
            // Head teachers the bundle names by a stored class are looked up too (a class's teacher must be staff somewhere).
            _dbStaff = (await Db.Staff.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(s => numbers.Contains(s.StaffNumber)).ToListAsync(ct))
                .ToDictionary(s => s.StaffNumber, StringComparer.Ordinal);
            var writable = await WritableAsync(_dbStaff.Values.Select(s => s.OrgUnitId), ct);
            var schoolCodes = await SchoolCodesAsync(_dbStaff.Values.Select(s => s.OrgUnitId), ct);
            var definition = RecordDefinitions.Staff;
            var standard = new HashSet<RecordField> { definition.School, definition.StaffNumber, definition.Name, definition.Gender, definition.BirthDate, definition.Phone };
            var seen = new Dictionary<string, User>(StringComparer.Ordinal);
            foreach (var user in users)
            {
                var number = user.Number!;
                if (seen.TryGetValue(number, out var first))
                {
                    Error(user.Row, user.NumberColumn, number, Message("Duplicate.Key", definition.StaffNumber.Header(_context.English), number, "users.csv", first.Row.Number));
                    continue;
                }
                seen[number] = user;
                var stored = _dbStaff.GetValueOrDefault(number);
                if (stored is not null && !writable.Contains(stored.OrgUnitId))
                {
                    Error(user.Row, user.NumberColumn, number, Message("Existing.OutOfScope", definition.StaffNumber.Header(_context.English), number));
                    continue;
                }
                var cells = new Cells(definition);
                if (stored is not null)
                {
                    definition.Write(RecordMapping.FromStaff(stored, schoolCodes[stored.OrgUnitId]), cells.Values);
                }
                cells.Metadata(user.Row, standard);
                cells.Set(definition.School, user.Row, "primaryOrgSourcedId", user.School!.Code);
                cells.Set(definition.StaffNumber, user.Row, user.NumberColumn, number);
                cells.Set(definition.Name, user.Row, NameColumn, Name(user.Row));
                cells.Set(definition.Phone, user.Row, "phone");
                if (user.Demographics is { } demographics)
                {
                    cells.Set(definition.Gender, demographics, "sex", Gender(user) ?? (stored is null ? "9" : ""));
                    cells.Set(definition.BirthDate, demographics, "birthDate");
                }
                // The post: the stored one while it still reads as this role, else the role's usual post.
                var role = ExportRole(user.Role);
                var metadataPost = user.Row.Table.Has(MetadataPrefix + definition.Post.Key) && user.Row[MetadataPrefix + definition.Post.Key].Length > 0;
                if (!metadataPost && (stored is null || ExportRole(stored.PostCode switch { "1" => "teacher", "2" => "siteAdministrator", _ => "aide" }) != role))
                {
                    cells.Set(definition.Post, user.RoleRow ?? user.Row, "role", role switch { "teacher" => "1", "siteAdministrator" => "2", _ => "3" });
                }
                if (cells.Values[definition.Employment.Index] is null)
                {
                    // 用人形式 has no OneRoster column and no default: a missing one is reported against the extension column that carries it.
                    cells.Sources[definition.Employment.Index] = new Source(user.Row, MetadataPrefix + definition.Employment.Key);
                }
                if (cells.Values[definition.Phone.Index] is { } phone && phone.Contains('*', StringComparison.Ordinal))
                {
                    Error(user.Row, "phone", phone, Message("User.Masked", phone));
                    continue;
                }
                if (ReadRecord(definition, cells, user.Row) is { } record)
                {
                    _staff.Add(new StaffPlan(record, user.School.Id, stored));
                }
            }
        }

        /// <summary>The role as Qedu's export writes it (teacher, siteAdministrator or aide).</summary>
        private static string ExportRole(string role) => role.ToLowerInvariant() switch
        {
            "teacher" => "teacher",
            "administrator" or "siteadministrator" or "principal" => "siteAdministrator",
            _ => "aide",
        };

        /// <summary>Each class as a class record, over the stored one when the school has the code already.</summary>
        private void Classes()
        {
            var definition = RecordDefinitions.Classes;
            var standard = new HashSet<RecordField> { definition.School, definition.Code, definition.Name, definition.Grade, definition.HeadTeacher };
            var staffByUser = _staff.ToDictionary(s => s.Record.StaffNumber, StringComparer.Ordinal);
            foreach (var plan in _classes.Values.Where(p => _classCodes.GetValueOrDefault((p.School.Id, p.Code)) == p))
            {
                var row = plan.Row;
                var cells = new Cells(definition);
                if (plan.Existing is { } stored)
                {
                    var teacher = stored.Entity.HeadTeacherId is long t ? _storedTeachers.GetValueOrDefault(t) : null;
                    definition.Write(RecordMapping.FromClass(stored.Entity, plan.School.Code, teacher), cells.Values);
                    // A head teacher the bundle does not name stays only if the bundle has no say (no enrollments file).
                    if (Table("enrollments.csv") is not null)
                    {
                        cells.Values[definition.HeadTeacher.Index] = null;
                    }
                }
                cells.Metadata(row, standard);
                cells.Set(definition.School, row, "schoolSourcedId", plan.School.Code);
                cells.Set(definition.Code, row, row["classCode"].Length > 0 ? "classCode" : "sourcedId", plan.Code);
                cells.Set(definition.Name, row, "title");
                var grades = row["grades"];
                if (grades.Contains(',', StringComparison.Ordinal))
                {
                    Error(row, "grades", grades, Message("Class.Grades", grades));
                    continue;
                }
                var grade = Grades.GetValueOrDefault(grades, grades);
                cells.Set(definition.Grade, row, "grades", grade);
                if (cells.Values[definition.EntryYear.Index] is null && Grades.ContainsValue(grade))
                {
                    // The autumn this cohort started its stage: K1, P1, J1 and S1 start one.
                    cells.Set(definition.EntryYear, row, "grades", (_schoolYear - (grade[1] - '1')).ToString(CultureInfo.InvariantCulture));
                }
                if (plan.HeadTeacher is { } head)
                {
                    if (head.Number is null || !staffByUser.TryGetValue(head.Number, out var staff))
                    {
                        continue; // the teacher's own row is already reported
                    }
                    if (staff.School != plan.School.Id)
                    {
                        Error(row, "sourcedId", row["sourcedId"], Message("Class.TeacherSchool", head.Id, plan.School.Code));
                        continue;
                    }
                    cells.Set(definition.HeadTeacher, head.Row, "sourcedId", head.Number);
                }
                plan.Record = ReadRecord(definition, cells, row);
            }
        }

        /// <summary>CEDS grade levels (the binding's vocabulary) to Qedu's grade codes.</summary>
        private static readonly Dictionary<string, string> Grades =
            OneRosterCsv.CedsGrades.ToDictionary(g => g.Value, g => g.Key, StringComparer.OrdinalIgnoreCase);

        /// <summary>Each student as a student record with their class and guardians, over the stored one when the 学籍号 is known.</summary>
        private async Task StudentsAsync(CancellationToken ct)
        {
            var users = _users.Values.Where(u => u.Kind == Kind.Student && u.School is not null && u.Number is not null).ToList();
            var numbers = users.Select(u => u.Number!).Distinct().ToList();
            var stored = (await Db.Students.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).AsNoTracking().Where(s => numbers.Contains(s.StudentNumber)).ToListAsync(ct))
                .ToDictionary(s => s.StudentNumber, StringComparer.Ordinal);
            var ids = stored.Values.Select(s => s.Id).ToList();
            var guardians = (await Db.Guardians.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).AsNoTracking().Where(g => ids.Contains(g.StudentId)).OrderBy(g => g.Id).ToListAsync(ct))
                .ToLookup(g => g.StudentId);
            var open = (await Db.Enrolments.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).AsNoTracking().Where(e => ids.Contains(e.StudentId) && e.To == null).ToListAsync(ct))
                .GroupBy(e => e.StudentId).ToDictionary(g => g.Key, g => g.First());
            var classIds = stored.Values.Select(s => s.ClassId).OfType<long>().Distinct().ToList();
            var classCodes = await Db.Classes.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(c => classIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
            var writable = await WritableAsync(stored.Values.Select(s => s.OrgUnitId), ct);
            var schoolCodes = await SchoolCodesAsync(stored.Values.Select(s => s.OrgUnitId), ct);
            var speaksOfGuardians = _users.Values.Any(u => u.Kind == Kind.Guardian);
            var definition = RecordDefinitions.Students;
            var standard = new HashSet<RecordField>
            {
                definition.School, definition.StudentNumber, definition.Name, definition.Gender, definition.BirthDate, definition.Class, definition.EnrolledOn,
            };
            foreach (var g in definition.Guardians)
            {
                standard.UnionWith([g.Name, g.Relation, g.Phone, g.ResidentId]);
            }
            var seen = new Dictionary<string, User>(StringComparer.Ordinal);
            foreach (var user in users)
            {
                var number = user.Number!;
                if (seen.TryGetValue(number, out var first))
                {
                    Error(user.Row, user.NumberColumn, number, Message("Duplicate.Key", definition.StudentNumber.Header(_context.English), number, "users.csv", first.Row.Number));
                    continue;
                }
                seen[number] = user;
                var existing = stored.GetValueOrDefault(number);
                if (existing is not null && !writable.Contains(existing.OrgUnitId))
                {
                    Error(user.Row, user.NumberColumn, number, Message("Existing.OutOfScope", definition.StudentNumber.Header(_context.English), number));
                    continue;
                }
                var cells = new Cells(definition);
                var storedGuardians = existing is null ? [] : guardians[existing.Id].ToList();
                if (existing is not null)
                {
                    var classCode = existing.ClassId is long c ? classCodes.GetValueOrDefault(c) : null;
                    definition.Write(RecordMapping.FromStudent(existing, schoolCodes[existing.OrgUnitId], classCode, open.GetValueOrDefault(existing.Id), storedGuardians),
                        cells.Values);
                    if (Table("enrollments.csv") is not null || existing.OrgUnitId != user.School!.Id)
                    {
                        // The bundle says where the student is (no enrolment, no class); a class of another school cannot stay.
                        cells.Values[definition.Class.Index] = null;
                    }
                }
                cells.Metadata(user.Row, standard);
                cells.Set(definition.School, user.Row, "primaryOrgSourcedId", user.School!.Code);
                cells.Set(definition.StudentNumber, user.Row, user.NumberColumn, number);
                cells.Set(definition.Name, user.Row, NameColumn, Name(user.Row));
                if (user.Demographics is { } demographics)
                {
                    cells.Set(definition.Gender, demographics, "sex", Gender(user) ?? (existing is null ? "9" : ""));
                    cells.Set(definition.BirthDate, demographics, "birthDate");
                }
                if (user.Class is { } plan)
                {
                    cells.Set(definition.Class, user.Enrollment!, "classSourcedId", plan.Code);
                    cells.Set(definition.EnrolledOn, user.Enrollment!, "beginDate");
                }
                if (speaksOfGuardians && !Guardians(user, cells, storedGuardians))
                {
                    continue;
                }
                if (ReadRecord(definition, cells, user.Row) is { } record)
                {
                    _students.Add(new StudentPlan(record, user.School.Id, existing, speaksOfGuardians));
                }
            }
        }

        /// <summary>
        /// The student's linked guardians into the record's guardian fields, stored ones first in their stored order (the
        /// update pairs them by position), each keeping what OneRoster cannot carry (relation, resident ID) when its name matches.
        /// </summary>
        private bool Guardians(User student, Cells cells, List<Guardian> stored)
        {
            var definition = RecordDefinitions.Students;
            for (var i = 0; i < definition.Guardians.Count; i++)
            {
                var g = definition.Guardians[i];
                cells.Values[g.Name.Index] = cells.Values[g.Relation.Index] = cells.Values[g.Phone.Index] = cells.Values[g.ResidentId.Index] = null;
            }
            if (student.Links.Count > StudentDefinition.MaxGuardians)
            {
                var extra = student.Links[StudentDefinition.MaxGuardians];
                Error(extra.Row, "agentSourcedIds", student.Id, Message("Guardian.TooMany", student.Id, StudentDefinition.MaxGuardians));
                return false;
            }
            var ordered = student.Links
                .Select(u => (User: u, Stored: stored.FirstOrDefault(s => s.Name == Name(u.Row))))
                .OrderBy(x => x.Stored is null ? int.MaxValue : stored.IndexOf(x.Stored))
                .ToList();
            var ok = true;
            for (var i = 0; i < ordered.Count; i++)
            {
                var (user, match) = ordered[i];
                var fields = definition.Guardians[i];
                cells.Set(fields.Name, user.Row, NameColumn, Name(user.Row));
                var phoneColumn = user.Row["phone"].Length > 0 ? "phone" : "sms";
                if (user.Row[phoneColumn].Contains('*', StringComparison.Ordinal))
                {
                    Error(user.Row, phoneColumn, user.Row[phoneColumn], Message("User.Masked", user.Row[phoneColumn]));
                    ok = false;
                }
                cells.Set(fields.Phone, user.Row, phoneColumn);
                if (match is not null)
                {
                    cells.Values[fields.Relation.Index] = match.RelationCode;
                    cells.Values[fields.ResidentId.Index] = match.ResidentId;
                    cells.Values[fields.Phone.Index] ??= match.Phone;
                }
                var relation = MetadataPrefix + "relation";
                if (user.Row[relation].Length > 0)
                {
                    cells.Set(fields.Relation, user.Row, relation);
                }
                else if (match is null)
                {
                    // 其他亲属 for a relative, else 其他监护人: OneRoster does not say father or mother.
                    cells.Set(fields.Relation, user.RoleRow ?? user.Row, "role", user.Role.Equals("relative", StringComparison.OrdinalIgnoreCase) ? "40" : "90");
                }
            }
            return ok;
        }

        private async Task<IReadOnlySet<int>> WritableAsync(IEnumerable<int> orgUnits, CancellationToken ct) =>
            await owner._tree.WithinScopeAsync(owner._access.Current, Permissions.RegistryWrite, orgUnits.Distinct().ToList(), ct);

        private async Task<Dictionary<int, string>> SchoolCodesAsync(IEnumerable<int> orgUnits, CancellationToken ct)
        {
            return (await owner._tree.CodesOfAsync(orgUnits, ct)).ToDictionary();
        }

        // ---- pass 2: write -----------------------------------------------------------------------------------------

        private async Task<IReadOnlyDictionary<string, long>> WriteAsync(CancellationToken ct)
        {
            var written = new Dictionary<string, long>(StringComparer.Ordinal);
            void Count(string key, long n) => written[key] = written.GetValueOrDefault(key) + n;

            await using var transaction = await Db.Database.BeginTransactionAsync(ct);
            await using var session = await owner._bulk.BeginAsync(ct);

            // Staff first (classes name their head teacher), then classes (students name their class).
            var staffIds = new Dictionary<string, long>(StringComparer.Ordinal);
            var newStaff = _staff.Where(p => p.Existing is null).Select(p => RecordMapping.ToStaff(p.Record, p.School)).ToList();
            await session.InsertAsync(newStaff, ct);
            foreach (var s in newStaff)
            {
                staffIds[s.StaffNumber] = s.Id;
            }
            var updates = _staff.Where(p => p.Existing is not null).ToDictionary(p => p.Existing!.Id);
            var updateIds = updates.Keys.ToList();
            foreach (var entity in await Db.Staff.Where(s => updateIds.Contains(s.Id)).ToListAsync(ct))
            {
                var p = updates[entity.Id];
                var v = RecordMapping.ToStaff(p.Record, p.School);
                (entity.OrgUnitId, entity.Name, entity.GenderCode, entity.ResidentId, entity.BirthDate, entity.QualificationCode, entity.TitleCode) =
                    (v.OrgUnitId, v.Name, v.GenderCode, v.ResidentId, v.BirthDate, v.QualificationCode, v.TitleCode);
                (entity.Subjects, entity.PostCode, entity.EmploymentTypeCode, entity.HiredOn, entity.Phone) =
                    (v.Subjects, v.PostCode, v.EmploymentTypeCode, v.HiredOn, v.Phone);
                staffIds[entity.StaffNumber] = entity.Id;
            }
            await Db.SaveChangesAsync(ct);
            Count("staff.created", newStaff.Count);
            Count("staff.updated", updates.Count);

            var storedTeachers = _storedTeachers.ToDictionary(t => t.Value, t => t.Key, StringComparer.Ordinal);
            long? Teacher(string? number) => number is null ? null : staffIds.TryGetValue(number, out var id) ? id : storedTeachers[number];
            var plans = _classes.Values.Where(p => p.Record is not null).ToList();
            var newClasses = plans.Where(p => p.Existing is null).Select(p => (Plan: p, Entity: RecordMapping.ToClass(p.Record!, p.School.Id, Teacher(p.Record!.HeadTeacherNumber)))).ToList();
            await session.InsertAsync(newClasses.Select(c => c.Entity).ToList(), ct);
            var classIds = new Dictionary<(int, string), (long Id, int EntryYear)>();
            foreach (var (plan, entity) in newClasses)
            {
                classIds[(plan.School.Id, plan.Code)] = (entity.Id, entity.EntryYear);
            }
            var classUpdates = plans.Where(p => p.Existing is not null).ToDictionary(p => p.Existing!.Id);
            var classUpdateIds = classUpdates.Keys.ToList();
            foreach (var entity in await Db.Classes.Where(c => classUpdateIds.Contains(c.Id)).ToListAsync(ct))
            {
                var r = classUpdates[entity.Id].Record!;
                (entity.Name, entity.GradeCode, entity.EntryYear, entity.HeadTeacherId) = (r.Name, r.GradeCode, r.EntryYear, Teacher(r.HeadTeacherNumber));
                classIds[(entity.OrgUnitId, entity.Code)] = (entity.Id, entity.EntryYear);
            }
            await Db.SaveChangesAsync(ct);
            Count("classes.created", newClasses.Count);
            Count("classes.updated", classUpdates.Count);

            // Classes of students that the bundle does not list again (its enrollments name only its own classes).
            (long? Id, int? EntryYear) Class(int school, string? code) =>
                code is null ? (null, null)
                : classIds.TryGetValue((school, code), out var c) ? (c.Id, c.EntryYear)
                : _storedClasses.TryGetValue((school, code), out var s) ? (s.Id, s.EntryYear)
                : throw new InvalidOperationException($"class {code}");

            var created = _students.Where(p => p.Existing is null).ToList();
            var students = new List<Student>(created.Count);
            var classes = new List<(long? Id, int? EntryYear)>(created.Count);
            foreach (var p in created)
            {
                var c = Class(p.School, p.Record.ClassCode);
                students.Add(RecordMapping.ToStudent(p.Record, p.School, c.Id));
                classes.Add(c);
            }
            await session.InsertAsync(students, ct);
            var enrolments = new List<Enrolment>(students.Count);
            var guardians = new List<Guardian>();
            for (var i = 0; i < students.Count; i++)
            {
                var r = created[i].Record;
                if (students[i].StatusCode == StudentStatuses.Enrolled)
                {
                    var from = r.EnrolledOn ?? (classes[i].EntryYear is int year ? new DateOnly(year, 9, 1) : _context.Today);
                    enrolments.Add(new Enrolment
                    {
                        StudentId = students[i].Id, OrgUnitId = students[i].OrgUnitId, ClassId = classes[i].Id, From = from, EntryReasonCode = r.EntryReasonCode,
                    });
                }
                guardians.AddRange(r.Guardians.Select(g => RecordMapping.ToGuardian(g, students[i])));
            }
            await session.InsertAsync(enrolments, ct);
            await session.InsertAsync(guardians, ct);
            Count("students.created", students.Count);

            var updated = 0;
            foreach (var p in _students.Where(p => p.Existing is not null))
            {
                var values = RecordMapping.ToStudent(p.Record, p.School, Class(p.School, p.Record.ClassCode).Id);
                var given = p.ReplaceGuardians ? p.Record.Guardians.Select(g => RecordMapping.ToGuardian(g, values)).ToList() : null;
                // Through the student commands: a move of class or school closes the open stretch and opens the next.
                var result = await owner._commands.UpdateAsync(p.Existing!.Id, p.Existing.Revision, values, guardians: given, ct: ct);
                if (result.Status != WriteStatus.Done)
                {
                    throw new DbUpdateConcurrencyException(Message("Import.Stale", p.Record.StudentNumber));
                }
                updated++;
            }
            Count("students.updated", updated);
            Count("guardians.created", guardians.Count);

            var details = $"oneroster import {bundleName}: " + string.Join(", ", written.Select(w => $"{w.Key}={w.Value}"));
            await session.CommitAsync("OneRosterImport", details, ct);
            await transaction.CommitAsync(ct);
            return written;
        }
    }
}
