namespace Qedu.Kernel.Access;

/// <summary>
/// Data that belongs to an org unit. Every entity that implements it is filtered by the caller's scope on every query
/// and checked on every write, by the kernel, in one place (<see cref="ScopeFilter"/> and <see cref="ScopeWriteGuard"/>).
/// </summary>
public interface IOrgScoped
{
    int OrgUnitId { get; }
}

/// <summary>Implemented by every module DbContext so the scope filter can read the current caller's scope.</summary>
public interface IScopedDbContext
{
    /// <summary>True for the system (command line, background jobs): no filter.</summary>
    bool ScopeIsUnrestricted { get; }

    /// <summary>The org units whose subtrees the caller may read.</summary>
    List<int> ScopeRoots { get; }

    AccessContext Access { get; }
}
