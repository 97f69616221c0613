using System.Data.Common;
using Qedu.Kernel.Persistence;

namespace Qedu.Registry.Data;

/// <summary>
/// A registry context on another module's connection and transaction (<see cref="ModuleDbOnTransaction"/>), so the
/// registry's rows and the caller's commit or roll back together (admissions' intake, a completed status change).
/// </summary>
internal static class RegistryDbOnTransaction
{
    public static Task<RegistryDb> OpenAsync(IServiceProvider scope, DatabaseSettings settings, DbTransaction transaction, CancellationToken ct) =>
        ModuleDbOnTransaction.OpenAsync<RegistryDb, RegistryDbSqlite, RegistryDbPostgres>(scope, settings, transaction, ct);
}
