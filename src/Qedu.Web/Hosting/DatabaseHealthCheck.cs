using Microsoft.Extensions.Diagnostics.HealthChecks;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Persistence;

namespace Qedu.Web.Hosting;

/// <summary>Healthy when the database answers.</summary>
internal sealed class DatabaseHealthCheck(DatabaseMigrator database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
