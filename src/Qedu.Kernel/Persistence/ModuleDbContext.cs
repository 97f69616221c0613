using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;

namespace Qedu.Kernel.Persistence;

/// <summary>
/// The base of every module's DbContext: it exposes the caller's scope to the scope filter, applies the provider
/// conventions, and, after the module has mapped its own entities in <see cref="OnModuleModelCreating"/>, maps the
/// shared kernel tables, applies the scope filter and names the tables after the module. A module cannot forget one of
/// these steps. (The kernel's own context derives from Identity's and does the same steps itself.)
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options, string module) : DbContext(options), IScopedDbContext, IScopeBoundContext
{
    private ScopeBinding _scope;

    public AccessContext Access => _scope.Current;
    public bool ScopeIsUnrestricted => _scope.Current.IsSystem;
    public List<int> ScopeRoots => _scope.Current.ReadRoots;
    public Guid? ScopeParentId => _scope.Current.ParentAccountId;

    public void BindToScope(IServiceProvider scope)
    {
        _scope.Bind(scope);
        OnBound(scope);
    }

    /// <summary>Takes what else the module's context needs from the scope (its field encryption).</summary>
    protected virtual void OnBound(IServiceProvider scope)
    {
    }

    /// <summary>Set by the provider-specific subclass that carries the migrations.</summary>
    protected abstract bool IsPostgres { get; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModuleModel.ConfigureConventions(configurationBuilder, IsPostgres);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        OnModuleModelCreating(modelBuilder, IsPostgres);
        ModuleModel.MapSharedKernelTables(modelBuilder, IsPostgres, owned: false);
        ScopeFilter.Apply(modelBuilder, this);
        ModuleModel.ApplyModuleNaming(modelBuilder, module, IsPostgres);
    }

    /// <summary>The module's own entities.</summary>
    protected abstract void OnModuleModelCreating(ModelBuilder builder, bool isPostgres);
}
