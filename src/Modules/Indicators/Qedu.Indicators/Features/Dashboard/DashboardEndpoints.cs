using Qedu.Kernel.Files;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Indicators.Definitions;
using Qedu.Indicators.Resources;
using Qedu.Kernel.Access;

namespace Qedu.Indicators.Features.Dashboard;

/// <summary>A unit's values as JSON, and every table of its dashboard as one .xlsx.</summary>
internal static class DashboardEndpoints
{
    public static void MapDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/indicators").WithTags("Indicators");

        group.MapGet("/{org}/values", async Task<Results<Ok<object>, ProblemHttpResult>> (string org, string? period, DashboardQueries queries, IStringLocalizer<IndicatorsText> t, CancellationToken ct) =>
            {
                if (await queries.LoadAsync(org, period, null, ct, detail: false) is not { } view)
                {
                    return TypedResults.Problem(string.Format(t["Dashboard.NotVisible"], org), statusCode: StatusCodes.Status404NotFound);
                }
                // An anonymous shape, so the body is declared as object: the OpenAPI document states the answers, not this schema.
                return TypedResults.Ok<object>(new
                {
                    org = view.Unit.Code,
                    name = view.Unit.Name,
                    period = view.Period,
                    computedAt = view.ComputedAt,
                    values = view.Rows.Select(r => new
                    {
                        code = r.Indicator.Code,
                        value = r.Value,
                        numerator = r.Numerator,
                        denominator = r.Denominator,
                        // A form's figure: the units asked, those that answered (an approved return), and the rate in %.
                        response = r.Response is { } rr ? new { answered = rr.Answered, asked = rr.Asked, rate = rr.Percent } : null,
                        previous = r.Previous,
                        target = r.Target is { } b ? new { b.Comparator, b.Value, b.Year, b.TaskId, b.TaskNumber, b.TaskTitle } : null,
                        met = r.Status?.Met,
                    }),
                    bands = view.Bands.Select(b => new { band = b.Band.Code, classes = b.Classes }),
                });
            })
            .RequireAuthorization(Permissions.IndicatorsRead)
            .WithSummary("A unit's indicator values for a period (default: the latest computed), with the previous period's and the bound plan target");

        group.MapGet("/{org}/export.xlsx", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (string org, string? period, string? i, DashboardQueries queries, DashboardExport export, IStringLocalizer<IndicatorsText> t, CancellationToken ct) =>
            {
                if (await queries.LoadAsync(org, period, i, ct) is not { Period: not null } view)
                {
                    return TypedResults.Problem(string.Format(t["Dashboard.NotVisible"], org), statusCode: StatusCodes.Status404NotFound);
                }
                var file = new MemoryStream();
                ReportWorkbook.Write(file, await export.SheetsAsync(view, ct));
                file.Position = 0;
                return TypedResults.File(file, ReportWorkbook.MediaType, $"{view.Unit.Name}-教育指标-{view.Period}.xlsx");
            })
            .RequireAuthorization(Permissions.IndicatorsRead)
            .WithSummary("Every table of a unit's dashboard as .xlsx: its indicators, its child units' indicators, the selected indicator by child unit and over time, class sizes, and a school's classes");
    }
}
