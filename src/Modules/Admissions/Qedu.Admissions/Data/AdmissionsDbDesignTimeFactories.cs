using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.PersonalData;

namespace Qedu.Admissions.Data;

internal sealed class AdmissionsDbSqliteFactory : IDesignTimeDbContextFactory<AdmissionsDbSqlite>
{
    public AdmissionsDbSqlite CreateDbContext(string[] args) =>
        new(DesignTime.Options<AdmissionsDbSqlite>(DatabaseProvider.Sqlite, AdmissionsDb.Module), DesignTime.SystemAccess, FieldEncryption.DesignTimeOnly());
}

internal sealed class AdmissionsDbPostgresFactory : IDesignTimeDbContextFactory<AdmissionsDbPostgres>
{
    public AdmissionsDbPostgres CreateDbContext(string[] args) =>
        new(DesignTime.Options<AdmissionsDbPostgres>(DatabaseProvider.Postgres, AdmissionsDb.Module), DesignTime.SystemAccess, FieldEncryption.DesignTimeOnly());
}
