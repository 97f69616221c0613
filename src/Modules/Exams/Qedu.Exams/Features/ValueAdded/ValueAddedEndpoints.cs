using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Exams.Analysis;
using Qedu.Exams.Resources;
using Qedu.Kernel.Access;

namespace Qedu.Exams.Features.ValueAdded;

/// <summary>An estimate asked over the API: the prior exam's code, a subject's name or "total", the flags to adjust for, the smallest school shown.</summary>
internal sealed record ValueAddedBody(string? Prior, string? Subject, bool Migrant = false, bool Hardship = false, bool Disability = false,
    int MinStudents = ValueAddedRequest.DefaultMinStudents);

/// <summary>Value-added over HTTP: the latest estimate of an exam (<c>exams.read</c>, the schools of the caller's scope); a new one (<c>exams.manage</c>, the exam's bureau).</summary>
internal static class ValueAddedEndpoints
{
    public static IEndpointRouteBuilder MapValueAddedEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/exams/{code}/value-added").WithTags("Exams");
        group.MapGet("", async Task<Results<Ok<ValueAddedReport>, ProblemHttpResult>> (string code, string? subject, ExamFigures figures, ValueAddedRunner runner,
                IStringLocalizer<ExamsText> t, CancellationToken ct) =>
            {
                if (await figures.FindAsync(code, ct) is not { } found || await runner.LatestAsync(found.Exam.Id, subject, ct) is not { } report)
                {
                    return TypedResults.Problem(t["VA.None"], statusCode: StatusCodes.Status404NotFound);
                }
                return TypedResults.Ok(report);
            })
            .RequireAuthorization(Permissions.ExamsRead)
            .WithSummary("The latest value-added estimate of the exam (in a subject if given): each school of the caller's scope with its 95 % interval");
        group.MapPost("", async (string code, ValueAddedBody? body, ValueAddedRunner runner, CancellationToken ct) =>
            {
                var outcome = await runner.RunAsync(new ValueAddedRequest(code, body?.Prior, body?.Subject, body?.Migrant ?? false, body?.Hardship ?? false,
                    body?.Disability ?? false, body?.MinStudents ?? ValueAddedRequest.DefaultMinStudents), ct);
                return outcome.ToTypedResult();
            })
            .RequireAuthorization(Permissions.ExamsManage)
            .WithSummary("Estimate value-added against a prior exam of the same students (a random intercept per school, shrunk; optional adjustments)");
        return endpoints;
    }
}
