using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;
using Qedu.StudentServices.Data;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Resources;

namespace Qedu.StudentServices.Features.Changes;

/// <summary>
/// A change asked for over the API: the student, the kind (transfer, transferOut, suspension, resumption, transferIn) and
/// what it needs. A 转入 (transferIn, staff only) has no studentId: the receiving school (toSchoolId), the school it comes
/// from (otherSchool) and the child (incoming).
/// </summary>
internal sealed record StartChangeRequest(
    long StudentId, string Kind, string? Reason, int? ToSchoolId, string? OtherSchool, DateOnly? SuspendedUntil, IncomingInput? Incoming);

/// <summary>A step's answer over the API: accepted, returned or refused, a note, and (a receiving school) the class.</summary>
internal sealed record DecisionRequest(string Decision, string? Note, long? ClassId, bool ConfirmLargeClass);

/// <summary>The applicant's answer to a return for correction.</summary>
internal sealed record AnswerRequest(string? Answer);

/// <summary>A student of the school found by name or number (学籍号 masked), to ask a change for.</summary>
internal sealed record StudentChoice(long StudentId, string Name, string StudentNumber, string? ClassName, string Status);

/// <summary>One of the guardian's children, to choose when asking.</summary>
internal sealed record ChildView(long StudentId, string Name, string School, string? ClassName, string Status);

/// <summary>
/// The status changes over HTTP: the guardian's side under <c>/api/services/my</c> (parent sign-in: their children,
/// their changes, asking, answering a return) and the reviewers' under <c>/api/services/changes</c>
/// (<c>status-changes.review</c>: asking for a student of their school, the change, deciding their unit's step).
/// </summary>
internal static class ChangeEndpoints
{
    public static IEndpointRouteBuilder MapChangeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var my = endpoints.MapGroup("/api/services/my").WithTags("Student services (guardians)").RequireAuthorization(ParentAuthentication.Policy);
        my.MapGet("/children", async (StatusChangeFlow flow, Qedu.Kernel.OrgUnits.OrgTree tree, CancellationToken ct) =>
            {
                var children = await flow.ChildrenAsync(ct);
                var names = await tree.NamesOfAsync(children.Select(c => c.SchoolId), ct);
                return Results.Ok(children.Select(c => new ChildView(c.StudentId, c.Name, names.GetValueOrDefault(c.SchoolId, "?"), c.ClassName, c.StatusCode)));
            })
            .Produces<IReadOnlyList<ChildView>>()
            .WithSummary("The signed-in guardian's children in the registry (whose guardian has the phone they signed in with)");
        my.MapGet("/changes", async (StudentServicesDb db, ICurrentAccess access, ChangeViews views, CancellationToken ct) =>
            {
                var parent = access.Current.ParentAccountId!.Value;
                var changes = await db.Changes.AsNoTracking().Where(c => c.ParentAccountId == parent).OrderByDescending(c => c.Id).Take(50).ToListAsync(ct);
                var list = new List<ChangeView>();
                foreach (var change in changes)
                {
                    list.Add(await views.ViewAsync(change, ct));
                }
                return Results.Ok(list);
            })
            .Produces<IReadOnlyList<ChangeView>>()
            .WithSummary("The signed-in guardian's status changes, newest first");
        my.MapPost("/changes", StartAsync)
            .Produces<ChangeView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Ask for a status change of one of the guardian's children");
        my.MapGet("/changes/{id:long}", ViewAsync)
            .Produces<ChangeView>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One of the guardian's changes: where it is, and its clocks");
        my.MapPost("/changes/{id:long}/answer", AnswerAsync)
            .Produces<ChangeView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Answer a return for correction (补正): the change goes back to the step that returned it");

        endpoints.MapGet("/api/services/students", async (string? school, string? q, ICurrentAccess access, Qedu.Kernel.OrgUnits.OrgTree tree, IStudentMoves registry,
                IStringLocalizer<ServicesText> t, CancellationToken ct) =>
            {
                var unit = string.IsNullOrWhiteSpace(school) ? null : await tree.FindAsync(school, ct);
                if (unit is null || (await tree.WithinScopeAsync(access.Current, Permissions.StatusChangesReview, [unit.Id], ct)).Count == 0)
                {
                    return Results.Problem(t["Request.School"], statusCode: StatusCodes.Status404NotFound);
                }
                var found = await registry.SearchAsync(unit.Id, q, 50, ct);
                return Results.Ok(found.Select(s => new StudentChoice(s.StudentId, s.Name,
                    Qedu.Kernel.PersonalData.PersonalDataAccess.MaskStudentNumber(s.StudentNumber, unmasked: false), s.ClassName, s.StatusCode)));
            })
            .RequireAuthorization(Permissions.StatusChangesReview)
            .WithTags("Student services (reviewers)")
            .Produces<IReadOnlyList<StudentChoice>>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A school's students (enrolled or suspended) by the start of their name or 学籍号, to ask a change for");

        var staff = endpoints.MapGroup("/api/services/changes").WithTags("Student services (reviewers)").RequireAuthorization(Permissions.StatusChangesReview);
        staff.MapPost("", StartAsync)
            .Produces<ChangeView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Ask for a status change of a student of a school in the caller's scope");
        staff.MapGet("/{id:long}", ViewAsync)
            .Produces<ChangeView>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A change whose route passes a unit in the caller's scope");
        staff.MapPost("/{id:long}/decision", DecideAsync)
            .Produces<ChangeView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Decide the current step (the caller's unit's): accepted, returned (with what is missing) or refused (with why)")
            .WithDescription("A receiving school names the class (classId); a class of 56 or more needs confirmLargeClass: true, else 409 naming it.");
        staff.MapPost("/{id:long}/answer", AnswerAsync)
            .Produces<ChangeView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Answer a return for correction of a change the school asked for");
        return endpoints;
    }

    private static async Task<IResult> StartAsync(StartChangeRequest? body, StatusChangeFlow flow, ChangeViews views, IStringLocalizer<ServicesText> t,
        HttpContext http, CancellationToken ct)
    {
        if (body is null)
        {
            return Body(t);
        }
        if (!EnumNames.TryParseName<ChangeKind>(body.Kind, out var kind))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [t["Request.Kind"]] });
        }
        var outcome = await flow.StartAsync(new StartChange(body.StudentId, kind, body.Reason ?? "", body.ToSchoolId, body.OtherSchool, body.SuspendedUntil,
            body.Incoming), ct);
        if (!outcome.IsOk)
        {
            return outcome.ToHttp();
        }
        var where = http.Request.Path.StartsWithSegments("/api/services/my") ? "/api/services/my/changes" : "/api/services/changes";
        return Results.Created($"{where}/{outcome.Value!.Id}", await views.ViewAsync(outcome.Value, ct));
    }

    private static async Task<IResult> ViewAsync(long id, StatusChangeFlow flow, ChangeViews views, IStringLocalizer<ServicesText> t, CancellationToken ct) =>
        await flow.FindAsync(id, ct) is { } change ? Results.Ok(await views.ViewAsync(change, ct)) : Results.Problem(t["Change.NotFound"], statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> DecideAsync(long id, DecisionRequest? body, StatusChangeFlow flow, ChangeViews views, IStringLocalizer<ServicesText> t,
        CancellationToken ct)
    {
        if (await flow.FindAsync(id, ct) is null)
        {
            return Results.Problem(t["Change.NotFound"], statusCode: StatusCodes.Status404NotFound);
        }
        if (body is null)
        {
            return Body(t);
        }
        if (!EnumNames.TryParseName<StepDecision>(body.Decision, out var decision) || decision == StepDecision.Pending)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["decision"] = [t["Step.Decision"]] });
        }
        var outcome = await flow.DecideAsync(id, new DecideStep(decision, body.Note, body.ClassId, body.ConfirmLargeClass), ct);
        return outcome.IsOk ? Results.Ok(await views.ViewAsync(outcome.Value!, ct)) : outcome.ToHttp();
    }

    private static async Task<IResult> AnswerAsync(long id, AnswerRequest? body, StatusChangeFlow flow, ChangeViews views, CancellationToken ct)
    {
        var outcome = await flow.ResubmitAsync(id, body?.Answer, ct);
        return outcome.IsOk ? Results.Ok(await views.ViewAsync(outcome.Value!, ct)) : outcome.ToHttp();
    }

    private static IResult Body(IStringLocalizer<ServicesText> t) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [t["Request.Body"]] });
}
