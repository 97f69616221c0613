using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Data;

internal sealed class KernelDbSqliteFactory : IDesignTimeDbContextFactory<KernelDbSqlite>
{
    public KernelDbSqlite CreateDbContext(string[] args) =>
        DesignTime.Bound(new KernelDbSqlite(DesignTime.Options<KernelDbSqlite>(DatabaseProvider.Sqlite, ModuleModel.KernelModule)));
}

internal sealed class KernelDbPostgresFactory : IDesignTimeDbContextFactory<KernelDbPostgres>
{
    public KernelDbPostgres CreateDbContext(string[] args) =>
        DesignTime.Bound(new KernelDbPostgres(DesignTime.Options<KernelDbPostgres>(DatabaseProvider.Postgres, ModuleModel.KernelModule)));
}
