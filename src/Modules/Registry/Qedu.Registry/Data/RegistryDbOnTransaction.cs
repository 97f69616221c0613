using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Persistence;

namespace Qedu.Registry.Data;

/// <summary>
/// A registry context of its own, put on another module's connection and transaction (EF's <c>SetDbConnection</c> and
/// <c>UseTransaction</c>), so the registry's rows and the caller's commit or roll back together (admissions' intake, a
/// completed status change). Not from the pool, which would keep the foreign connection; bound to <paramref name="scope"/>
/// (its caller, and the field encryption). The caller disposes it.
/// </summary>
internal static class RegistryDbOnTransaction
{
    public static async Task<RegistryDb> OpenAsync(IServiceProvider scope, DatabaseSettings settings, DbTransaction transaction, CancellationToken ct)
    {
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction has no connection (already ended?).", nameof(transaction));
        RegistryDb db = settings.IsPostgres
            ? ActivatorUtilities.CreateInstance<RegistryDbPostgres>(scope)
            : ActivatorUtilities.CreateInstance<RegistryDbSqlite>(scope);
        try
        {
            db.BindToScope(scope);
            db.Database.SetDbConnection(connection, contextOwnsConnection: false);
            await db.Database.UseTransactionAsync(transaction, ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
