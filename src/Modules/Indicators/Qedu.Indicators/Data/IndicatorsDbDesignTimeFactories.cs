using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;

namespace Qedu.Indicators.Data;

internal sealed class IndicatorsDbSqliteFactory : IDesignTimeDbContextFactory<IndicatorsDbSqlite>
{
    public IndicatorsDbSqlite CreateDbContext(string[] args) =>
        DesignTime.Bound(new IndicatorsDbSqlite(DesignTime.Options<IndicatorsDbSqlite>(DatabaseProvider.Sqlite, IndicatorsDb.Module)));
}

internal sealed class IndicatorsDbPostgresFactory : IDesignTimeDbContextFactory<IndicatorsDbPostgres>
{
    public IndicatorsDbPostgres CreateDbContext(string[] args) =>
        DesignTime.Bound(new IndicatorsDbPostgres(DesignTime.Options<IndicatorsDbPostgres>(DatabaseProvider.Postgres, IndicatorsDb.Module)));
}
