using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;

namespace Qedu.Growth.Data;

internal sealed class GrowthDbSqliteFactory : IDesignTimeDbContextFactory<GrowthDbSqlite>
{
    public GrowthDbSqlite CreateDbContext(string[] args) =>
        DesignTime.Bound(new GrowthDbSqlite(DesignTime.Options<GrowthDbSqlite>(DatabaseProvider.Sqlite, GrowthDb.Module)));
}

internal sealed class GrowthDbPostgresFactory : IDesignTimeDbContextFactory<GrowthDbPostgres>
{
    public GrowthDbPostgres CreateDbContext(string[] args) =>
        DesignTime.Bound(new GrowthDbPostgres(DesignTime.Options<GrowthDbPostgres>(DatabaseProvider.Postgres, GrowthDb.Module)));
}
