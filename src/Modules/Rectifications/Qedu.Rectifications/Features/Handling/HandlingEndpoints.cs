using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Rectifications.Contracts;
using Qedu.Rectifications.Items;
using Qedu.Rectifications.Resources;

namespace Qedu.Rectifications.Features.Handling;

/// <summary>
/// One rectification over HTTP: read it, fix it, verify it, re-check it. Reading needs <c>rectification.read</c>; fixing and verifying need the permission the
/// raising module named on the item, checked by the use case (the responsible unit fixes, the raising unit verifies).
/// </summary>
internal static class HandlingEndpoints
{
    public static IEndpointRouteBuilder MapHandlingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/rectifications").WithTags("Rectifications (整改)").RequireAuthorization();
        group.MapGet("/{id:long}", async Task<Results<Ok<RectificationDetail>, ProblemHttpResult>> (long id, RectificationService service,
                IStringLocalizer<RectificationText> t, CancellationToken ct) =>
                await service.DetailAsync(id, ct) is { } found ? TypedResults.Ok(found) : TypedResults.Problem(t["Item.NotFound"], statusCode: 404))
            .RequireAuthorization(Permissions.RectificationRead)
            .WithSummary("One rectification with its history, files and what the caller may do");
        group.MapPost("/{id:long}/fix", async (long id, HttpRequest request, RectificationService service, IStringLocalizer<RectificationText> t, CancellationToken ct) =>
            {
                // JSON ({ text }) or a form (text, files): a fix with photos comes as multipart.
                if (request.HasFormContentType)
                {
                    var form = await request.ReadFormAsync(ct);
                    var uploads = form.Files.Select(f => new RectificationUpload(f.FileName, f.Length, f.OpenReadStream())).ToList();
                    try
                    {
                        return (await service.FixAsync(id, form["text"], uploads, ct)).ToOk(state => new { state }).Result;
                    }
                    finally
                    {
                        foreach (var u in uploads)
                        {
                            await u.Content.DisposeAsync();
                        }
                    }
                }
                if (!request.HasJsonContentType())
                {
                    return TypedResults.Problem(t["Fix.Body"], statusCode: StatusCodes.Status415UnsupportedMediaType);
                }
                TextBody? body;
                try
                {
                    body = await request.ReadFromJsonAsync<TextBody>(ct);
                }
                catch (System.Text.Json.JsonException)
                {
                    return TypedResults.Problem(t["Fix.Body"], statusCode: StatusCodes.Status400BadRequest);
                }
                return (await service.FixAsync(id, body?.Text, [], ct)).ToOk(state => new { state }).Result;
            })
            // Staff sign in by a SameSite cookie or a bearer token; the page posts its own form with its token.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(RectificationService.MaxFiles * RectificationService.MaxFileBytes + (1 << 20)))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = RectificationService.MaxFiles * RectificationService.MaxFileBytes + (1 << 20) })
            .WithSummary("The responsible unit reports the finding put right (JSON { text } or multipart text + files: JPEG, PNG or PDF, ≤ 10 MB each, at most 6)");
        group.MapPost("/{id:long}/verify", async (long id, Decision body, RectificationService service, CancellationToken ct) =>
                (await service.VerifyAsync(id, body.Accept, body.Text, body.DueOn, ct)).ToOk(state => new { state }))
            .WithSummary("The raising unit accepts a fix (accept: true; closed, or waiting for its 回头看) or sends it back (accept: false, text: the reason, dueOn: a new date)");
        group.MapPost("/{id:long}/recheck", async (long id, Decision body, RectificationService service, CancellationToken ct) =>
                (await service.RecheckAsync(id, body.Accept, body.Text, body.DueOn, ct)).ToOk(state => new { state }))
            .WithSummary("The 回头看 on or after its date: the fix held (accept: true, closed) or the problem is back (accept: false, open again by dueOn)");
        group.MapGet("/files/{fileId:long}", async (long fileId, RectificationService service, IStringLocalizer<RectificationText> t, CancellationToken ct) =>
                await service.OpenFileAsync(fileId, ct) is { } file
                    ? Results.File(file.Content, file.File.MediaType, file.File.FileName)
                    : TypedResults.Problem(t["Item.FileNotFound"], statusCode: 404))
            .RequireAuthorization(Permissions.RectificationRead)
            .WithSummary("A photo or scan of a finding or a fix");
        return endpoints;
    }

    private sealed record TextBody(string? Text);
}
