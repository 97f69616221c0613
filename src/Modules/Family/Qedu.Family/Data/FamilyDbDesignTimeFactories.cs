using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;

namespace Qedu.Family.Data;

internal sealed class FamilyDbSqliteFactory : IDesignTimeDbContextFactory<FamilyDbSqlite>
{
    public FamilyDbSqlite CreateDbContext(string[] args) =>
        DesignTime.Bound(new FamilyDbSqlite(DesignTime.Options<FamilyDbSqlite>(DatabaseProvider.Sqlite, FamilyDb.Module)));
}

internal sealed class FamilyDbPostgresFactory : IDesignTimeDbContextFactory<FamilyDbPostgres>
{
    public FamilyDbPostgres CreateDbContext(string[] args) =>
        DesignTime.Bound(new FamilyDbPostgres(DesignTime.Options<FamilyDbPostgres>(DatabaseProvider.Postgres, FamilyDb.Module)));
}
