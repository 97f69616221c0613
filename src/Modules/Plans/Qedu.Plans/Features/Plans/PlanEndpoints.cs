using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Plans.Resources;
using Qedu.Plans.Tasks;

namespace Qedu.Plans.Features.Plans;

/// <summary>A unit mapping as the API receives it: a printed name and the org unit it stands for (none: keep it as an outside body).</summary>
internal sealed record UnitMappingInput(string? PrintedName, int? UnitId);

/// <summary>What a unit mapping changed: how many task units now point at the unit.</summary>
internal sealed record UnitMappingResult(int Updated);

/// <summary>
/// Plans over HTTP. An import's body is the document itself (.docx media type, or application/octet-stream for text);
/// a cross-site form can send neither, so cookie-authenticated uploads need no antiforgery token.
/// </summary>
internal static class PlanEndpoints
{
    public const string DocxMediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapPlanEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/plans").WithTags("Plans");

        group.MapGet("", async (PlanQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(ct)))
            .RequireAuthorization(Permissions.PlansRead)
            .WithSummary("The plans in the caller's scope with their task counts by status (drafts only for their owners)");

        group.MapPost("/import", async Task<Results<Created<NewId>, ValidationProblem, ProblemHttpResult>> (string? fileName, string? org,
                HttpContext http, PlanImport import, IStringLocalizer<PlansText> t, CancellationToken ct) =>
            {
                var media = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
                if (media is not (DocxMediaType or "application/octet-stream"))
                {
                    return TypedResults.Problem(t["Import.MediaType"], statusCode: StatusCodes.Status415UnsupportedMediaType);
                }
                var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? (media == DocxMediaType ? "plan.docx" : "plan.txt") : fileName);
                if (http.Request.ContentLength > PlanImport.MaxFileBytes)
                {
                    return TooLarge(t, name);
                }
                using var buffer = new MemoryStream();
                var chunk = new byte[1 << 16];
                int read;
                while ((read = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
                {
                    if (buffer.Length + read > PlanImport.MaxFileBytes)
                    {
                        return TooLarge(t, name);
                    }
                    buffer.Write(chunk, 0, read);
                }
                var outcome = await import.ImportAsync(buffer.ToArray(), name, org, ct);
                return outcome.ToCreated(id => $"/api/plans/{id}", id => new NewId(id));
            })
            .RequireAuthorization(Permissions.PlansManage)
            .WithSummary("Import a plan document (.docx, or text in UTF-8/GB18030 as application/octet-stream) as a draft of the caller's bureau (or ?org=)");

        group.MapGet("/{id:long}", async Task<Results<Ok<PlanView>, ProblemHttpResult>> (long id, PlanQueries queries, IStringLocalizer<PlansText> t, CancellationToken ct) =>
                await queries.PlanAsync(id, ct) is { } plan ? TypedResults.Ok(plan) : TypedResults.Problem(t["Plan.NotVisible"], statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization(Permissions.PlansRead)
            .WithSummary("A plan with its sections and tasks, each task with its units and computed status");

        group.MapPut("/{id:long}", async (long id, PlanHeaderInput input, PlanEditing editing, CancellationToken ct) =>
                (await editing.UpdateHeaderAsync(id, input, ct)).ToNoContent())
            .RequireAuthorization(Permissions.PlansManage)
            .WithSummary("Correct a plan's header (title, document number, date, issuer)");

        group.MapPost("/{id:long}/publish", async (long id, PlanEditing editing, CancellationToken ct) =>
                (await editing.PublishAsync(id, ct)).ToNoContent())
            .RequireAuthorization(Permissions.PlansManage)
            .WithSummary("Publish a reviewed draft: its tasks go to their units");

        group.MapDelete("/{id:long}", async (long id, PlanEditing editing, CancellationToken ct) =>
                (await editing.DeleteDraftAsync(id, ct)).ToNoContent())
            .RequireAuthorization(Permissions.PlansManage)
            .WithSummary("Delete a draft (a published plan is kept)");

        group.MapPost("/{id:long}/unit-mappings", async (long id, UnitMappingInput input, PlanEditing editing, CancellationToken ct) =>
                (await editing.MapUnitAsync(id, input.PrintedName, input.UnitId, ct)).ToOk(n => new UnitMappingResult(n)))
            .RequireAuthorization(Permissions.PlansManage)
            .WithSummary("Map a printed unit name to a department or district bureau (or keep it as an outside body), remembered for later imports");

        group.MapGet("/tasks/{taskId:long}", async Task<Results<Ok<TaskDetail>, ProblemHttpResult>> (long taskId, PlanQueries queries, IStringLocalizer<PlansText> t,
                CancellationToken ct) =>
                await queries.TaskAsync(taskId, ct: ct) is { } task ? TypedResults.Ok(task) : TypedResults.Problem(t["Task.NotVisible"], statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization(Permissions.PlansRead)
            .WithSummary("A task with its units, milestones, targets (with current values), reports, notices and rectifications");

        group.MapPut("/tasks/{taskId:long}", async (long taskId, TaskInput input, PlanEditing editing, CancellationToken ct) =>
                (await editing.UpdateTaskAsync(taskId, input, ct)).ToNoContent())
            .RequireAuthorization(Permissions.PlansManage)
            .WithSummary("Correct any field of a task: number, title, text, deadline, units, milestones, targets, policies, measures, effects");
    }

    private static ProblemHttpResult TooLarge(IStringLocalizer<PlansText> t, string name) =>
        TypedResults.Problem(string.Format(t["Import.TooLarge"], name, PlanImport.MaxFileBytes / 1024 / 1024), statusCode: StatusCodes.Status413PayloadTooLarge);
}
