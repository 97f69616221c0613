using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Data;
using Qedu.Kernel.Secrets;

namespace Qedu.Kernel.Persistence;

/// <summary>
/// Work on data that must run between two migrations of a module, with services a migration has no access to (keys
/// outside the database): after <paramref name="AfterMigration"/> (its name, without the timestamp) is applied and
/// before any later one, so a later migration may drop what the step moved. It must be safe to run twice.
/// </summary>
public sealed record MigrationDataStep(string Module, string AfterMigration, Func<IServiceProvider, DbContext, CancellationToken, Task> RunAsync);

/// <summary>
/// Brings the database to the current schema: each module's migrations in order (kernel first), with their data steps,
/// then the shipped code lists, the working-day calendar and each module's reference data (<see cref="IReferenceData"/>). Development applies this on start-up; production runs <c>qedu db migrate</c>. Once the
/// kernel is current it checks the keys kept outside the database (<see cref="VerifyKeysAsync"/>).
/// </summary>
public sealed class DatabaseMigrator(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleDbRegistration> modules,
    IEnumerable<MigrationDataStep> steps,
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
                foreach (var step in steps.Where(s => s.Module == module.Module))
                {
                    var after = db.Database.GetMigrations().Single(m => m.EndsWith("_" + step.AfterMigration, StringComparison.Ordinal));
                    if (pending.Any(m => string.CompareOrdinal(m, after) > 0))
                    {
                        await db.GetService<IMigrator>().MigrateAsync(after, ct);
                        log.LogInformation("Data step of {Module} after {Migration}", module.Module, after);
                        await step.RunAsync(scope.ServiceProvider, db, ct);
                    }
                }
                await db.Database.MigrateAsync(ct);
            }
            if (module.Module == ModuleModel.KernelModule)
            {
                // Before any module's data step writes with the keys.
                await CheckKeysAsync(scope.ServiceProvider, ct);
            }
        }
        var changed = await scope.ServiceProvider.GetRequiredService<CodeListSync>().SyncAsync(ct);
        if (changed > 0)
        {
            log.LogInformation("Code lists updated: {Count}", changed);
            scope.ServiceProvider.GetRequiredService<CodeBook>().Invalidate();
        }
        if (await scope.ServiceProvider.GetRequiredService<CalendarSync>().SyncAsync(ct) is > 0 and var years)
        {
            log.LogInformation("Working-day calendar: {Count} year(s) loaded from the shipped notices", years);
        }
        foreach (var data in scope.ServiceProvider.GetServices<IReferenceData>())
        {
            if (await data.EnsureAsync(ct) is > 0 and var added)
            {
                log.LogInformation("{Name}: {Count} shipped record(s) added", data.Name, added);
            }
        }
    }

    /// <summary>
    /// Refuses a database whose data other keys protect (naming the key file), records the keys' fingerprints on the
    /// first start, and seals a data-protection key ring written in clear. Run at every start.
    /// </summary>
    public async Task VerifyKeysAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("key-check"));
        await CheckKeysAsync(scope.ServiceProvider, ct);
    }

    private async Task CheckKeysAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<KeyFingerprints>().EnsureAsync(ct);
        if (services.GetService<KeyRingUpgrade>() is { } keyRing && await keyRing.SealClearKeysAsync(ct) is > 0 and var count)
        {
            log.LogInformation("Data-protection keys sealed: {Count}", count);
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

    /// <summary>True when the database answers (the health check).</summary>
    public async Task<bool> CanConnectAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("health"));
        return await scope.ServiceProvider.GetRequiredService<KernelDb>().Database.CanConnectAsync(ct);
    }

    /// <summary>Drops the whole database, every module's tables with it (the demo seed's --reset).</summary>
    public async Task DropAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("migrator"));
        await scope.ServiceProvider.GetRequiredService<KernelDb>().Database.EnsureDeletedAsync(ct);
    }
}
