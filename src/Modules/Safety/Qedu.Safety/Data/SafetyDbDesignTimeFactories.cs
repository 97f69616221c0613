using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;

namespace Qedu.Safety.Data;

internal sealed class SafetyDbSqliteFactory : IDesignTimeDbContextFactory<SafetyDbSqlite>
{
    public SafetyDbSqlite CreateDbContext(string[] args) =>
        DesignTime.Bound(new SafetyDbSqlite(DesignTime.Options<SafetyDbSqlite>(DatabaseProvider.Sqlite, SafetyDb.Module)));
}

internal sealed class SafetyDbPostgresFactory : IDesignTimeDbContextFactory<SafetyDbPostgres>
{
    public SafetyDbPostgres CreateDbContext(string[] args) =>
        DesignTime.Bound(new SafetyDbPostgres(DesignTime.Options<SafetyDbPostgres>(DatabaseProvider.Postgres, SafetyDb.Module)));
}
