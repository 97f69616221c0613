using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Resources.Resources;

namespace Qedu.Resources.Features.Library;

/// <summary>The resource library over HTTP: search, one item, add (multipart: metadata and a file, or a link), download, follow a link, rate.</summary>
internal static class LibraryEndpoints
{
    public static IEndpointRouteBuilder MapLibraryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var limits = endpoints.ServiceProvider.GetRequiredService<ResourceLimits>();
        var group = endpoints.MapGroup("/api/resources/items").WithTags("Resources (library)");
        group.MapGet("/", async (string? q, string? type, string? stage, int? grade, string? subject, string? edition, bool? featured, ResourceLibrary library, CancellationToken ct) =>
                TypedResults.Ok(await library.SearchAsync(new ResourceFilter(q, type, stage, grade, subject, edition, featured == true), ct)))
            .RequireAuthorization(Permissions.ResourcesRead)
            .WithSummary("Published resources the caller may see, by words (q: Chinese matched by character pairs) and metadata (type, stage, grade, subject, edition, featured)");
        group.MapGet("/{id:long}", async (long id, ResourceLibrary library, IStringLocalizer<ResourcesText> t, CancellationToken ct) =>
                await library.DetailAsync(id, ct) is { } found ? Results.Ok(found) : TypedResults.Problem(t["Item.NotFound"], statusCode: 404))
            .RequireAuthorization(Permissions.ResourcesRead)
            .WithSummary("One resource with its metadata, rating, use counts and the caller's own rating");
        group.MapPost("/", async (HttpRequest request, ResourceLibrary library, IStringLocalizer<ResourcesText> t, CancellationToken ct) =>
            {
                if (!request.HasFormContentType)
                {
                    return TypedResults.Problem(t["Item.Body"], statusCode: StatusCodes.Status415UnsupportedMediaType);
                }
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file");
                await using var content = file?.OpenReadStream();
                var upload = file is null ? null : new ResourceUpload(file.FileName, file.Length, content!);
                var input = new ResourceInput(form["title"], form["description"], form["type"], form["stage"],
                    int.TryParse(form["grade"], out var g) ? g : null, form["subject"], form["edition"], form["chapter"], form["keywords"], form["reach"], form["url"], form["unit"]);
                if (!string.IsNullOrWhiteSpace(form["grade"]) && input.Grade is null)
                {
                    input = input with { Grade = 0 };
                }
                return (await library.CreateAsync(input, upload, ct)).ToCreated(id => $"/api/resources/items/{id}", id => new { id }).Result;
            })
            .RequireAuthorization(Permissions.ResourcesContribute)
            // Staff sign in by a SameSite cookie or a bearer token; the upload page posts its own form with its token.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxBytes + (1 << 20)))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limits.MaxBytes + (1 << 20) })
            .WithSummary("Adds a resource for review (multipart: title, type: MicroLesson, QualityLesson, Courseware, TestItems, SchoolCourse; stage; grade; subject; edition; chapter; keywords; description; reach: School, District, City; unit; and file or url)");
        group.MapGet("/{id:long}/file", async (long id, ResourceLibrary library, IStringLocalizer<ResourcesText> t, CancellationToken ct) =>
                await library.OpenFileAsync(id, ct) is { } file
                    ? Results.File(file.Content, file.MediaType, file.FileName)
                    : TypedResults.Problem(t["Item.NotFound"], statusCode: 404))
            .RequireAuthorization(Permissions.ResourcesRead)
            .WithSummary("Downloads a resource's file (counted)");
        group.MapGet("/{id:long}/open", async (long id, ResourceLibrary library, IStringLocalizer<ResourcesText> t, CancellationToken ct) =>
                await library.OpenLinkAsync(id, ct) is { } url ? Results.Redirect(url) : TypedResults.Problem(t["Item.NotFound"], statusCode: 404))
            .RequireAuthorization(Permissions.ResourcesRead)
            .WithSummary("Follows a resource's link (counted)");
        group.MapPut("/{id:long}/rating", async (long id, RatingBody body, ResourceLibrary library, CancellationToken ct) =>
                (await library.RateAsync(id, body.Stars, ct)).ToOk(rating => new { rating }))
            .RequireAuthorization(Permissions.ResourcesRead)
            .WithSummary("Rates a published resource (stars: 1 to 5); rating again replaces the account's rating");
        return endpoints;
    }

    internal sealed record RatingBody(int? Stars);
}
