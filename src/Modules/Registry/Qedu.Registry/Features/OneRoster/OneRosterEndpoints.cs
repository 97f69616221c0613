using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Qedu.Kernel.Access;
using Qedu.Kernel.Files;
using Qedu.Kernel.Localization;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Import;

namespace Qedu.Registry.Features.OneRoster;

internal static class OneRosterEndpoints
{
    public const string ImportPath = "/api/registry/oneroster";

    public static void MapOneRoster(this IEndpointRouteBuilder endpoints)
    {
        MapExport(endpoints);
        endpoints.MapPost(ImportPath, ImportAsync)
            .RequireAuthorization(Permissions.RegistryWrite)
            // The bundle is streamed to a work file and held to Registry:OneRoster:MaxBundleBytes there, with its own message.
            .WithMetadata(new DisableRequestSizeLimitAttribute())
            .WithTags("Registry")
            .WithSummary("Import a OneRoster v1.2 CSV bundle (zip, as multipart/form-data field 'file' or an application/zip body): every row is checked and nothing is written unless all are valid; ?dryRun=true only checks")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    /// <summary>
    /// The bundle is streamed to a temporary file with the configured limit, then imported. The multipart body is read
    /// by hand rather than bound as a form, so no form buffering and no limit but ours apply. (Cookies are SameSite=Lax,
    /// so another site's form cannot post here with the user's session.)
    /// </summary>
    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(bool? dryRun, HttpContext http, OneRosterImport importer, IOptions<OneRosterImportOptions> options,
        WorkFiles work, CancellationToken ct)
    {
        string Text(string key, params object?[] args) =>
            string.Format(CultureInfo.CurrentUICulture, OneRosterText.Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key, args);

        var limit = options.Value.MaxBundleBytes;
        var contentType = http.Request.ContentType ?? "";
        var media = contentType.Split(';')[0].Trim().ToLowerInvariant();
        var name = "oneroster.zip";
        Stream? body = null;
        MultipartReader? multipart = null;
        if (media == "multipart/form-data")
        {
            var boundary = MediaTypeHeaderValue.TryParse(contentType, out var header) ? HeaderUtilities.RemoveQuotes(header.Boundary).Value : null;
            if (string.IsNullOrEmpty(boundary))
            {
                return TypedResults.Problem(Text("Upload.Format", contentType), statusCode: StatusCodes.Status415UnsupportedMediaType);
            }
            multipart = new MultipartReader(boundary, http.Request.Body);
            while (await multipart.ReadNextSectionAsync(ct) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                {
                    name = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value)
                        is { Length: > 0 } given ? given : name;
                    body = section.Body;
                    break;
                }
            }
            if (body is null)
            {
                return TypedResults.Problem(Text("Upload.NoFile"), statusCode: StatusCodes.Status400BadRequest);
            }
        }
        else if (media is "application/zip" or "application/x-zip-compressed")
        {
            if (http.Request.ContentLength > limit)
            {
                return TypedResults.Problem(Text("Upload.TooLarge", name, Megabytes(http.Request.ContentLength.Value), Megabytes(limit)),
                    statusCode: StatusCodes.Status413PayloadTooLarge);
            }
            body = http.Request.Body;
        }
        else
        {
            return TypedResults.Problem(Text("Upload.Format", media), statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var path = work.NewPath(".zip");
        try
        {
            long size = 0;
            await using (var file = WorkFiles.Create(path))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await body.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > limit)
                    {
                        return TypedResults.Problem(Text("Upload.TooLarge", name, Megabytes(size), Megabytes(limit)), statusCode: StatusCodes.Status413PayloadTooLarge);
                    }
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            var (report, failed) = await importer.ImportAsync(path, name, dryRun ?? false, ct);
            if (report.Ok)
            {
                return TypedResults.Ok(report);
            }
            return TypedResults.Problem(
                detail: failed && report.Errors.Count > 0 ? report.Errors[0].Message : Text("Import.Failed", report.ErrorCount),
                statusCode: failed ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = report.Errors
                        .GroupBy(e => $"{e.File}:{e.Row}:{e.Column}")
                        .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                    ["report"] = report,
                });
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.##} MB");

    private static void MapExport(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/registry/oneroster.zip", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (string? school, string? purpose, OneRosterExport export, IStringLocalizer<KernelText> text,
            WorkFiles work, CancellationToken ct) =>
            {
                if (school is not null && !OrgUnitRules.IsWellFormedCode(school))
                {
                    return TypedResults.Problem(string.Format(text["OrgUnit.CodeMalformed"], school), statusCode: StatusCodes.Status400BadRequest);
                }
                // Built in a temporary file first: a failure halfway gives an error, never a truncated zip sent as 200.
                var stream = work.CreateScratch();
                try
                {
                    if (await export.WriteAsync(stream, school, purpose, ct) is null)
                    {
                        await stream.DisposeAsync();
                        return TypedResults.Problem(string.Format(text["OrgUnit.NotFound"], school), statusCode: StatusCodes.Status404NotFound);
                    }
                    stream.Position = 0;
                    return TypedResults.File(stream, "application/zip", "oneroster.zip");
                }
                catch (ExportRefusedException refused)
                {
                    await stream.DisposeAsync();
                    return TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status400BadRequest);
                }
                catch
                {
                    await stream.DisposeAsync();
                    throw;
                }
            })
            .RequireAuthorization(Permissions.RegistryExport)
            .WithTags("Registry")
            .WithSummary("The registry in the caller's scope (or one unit's subtree, ?school=CODE) as a OneRoster v1.2 CSV bundle; identifying data masked without pii.view")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
