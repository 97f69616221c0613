using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Documents;
using Qedu.Exams.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Exams.Features.ScoreReports;

/// <summary>
/// Score reports as PDF: a guardian's child's in a released exam (the parent's sign-in), and a class's to print at the
/// school (<c>exams.score-reports</c>), one student to a page.
/// </summary>
internal static class ScoreReportEndpoints
{
    public static IEndpointRouteBuilder MapScoreReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/parent/exams/{code}/{studentId:long}/report.pdf", async (string code, long studentId, ScoreReports reports, PdfFonts fonts,
                TimeProvider clock, IStringLocalizer<ExamsText> t, CancellationToken ct) =>
            {
                if ((await reports.ForGuardianAsync(ct)).FirstOrDefault(r => r.ExamCode == code && r.StudentId == studentId) is not { } report)
                {
                    return Results.Problem(t["Reports.None"], statusCode: StatusCodes.Status404NotFound);
                }
                return fonts.Current is { } font
                    ? Results.File(ScoreReportPdf.Render([report], font, clock.GetUtcNow()), ScoreReportPdf.MediaType, $"成绩报告单-{code}.pdf")
                    : Results.Problem(t["Reports.NoFont"], statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .RequireAuthorization(ParentAuthentication.Policy).ExcludeFromDescription();

        endpoints.MapGet("/api/exams/{code}/score-reports.pdf", async (string code, long? @class, long? student, ScoreReports reports, PdfFonts fonts,
                TimeProvider clock, IStringLocalizer<ExamsText> t, CancellationToken ct) =>
            {
                if (@class is not { } classId)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["class"] = [t["Reports.ClassRequired"]] });
                }
                if (await reports.ForClassAsync(code, classId, student, ct) is not { Count: > 0 } found)
                {
                    return Results.Problem(t["Reports.None"], statusCode: StatusCodes.Status404NotFound);
                }
                return fonts.Current is { } font
                    ? Results.File(ScoreReportPdf.Render(found, font, clock.GetUtcNow()), ScoreReportPdf.MediaType, $"成绩报告单-{code}-{found[0].ClassName}.pdf")
                    : Results.Problem(t["Reports.NoFont"], statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .RequireAuthorization(Permissions.ExamsScoreReports)
            .WithTags("Exams")
            .WithSummary("The score reports (成绩报告单) of one class (or one student of it) as a PDF to print, one student to a page: scores, grades, position bands, never ranks");
        return endpoints;
    }
}
