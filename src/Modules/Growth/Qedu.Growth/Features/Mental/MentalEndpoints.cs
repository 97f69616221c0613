using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Growth.Features.Mental;

/// <summary>Mental health over HTTP: counts by school (<c>growth.read</c>); screenings and cases (<c>growth.mental</c>, the counsellor's alone).</summary>
internal static class MentalEndpoints
{
    public static IEndpointRouteBuilder MapMentalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/growth").WithTags("Growth (mental health)").RequireAuthorization(Permissions.GrowthRead);
        read.MapGet("/mental", async (int? year, MentalCare care, CancellationToken ct) => TypedResults.Ok(await care.FiguresAsync(year, ct)))
            .WithSummary("Students screened this school year and at each level, open cases and overdue follow-ups, by school: counts, never a child");

        var keep = endpoints.MapGroup("/api/growth/mental").WithTags("Growth (mental health)").RequireAuthorization(Permissions.GrowthMental);
        keep.MapPost("/screenings", async (NewScreening body, MentalCare care, CancellationToken ct) =>
                (await care.RecordAsync(body, ct)).ToCreated(r => "/api/growth/mental/cases", r => r))
            .WithSummary("Records a screening result (studentNumber, instrument, score, riskItem, screenedOn); at the rules' level it opens (or raises) the student's case");
        keep.MapGet("/cases", async (MentalCare care, CancellationToken ct) => TypedResults.Ok(await care.CasesAsync(ct)))
            .WithSummary("Open cases of the caller's schools, overdue first: class, level, stage, dates — no name");
        keep.MapPost("/cases/{id:long}/open", async (long id, OpenCase body, MentalCare care, CancellationToken ct) =>
                (await care.OpenAsync(id, body.Reason, ct)).ToTypedResult())
            .WithSummary("Opens a case with a reason (audited before anything is returned): the child, their screenings, every step");
        keep.MapPost("/cases/{id:long}/entries", async (long id, NewCaseEntry body, MentalCare care, CancellationToken ct) =>
                (await care.AddEntryAsync(id, body, ct)).ToCreated(e => $"/api/growth/mental/cases/{id}", e => new { id = e }))
            .WithSummary("Records a step: stage (Intervention, Referred, FollowUp, Closed), on, note, referredTo, nextFollowUpOn");
        return endpoints;
    }
}
