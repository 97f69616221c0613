using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;

namespace Qedu.Kernel.Persistence;

/// <summary>
/// Brings the database to the current schema: each module's migrations in order (kernel first), then the shipped code
/// lists. Development applies this on start-up; production runs <c>qedu db migrate</c>.
/// </summary>
public sealed class DatabaseMigrator(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleDbRegistration> modules,
    DatabaseSettings settings,
    ILogger<DatabaseMigrator> log)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        if (settings.SqliteFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("migrator"));
        foreach (var module in modules.OrderBy(m => m.Order))
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                log.LogInformation("Migrating {Module}: {Migrations}", module.Module, string.Join(", ", pending));
                await db.Database.MigrateAsync(ct);
            }
        }
        var changed = await scope.ServiceProvider.GetRequiredService<CodeListSync>().SyncAsync(ct);
        if (changed > 0)
        {
            log.LogInformation("Code lists updated: {Count}", changed);
            scope.ServiceProvider.GetRequiredService<CodeBook>().Invalidate();
        }
    }

    /// <summary>Module migrations not yet applied (empty when the database is current).</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("migrator"));
        var result = new List<string>();
        foreach (var module in modules.OrderBy(m => m.Order))
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            result.AddRange((await db.Database.GetPendingMigrationsAsync(ct)).Select(m => $"{module.Module}: {m}"));
        }
        return result;
    }
}
