using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;

namespace Qedu.Teachers.Data;

internal sealed class TeachersDbSqliteFactory : IDesignTimeDbContextFactory<TeachersDbSqlite>
{
    public TeachersDbSqlite CreateDbContext(string[] args) =>
        DesignTime.Bound(new TeachersDbSqlite(DesignTime.Options<TeachersDbSqlite>(DatabaseProvider.Sqlite, TeachersDb.Module)));
}

internal sealed class TeachersDbPostgresFactory : IDesignTimeDbContextFactory<TeachersDbPostgres>
{
    public TeachersDbPostgres CreateDbContext(string[] args) =>
        DesignTime.Bound(new TeachersDbPostgres(DesignTime.Options<TeachersDbPostgres>(DatabaseProvider.Postgres, TeachersDb.Module)));
}
