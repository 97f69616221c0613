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

    /// <summary>The parent account calling (rows of <see cref="IParentOwned"/> with this account are theirs), or null.</summary>
    Guid? ScopeParentId { get; }
}

/// <summary>
/// Data a parent owns as well as an org unit (an enrolment application): besides the staff whose scope holds its org
/// unit, the parent account it names reads it and may write it, and no other parent. Filtered and guarded by the kernel
/// like <see cref="IOrgScoped"/> (<see cref="ScopeFilter"/>, <see cref="ScopeWriteGuard"/>).
/// </summary>
public interface IParentOwned : IOrgScoped
{
    Guid ParentAccountId { get; }
}
