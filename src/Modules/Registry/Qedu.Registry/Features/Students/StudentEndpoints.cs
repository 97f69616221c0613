using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Localization;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Api;

namespace Qedu.Registry.Features.Students;

internal static class StudentEndpoints
{
    public static void MapStudents(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/registry/students").RequireAuthorization(Permissions.RegistryRead).WithTags("Registry");

        group.MapGet("", async Task<Results<Ok<KeysetPage<StudentView>>, ValidationProblem, ProblemHttpResult>> (string? school, long? @class, long? after, int? limit, OrgTree tree, StudentQueries students,
                IStringLocalizer<KernelText> text, CancellationToken ct) =>
            {
                var (schoolId, problem) = await ListParameters.SchoolAsync(school, tree, text, ct);
                if (problem is not null)
                {
                    return problem;
                }
                if (ListParameters.PageSize(limit, 100, StudentQueries.MaxPageSize, text, out var size) is { } refused)
                {
                    return refused;
                }
                return TypedResults.Ok(await students.ListAsync(schoolId, @class, after ?? 0, size, ct));
            })
            .WithSummary("Students in the caller's scope, keyset-paged by id; identifying fields masked without pii.view");

        group.MapGet("/{id:long}", async Task<Results<Ok<StudentView>, ProblemHttpResult>> (long id, HttpContext http, StudentQueries students, IStringLocalizer<KernelText> text, CancellationToken ct) =>
            {
                var student = await students.FindAsync(id, ct);
                if (student is null)
                {
                    return TypedResults.Problem(string.Format(text["Record.NotFound"], id), statusCode: StatusCodes.Status404NotFound);
                }
                http.Response.Headers.ETag = $"\"{student.Revision}\"";
                return TypedResults.Ok(student);
            })
            .WithSummary("One student; the ETag is the record's revision");
    }
}
