using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Tests.Support;

namespace Qedu.Kernel.Tests.Persistence;

public class MigrationTests
{
    /// <summary>Every module context the host registers, each with its provider subclasses.</summary>
    public static TheoryData<string, string> ModuleContexts()
    {
        using var services = KernelHost.Build(DatabaseSettings.Parse("unused.db", Path.GetTempPath()));
        var data = new TheoryData<string, string>();
        foreach (var module in services.GetServices<ModuleDbRegistration>().OrderBy(m => m.Order))
        {
            foreach (var type in ProviderContexts(module.ContextType))
            {
                data.Add(module.Module, type.AssemblyQualifiedName!);
            }
        }
        return data;
    }

    private static List<Type> ProviderContexts(Type baseType) =>
        baseType.Assembly.GetTypes().Where(t => !t.IsAbstract && baseType.IsAssignableFrom(t)).OrderBy(t => t.Name).ToList();

    /// <summary>A context as EF Core's design-time tools create it (the module's own factory), without opening a connection.</summary>
    private static DbContext DesignTimeContext(Type contextType)
    {
        var factoryInterface = typeof(IDesignTimeDbContextFactory<>).MakeGenericType(contextType);
        var factory = contextType.Assembly.GetTypes().Single(t => factoryInterface.IsAssignableFrom(t));
        return (DbContext)factoryInterface.GetMethod(nameof(IDesignTimeDbContextFactory<KernelDbSqlite>.CreateDbContext))!
            .Invoke(Activator.CreateInstance(factory), [Array.Empty<string>()])!;
    }

    [Fact]
    public void Every_module_has_a_sqlite_and_a_postgres_context()
    {
        using var services = KernelHost.Build(DatabaseSettings.Parse("unused.db", Path.GetTempPath()));
        var modules = services.GetServices<ModuleDbRegistration>().ToList();

        Assert.Contains(modules, m => m.Module == ModuleModel.KernelModule && m.Order == 0);
        Assert.Contains(modules, m => m.Module == "registry");
        foreach (var module in modules)
        {
            var providers = ProviderContexts(module.ContextType).Select(t => DesignTimeContext(t)).ToList();
            try
            {
                Assert.Equal(2, providers.Count);
                Assert.Single(providers, p => p.Database.IsSqlite());
                Assert.Single(providers, p => p.Database.IsNpgsql());
            }
            finally
            {
                providers.ForEach(p => p.Dispose());
            }
        }
    }

    [Theory]
    [MemberData(nameof(ModuleContexts))]
    public void The_model_has_no_changes_missing_a_migration(string module, string contextType)
    {
        using var db = DesignTimeContext(Type.GetType(contextType, throwOnError: true)!);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {module} model ({db.GetType().Name}) has changes without a migration: add one with dotnet ef migrations add.");
    }

    [Fact]
    public async Task Migrating_applies_every_module_and_a_second_run_changes_nothing()
    {
        await using var host = await KernelHost.CreateAsync();
        var migrator = host.Services.GetRequiredService<DatabaseMigrator>();

        var pending = await migrator.PendingAsync();
        Assert.Contains(pending, p => p.StartsWith("kernel: ", StringComparison.Ordinal));
        Assert.Contains(pending, p => p.StartsWith("registry: ", StringComparison.Ordinal));

        await migrator.MigrateAsync();
        Assert.Empty(await migrator.PendingAsync());
        var first = await SnapshotAsync(host);

        await migrator.MigrateAsync();
        Assert.Empty(await migrator.PendingAsync());
        Assert.Equal(first, await SnapshotAsync(host));
        Assert.Equal(pending.Count, first.Applied);
    }

    private sealed record State(int Applied, long AuditLines, int CodeValues);

    private static async Task<State> SnapshotAsync(KernelHost host)
    {
        await using var scope = host.Scope(AccessContext.System("test"));
        var applied = 0;
        foreach (var module in scope.ServiceProvider.GetServices<ModuleDbRegistration>())
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            var done = (await db.Database.GetAppliedMigrationsAsync()).ToList();
            Assert.Equal(db.Database.GetMigrations(), done);
            applied += done.Count;
        }
        var kernel = scope.ServiceProvider.GetRequiredService<KernelDb>();
        return new State(applied, await kernel.AuditEntries.LongCountAsync(), await kernel.CodeValues.CountAsync());
    }
}
