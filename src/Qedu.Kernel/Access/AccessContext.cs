using Qedu.Kernel.OrgUnits;

namespace Qedu.Kernel.Access;

public enum ActorKind
{
    Anonymous,
    User,
    Client,
    System,

    /// <summary>A parent (a member of the public) signed in by phone number: no grants, only their own rows (<see cref="IParentOwned"/>).</summary>
    Parent,
}

/// <summary>
/// What a signed-in person must do before anything else: choose their own password (an administrator set it, or it has
/// aged past the limit), or enrol a second factor their role requires. Until then they hold no grants.
/// </summary>
public enum AccountStep
{
    None,
    ChangePassword,
    EnrolTwoFactor,
}

/// <summary>One grant: a set of permissions over the subtree of one org unit.</summary>
public sealed record Grant(int OrgUnitId, string OrgUnitCode, IReadOnlySet<string> Permissions, string? Role);

/// <summary>
/// Who is calling and what they may see and do. Built once per request (or job) from the caller's role assignments or
/// client binding. The union of the grants' org units is the read scope; a write or a sensitive read also needs a grant
/// carrying the permission whose org unit contains the target.
/// </summary>
public sealed class AccessContext
{
    private AccessContext(ActorKind kind, string? actorId, string? actorName, IReadOnlyList<Grant> grants, AccountStep pendingStep = AccountStep.None,
        string? staffNumber = null)
    {
        StaffNumber = staffNumber;
        Kind = kind;
        PendingStep = pendingStep;
        ActorId = actorId;
        ActorName = actorName;
        Grants = grants;
        ReadRoots = grants.Select(g => g.OrgUnitId).Distinct().ToList();
    }

    public ActorKind Kind { get; }
    public string? ActorId { get; }
    public string? ActorName { get; }
    public IReadOnlyList<Grant> Grants { get; }
    public List<int> ReadRoots { get; }

    /// <summary>The caller's own staff record (教职工号), when their account names one: a teacher's classes follow from it.</summary>
    public string? StaffNumber { get; }

    /// <summary>A step the person must take first (their grants are empty until then).</summary>
    public AccountStep PendingStep { get; }

    public bool IsSystem => Kind == ActorKind.System;
    public bool IsAuthenticated => Kind != ActorKind.Anonymous;

    public static AccessContext System(string name = "system") => new(ActorKind.System, null, name, []);
    public static AccessContext Anonymous { get; } = new(ActorKind.Anonymous, null, null, []);
    public static AccessContext ForUser(Guid userId, string userName, IReadOnlyList<Grant> grants, string? staffNumber = null) =>
        new(ActorKind.User, userId.ToString(), userName, grants, staffNumber: staffNumber);

    /// <summary>A signed-in person who must take <paramref name="step"/> before they may do anything.</summary>
    public static AccessContext Pending(Guid userId, string userName, AccountStep step) =>
        new(ActorKind.User, userId.ToString(), userName, [], step);
    public static AccessContext ForClient(string clientId, IReadOnlyList<Grant> grants) =>
        new(ActorKind.Client, clientId, clientId, grants);

    /// <summary>A parent account: no grant ever; reads and writes only rows that are its own (<see cref="IParentOwned"/>).</summary>
    public static AccessContext ForParent(Guid accountId, string maskedPhone) =>
        new(ActorKind.Parent, accountId.ToString(), $"parent {maskedPhone}", []);

    /// <summary>The parent account calling, or null when the caller is not a parent.</summary>
    public Guid? ParentAccountId => Kind == ActorKind.Parent && Guid.TryParse(ActorId, out var id) ? id : null;

    public bool Has(string permission) => IsSystem || Grants.Any(g => g.Permissions.Contains(permission));

    /// <summary>The org units under which the caller holds <paramref name="permission"/>.</summary>
    public IReadOnlyList<int> RootsFor(string permission) =>
        Grants.Where(g => g.Permissions.Contains(permission)).Select(g => g.OrgUnitId).Distinct().ToList();

    public IEnumerable<string> Roles => Grants.Select(g => g.Role).OfType<string>().Distinct();

    /// <summary>The codes of the caller's scope roots, for the audit log ("*" for the system).</summary>
    public string ScopeDescription => IsSystem ? "*" : string.Join(",", Grants.Select(g => g.OrgUnitCode).Distinct());
}

/// <summary>The access context of the current request or job.</summary>
public interface ICurrentAccess
{
    AccessContext Current { get; }
}

/// <summary>A fixed access context: the system in the command line and background jobs, or one built by a test.</summary>
public sealed class FixedAccess(AccessContext context) : ICurrentAccess
{
    public AccessContext Current { get; } = context;
}
