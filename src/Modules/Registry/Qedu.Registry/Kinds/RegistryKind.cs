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
    private static readonly HashSet<string> NoReferences = [];

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

    /// <summary>
    /// The exchange shape's references by id (<c>classId</c>) a write body may carry besides the fields: the body reader
    /// leaves them to the kind's write adapter, which resolves them within the record's school.
    /// </summary>
    public virtual IReadOnlySet<string> BodyReferences => NoReferences;

    /// <summary>What the kind's PUT takes, for the API description.</summary>
    public string PutDescription =>
        BodyAliases.Count == 0
            ? "The body takes the import template's keys."
            : "The body takes the import template's keys, or the record exactly as GET gave it (its exchange names such as "
              + string.Join(", ", BodyAliases.Keys.Take(2).Concat(BodyReferences))
              + "; id, revision and masked: false are ignored, masked: true is refused).";
}

/// <summary>A write adapter (a <see cref="SimpleRecordWrites{TEntity}"/>) for its entity, and the words of its route summaries.</summary>
internal sealed record RecordWriteRoute(Type Writes, Type Entity, string What, string Key);

/// <summary>Every kind of registry record, in the order the change feed lists them.</summary>
internal static class RegistryKinds
{
    public static readonly IReadOnlyList<RegistryKind> All =
    [
        CampusKind.Instance,
        StaffKind.Instance,
        AssetKind.Instance,
        ClassKind.Instance,
        TeachingAssignmentKind.Instance,
        StudentKind.Instance,
        GuardianKind.Instance,
        EnrolmentKind.Instance,
    ];

    private static readonly Dictionary<string, RegistryKind> ByUrl = All.ToDictionary(k => k.UrlName, StringComparer.OrdinalIgnoreCase);

    /// <summary>The kind named by a URL segment (any case), or null.</summary>
    public static RegistryKind? Find(string urlName) => ByUrl.GetValueOrDefault(urlName);
}
