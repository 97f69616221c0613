using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;

namespace Qedu.Indicators.Data;

internal sealed class IndicatorsDbSqliteFactory : IDesignTimeDbContextFactory<IndicatorsDbSqlite>
{
    public IndicatorsDbSqlite CreateDbContext(string[] args) =>
        new(DesignTime.Options<IndicatorsDbSqlite>(DatabaseProvider.Sqlite, IndicatorsDb.Module), DesignTime.SystemAccess);
}

internal sealed class IndicatorsDbPostgresFactory : IDesignTimeDbContextFactory<IndicatorsDbPostgres>
{
    public IndicatorsDbPostgres CreateDbContext(string[] args) =>
        new(DesignTime.Options<IndicatorsDbPostgres>(DatabaseProvider.Postgres, IndicatorsDb.Module), DesignTime.SystemAccess);
}
