using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qedu.Kernel.Access;
using Qedu.Kernel.Files;
using Qedu.Kernel.Localization;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Data;
using Qedu.Registry.Export;
using Qedu.Registry.Import;
using Qedu.Registry.Records;

namespace Qedu.Registry.Features.Import;

/// <summary>
/// Registry files over HTTP: templates, exports, and imports. An import's body is the file itself (Content-Type
/// text/csv or the .xlsx media type; a cross-site form cannot send either), streamed to a temporary file with the
/// configured size limit, then imported all or nothing. A refused import is a 400 problem document whose
/// <c>errors</c> are keyed "file:row:column" and whose <c>report</c> has every detail; with <c>report=xlsx</c> the
/// same 400 carries the report as a spreadsheet.
/// </summary>
internal static class RegistryFileEndpoints
{
    public const string ImportPath = "/api/registry/import";

    public static void MapRegistryFiles(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/registry").WithTags("Registry");

        group.MapGet("/templates/{kind}", Results<FileStreamHttpResult, ProblemHttpResult> (string kind, string? format, IStringLocalizer<RecordText> text,
                RecordContextFactory contexts) =>
            {
                var (problem, k, f) = Parse(kind, format, text);
                if (problem is not null)
                {
                    return problem;
                }
                var stream = new MemoryStream();
                ImportTemplate.Write(k, f, stream, contexts.Create());
                stream.Position = 0;
                return TypedResults.File(stream, TableFormats.MediaType(f), RegistryExporter.FileName(k, f, "-template"));
            })
            .RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("An import template (Chinese headers and an example row, which the importer skips) for schools, staff, classes, assets, teaching or students; format=xlsx (default; also a code-list sheet, drop-downs and instructions) or csv");

        group.MapGet("/export/{kind}", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (string kind, string? format, string? school, string? purpose, RegistryExporter exporter,
                PersonalDataExports exports, IStringLocalizer<RecordText> text, IStringLocalizer<KernelText> kernelText, WorkFiles work, CancellationToken ct) =>
            {
                var (problem, k, f) = Parse(kind, format, text);
                if (problem is not null)
                {
                    return problem;
                }
                if (school is not null && !OrgUnitRules.IsWellFormedCode(school))
                {
                    return TypedResults.Problem(string.Format(kernelText["OrgUnit.CodeMalformed"], school), statusCode: StatusCodes.Status400BadRequest);
                }
                var schools = await exporter.SchoolsAsync(school, ct);
                if (schools is null)
                {
                    return TypedResults.Problem(string.Format(kernelText["OrgUnit.NotFound"], school), statusCode: StatusCodes.Status404NotFound);
                }
                if (exports.Refusal(await exporter.PeopleAsync(k, schools, ct), purpose) is { } refusal)
                {
                    return TypedResults.Problem(refusal, statusCode: StatusCodes.Status400BadRequest);
                }
                // To a temporary file first: the .xlsx writer needs a seekable stream and Kestrel forbids synchronous writes.
                var file = work.CreateScratch();
                await exporter.ExportAsync(k, f, file, schools, purpose, ct);
                file.Position = 0;
                return TypedResults.File(file, TableFormats.MediaType(f), RegistryExporter.FileName(k, f));
            })
            .RequireAuthorization(Permissions.RegistryExport)
            .WithSummary("Records of a kind in the caller's scope (optionally one school), with the template's columns; personal data masked without pii.view; more than PersonalData:BulkExportThreshold people need a stated purpose, which the audit log keeps");

        group.MapPost("/import/{kind}", async Task<Results<Ok<ImportReport>, Accepted<ImportJobView>, ProblemHttpResult, EmptyHttpResult>> (string kind, bool? dryRun, bool? background, string? fileName, string? report, HttpContext http,
                RegistryImporter importer, ImportJobs jobs, RegistryDb db, ICurrentAccess access, IOptions<ImportOptions> options, IStringLocalizer<RecordText> text,
                WorkFiles work, CancellationToken ct) =>
            {
                if (!RecordKinds.TryParse(kind, out var k))
                {
                    return TypedResults.Problem(string.Format(text["Kind.Unknown"], kind, string.Join(", ", RecordKinds.Names)), statusCode: StatusCodes.Status404NotFound);
                }
                var media = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
                TableFormat format;
                if (media == TableFormats.CsvMediaType)
                {
                    format = TableFormat.Csv;
                }
                else if (media == TableFormats.XlsxMediaType)
                {
                    format = TableFormat.Xlsx;
                }
                else
                {
                    return TypedResults.Problem(string.Format(text["File.UnknownFormat"], media ?? ""), statusCode: StatusCodes.Status415UnsupportedMediaType);
                }
                var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? $"{RecordKinds.Name(k)}{TableFormats.Extension(format)}" : fileName);
                var limit = options.Value.MaxFileBytes;
                if (http.Request.ContentLength > limit)
                {
                    return TooLarge(text, name, http.Request.ContentLength.Value, limit);
                }

                string? path = work.NewPath(TableFormats.Extension(format));
                try
                {
                    long size = 0;
                    await using (var file = WorkFiles.Create(path))
                    {
                        var buffer = new byte[1 << 16];
                        int read;
                        while ((read = await http.Request.Body.ReadAsync(buffer, ct)) > 0)
                        {
                            size += read;
                            if (size > limit)
                            {
                                return TooLarge(text, name, size, limit);
                            }
                            await file.WriteAsync(buffer.AsMemory(0, read), ct);
                        }
                    }
                    if (background == true)
                    {
                        // The page's progress bar: the job owns the file from here and answers at once with where to watch it.
                        var job = await jobs.StartAsync(db, new ImportSource(k, name, path, format), dryRun ?? false, access.Current, ct);
                        path = null;
                        return TypedResults.Accepted($"/api/registry/import-jobs/{job.Id}", jobs.View(job, text));
                    }
                    var result = await importer.ImportAsync([new ImportSource(k, name, path, format)], dryRun ?? false, progress: null, ct);
                    if (result.Ok)
                    {
                        return TypedResults.Ok(result);
                    }
                    if (string.Equals(report, "xlsx", StringComparison.OrdinalIgnoreCase))
                    {
                        var file = work.CreateScratch();
                        ImportReportFile.WriteXlsx(result, file, text);
                        file.Position = 0;
                        http.Response.StatusCode = StatusCodes.Status400BadRequest;
                        http.Response.ContentType = TableFormats.XlsxMediaType;
                        await using (file)
                        {
                            await file.CopyToAsync(http.Response.Body, ct);
                        }
                        return TypedResults.Empty;
                    }
                    return TypedResults.Problem(
                        detail: string.Format(text["Import.Failed"], result.ErrorCount),
                        statusCode: StatusCodes.Status400BadRequest,
                        extensions: new Dictionary<string, object?>
                        {
                            ["errors"] = result.Errors
                                .GroupBy(e => $"{e.File}:{e.Row}:{e.Column}")
                                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                            ["report"] = result,
                        });
                }
                finally
                {
                    if (path is not null)
                    {
                        File.Delete(path);
                    }
                }
            })
            .RequireAuthorization(Permissions.RegistryWrite)
            // The body is streamed to a work file and held to Registry:Import:MaxFileBytes there, with its own message.
            .WithMetadata(new DisableRequestSizeLimitAttribute())
            .WithSummary("Import a .csv (UTF-8 or GB18030) or .xlsx file sent as the body: every row is checked and nothing is written unless all are valid")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapGet("/import-jobs/{id:guid}", async Task<Results<Ok<ImportJobView>, ProblemHttpResult>> (Guid id, ImportJobs jobs, RegistryDb db, ICurrentAccess access, IStringLocalizer<RecordText> text, CancellationToken ct) =>
                await jobs.FindAsync(db, id, access.Current, ct) is { } job
                    ? TypedResults.Ok(jobs.View(job, text))
                    : TypedResults.Problem(string.Format(text["Import.JobUnknown"], id), statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization(Permissions.RegistryWrite)
            .WithSummary("A background import (started with background=true): phase, rows, share done, and the report once finished; only its uploader sees it");

        group.MapGet("/import-jobs/{id:guid}/report.xlsx", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (Guid id, ImportJobs jobs, RegistryDb db, ICurrentAccess access, IStringLocalizer<RecordText> text, HttpContext http,
                WorkFiles work, CancellationToken ct) =>
            {
                if (await jobs.FindAsync(db, id, access.Current, ct) is not { Report: not null } job || jobs.View(job, text).Report is not { } result)
                {
                    return TypedResults.Problem(string.Format(text["Import.JobUnknown"], id), statusCode: StatusCodes.Status404NotFound);
                }
                var file = work.CreateScratch();
                ImportReportFile.WriteXlsx(result, file, text);
                file.Position = 0;
                return TypedResults.File(file, TableFormats.XlsxMediaType, $"import-report-{id:N}.xlsx");
            })
            .RequireAuthorization(Permissions.RegistryWrite)
            .WithSummary("A finished background import's report as a spreadsheet (file, row, column, value, message)");
    }

    private static ProblemHttpResult TooLarge(IStringLocalizer<RecordText> text, string name, long size, long limit) =>
        TypedResults.Problem(string.Format(text["File.TooLarge"], name, Megabytes(size), Megabytes(limit)), statusCode: StatusCodes.Status413PayloadTooLarge);

    private static string Megabytes(long bytes) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.##} MB");

    /// <summary>The kind and format named in the request (xlsx when no format is named), or the problem with them.</summary>
    private static (ProblemHttpResult? Problem, RecordKind Kind, TableFormat Format) Parse(string kind, string? format, IStringLocalizer<RecordText> text)
    {
        if (!RecordKinds.TryParse(kind, out var k))
        {
            return (TypedResults.Problem(string.Format(text["Kind.Unknown"], kind, string.Join(", ", RecordKinds.Names)), statusCode: StatusCodes.Status404NotFound), k, default);
        }
        var f = TableFormat.Xlsx;
        if (format is not null && !TableFormats.TryParse(format, out f))
        {
            return (TypedResults.Problem(string.Format(text["File.UnknownFormat"], format), statusCode: StatusCodes.Status400BadRequest), k, f);
        }
        return (null, k, f);
    }
}
