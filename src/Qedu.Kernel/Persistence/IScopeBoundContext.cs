using Qedu.Kernel.Access;

namespace Qedu.Kernel.Persistence;

/// <summary>
/// A DbContext taken from its pool (<see cref="ModuleDbServiceCollectionExtensions.AddModuleDb{TBase,TSqlite,TPostgres}"/>)
/// and bound to the scope that took it: who calls (the scope filter and the audit lines read it), and any other of the
/// scope's services the context needs. A pooled context is built once and reused, so it cannot take these in its
/// constructor; it is bound each time it is taken, before any use.
/// </summary>
public interface IScopeBoundContext
{
    void BindToScope(IServiceProvider scope);
}

/// <summary>The caller a pooled context is bound to, shared by the module contexts and the kernel's own.</summary>
internal struct ScopeBinding
{
    private ICurrentAccess? _access;

    public void Bind(IServiceProvider scope) =>
        _access = (ICurrentAccess?)scope.GetService(typeof(ICurrentAccess))
            ?? throw new InvalidOperationException("The scope has no ICurrentAccess to bind a context to.");

    public readonly AccessContext Current =>
        (_access ?? throw new InvalidOperationException("This context was not bound to a scope (take it through the scope, not the pool's factory).")).Current;
}
