using System.Globalization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Files;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Import;
using Qedu.Registry.Kinds;
using Qedu.Registry.Records;
using Qedu.Registry.Writes;

namespace Qedu.Registry.Features.OneRoster;

/// <summary>
/// One OneRoster import as its passes share it (<see cref="OneRosterReader"/>, <see cref="OneRosterChecks"/>,
/// <see cref="OneRosterRecordChecks"/>, <see cref="OneRosterWriter"/>): the services they use, the bundle's tables, the
/// problems found so far, and the plan the checks build for the write.
/// </summary>
internal sealed class OneRosterImportRun(RegistryDb db, OrgTree tree, ICurrentAccess access, StudentCommands commands, RegistryBulkWriter bulk,
    RecordContext context, int maxErrors, string bundleName, bool dryRun)
{
    private readonly List<ImportError> _errors = [];

    public RegistryDb Db => db;
    public OrgTree Tree => tree;
    public ICurrentAccess Access => access;
    public StudentCommands Commands => commands;
    public RegistryBulkWriter Bulk => bulk;
    public RecordContext Context => context;
    public string BundleName => bundleName;
    public bool DryRun => dryRun;

    /// <summary>Problems found, including those beyond the report's limit.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>The bundle's files by name, and the order they were read in (the report's order).</summary>
    public Dictionary<string, BundleTable> Tables { get; } = new(StringComparer.Ordinal);
    public List<string> Order { get; } = [];

    // The plan the checks build and the write carries out.
    public Dictionary<string, School?> Orgs { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, User> Users { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ClassPlan> Classes { get; } = new(StringComparer.Ordinal);
    public List<StaffPlan> Staff { get; } = [];
    public List<StudentPlan> Students { get; } = [];
    public Dictionary<(int School, string Code), ClassPlan> ClassCodes { get; } = [];
    public Dictionary<string, Staff> DbStaff { get; set; } = new(StringComparer.Ordinal);
    public int SchoolYear { get; set; }
    public Dictionary<(int, string), ExistingClass> StoredClasses { get; set; } = [];

    /// <summary>Staff numbers of the stored classes' head teachers, by staff id.</summary>
    public Dictionary<long, string> StoredTeachers { get; set; } = [];

    public static string Message(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentUICulture, OneRosterText.Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key, args);

    public void Error(string file, int row, string? column, string? field, string? value, string message)
    {
        ErrorCount++;
        if (_errors.Count < maxErrors)
        {
            _errors.Add(new ImportError(file, row, column, field, ReportValue.CutOrNull(value), message));
        }
    }

    public void Error(BundleRow row, string? column, string? value, string message) =>
        Error(row.Table.Name, row.Number, column, null, value, message);

    public OneRosterImportResult Result(bool ok, IReadOnlyDictionary<string, long> written, bool failed = false)
    {
        var order = Order.Prepend(bundleName).ToList();
        var report = new ImportReport(
            ok,
            dryRun,
            Order.Select(f => new ImportFileSummary(f, "oneroster", Tables[f].Rows.Count)).ToList(),
            written,
            ErrorCount,
            ErrorCount > _errors.Count,
            _errors.Select((e, i) => (e, i))
                .OrderBy(x => order.IndexOf(x.e.File) is var k and >= 0 ? k : int.MaxValue).ThenBy(x => x.e.Row).ThenBy(x => x.i)
                .Select(x => x.e).ToList());
        return new OneRosterImportResult(report, failed);
    }

    public BundleTable? Table(string name) => Tables.GetValueOrDefault(name);

    public List<BundleRow> Rows(string name) => Table(name)?.Rows ?? [];

    /// <summary>Rows by sourcedId (or another key column), reporting repeats.</summary>
    public Dictionary<string, BundleRow> Index(string name, string column = "sourcedId")
    {
        var index = new Dictionary<string, BundleRow>(StringComparer.Ordinal);
        foreach (var row in Rows(name))
        {
            var id = row[column];
            if (id.Length == 0)
            {
                Error(row, column, null, string.Format(CultureInfo.CurrentUICulture, Context.KernelText["Field.Required"], column));
            }
            else if (!index.TryAdd(id, row))
            {
                Error(row, column, id, Message("Row.DuplicateId", id, index[id].Number));
            }
        }
        return index;
    }
}

/// <summary>What a user of the bundle becomes in Qedu.</summary>
internal enum UserKind
{
    Student,
    Guardian,
    Staff,
    Skipped,
}

/// <summary>A school of the bundle's orgs, as Qedu knows it.</summary>
internal sealed record School(int Id, string Code);

/// <summary>A user of the bundle (users.csv) with what the checks found: role, kind, school, number, class.</summary>
internal sealed class User(BundleRow row, string id)
{
    public BundleRow Row { get; } = row;
    public string Id { get; } = id;
    public string Role { get; set; } = "";
    public BundleRow? RoleRow { get; set; }
    public UserKind Kind { get; set; } = UserKind.Skipped;
    public School? School { get; set; }
    public string? Number { get; set; }

    /// <summary>The users.csv column the number came from (userIds, identifier or username).</summary>
    public string NumberColumn { get; set; } = "identifier";
    public BundleRow? Demographics { get; set; }
    public ClassPlan? Class { get; set; }
    public BundleRow? Enrollment { get; set; }
    public List<User> Links { get; } = [];
}

/// <summary>A class Qedu has already, with its entry year.</summary>
internal sealed record ExistingClass(long Id, int EntryYear, SchoolClass Entity);

/// <summary>A class row (classes.csv) and what it becomes: its code, record, stored class and head teacher.</summary>
internal sealed class ClassPlan(BundleRow row, School school)
{
    public BundleRow Row { get; } = row;
    public School School { get; } = school;
    public string Code { get; set; } = "";
    public ClassRecord? Record { get; set; }
    public ExistingClass? Existing { get; set; }
    public User? HeadTeacher { get; set; }
}

/// <summary>A staff member to write: the checked record, the school, and the stored row it updates (if any).</summary>
internal sealed record StaffPlan(StaffRecord Record, int School, Staff? Existing);

/// <summary>A student to write, and whether the bundle names guardians that replace the stored ones.</summary>
internal sealed record StudentPlan(StudentRecord Record, int School, Student? Existing, bool ReplaceGuardians);
