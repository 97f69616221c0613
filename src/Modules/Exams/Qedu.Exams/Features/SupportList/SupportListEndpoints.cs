using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Exams.Resources;
using Qedu.Kernel.Access;

namespace Qedu.Exams.Features.SupportList;

/// <summary>The 后30% support list over HTTP (<c>exams.support-list</c>: a school's or a district's), every read audited.</summary>
internal static class SupportListEndpoints
{
    public static IEndpointRouteBuilder MapSupportListEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/exams/{code}/support-list", async Task<Results<Ok<SupportListView>, ProblemHttpResult>> (string code, int? school,
                SupportList list, IStringLocalizer<ExamsText> t, CancellationToken ct) =>
                await list.ForExamAsync(code, school, ct) is { } view
                    ? TypedResults.Ok(view)
                    : TypedResults.Problem(t["Exam.NotFound"], statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization(Permissions.ExamsSupportList)
            .WithTags("Exams")
            .WithSummary("The students of the caller's schools (or one school) in the city's lowest 30 % of the exam's total, with their other exams: the support list");
        return endpoints;
    }
}
