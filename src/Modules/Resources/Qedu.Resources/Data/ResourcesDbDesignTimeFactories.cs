using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;

namespace Qedu.Resources.Data;

internal sealed class ResourcesDbSqliteFactory : IDesignTimeDbContextFactory<ResourcesDbSqlite>
{
    public ResourcesDbSqlite CreateDbContext(string[] args) =>
        DesignTime.Bound(new ResourcesDbSqlite(DesignTime.Options<ResourcesDbSqlite>(DatabaseProvider.Sqlite, ResourcesDb.Module)));
}

internal sealed class ResourcesDbPostgresFactory : IDesignTimeDbContextFactory<ResourcesDbPostgres>
{
    public ResourcesDbPostgres CreateDbContext(string[] args) =>
        DesignTime.Bound(new ResourcesDbPostgres(DesignTime.Options<ResourcesDbPostgres>(DatabaseProvider.Postgres, ResourcesDb.Module)));
}
