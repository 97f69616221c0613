using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;

namespace Qedu.StudentServices.Features.Deadlines;

/// <summary>An open change's clocks as the list shows them: who decides now, and when each limit falls due.</summary>
internal sealed record DeadlineView(long ChangeId, string Number, string Kind, string State, string Unit, string Role,
    DateOnly? PromisedDue, int PromisedLeft, DateOnly? LegalDue, int LegalLeft, bool Stopped, bool DueSoon, bool Overdue, bool Confirmed);

/// <summary>A district's finished changes and its on-time shares (0 to 1; null with none finished).</summary>
internal sealed record TimelinessView(int DistrictId, string District, int Completed, double? WithinLegal, double? WithinPromised);

/// <summary>Who is late, over HTTP: the caller's units' open changes with their clocks, and each district's on-time share.</summary>
internal static class DeadlineEndpoints
{
    public static IEndpointRouteBuilder MapDeadlineEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/services").WithTags("Student services (reviewers)").RequireAuthorization(Permissions.StatusChangesReview);
        group.MapGet("/deadlines", async (ChangeDeadlines deadlines, OrgTree tree, TimeProvider clock, CancellationToken ct) =>
            {
                var open = await deadlines.OpenAsync(ct);
                var names = await tree.NamesOfAsync(open.Select(d => d.UnitId), ct);
                var today = CityDate.Today(clock);
                return Results.Ok(open.Select(d => new DeadlineView(d.ChangeId, d.Number, EnumNames.Name(d.Kind), EnumNames.Name(d.State),
                    names.GetValueOrDefault(d.UnitId, "?"), EnumNames.Name(d.Role), d.Promised.Due, d.Promised.Left, d.Legal.Due, d.Legal.Left,
                    d.Promised.Stopped, d.Promised.DueSoon(today) || d.Legal.DueSoon(today), d.Promised.Overdue(today) || d.Legal.Overdue(today),
                    d.Legal.Confirmed)));
            })
            .Produces<IReadOnlyList<DeadlineView>>()
            .WithSummary("The open changes at the caller's units, with their promised and legal working-day clocks, soonest due first");
        group.MapGet("/timeliness", async (DateOnly? since, ChangeDeadlines deadlines, OrgTree tree, TimeProvider clock, CancellationToken ct) =>
            {
                var from = since ?? CityDate.Today(clock).AddYears(-1);
                var rows = await deadlines.TimelinessAsync(from, ct);
                var names = await tree.NamesOfAsync(rows.Select(r => r.DistrictId), ct);
                return Results.Ok(rows.Select(r => new TimelinessView(r.DistrictId, names.GetValueOrDefault(r.DistrictId, "?"), r.Completed,
                    r.Completed == 0 ? null : (double)r.WithinLegal / r.Completed, r.Completed == 0 ? null : (double)r.WithinPromised / r.Completed)));
            })
            .Produces<IReadOnlyList<TimelinessView>>()
            .WithSummary("Each district's completed changes since a date (default: a year ago) and the share finished within the legal and the promised limit");
        return endpoints;
    }
}
