using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;

namespace Qedu.Rectifications.Data;

internal sealed class RectificationsDbSqliteFactory : IDesignTimeDbContextFactory<RectificationsDbSqlite>
{
    public RectificationsDbSqlite CreateDbContext(string[] args) =>
        DesignTime.Bound(new RectificationsDbSqlite(DesignTime.Options<RectificationsDbSqlite>(DatabaseProvider.Sqlite, RectificationsDb.Module)));
}

internal sealed class RectificationsDbPostgresFactory : IDesignTimeDbContextFactory<RectificationsDbPostgres>
{
    public RectificationsDbPostgres CreateDbContext(string[] args) =>
        DesignTime.Bound(new RectificationsDbPostgres(DesignTime.Options<RectificationsDbPostgres>(DatabaseProvider.Postgres, RectificationsDb.Module)));
}
