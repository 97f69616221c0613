using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Data;
using Qedu.Kernel.Web;

namespace Qedu.Organisation.Features.AuditLog;

internal static class AuditEndpoints
{
    public static void MapAuditLog(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/audit").WithTags("Audit");

        group.MapGet("/", async (string? actor, string? action, string? entity, string? org, DateOnly? from, DateOnly? to,
                long? before, int? limit, AuditLogQuery query, AuditTrail audit) =>
            {
                if (limit is < 1 or > 1000)
                {
                    return Results.ValidationProblem(new InputErrors().Add("limit", "1–1000").ToDictionary());
                }
                var page = await query.PageAsync(new AuditFilter(actor, action, entity, org, from, to), before, limit ?? 100);
                await audit.RecordAsync("audit.read", details: $"rows={page.Items.Count}");
                return Results.Ok(page);
            })
            .RequireAuthorization(Permissions.AuditRead)
            .WithSummary("Audit log lines within the auditor's scope, newest first (before = a sequence number)")
            .Produces<AuditPage>();

        group.MapGet("/verify", async (KernelDb db) => Results.Ok(await AuditVerifier.VerifyAsync(db)))
            .RequireAuthorization(Permissions.AuditRead)
            .WithSummary("Re-computes the audit log's hash chain and reports the first line that does not fit")
            .Produces<AuditVerification>();
    }
}
