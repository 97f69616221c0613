using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;

namespace Qedu.Exams.Data;

internal sealed class ExamsDbSqliteFactory : IDesignTimeDbContextFactory<ExamsDbSqlite>
{
    public ExamsDbSqlite CreateDbContext(string[] args) =>
        DesignTime.Bound(new ExamsDbSqlite(DesignTime.Options<ExamsDbSqlite>(DatabaseProvider.Sqlite, ExamsDb.Module)));
}

internal sealed class ExamsDbPostgresFactory : IDesignTimeDbContextFactory<ExamsDbPostgres>
{
    public ExamsDbPostgres CreateDbContext(string[] args) =>
        DesignTime.Bound(new ExamsDbPostgres(DesignTime.Options<ExamsDbPostgres>(DatabaseProvider.Postgres, ExamsDb.Module)));
}
