using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Data;

internal sealed class KernelDbSqliteFactory : IDesignTimeDbContextFactory<KernelDbSqlite>
{
    public KernelDbSqlite CreateDbContext(string[] args) =>
        new(DesignTime.Options<KernelDbSqlite>(DatabaseProvider.Sqlite, ModuleModel.KernelModule), DesignTime.SystemAccess);
}

internal sealed class KernelDbPostgresFactory : IDesignTimeDbContextFactory<KernelDbPostgres>
{
    public KernelDbPostgres CreateDbContext(string[] args) =>
        new(DesignTime.Options<KernelDbPostgres>(DatabaseProvider.Postgres, ModuleModel.KernelModule), DesignTime.SystemAccess);
}
