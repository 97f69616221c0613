using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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

        group.MapGet("/", async Task<Results<Ok<AuditPage>, ValidationProblem>> (string? actor, string? action, string? entity, string? org, DateOnly? from, DateOnly? to,
                string? outcome, long? before, int? limit, AuditLogQuery query, AuditTrail audit) =>
            {
                if (limit is < 1 or > 1000)
                {
                    return TypedResults.ValidationProblem(new InputErrors().Add("limit", "1–1000").ToDictionary());
                }
                AuditOutcome? wanted = null;
                if (!string.IsNullOrWhiteSpace(outcome))
                {
                    if (!Enum.TryParse<AuditOutcome>(outcome.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                    {
                        return TypedResults.ValidationProblem(new InputErrors().Add("outcome", string.Join(", ", Enum.GetNames<AuditOutcome>())).ToDictionary());
                    }
                    wanted = parsed;
                }
                var page = await query.PageAsync(new AuditFilter(actor, action, entity, org, from, to, wanted), before, limit ?? 100);
                await audit.RecordAsync("audit.read", details: $"rows={page.Items.Count}");
                return TypedResults.Ok(page);
            })
            .RequireAuthorization(Permissions.AuditRead)
            .WithSummary("Audit log lines within the auditor's scope, newest first (before = a sequence number; outcome = Succeeded, Denied or Failed)");

        group.MapGet("/verify", async (AuditVerifier verifier) => TypedResults.Ok(await verifier.VerifyAsync()))
            .RequireAuthorization(Permissions.AuditRead)
            .WithSummary("Re-computes the audit log's keyed hash chain, checks it against the signed checkpoints and reports the first thing that does not fit");
    }
}
