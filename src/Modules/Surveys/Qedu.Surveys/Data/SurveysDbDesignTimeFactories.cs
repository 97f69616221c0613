using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;

namespace Qedu.Surveys.Data;

internal sealed class SurveysDbSqliteFactory : IDesignTimeDbContextFactory<SurveysDbSqlite>
{
    public SurveysDbSqlite CreateDbContext(string[] args) =>
        DesignTime.Bound(new SurveysDbSqlite(DesignTime.Options<SurveysDbSqlite>(DatabaseProvider.Sqlite, SurveysDb.Module)));
}

internal sealed class SurveysDbPostgresFactory : IDesignTimeDbContextFactory<SurveysDbPostgres>
{
    public SurveysDbPostgres CreateDbContext(string[] args) =>
        DesignTime.Bound(new SurveysDbPostgres(DesignTime.Options<SurveysDbPostgres>(DatabaseProvider.Postgres, SurveysDb.Module)));
}
