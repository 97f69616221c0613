using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Web;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Features.Changes;
using Qedu.StudentServices.Resources;

namespace Qedu.StudentServices.Features.Dropouts;

/// <summary>A dropout reported over the API; the reason by name (poverty, disengaged, work, health, family, other).</summary>
internal sealed record DropoutRequest(long StudentId, DateOnly LastAttendedOn, string? Reason, string? Details);

/// <summary>A follow-up over the API; the kind by name (homeVisit, call, guardianTalk, persuasion, homeTeaching, writtenNotice, aid, legal, other).</summary>
internal sealed record FollowUpRequest(DateOnly On, string? Kind, string? Note);

/// <summary>The end of a case: back in school (returned: true) or ended otherwise, on a day, with a note.</summary>
internal sealed record EndRequest(bool Returned, DateOnly On, string? Note);

/// <summary>One action of the ledger as shown.</summary>
internal sealed record FollowUpView(DateOnly On, string Kind, string Note, string By);

/// <summary>A case as the ledger shows it (学籍号 masked); with its actions when one case is asked for.</summary>
internal sealed record DropoutView(
    long Id, string Number, string StudentName, string StudentNumber, string School, string? ClassName, DateOnly LastAttendedOn, DateOnly ReportedOn,
    string Reason, string Details, string ReportedBy, string State, DateOnly? EndedOn, string? EndNote, int DaysOut, int FollowUps, DateOnly? LastFollowUp,
    DateOnly? NextDue, bool FollowUpOverdue, IReadOnlyList<FollowUpView>? Ledger);

/// <summary>The 控辍保学 ledger over HTTP (<c>status-changes.review</c>), scoped like the cases: the school, its district, the city.</summary>
internal static class DropoutEndpoints
{
    public static IEndpointRouteBuilder MapDropoutEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/services/dropouts").WithTags("Student services (控辍保学)").RequireAuthorization(Permissions.StatusChangesReview);
        group.MapGet("", async (bool? all, DropoutLedger ledger, OrgTree tree, CancellationToken ct) =>
            {
                var lines = await ledger.LedgerAsync(all != true, ct);
                var names = await tree.NamesOfAsync(lines.Select(l => l.Case.OrgUnitId), ct);
                return Results.Ok(lines.Select(l => View(l, names, null)));
            })
            .Produces<IReadOnlyList<DropoutView>>()
            .WithSummary("The cases of the caller's schools (open ones; all=true for every one), overdue follow-ups first");
        group.MapPost("", async (DropoutRequest? body, DropoutLedger ledger, OrgTree tree, IStringLocalizer<ServicesText> t, CancellationToken ct) =>
            {
                if (body is null)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [t["Request.Body"]] });
                }
                if (!EnumNames.TryParseName<DropoutReason>(body.Reason, out var reason))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [t["Dropout.Reason"]] });
                }
                var outcome = await ledger.ReportAsync(new ReportDropout(body.StudentId, body.LastAttendedOn, reason, body.Details), ct);
                return outcome.IsOk ? Results.Created($"/api/services/dropouts/{outcome.Value!.Id}", await OneAsync(outcome.Value.Id, ledger, tree, ct)) : outcome.ToHttp();
            })
            .Produces<DropoutView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Report a student of a school in the caller's scope who stopped coming (one open case per student)");
        group.MapGet("/{id:long}", async (long id, DropoutLedger ledger, OrgTree tree, IStringLocalizer<ServicesText> t, CancellationToken ct) =>
                await OneAsync(id, ledger, tree, ct) is { } view ? Results.Ok(view) : Results.Problem(t["Dropout.NotFound"], statusCode: StatusCodes.Status404NotFound))
            .Produces<DropoutView>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One case with its ledger of follow-ups");
        group.MapPost("/{id:long}/follow-ups", async (long id, FollowUpRequest? body, DropoutLedger ledger, OrgTree tree, IStringLocalizer<ServicesText> t,
                CancellationToken ct) =>
            {
                if (body is null || !EnumNames.TryParseName<FollowUpKind>(body.Kind, out var kind))
                {
                    return await ledger.FindAsync(id, ct) is null
                        ? Results.Problem(t["Dropout.NotFound"], statusCode: StatusCodes.Status404NotFound)
                        : Results.ValidationProblem(new Dictionary<string, string[]> { [body is null ? "body" : "kind"] = [body is null ? t["Request.Body"] : t["Dropout.Kind"]] });
                }
                var outcome = await ledger.FollowUpAsync(id, body.On, kind, body.Note, ct);
                return outcome.IsOk ? Results.Ok(await OneAsync(id, ledger, tree, ct)) : outcome.ToHttp();
            })
            .Produces<DropoutView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record a follow-up (家访, 劝返, 送教上门, …) of an open case");
        group.MapPost("/{id:long}/end", async (long id, EndRequest? body, DropoutLedger ledger, OrgTree tree, IStringLocalizer<ServicesText> t, CancellationToken ct) =>
            {
                if (body is null)
                {
                    return await ledger.FindAsync(id, ct) is null
                        ? Results.Problem(t["Dropout.NotFound"], statusCode: StatusCodes.Status404NotFound)
                        : Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [t["Request.Body"]] });
                }
                var outcome = await ledger.EndAsync(id, body.Returned, body.On, body.Note, ct);
                return outcome.IsOk ? Results.Ok(await OneAsync(id, ledger, tree, ct)) : outcome.ToHttp();
            })
            .Produces<DropoutView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("End an open case: the child is back in school (劝返复学), or it ended otherwise (the note says how)");
        return endpoints;
    }

    private static async Task<DropoutView?> OneAsync(long id, DropoutLedger ledger, OrgTree tree, CancellationToken ct)
    {
        if (await ledger.FindAsync(id, ct) is not { } found)
        {
            return null;
        }
        var names = await tree.NamesOfAsync([found.Line.Case.OrgUnitId], ct);
        return View(found.Line, names, found.FollowUps);
    }

    public static DropoutView View(DropoutLine line, IReadOnlyDictionary<int, string> schools, IReadOnlyList<DropoutFollowUp>? actions)
    {
        var c = line.Case;
        return new DropoutView(c.Id, c.Number, c.StudentName, PersonalDataAccess.MaskStudentNumber(c.StudentNumber, unmasked: false),
            schools.GetValueOrDefault(c.OrgUnitId, "?"), c.ClassName, c.LastAttendedOn, c.ReportedOn, EnumNames.Name(c.Reason), c.Details, c.ReportedBy,
            EnumNames.Name(c.State), c.EndedOn, c.EndNote, line.DaysOut, line.FollowUps, line.LastFollowUp, line.NextDue, line.FollowUpOverdue,
            actions?.Select(a => new FollowUpView(a.On, EnumNames.Name(a.Kind), a.Note, a.By)).ToList());
    }
}
