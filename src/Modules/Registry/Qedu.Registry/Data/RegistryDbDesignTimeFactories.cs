using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.PersonalData;

namespace Qedu.Registry.Data;

internal sealed class RegistryDbSqliteFactory : IDesignTimeDbContextFactory<RegistryDbSqlite>
{
    public RegistryDbSqlite CreateDbContext(string[] args) =>
        DesignTime.Bound(new RegistryDbSqlite(DesignTime.Options<RegistryDbSqlite>(DatabaseProvider.Sqlite, RegistryDb.Module)), FieldEncryption.DesignTimeOnly());
}

internal sealed class RegistryDbPostgresFactory : IDesignTimeDbContextFactory<RegistryDbPostgres>
{
    public RegistryDbPostgres CreateDbContext(string[] args) =>
        DesignTime.Bound(new RegistryDbPostgres(DesignTime.Options<RegistryDbPostgres>(DatabaseProvider.Postgres, RegistryDb.Module)), FieldEncryption.DesignTimeOnly());
}
