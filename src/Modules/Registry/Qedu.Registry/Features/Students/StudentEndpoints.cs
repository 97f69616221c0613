using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Localization;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Api;
using Qedu.Registry.Kinds;

namespace Qedu.Registry.Features.Students;

internal static class StudentEndpoints
{
    /// <summary>Said in the API description while readers move from the old read shape (ADR 6).</summary>
    internal const string StudentShape =
        "A student has one shape, the change feed's: orgCode for the school, classId, the address masked like the other identifying fields. " +
        "It replaced (December 2026) a read shape that named the school schoolCode and left out the address. PUT takes it back as it is.";

    public static void MapStudents(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/registry/students").RequireAuthorization(Permissions.RegistryRead).WithTags("Registry");

        group.MapGet("", async Task<Results<Ok<KeysetPage<StudentData>>, ValidationProblem, ProblemHttpResult>> (string? school, long? @class, long? after, int? limit, OrgTree tree, StudentQueries students,
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
            .WithSummary("Students in the caller's scope, keyset-paged by id; identifying fields masked without pii.view")
            .WithDescription(StudentShape);

        group.MapGet("/{id:long}", async Task<Results<Ok<StudentData>, ProblemHttpResult>> (long id, HttpContext http, StudentQueries students, IStringLocalizer<KernelText> text, CancellationToken ct) =>
            {
                var student = await students.FindAsync(id, ct);
                if (student is null)
                {
                    return TypedResults.Problem(string.Format(text["Record.NotFound"], id), statusCode: StatusCodes.Status404NotFound);
                }
                http.Response.Headers.ETag = $"\"{student.Revision}\"";
                return TypedResults.Ok(student);
            })
            .WithSummary("One student; the ETag is the record's revision")
            .WithDescription(StudentShape);
    }
}
