using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;

namespace Qedu.Plans.Data;

internal sealed class PlansDbSqliteFactory : IDesignTimeDbContextFactory<PlansDbSqlite>
{
    public PlansDbSqlite CreateDbContext(string[] args) =>
        new(DesignTime.Options<PlansDbSqlite>(DatabaseProvider.Sqlite, PlansDb.Module), DesignTime.SystemAccess);
}

internal sealed class PlansDbPostgresFactory : IDesignTimeDbContextFactory<PlansDbPostgres>
{
    public PlansDbPostgres CreateDbContext(string[] args) =>
        new(DesignTime.Options<PlansDbPostgres>(DatabaseProvider.Postgres, PlansDb.Module), DesignTime.SystemAccess);
}
