using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Data;
using Qedu.Kernel.Files;
using Qedu.Kernel.Web;
using Qedu.Organisation.Resources;

namespace Qedu.Organisation.Features.AuditLog;

internal static class AuditEndpoints
{
    /// <summary>The most lines one export holds: an audit's period, not the whole log (the archive is for that).</summary>
    public const int MaxExportRows = 10_000;

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

        group.MapGet("/export.csv", async Task<Results<FileContentHttpResult, ValidationProblem>> (string? actor, string? action, string? entity, string? org,
                DateOnly? from, DateOnly? to, string? outcome, AuditLogQuery query, AuditRows rows, AuditTrail audit, IStringLocalizer<OrgText> t, CancellationToken ct) =>
            {
                AuditOutcome? wanted = null;
                if (!string.IsNullOrWhiteSpace(outcome))
                {
                    if (!Enum.TryParse<AuditOutcome>(outcome.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                    {
                        return TypedResults.ValidationProblem(new InputErrors().Add("outcome", string.Join(", ", Enum.GetNames<AuditOutcome>())).ToDictionary());
                    }
                    wanted = parsed;
                }
                var page = await query.PageAsync(new AuditFilter(actor, action, entity, org, from, to, wanted), null, MaxExportRows, ct);
                var described = await rows.DescribeAsync(page.Items, ct);
                using var text = new StringWriter(CultureInfo.InvariantCulture);
                CsvRecords.WriteRecord(text, [t["Audit.Sequence"], t["Audit.At"], t["Audit.Actor"], t["Audit.Action"], t["Audit.Entity"],
                    t["Audit.Org"], t["Audit.Outcome"], t["Audit.Client"], t["Audit.Changes"]]);
                foreach (var r in described)
                {
                    CsvRecords.WriteRecord(text, [r.Line.Sequence.ToString(CultureInfo.InvariantCulture), r.At, r.Actor, r.Action, r.Entity,
                        r.Org, r.Outcome, r.Line.ClientAddress, r.ChangesText(t["Audit.Credentials"])]);
                }
                await audit.RecordAsync("audit.export", details: $"rows={described.Count}", ct: ct);
                // UTF-8 with a byte order mark, so a spreadsheet opens the Chinese text as such.
                var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text.ToString())).ToArray();
                return TypedResults.File(bytes, "text/csv; charset=utf-8", $"audit-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
            })
            .RequireAuthorization(Permissions.AuditRead)
            .WithSummary("The audit lines the filters select (the newest 10,000 at most) as CSV with readable actions, actors and changes (never a secret)");

        group.MapGet("/verify", async (AuditVerifier verifier) => TypedResults.Ok(await verifier.VerifyAsync()))
            .RequireAuthorization(Permissions.AuditRead)
            .WithSummary("Re-computes the audit log's keyed hash chain, checks it against the signed checkpoints and reports the first thing that does not fit");
    }
}
