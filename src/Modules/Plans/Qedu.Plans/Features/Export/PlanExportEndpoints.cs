using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Documents;
using Qedu.Kernel.Access;

namespace Qedu.Plans.Features.Export;

/// <summary>A plan's task list as .xlsx and its supervision report as PDF, for whoever may read the plan.</summary>
internal static class PlanExportEndpoints
{
    public static void MapPlanExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/plans").WithTags("Plans");

        group.MapGet("/{id:long}/tasks.xlsx", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (long id, PlanExportQuery query, IStringLocalizer<PlanExportText> t, CancellationToken ct) =>
            {
                if (await query.LoadAsync(id, ct) is not { } plan)
                {
                    return TypedResults.Problem(t["Export.NotVisible"], statusCode: StatusCodes.Status404NotFound);
                }
                var file = new MemoryStream();
                TaskListWorkbook.Write(file, plan);
                file.Position = 0;
                return TypedResults.File(file, TaskListWorkbook.MediaType, ExportWording.FileName(plan.Title, "-任务清单.xlsx"));
            })
            .RequireAuthorization(Permissions.PlansRead)
            .WithSummary("The plan's task list as .xlsx in the layout of its task table (附件2), with status, milestones, targets and the latest report after it");

        group.MapGet("/{id:long}/report.pdf", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (long id, PlanExportQuery query, PdfFonts fonts, IStringLocalizer<PlanExportText> t, CancellationToken ct) =>
            {
                if (await query.LoadAsync(id, ct) is not { } plan)
                {
                    return TypedResults.Problem(t["Export.NotVisible"], statusCode: StatusCodes.Status404NotFound);
                }
                if (fonts.Current is not { } face)
                {
                    return TypedResults.Problem(t["Export.FontMissing"], statusCode: StatusCodes.Status503ServiceUnavailable);
                }
                var file = new MemoryStream();
                SupervisionReport.Write(file, plan, face);
                file.Position = 0;
                return TypedResults.File(file, SupervisionReport.MediaType, ExportWording.FileName(plan.Title, "-督办情况报告.pdf"));
            })
            .RequireAuthorization(Permissions.PlansRead)
            .WithSummary("A printable supervision report of the plan (A4 PDF): summary by status, then every task with units, deadline, milestones, targets and the latest report");
    }
}
