using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.PersonalData;

namespace Qedu.Registry.Data;

internal sealed class RegistryDbSqliteFactory : IDesignTimeDbContextFactory<RegistryDbSqlite>
{
    public RegistryDbSqlite CreateDbContext(string[] args) =>
        new(DesignTime.Options<RegistryDbSqlite>(DatabaseProvider.Sqlite, RegistryDb.Module), DesignTime.SystemAccess, FieldEncryption.DesignTimeOnly());
}

internal sealed class RegistryDbPostgresFactory : IDesignTimeDbContextFactory<RegistryDbPostgres>
{
    public RegistryDbPostgres CreateDbContext(string[] args) =>
        new(DesignTime.Options<RegistryDbPostgres>(DatabaseProvider.Postgres, RegistryDb.Module), DesignTime.SystemAccess, FieldEncryption.DesignTimeOnly());
}
