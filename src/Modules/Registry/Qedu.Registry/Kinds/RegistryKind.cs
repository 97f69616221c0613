using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;
using Qedu.Registry.Records;
using Qedu.Registry.Writes;

namespace Qedu.Registry.Kinds;

/// <summary>
/// One kind of registry record, described once: its name in URLs, its exchange shape (what GET, the change feed and
/// the mirror carry, and the entity behind it), its field table (the import template's columns and the write API's body
/// keys), and the write adapter the shared write endpoints serve. The module's lists (the feed's kinds, the read and
/// write routes, the kinds holding personal data) derive from <see cref="RegistryKinds.All"/>.
/// </summary>
internal abstract class RegistryKind
{
    private static readonly Dictionary<string, string> NoAliases = [];

    /// <summary>The kind's segment in <c>/api/registry/{UrlName}</c>.</summary>
    public abstract string UrlName { get; }

    public abstract ExchangeKind Exchange { get; }

    /// <summary>The entity's class name, as the change feed and the audit log name it.</summary>
    public string EntityType => Exchange.EntityType;

    public bool HasPersonalData => Exchange.HasPersonalData;

    /// <summary>The field table of files and write bodies; null for kinds that are neither imported nor written alone.</summary>
    public virtual IRecordDefinition? Fields => null;

    /// <summary>The write routes the shared write endpoints serve for this kind; null when it has none or its own.</summary>
    public virtual RecordWriteRoute? Writes => null;

    /// <summary>The exchange shape's names a write body may use instead of the fields' keys (so a GET body can be PUT back).</summary>
    public virtual IReadOnlyDictionary<string, string> BodyAliases => NoAliases;
}

/// <summary>A write adapter (a <see cref="SimpleRecordWrites{TEntity}"/>) for its entity, and the words of its route summaries.</summary>
internal sealed record RecordWriteRoute(Type Writes, Type Entity, string What, string Key);

/// <summary>A kind whose parts still live in the shared files (Records/, Exchange/, Writes/), listed here so the lists derive from one place.</summary>
internal sealed class ListedKind(string urlName, ExchangeKind exchange, IRecordDefinition? fields = null, RecordWriteRoute? writes = null,
    IReadOnlyDictionary<string, string>? aliases = null) : RegistryKind
{
    public override string UrlName => urlName;
    public override ExchangeKind Exchange => exchange;
    public override IRecordDefinition? Fields => fields;
    public override RecordWriteRoute? Writes => writes;
    public override IReadOnlyDictionary<string, string> BodyAliases => aliases ?? base.BodyAliases;
}

/// <summary>Every kind of registry record, in the order the change feed lists them.</summary>
internal static class RegistryKinds
{
    public static readonly IReadOnlyList<RegistryKind> All =
    [
        new ListedKind("campuses", new ExchangeKind<Campus, CampusData>((x, org, _) => ExchangeMapping.ToData(x, org), ExchangeMapping.ToEntity, personal: false)),
        StaffKind.Instance,
        AssetKind.Instance,
        new ListedKind("classes", new ExchangeKind<SchoolClass, SchoolClassData>((x, org, _) => ExchangeMapping.ToData(x, org), ExchangeMapping.ToEntity, personal: false),
            RecordDefinitions.Classes, new(typeof(ClassWrites), typeof(SchoolClass), "a class", "school code and class code")),
        new ListedKind("teaching-assignments",
            new ExchangeKind<TeachingAssignment, TeachingAssignmentData>((x, org, _) => ExchangeMapping.ToData(x, org), ExchangeMapping.ToEntity, personal: false),
            RecordDefinitions.Teaching),
        // Students have their own read and write endpoints (a move is recorded in the enrolment history).
        new ListedKind("students", new ExchangeKind<Student, StudentData>(ExchangeMapping.ToData, ExchangeMapping.ToEntity, personal: true), RecordDefinitions.Students),
        new ListedKind("guardians", new ExchangeKind<Guardian, GuardianData>(ExchangeMapping.ToData, ExchangeMapping.ToEntity, personal: true)),
        new ListedKind("enrolments", new ExchangeKind<Enrolment, EnrolmentData>((x, org, _) => ExchangeMapping.ToData(x, org), ExchangeMapping.ToEntity, personal: false)),
    ];

    private static readonly Dictionary<string, RegistryKind> ByUrl = All.ToDictionary(k => k.UrlName, StringComparer.OrdinalIgnoreCase);

    /// <summary>The kind named by a URL segment (any case), or null.</summary>
    public static RegistryKind? Find(string urlName) => ByUrl.GetValueOrDefault(urlName);
}
