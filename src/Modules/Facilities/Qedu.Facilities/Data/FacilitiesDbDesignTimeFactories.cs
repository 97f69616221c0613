using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;

namespace Qedu.Facilities.Data;

internal sealed class FacilitiesDbSqliteFactory : IDesignTimeDbContextFactory<FacilitiesDbSqlite>
{
    public FacilitiesDbSqlite CreateDbContext(string[] args) =>
        DesignTime.Bound(new FacilitiesDbSqlite(DesignTime.Options<FacilitiesDbSqlite>(DatabaseProvider.Sqlite, FacilitiesDb.Module)));
}

internal sealed class FacilitiesDbPostgresFactory : IDesignTimeDbContextFactory<FacilitiesDbPostgres>
{
    public FacilitiesDbPostgres CreateDbContext(string[] args) =>
        DesignTime.Bound(new FacilitiesDbPostgres(DesignTime.Options<FacilitiesDbPostgres>(DatabaseProvider.Postgres, FacilitiesDb.Module)));
}
