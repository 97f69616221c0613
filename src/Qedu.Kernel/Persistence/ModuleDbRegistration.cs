using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.PersonalData;

namespace Qedu.Kernel.Persistence;

/// <summary>A module's DbContext as the migrator sees it. Lower order migrates first; the kernel is 0.</summary>
public sealed record ModuleDbRegistration(string Module, int Order, Type ContextType);

public static class ModuleDbServiceCollectionExtensions
{
    /// <summary>
    /// Registers a module's DbContext: the provider-specific subclass for the configured database, resolvable as the
    /// module's base context type, with the kernel's scope guard and audit interceptors, and known to the migrator.
    /// </summary>
    /// <param name="moduleInterceptor">The module's own SaveChanges step, if any; it runs after the scope guard and after
    /// the audit interceptor has opened the save's transaction.</param>
    public static IServiceCollection AddModuleDb<TBase, TSqlite, TPostgres>(
        this IServiceCollection services, string module, int order, Func<IServiceProvider, IInterceptor>? moduleInterceptor = null)
        where TBase : DbContext, IScopeBoundContext
        where TSqlite : TBase
        where TPostgres : TBase
    {
        services.AddSingleton(new ModuleDbRegistration(module, order, typeof(TBase)));
        // The options are built once (singleton): building them per request, and EF Core comparing them with the ones
        // it has seen, was a tenth of a small request's time (issue 19's profile). So every interceptor is a singleton
        // and reads the caller from the context it intercepts. The contexts are pooled: setting up a context's internal
        // services was a seventh of a submission's time on the web host (issue 19, step 5), and a request uses two or
        // three. A context is taken from the pool when the scope first asks for it, bound to the scope (its caller), and
        // goes back, reset by EF Core, when the scope ends.
        services.AddPooledDbContextFactory<TSqlite>((sp, o) => Configure(sp, o, module, moduleInterceptor));
        services.AddPooledDbContextFactory<TPostgres>((sp, o) => Configure(sp, o, module, moduleInterceptor));
        // Only the module's base type is a service. The scope disposes what each registration handed out, so a second
        // registration of the same context (the provider's type) would give it back to the pool twice, and the second
        // time it may already be another scope's: two requests on one context, each acting as the other's caller.
        services.AddScoped<TBase>(sp => sp.GetRequiredService<DatabaseSettings>().IsPostgres ? Rent<TPostgres>(sp) : Rent<TSqlite>(sp));
        return services;
    }

    private static TContext Rent<TContext>(IServiceProvider scope)
        where TContext : DbContext, IScopeBoundContext
    {
        var context = scope.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        context.BindToScope(scope);
        return context;
    }

    private static void Configure(IServiceProvider sp, DbContextOptionsBuilder options, string module, Func<IServiceProvider, IInterceptor>? moduleInterceptor)
    {
        var settings = sp.GetRequiredService<DatabaseSettings>();
        UseProvider(options, settings, module);
        options.AddInterceptors(sp.GetRequiredService<ScopeWriteGuard>(), sp.GetRequiredService<AuditInterceptor>());
        if (moduleInterceptor is not null)
        {
            options.AddInterceptors(moduleInterceptor(sp));
        }
    }

    /// <summary>The provider options every Qedu context uses; also used by design-time factories.</summary>
    public static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder options, DatabaseSettings settings, string module)
    {
        if (settings.IsPostgres)
        {
            options.UseNpgsql(settings.ConnectionString, x => x.MigrationsHistoryTable(ModuleModel.HistoryTable(module, true), module));
        }
        else
        {
            options.UseSqlite(settings.ConnectionString, x => x.MigrationsHistoryTable(ModuleModel.HistoryTable(module, false)));
            options.AddInterceptors(SqliteTuning.Instance);
        }
        options.UseSnakeCaseNamingConvention();
        // A write the database refuses and the code answers (a unique index deciding a race, a spoilt batch written again
        // one at a time) is not an error of the application, and EF Core's own "fail" lines for each would drown the real
        // ones. A failure nobody handles still propagates and is logged where it ends (the web host's exception handler,
        // the command line, a background job).
        options.ConfigureWarnings(w => w.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug)));
        options.ReplaceService<IModelCacheKeyFactory, FieldEncryptionModelCacheKeyFactory>();
        options.AddInterceptors(EncryptedComparisonGuard.Instance);
        return options;
    }
}

/// <summary>
/// SQLite settings for a server workload: write-ahead logging so readers never wait for the writer, and a busy timeout
/// so concurrent writers queue instead of failing.
/// </summary>
internal sealed class SqliteTuning : DbConnectionInterceptor
{
    public static readonly SqliteTuning Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
