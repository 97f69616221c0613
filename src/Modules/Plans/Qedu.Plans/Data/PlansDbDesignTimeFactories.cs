using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;

namespace Qedu.Plans.Data;

internal sealed class PlansDbSqliteFactory : IDesignTimeDbContextFactory<PlansDbSqlite>
{
    public PlansDbSqlite CreateDbContext(string[] args) =>
        DesignTime.Bound(new PlansDbSqlite(DesignTime.Options<PlansDbSqlite>(DatabaseProvider.Sqlite, PlansDb.Module)));
}

internal sealed class PlansDbPostgresFactory : IDesignTimeDbContextFactory<PlansDbPostgres>
{
    public PlansDbPostgres CreateDbContext(string[] args) =>
        DesignTime.Bound(new PlansDbPostgres(DesignTime.Options<PlansDbPostgres>(DatabaseProvider.Postgres, PlansDb.Module)));
}
