using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Documents;
using Qedu.Exams.Analysis;
using Qedu.Exams.Domain;
using Qedu.Exams.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Files;

namespace Qedu.Exams.Features.Exams;

/// <summary>New thresholds: percent of full marks.</summary>
internal sealed record ThresholdsInput(double? Pass, double? Excellent);

/// <summary>An exam's release to families: when.</summary>
internal sealed record ReleaseView(string Exam, DateTimeOffset ReleasedAt);

/// <summary>The exams and their figures over HTTP (<c>exams.read</c>), scoped like the pages.</summary>
internal static class ExamEndpoints
{
    public static IEndpointRouteBuilder MapExamEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/exams").WithTags("Exams").RequireAuthorization(Permissions.ExamsRead);
        group.MapGet("", async (ExamFigures figures, CancellationToken ct) => TypedResults.Ok(await figures.ListAsync(ct)))
            .WithSummary("The exams the caller's units sat, newest first");
        group.MapGet("/{code}", async Task<Results<Ok<UnitReport>, ProblemHttpResult>> (string code, int? unit, long? @class, short? subject,
                ExamFigures figures, IStringLocalizer<ExamsText> t, CancellationToken ct) =>
                await figures.UnitAsync(code, unit, @class, subject ?? ExamFigure.Total, ct) is { } report
                    ? TypedResults.Ok(report)
                    : TypedResults.Problem(t["Exam.NotFound"], statusCode: StatusCodes.Status404NotFound))
            .WithSummary("One unit's figures in an exam (the caller's highest unit unless unit, and class, are given): every subject, the units one level down in the subject asked (0 = total), the way up");
        group.MapGet("/{code}/report.xlsx", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string code, int? unit, long? @class, short? subject,
                ExamFigures figures, IStringLocalizer<ExamsText> t, CancellationToken ct) =>
            {
                if (await figures.UnitAsync(code, unit, @class, subject ?? ExamFigure.Total, ct) is not { } report)
                {
                    return TypedResults.Problem(t["Exam.NotFound"], statusCode: StatusCodes.Status404NotFound);
                }
                using var buffer = new MemoryStream();
                UnitReportFile.Write(buffer, report, t);
                return TypedResults.File(buffer.ToArray(), ReportWorkbook.MediaType, $"{code}-{report.Unit.Unit}.xlsx");
            })
            .WithSummary("One unit's report of the exam as an .xlsx (the same unit as the page): every subject, the units one level down, the score bands");
        group.MapGet("/{code}/report.pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string code, int? unit, long? @class, short? subject,
                ExamFigures figures, ValueAddedRunner valueAdded, PdfFonts fonts, TimeProvider clock, IStringLocalizer<ExamsText> t, CancellationToken ct) =>
            {
                if (await figures.UnitAsync(code, unit, @class, subject ?? ExamFigure.Total, ct) is not { } report)
                {
                    return TypedResults.Problem(t["Exam.NotFound"], statusCode: StatusCodes.Status404NotFound);
                }
                if (fonts.Current is not { } font)
                {
                    return TypedResults.Problem(t["Reports.NoFont"], statusCode: StatusCodes.Status503ServiceUnavailable);
                }
                var run = report.Unit.Level == "school" ? await valueAdded.LatestAsync(report.Exam.Id, null, ct) : null;
                var line = run?.Schools.FirstOrDefault(s => s.SchoolId == report.Unit.UnitId);
                return TypedResults.File(UnitReportPdf.Render(report, line, run, font, clock.GetUtcNow()), UnitReportPdf.MediaType, $"{code}-{report.Unit.Unit}.pdf");
            })
            .WithSummary("One unit's report of the exam as a PDF (the same unit as the page): every subject, the units one level down, the score bands, a school's value-added with its interval");
        group.MapPut("/{code}/thresholds", async (string code, ThresholdsInput body, ExamThresholds thresholds, CancellationToken ct) =>
                (await thresholds.ChangeAsync(code, body.Pass, body.Excellent, ct)).ToTypedResult())
            .RequireAuthorization(Permissions.ExamsManage)
            .WithSummary("Sets the exam's pass and excellent thresholds (percent of full marks, e.g. 60 and 85) and recomputes every figure with them; the exam's bureau only");
        group.MapPost("/{code}/release", async Task<Results<Ok<ReleaseView>, ProblemHttpResult>> (string code, ExamRelease release, IStringLocalizer<ExamsText> t,
                CancellationToken ct) =>
                await release.ReleaseAsync(code, ct) switch
                {
                    (ReleaseOutcome.Released, { } at) => TypedResults.Ok(new ReleaseView(code, at)),
                    (ReleaseOutcome.Forbidden, _) => TypedResults.Problem(t["Release.Forbidden"], statusCode: StatusCodes.Status403Forbidden),
                    _ => TypedResults.Problem(t["Exam.NotFound"], statusCode: StatusCodes.Status404NotFound),
                })
            .RequireAuthorization(Permissions.ExamsManage)
            .WithSummary("Releases the exam's results to families (成绩发布): each guardian then sees their child's score report. Once; again changes nothing");
        return endpoints;
    }
}
