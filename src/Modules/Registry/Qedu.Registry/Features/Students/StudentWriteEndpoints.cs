using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Localization;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Resources;

namespace Qedu.Registry.Features.Students;

/// <summary>
/// Create, update, delete and bulk upsert of students. Updates and deletes need If-Match with the ETag read (the
/// record's revision): a stale one gets 412 and the current ETag, a missing one 428, so two offices editing the same
/// child never silently overwrite each other.
/// </summary>
internal static class StudentWriteEndpoints
{
    public const int MaxBulkItems = 1000;

    public static void MapStudentWrites(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/registry/students").RequireAuthorization(Permissions.RegistryWrite).WithTags("Registry");

        group.MapPost("", async (JsonElement body, StudentWrites writes, StudentCommands commands, StudentQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                var input = await writes.ReadAsync(body, self: null, errors, ct: ct);
                if (input is null)
                {
                    return Results.ValidationProblem(errors);
                }
                var student = await commands.CreateAsync(input.Student, input.Guardians, input.EnrolledOn, input.EntryReasonCode, ct);
                http.Response.Headers.ETag = ETag(student.Revision);
                return Results.Created($"/api/registry/students/{student.Id}", await queries.FindAsync(student.Id, ct));
            })
            .WithSummary("Adds a student (fields as the import template's keys) with guardians; opens the first enrolment");

        group.MapPut("/{id:long}", async (long id, JsonElement body, HttpContext http, StudentWrites writes, StudentCommands commands,
                StudentQueries queries, RegistryDb db, IStringLocalizer<RegistryText> text, IStringLocalizer<KernelText> kernelText,
                string? reason, DateOnly? effective, CancellationToken ct) =>
            {
                if (!await db.Students.AnyAsync(s => s.Id == id, ct))
                {
                    return NotFound(id, kernelText);
                }
                if (IfMatch(http, text, out var revision) is { } refused)
                {
                    return refused;
                }
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                var input = await writes.ReadAsync(body, self: id, errors, ct: ct);
                if (input is null)
                {
                    return Results.ValidationProblem(errors);
                }
                var result = await commands.UpdateAsync(id, revision, input.Student, reason, effective, input.Guardians, ct);
                return Answer(result, http, text, kernelText, id) ?? Results.Ok(await queries.FindAsync(id, ct));
            })
            .WithSummary("Replaces a student's fields (If-Match required); a move of school or class or a change of status is recorded in the enrolment history");

        group.MapDelete("/{id:long}", async (long id, HttpContext http, StudentCommands commands, RegistryDb db,
                IStringLocalizer<RegistryText> text, IStringLocalizer<KernelText> kernelText, CancellationToken ct) =>
            {
                if (!await db.Students.AnyAsync(s => s.Id == id, ct))
                {
                    return NotFound(id, kernelText);
                }
                if (IfMatch(http, text, out var revision) is { } refused)
                {
                    return refused;
                }
                var result = await commands.DeleteAsync(id, revision, ct);
                return Answer(result, http, text, kernelText, id) ?? Results.NoContent();
            })
            .WithSummary("Deletes a student with guardians and history (If-Match required); the change feed carries tombstones");

        group.MapPost("/bulk", StudentBulkUpsert.HandleAsync)
            .WithSummary($"Creates or updates up to {MaxBulkItems} students by 学籍号 (or by id with revision), all or nothing");
    }

    public static string ETag(long revision) => $"\"{revision.ToString(CultureInfo.InvariantCulture)}\"";

    private static IResult NotFound(long id, IStringLocalizer<KernelText> kernelText) =>
        Results.Problem(string.Format(kernelText["Record.NotFound"], id), statusCode: StatusCodes.Status404NotFound);

    /// <summary>The revision named by If-Match, or the refusal: 428 without the header, 400 when it is not ours.</summary>
    private static IResult? IfMatch(HttpContext http, IStringLocalizer<RegistryText> text, out long revision)
    {
        revision = 0;
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            return Results.Problem(text["Api.IfMatchRequired"], statusCode: StatusCodes.Status428PreconditionRequired);
        }
        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return tag.Length > 2 && tag[0] == '"' && tag[^1] == '"' && long.TryParse(tag[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out revision)
            ? null
            : Results.Problem(string.Format(text["Api.IfMatchMalformed"], header), statusCode: StatusCodes.Status400BadRequest);
    }

    private static IResult? Answer(WriteResult<Student> result, HttpContext http, IStringLocalizer<RegistryText> text, IStringLocalizer<KernelText> kernelText, long id)
    {
        switch (result.Status)
        {
            case WriteStatus.NotFound:
                return NotFound(id, kernelText);
            case WriteStatus.Stale:
                http.Response.Headers.ETag = ETag(result.CurrentRevision);
                return Results.Problem(string.Format(text["Api.Stale"], result.CurrentRevision), statusCode: StatusCodes.Status412PreconditionFailed);
            default:
                if (result.Record is { } record)
                {
                    http.Response.Headers.ETag = ETag(record.Revision);
                }
                return null;
        }
    }
}
