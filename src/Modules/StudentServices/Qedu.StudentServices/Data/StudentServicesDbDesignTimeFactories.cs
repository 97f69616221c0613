using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;

namespace Qedu.StudentServices.Data;

internal sealed class StudentServicesDbSqliteFactory : IDesignTimeDbContextFactory<StudentServicesDbSqlite>
{
    public StudentServicesDbSqlite CreateDbContext(string[] args) =>
        DesignTime.Bound(new StudentServicesDbSqlite(DesignTime.Options<StudentServicesDbSqlite>(DatabaseProvider.Sqlite, StudentServicesDb.Module)));
}

internal sealed class StudentServicesDbPostgresFactory : IDesignTimeDbContextFactory<StudentServicesDbPostgres>
{
    public StudentServicesDbPostgres CreateDbContext(string[] args) =>
        DesignTime.Bound(new StudentServicesDbPostgres(DesignTime.Options<StudentServicesDbPostgres>(DatabaseProvider.Postgres, StudentServicesDb.Module)));
}
