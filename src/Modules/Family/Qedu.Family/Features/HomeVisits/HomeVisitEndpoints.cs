using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Family.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Family.Features.HomeVisits;

/// <summary>Home visits over HTTP: coverage and a child's visits (visits.read); a class's plan, planning, recording and cancelling (visits.record).</summary>
internal static class HomeVisitEndpoints
{
    public static IEndpointRouteBuilder MapHomeVisitEndpoints(this IEndpointRouteBuilder endpoints)
    {
        const string Tag = "Family (home visits)";
        var read = endpoints.MapGroup("/api/family/visits").WithTags(Tag).RequireAuthorization(Permissions.VisitsRead);
        read.MapGet("/", async (string? school, int? year, HomeVisits visits, CancellationToken ct) => (await visits.OverviewAsync(school, year, ct)).ToTypedResult())
            .WithSummary("Coverage of the school year (year: the year it begins; default the current one) by district, school and class: students on the roll, visited; for a school's own staff, the plan and the latest records (children named: audited)");
        read.MapGet("/students/{studentId:long}", async (long studentId, HomeVisits visits, IStringLocalizer<FamilyText> t, CancellationToken ct) =>
                (await visits.StudentAsync(studentId, ct) is { } found ? Outcome<StudentVisits>.Ok(found) : Outcome<StudentVisits>.NotFound(t["Visit.StudentNotFound"])).ToTypedResult())
            .WithSummary("A child's visits (audited): dates, forms, teachers; who took part and the notes only for the school's own staff");

        var record = endpoints.MapGroup("/api/family/visits").WithTags(Tag).RequireAuthorization(Permissions.VisitsRecord);
        record.MapGet("/classes/{classId:long}", async (long classId, HomeVisits visits, CancellationToken ct) => (await visits.ClassAsync(classId, ct)).ToTypedResult())
            .WithSummary("A class's pupils with their visits this school year, left-behind children first (audited)");
        record.MapPost("/", async (NewVisit body, HomeVisits visits, CancellationToken ct) =>
                (await visits.PlanAsync(body, ct)).ToCreated(id => $"/api/family/visits/{id}", id => new NewId(id)))
            .WithSummary("Plans a visit (studentId, plannedOn, teacher, form: AtHome, Online, AtSchool); 409 while the child has one planned");
        record.MapPost("/{id:long}/record", async (long id, VisitRecordInput body, HomeVisits visits, CancellationToken ct) =>
                (await visits.RecordAsync(id, body, ct)).ToOk(v => new NewId(v)))
            .WithSummary("Records a planned visit as done (visitedOn, participants, notes: encrypted); 409 when done or cancelled");
        record.MapPost("/{id:long}/cancel", async (long id, VisitCancelInput body, HomeVisits visits, CancellationToken ct) =>
                (await visits.CancelAsync(id, body, ct)).ToOk(v => new NewId(v)))
            .WithSummary("Cancels a planned visit (reason); 409 when done or cancelled");
        return endpoints;
    }
}
