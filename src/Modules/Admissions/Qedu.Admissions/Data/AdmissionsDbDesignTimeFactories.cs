using Microsoft.EntityFrameworkCore.Design;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.PersonalData;

namespace Qedu.Admissions.Data;

internal sealed class AdmissionsDbSqliteFactory : IDesignTimeDbContextFactory<AdmissionsDbSqlite>
{
    public AdmissionsDbSqlite CreateDbContext(string[] args) =>
        DesignTime.Bound(new AdmissionsDbSqlite(DesignTime.Options<AdmissionsDbSqlite>(DatabaseProvider.Sqlite, AdmissionsDb.Module)), FieldEncryption.DesignTimeOnly());
}

internal sealed class AdmissionsDbPostgresFactory : IDesignTimeDbContextFactory<AdmissionsDbPostgres>
{
    public AdmissionsDbPostgres CreateDbContext(string[] args) =>
        DesignTime.Bound(new AdmissionsDbPostgres(DesignTime.Options<AdmissionsDbPostgres>(DatabaseProvider.Postgres, AdmissionsDb.Module)), FieldEncryption.DesignTimeOnly());
}
