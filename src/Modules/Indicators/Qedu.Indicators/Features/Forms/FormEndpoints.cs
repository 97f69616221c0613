using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Indicators.Features.Forms.Definitions;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Indicators.Features.Forms;

/// <summary>A unit's answers as JSON: numbers, booleans or text by field code.</summary>
internal sealed class ReturnBody
{
    public Dictionary<string, JsonElement>? Values { get; set; }
}

/// <summary>
/// Collection forms over HTTP, for outside callers (a district's own system filling its returns, a reporting tool
/// reading progress). Every write takes JSON, which a cross-site form cannot send, so cookie-authenticated calls need
/// no antiforgery token; the pages post their own forms, with the token.
/// </summary>
internal static class FormEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/indicators/forms").WithTags("Indicator collection forms");

        group.MapGet("/", (FormCatalog catalog) => TypedResults.Ok(catalog.Forms.Select(FormJson)))
            .RequireAuthorization(Permissions.IndicatorsRead)
            .WithSummary("Every collection form: title, description, the level it goes to, its condition and its fields (type, unit, bounds, required)");

        group.MapGet("/rounds", async (FormQueries queries, CancellationToken ct) =>
                TypedResults.Ok((await queries.OverviewAsync(ct)).Rounds.Select(RoundJson)))
            .RequireAuthorization(Permissions.IndicatorsRead)
            .WithSummary("The rounds the caller sees (sent by its bureau, or reaching its units), newest first, with counts over its units' returns");

        group.MapPost("/rounds", async (RoundInput? input, FormCommands commands, CancellationToken ct) =>
                (await commands.SendAsync(input, ct)).ToCreated(sent => $"/api/indicators/forms/rounds/{sent.Id}", sent => sent))
            .RequireAuthorization(Permissions.IndicatorsManage)
            .WithSummary("Send a form for a period, with a deadline, to every unit of its level under the caller's bureau (or the bureau named by org)");

        group.MapGet("/rounds/{id:long}", async Task<Results<Ok<object>, ProblemHttpResult>> (long id, FormQueries queries, IStringLocalizer<FormsText> t, CancellationToken ct) =>
                await queries.RoundAsync(id, ct) is { } round
                    ? TypedResults.Ok<object>(new { round = RoundJson(round.Round), returns = round.Returns.Select(ReturnLineJson) })
                    : TypedResults.Problem(t["Round.NotFound"], statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization(Permissions.IndicatorsRead)
            .WithSummary("A round and each of the caller's units' returns in it: state, when handed in, late, overdue");

        group.MapGet("/mine", async (FormQueries queries, CancellationToken ct) =>
                TypedResults.Ok((await queries.OverviewAsync(ct)).ToFill.Select(m => new
                {
                    form = m.Form.Code, title = m.Form.Title, m.Period, m.Deadline, sentBy = m.OwnerName, @return = ReturnLineJson(m.Line),
                })))
            .RequireAuthorization(Permissions.IndicatorsReport)
            .WithSummary("The returns the caller's own unit fills in, those still to hand in first");

        group.MapGet("/returns/{id:long}", async Task<Results<Ok<object>, ProblemHttpResult>> (long id, FormQueries queries, IStringLocalizer<FormsText> t, CancellationToken ct) =>
                await queries.ReturnAsync(id, ct) is { } r
                    ? TypedResults.Ok(ReturnJson(r))
                    : TypedResults.Problem(t["Return.NotFound"], statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization(Permissions.IndicatorsRead)
            .WithSummary("A return: the form's fields with the unit's answers, its state and review, and what the caller may do");

        group.MapPut("/returns/{id:long}", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (long id, ReturnBody? body, FormCommands commands, IStringLocalizer<FormsText> t, CancellationToken ct) =>
                Values(body, t, out var input) is { } problem ? problem : (await commands.SaveAsync(id, input, submit: false, ct)).ToNoContent())
            // indicators.read: the unit's indicators.report holders fill its return, and a bureau's indicators.manage holders
            // its own (the city's 市本级 funds); the use case refuses everyone else (403).
            .RequireAuthorization(Permissions.IndicatorsRead)
            .WithSummary("Save the caller's unit's answers as a draft (every answer is replaced; blanks are allowed)");

        group.MapPost("/returns/{id:long}/submit", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (long id, ReturnBody? body, FormCommands commands, IStringLocalizer<FormsText> t, CancellationToken ct) =>
                Values(body, t, out var input) is { } problem ? problem : (await commands.SaveAsync(id, input, submit: true, ct)).ToNoContent())
            .RequireAuthorization(Permissions.IndicatorsRead)
            .WithSummary("Hand in the return: with answers (replacing the saved ones) or without (the saved ones); every required field must be answered");

        group.MapPost("/returns/{id:long}/approve", async (long id, ReviewInput? input, FormCommands commands, CancellationToken ct) =>
                (await commands.ReviewAsync(id, approve: true, input, ct)).ToNoContent())
            .RequireAuthorization(Permissions.IndicatorsManage)
            .WithSummary("Approve a submitted return (the bureau above the unit): its figures then feed the indicators");

        group.MapPost("/returns/{id:long}/send-back", async (long id, ReviewInput? input, FormCommands commands, CancellationToken ct) =>
                (await commands.ReviewAsync(id, approve: false, input, ct)).ToNoContent())
            .RequireAuthorization(Permissions.IndicatorsManage)
            .WithSummary("Send a submitted return back to the unit with the reason (comment); the unit corrects and submits again");
    }

    /// <summary>JSON answers as the text a person would type: numbers as written, true/false, strings; anything else is refused.</summary>
    private static ValidationProblem? Values(ReturnBody? body, IStringLocalizer<FormsText> t, out ReturnInput? input)
    {
        input = null;
        if (body?.Values is not { } values)
        {
            return null;
        }
        var errors = new InputErrors();
        var text = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (code, value) in values)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Number:
                    text[code] = value.GetRawText();
                    break;
                case JsonValueKind.String:
                    text[code] = value.GetString();
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    text[code] = value.GetBoolean() ? "true" : "false";
                    break;
                case JsonValueKind.Null or JsonValueKind.Undefined:
                    text[code] = null;
                    break;
                default:
                    errors.Add(FormCommands.Key(code), t["Request.BadValue"]);
                    break;
            }
        }
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        input = new ReturnInput { Values = text };
        return null;
    }

    private static object FormJson(FormDefinition f) => new
    {
        f.Code, f.Title, f.Description, level = f.Level.ToString(),
        condition = f.Condition is { } c ? new { c.List, c.Attribute, c.Not } : null,
        fields = f.Fields.Select(x => new { x.Code, x.Label, type = x.Type, x.Unit, x.Min, x.Max, x.Required, maxLength = x.Type == FieldType.Text ? x.MaxLength : (int?)null }),
    };

    private static object RoundJson(RoundLine r) => new
    {
        r.Id, form = r.Form.Code, title = r.Form.Title, r.Period, deadline = r.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        owner = new { code = r.OwnerCode, name = r.OwnerName }, r.SentAt, r.SentBy, pastDeadline = r.Past, counts = r.Counts,
    };

    private static object ReturnLineJson(ReturnLine r) => new
    {
        r.Id, r.RoundId, unit = new { id = r.UnitId, code = r.UnitCode, name = r.UnitName }, state = r.State,
        r.FirstSubmittedAt, r.SubmittedAt, r.ReviewedAt, r.Late, r.Overdue,
    };

    private static object ReturnJson(ReturnDetail r) => new
    {
        @return = ReturnLineJson(r.Line), round = RoundJson(r.Round),
        values = r.Answers.Select(a => new { field = a.Field.Code, label = a.Field.Label, type = a.Field.Type, a.Number, a.Text }),
        r.SavedAt, r.SavedBy, r.SubmittedBy, r.ReviewedBy, r.ReviewComment,
        canFill = r.Editable, canReview = r.Reviewable,
    };
}
