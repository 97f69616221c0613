using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Registry.Kinds;
using Qedu.Registry.Writes;

namespace Qedu.Registry.Features.Students;

/// <summary>
/// Create, update, delete and bulk upsert of students, through the HTTP handling every kind shares
/// (<see cref="RecordWriteApi"/>: If-Match, problems by field, all-or-nothing bulk). A student's update takes more
/// than the body: the 学籍异动 reason and date a move or change of status is recorded with.
/// </summary>
internal static class StudentWriteEndpoints
{
    public static void MapStudentWrites(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/registry/students").RequireAuthorization(Permissions.RegistryWrite).WithTags("Registry");

        group.MapPost("", (JsonElement body, StudentWrites writes, RecordWriteApi api, HttpContext http, CancellationToken ct) =>
                api.CreateAsync(writes, body, http, ct))
            .WithSummary("Adds a student (fields as the import template's keys) with guardians; opens the first enrolment")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:long}", (long id, JsonElement body, string? reason, DateOnly? effective, StudentWrites writes, StudentCommands commands,
                RecordWriteApi api, HttpContext http, CancellationToken ct) =>
                api.UpdateAsync(writes, id, body, http, ct,
                    (input, revision) => commands.UpdateAsync(id, revision, input.Student, reason, effective, input.Guardians, ct)))
            .WithSummary("Replaces a student's fields (If-Match required); a move of school or class or a change of status is recorded in the enrolment history")
            .WithDescription(StudentKind.Instance.PutDescription
                + " Guardians are replaced only when the body names a guardian field (guardian1Name…); a GET body leaves them as they are.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapDelete("/{id:long}", (long id, StudentWrites writes, RecordWriteApi api, HttpContext http, CancellationToken ct) =>
                api.DeleteAsync(writes, id, http, ct))
            .WithSummary("Deletes a student with guardians and history (If-Match required); the change feed carries tombstones")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapPost("/bulk", (JsonElement body, StudentWrites writes, RecordWriteApi api, CancellationToken ct) => api.BulkAsync(writes, body, ct))
            .WithSummary($"Creates or updates up to {RecordWriteApi.MaxBulkItems} students by 学籍号 (or by id with revision), all or nothing")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }
}
