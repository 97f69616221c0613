using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Plans.Domain;

namespace Qedu.Plans.Features.Supervision;

/// <summary>
/// Supervision over HTTP. Every write takes JSON (evidence files as base64), which a cross-site form cannot send, so
/// cookie-authenticated calls need no antiforgery token; the pages post their own forms, with the token.
/// </summary>
internal static class SupervisionEndpoints
{

    public static void MapSupervisionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/plans").WithTags("Plan supervision");

        group.MapPost("/reports", async Task<Results<Created<NewId>, ValidationProblem, ProblemHttpResult>> (HttpContext http, SupervisionCommands commands,
                IOptions<JsonOptions> json, IStringLocalizer<SupervisionText> t, CancellationToken ct) =>
            {
                if (http.Request.ContentLength > EvidenceFiles.MaxRequestBytes)
                {
                    return TooLarge(t);
                }
                if (!http.Request.HasJsonContentType())
                {
                    return TypedResults.Problem(t["Request.Json"], statusCode: StatusCodes.Status415UnsupportedMediaType);
                }
                using var buffer = new MemoryStream();
                var chunk = new byte[1 << 16];
                int read;
                while ((read = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
                {
                    if (buffer.Length + read > EvidenceFiles.MaxRequestBytes)
                    {
                        return TooLarge(t);
                    }
                    buffer.Write(chunk, 0, read);
                }
                ReportInput? input;
                try
                {
                    input = buffer.Length == 0 ? null : JsonSerializer.Deserialize<ReportInput>(buffer.ToArray(), json.Value.SerializerOptions);
                }
                catch (JsonException e)
                {
                    // The path names the field ("$.figures[0].value"), so the caller knows which one to fix.
                    var field = e.Path is { Length: > 2 } path ? path[2..] : "body";
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [t["Request.BadValue"]] });
                }
                return (await commands.ReportAsync(input, ct)).ToCreated(_ => $"/api/plans/tasks/{input!.TaskId}", id => new NewId(id));
            })
            .RequireAuthorization(Permissions.PlansReport)
            // Evidence files come base64 in the JSON: the handler reads the body itself up to EvidenceFiles.MaxRequestBytes.
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute())
            .Accepts<ReportInput>("application/json")
            .WithSummary("Report progress on a task (or one of its milestones) for the caller's unit: text, figures against its targets, evidence files (base64, up to 5 of 5 MB)");

        group.MapPost("/tasks/{taskId:long}/accept", async (long taskId, SupervisionCommands commands, CancellationToken ct) =>
                (await commands.DecideTaskAsync(taskId, accept: true, ct)).ToNoContent())
            .RequireAuthorization(Permissions.PlansManage)
            .WithSummary("Accept a task as done (the plan owner)");

        group.MapPost("/tasks/{taskId:long}/reopen", async (long taskId, SupervisionCommands commands, CancellationToken ct) =>
                (await commands.DecideTaskAsync(taskId, accept: false, ct)).ToNoContent())
            .RequireAuthorization(Permissions.PlansManage)
            .WithSummary("Reopen an accepted task (the plan owner)");

        group.MapPost("/milestones/{milestoneId:long}/accept", async (long milestoneId, SupervisionCommands commands, CancellationToken ct) =>
                (await commands.DecideMilestoneAsync(milestoneId, accept: true, ct)).ToNoContent())
            .RequireAuthorization(Permissions.PlansManage)
            .WithSummary("Accept a milestone as done (the plan owner)");

        group.MapPost("/milestones/{milestoneId:long}/reopen", async (long milestoneId, SupervisionCommands commands, CancellationToken ct) =>
                (await commands.DecideMilestoneAsync(milestoneId, accept: false, ct)).ToNoContent())
            .RequireAuthorization(Permissions.PlansManage)
            .WithSummary("Reopen an accepted milestone (the plan owner)");

        group.MapPost("/tasks/{taskId:long}/notices", async (long taskId, NoticeInput? input, SupervisionCommands commands, CancellationToken ct) =>
                (await commands.SendNoticeAsync(taskId, input, ct)).ToCreated(_ => $"/api/plans/tasks/{taskId}", id => new NewId(id)))
            .RequireAuthorization(Permissions.PlansManage)
            .WithSummary("Send a supervision notice (督办单) to one of the task's units, with a reply-by date");

        group.MapPost("/notices/{noticeId:long}/reply", async (long noticeId, TextInput? input, SupervisionCommands commands, CancellationToken ct) =>
                (await commands.ReplyAsync(noticeId, input, ct)).ToNoContent())
            .RequireAuthorization(Permissions.PlansReport)
            .WithSummary("Reply to a notice addressed to the caller's unit");

        group.MapPost("/tasks/{taskId:long}/rectifications", async (long taskId, RectificationInput? input, SupervisionCommands commands, CancellationToken ct) =>
                (await commands.RaiseAsync(taskId, input, ct)).ToCreated(_ => $"/api/plans/tasks/{taskId}", id => new NewId(id)))
            .RequireAuthorization(Permissions.PlansManage)
            .WithSummary("Raise a rectification item (整改) for one of the task's units (optionally from a notice), with a due date; the unit fixes it and the owner verifies it at /api/rectifications/{id}");

        group.MapGet("/evidence/{id:long}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (long id, SupervisionQueries queries,
                IStringLocalizer<SupervisionText> t, CancellationToken ct) =>
                await queries.EvidenceAsync(id, ct) is { } file
                    ? TypedResults.File(file.Content, file.ContentType, file.FileName)
                    : TypedResults.Problem(t["Evidence.NotFound"], statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization(Permissions.PlansRead)
            .WithSummary("Download an evidence file (always as an attachment; each download is audited)");

        group.MapGet("/mine", async Task<Results<Ok<MyTasks>, ProblemHttpResult>> (SupervisionQueries queries, IStringLocalizer<SupervisionText> t, CancellationToken ct) =>
                await queries.MineAsync(ct: ct) is { } mine ? TypedResults.Ok(mine) : TypedResults.Problem(t["Mine.NoUnit"], statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization(Permissions.PlansReport)
            .WithSummary("The caller's unit's tasks on active plans (lead and participating, groups included) with status and milestones, and its reminders");

        group.MapGet("/reminders", async Task<Results<Ok<IReadOnlyList<Reminder>>, ValidationProblem>> (int? days, SupervisionQueries queries,
                IStringLocalizer<SupervisionText> t, CancellationToken ct) =>
                days is < 0 or > 366
                    ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = [t["Reminders.Days"]] })
                    : TypedResults.Ok(await queries.RemindersAsync(days ?? TaskStatusRules.RiskWindowDays, ct)))
            .RequireAuthorization(Permissions.PlansRead)
            .WithSummary("What is due within ?days= (default 30) or late: for the caller's unit, or for every unit of the plans the caller owns");

        group.MapGet("/workload", async (SupervisionQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.WorkloadAsync(ct)))
            .RequireAuthorization(Permissions.PlansManage)
            .WithSummary("Per unit, its tasks on the caller's active plans by status");

        group.MapGet("/overdue", async (SupervisionQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.OverdueAsync(ct)))
            .RequireAuthorization(Permissions.PlansManage)
            .WithSummary("The overdue tasks and milestones of the caller's active plans, with their units and days overdue");
    }

    private static ProblemHttpResult TooLarge(IStringLocalizer<SupervisionText> t) =>
        TypedResults.Problem(string.Format(t["Request.TooLarge"], EvidenceFiles.MaxTotalBytes / 1024 / 1024), statusCode: StatusCodes.Status413PayloadTooLarge);
}
