using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;

namespace Qedu.Inspection.Data;

internal sealed class InspectionDbSqliteFactory : IDesignTimeDbContextFactory<InspectionDbSqlite>
{
    public InspectionDbSqlite CreateDbContext(string[] args) =>
        DesignTime.Bound(new InspectionDbSqlite(DesignTime.Options<InspectionDbSqlite>(DatabaseProvider.Sqlite, InspectionDb.Module)));
}

internal sealed class InspectionDbPostgresFactory : IDesignTimeDbContextFactory<InspectionDbPostgres>
{
    public InspectionDbPostgres CreateDbContext(string[] args) =>
        DesignTime.Bound(new InspectionDbPostgres(DesignTime.Options<InspectionDbPostgres>(DatabaseProvider.Postgres, InspectionDb.Module)));
}
