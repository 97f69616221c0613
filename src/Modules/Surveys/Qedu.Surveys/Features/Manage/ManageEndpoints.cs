using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Surveys.Questionnaires;

namespace Qedu.Surveys.Features.Manage;

/// <summary>The surveys and questionnaires over HTTP: reading (<c>surveys.read</c>), starting one and adding questionnaires (<c>surveys.manage</c>).</summary>
internal static class ManageEndpoints
{
    public static IEndpointRouteBuilder MapManageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/surveys").WithTags("Surveys");
        group.MapGet("", async (SurveyList list, CancellationToken ct) => TypedResults.Ok(await list.ListAsync(ct)))
            .RequireAuthorization(Permissions.SurveysRead)
            .WithSummary("The surveys with schools in the caller's scope, newest first, with the caller's schools and their responses");
        group.MapGet("/questionnaires", async (SurveyList list, CancellationToken ct) => TypedResults.Ok(await list.QuestionnairesAsync(ct)))
            .RequireAuthorization(Permissions.SurveysRead)
            .WithSummary("The questionnaires a survey may use, with their items");
        group.MapPost("/questionnaires", async (QuestionnaireDefinition body, SurveyCreation creation, CancellationToken ct) =>
                (await creation.AddQuestionnaireAsync(body, ct)).ToCreated(code => $"/api/surveys/questionnaires#{code}", code => new QuestionnaireAdded(code)))
            .RequireAuthorization(Permissions.SurveysManage)
            .WithSummary("Adds a questionnaire (the format of docs/surveys.md): code, title, audience (parents|students), items (likert or text, each with a dimension); never changed afterwards");
        group.MapPost("", async (NewSurvey body, SurveyCreation creation, CancellationToken ct) =>
                (await creation.CreateAsync(body, ct)).ToCreated(s => $"/api/surveys/{s.Code}/results", s => new SurveyCreated(s.Code, s.OpensOn, s.ClosesOn)))
            .RequireAuthorization(Permissions.SurveysManage)
            .WithSummary("Starts a survey of the bureau's open schools: code, name, questionnaire (code), opensOn, closesOn, unit (the bureau's code; the caller's own when none)");
        return endpoints;
    }
}

/// <summary>A questionnaire just added.</summary>
internal sealed record QuestionnaireAdded(string Code);

/// <summary>A survey just started.</summary>
internal sealed record SurveyCreated(string Code, DateOnly OpensOn, DateOnly ClosesOn);
