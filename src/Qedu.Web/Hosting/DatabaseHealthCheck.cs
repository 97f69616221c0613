using Microsoft.Extensions.Diagnostics.HealthChecks;
using Qedu.Kernel.Data;

namespace Qedu.Web.Hosting;

/// <summary>Healthy when the database answers.</summary>
internal sealed class DatabaseHealthCheck(KernelDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
