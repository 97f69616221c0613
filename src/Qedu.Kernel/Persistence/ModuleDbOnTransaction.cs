using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Qedu.Kernel.Persistence;

/// <summary>
/// A module's context of its own, put on another module's connection and transaction (EF's <c>SetDbConnection</c> and
/// <c>UseTransaction</c>), so both modules' rows commit or roll back together: the registry's intake and moves, a
/// rectification raised by the inspection that found it. Not from the pool, which would keep the foreign connection;
/// bound to <paramref name="scope"/> (its caller, and the field encryption). The caller disposes it.
/// </summary>
public static class ModuleDbOnTransaction
{
    public static async Task<TBase> OpenAsync<TBase, TSqlite, TPostgres>(IServiceProvider scope, DatabaseSettings settings, DbTransaction transaction, CancellationToken ct)
        where TBase : DbContext, IScopeBoundContext
        where TSqlite : TBase
        where TPostgres : TBase
    {
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction has no connection (already ended?).", nameof(transaction));
        TBase db = settings.IsPostgres
            ? ActivatorUtilities.CreateInstance<TPostgres>(scope)
            : ActivatorUtilities.CreateInstance<TSqlite>(scope);
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
