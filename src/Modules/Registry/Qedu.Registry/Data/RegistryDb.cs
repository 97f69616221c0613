using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Persistence;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Data;

/// <summary>The registry's own data, in its own schema ("registry") or table prefix.</summary>
internal abstract class RegistryDb(DbContextOptions options, ICurrentAccess access) : DbContext(options), IScopedDbContext
{
    public const string Module = "registry";

    public DbSet<SchoolProfile> SchoolProfiles => Set<SchoolProfile>();

    public AccessContext Access => access.Current;
    public bool ScopeIsUnrestricted => access.Current.IsSystem;
    public List<int> ScopeRoots => access.Current.ReadRoots;

    protected abstract bool IsPostgres { get; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModuleModel.ConfigureConventions(configurationBuilder, IsPostgres);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<SchoolProfile>(b =>
        {
            b.ToTable("school_profiles");
            b.HasIndex(p => p.OrgUnitId).IsUnique();
            b.Property(p => p.Address).HasMaxLength(300);
            b.Property(p => p.Phone).HasMaxLength(40);
            b.Property(p => p.Website).HasMaxLength(200);
        });

        ModuleModel.MapSharedKernelTables(builder, IsPostgres, owned: false);
        ScopeFilter.Apply(builder, this);
        ModuleModel.ApplyModuleNaming(builder, Module, IsPostgres);
    }
}

internal sealed class RegistryDbSqlite(DbContextOptions<RegistryDbSqlite> options, ICurrentAccess access) : RegistryDb(options, access)
{
    protected override bool IsPostgres => false;
}

internal sealed class RegistryDbPostgres(DbContextOptions<RegistryDbPostgres> options, ICurrentAccess access) : RegistryDb(options, access)
{
    protected override bool IsPostgres => true;
}
