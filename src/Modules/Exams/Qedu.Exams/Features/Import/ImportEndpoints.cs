using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Qedu.Exams.Import;
using Qedu.Kernel.Access;

namespace Qedu.Exams.Features.Import;

/// <summary>
/// The score intake over HTTP (<c>exams.manage</c>): multipart <c>file</c> (.csv or .xlsx), <c>code</c>, <c>name</c>,
/// <c>date</c> (YYYY-MM-DD) and <c>dryRun</c>. 200 with the report when every row is right (written unless a dry run); 400
/// with the same report, naming each row and column, when anything is wrong, and nothing written.
/// </summary>
internal static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/exams/import", async Task<Results<Ok<ScoreImportReport>, BadRequest<ScoreImportReport>>> (
                [FromForm] string? code, [FromForm] string? name, [FromForm] string? date, [FromForm] bool? dryRun, IFormFile? file, ScoreUpload upload,
                CancellationToken ct) =>
            {
                DateOnly? day = DateOnly.TryParseExact(date, "yyyy-MM-dd", out var d) ? d : null;
                var report = await upload.ImportAsync(code, name, day, file, dryRun == true, ct);
                return report.Ok ? TypedResults.Ok(report) : TypedResults.BadRequest(report);
            })
            .RequireAuthorization(Permissions.ExamsManage)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ScoreUpload.MaxBytes + 1024 * 1024))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = ScoreUpload.MaxBytes + 1024 * 1024 })
            .WithTags("Exams")
            .WithSummary("Import an exam's scores (学籍号,科目,分数,满分): all rows checked, nothing written if any is wrong");
        endpoints.MapPost("/api/exams/{code}/items", async Task<Results<Ok<ItemImportReport>, BadRequest<ItemImportReport>>> (string code,
                [FromForm] bool? dryRun, IFormFile? file, ScoreUpload upload, CancellationToken ct) =>
            {
                var report = await upload.ImportItemsAsync(code, file, dryRun == true, ct);
                return report.Ok ? TypedResults.Ok(report) : TypedResults.BadRequest(report);
            })
            .RequireAuthorization(Permissions.ExamsManage)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ScoreUpload.MaxBytes + 1024 * 1024))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = ScoreUpload.MaxBytes + 1024 * 1024 })
            .WithTags("Exams")
            .WithSummary("Import an exam's item-level scores (学籍号,科目,题号,得分,满分): all rows checked against the exam, item difficulty and discrimination computed; nothing written if any row is wrong");
        return endpoints;
    }
}
