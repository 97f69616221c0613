using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Registry.Domain;
using Qedu.Registry.Kinds;
using Qedu.Registry.Writes;

namespace Qedu.Registry.Features.RecordApi;

/// <summary>
/// Create, update, delete and bulk upsert of classes, staff and assets: bodies in the import template's keys, answers in
/// the exchange shape their GET gives. Each kind has its own routes (rather than one <c>{kind}</c> route), so the
/// API description lists them and every one is held to its own rule.
/// </summary>
internal static class RecordWriteEndpoints
{
    public static void MapRecordWrites(this IEndpointRouteBuilder endpoints)
    {
        // Each kind whose descriptor names a write adapter: its routes are typed by that adapter and its entity.
        var map = typeof(RecordWriteEndpoints).GetMethod(nameof(Map), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var kind in RegistryKinds.All)
        {
            if (kind.Writes is { } writes)
            {
                map.MakeGenericMethod(writes.Writes, writes.Entity).Invoke(null, [endpoints, kind.UrlName, writes.What, writes.Key, kind.PutDescription]);
            }
        }
    }

    private static void Map<TWrites, TEntity>(IEndpointRouteBuilder endpoints, string name, string what, string key, string putDescription)
        where TWrites : SimpleRecordWrites<TEntity>
        where TEntity : class, IRegistryRecord
    {
        var group = endpoints.MapGroup($"/api/registry/{name}").RequireAuthorization(Permissions.RegistryWrite).WithTags("Registry");

        group.MapPost("", (JsonElement body, RecordWriteApi api, HttpContext http, CancellationToken ct) =>
                api.CreateAsync(Writes<TWrites>(http), body, http, ct))
            .WithSummary($"Adds {what} (fields as the import template's keys) in a school within the caller's write scope")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:long}", (long id, JsonElement body, RecordWriteApi api, HttpContext http, CancellationToken ct) =>
                api.UpdateAsync(Writes<TWrites>(http), id, body, http, ct))
            .WithSummary($"Replaces the fields of {what} (If-Match with the ETag read required)")
            .WithDescription(putDescription)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapDelete("/{id:long}", (long id, RecordWriteApi api, HttpContext http, CancellationToken ct) =>
                api.DeleteAsync(Writes<TWrites>(http), id, http, ct))
            .WithSummary($"Deletes {what} (If-Match required); the change feed carries a tombstone")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapPost("/bulk", (JsonElement body, RecordWriteApi api, HttpContext http, CancellationToken ct) =>
                api.BulkAsync(Writes<TWrites>(http), body, ct))
            .WithSummary($"Creates or updates up to {RecordWriteApi.MaxBulkItems} records by {key} (or by id with revision), all or nothing")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    // Resolved here rather than bound as a handler parameter: ASP.NET's route handler analyzer cannot follow a
    // parameter whose type is a type parameter (it fails the build with AD0001).
    private static TWrites Writes<TWrites>(HttpContext http)
        where TWrites : notnull => http.RequestServices.GetRequiredService<TWrites>();
}
