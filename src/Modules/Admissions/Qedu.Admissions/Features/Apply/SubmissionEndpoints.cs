using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qedu.Admissions.Data;
using Qedu.Kernel.Idempotency;
using Qedu.Kernel.Localization;
using Qedu.Kernel.Web;

namespace Qedu.Admissions.Features.Apply;

/// <summary>A family's application as the API takes it: the form's fields, numbers as numbers.</summary>
internal sealed record SubmissionRequest(
    long SeasonId, string? ChildName, string? DocumentType, string? ResidentId, string? DocumentNumber, string? BirthDate, string? GenderCode,
    string? GuardianName, string? HomeCompound, string? HomeStreet, int? HomeNumber, string? HomeDetail,
    bool HukouAtHome, bool PropertyAtHome, bool HasResidencePermit, int? ResidencePermitYears, int? InsuranceMonths,
    string? PolicyCare, int? PrivateChoice)
{
    public ApplicationForm ToForm() => new()
    {
        SeasonId = SeasonId,
        ChildName = ChildName,
        DocumentType = DocumentType,
        ResidentId = ResidentId,
        DocumentNumber = DocumentNumber,
        BirthDate = BirthDate,
        GenderCode = GenderCode,
        GuardianName = GuardianName,
        HomeCompound = HomeCompound,
        HomeStreet = HomeStreet,
        HomeNumber = HomeNumber?.ToString(CultureInfo.InvariantCulture),
        HomeDetail = HomeDetail,
        HukouAtHome = HukouAtHome,
        PropertyAtHome = PropertyAtHome,
        HasResidencePermit = HasResidencePermit,
        ResidencePermitYears = ResidencePermitYears?.ToString(CultureInfo.InvariantCulture),
        InsuranceMonths = InsuranceMonths?.ToString(CultureInfo.InvariantCulture),
        PolicyCare = PolicyCare,
        PrivateChoice = PrivateChoice?.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>The answer to a submission, kept with its <c>Idempotency-Key</c> and sent again to a retry.</summary>
internal sealed record SubmissionAnswer(long Id, string Number, long SeasonId, string Status, DateTimeOffset SubmittedAt);

/// <summary>
/// The parents' API for the morning a window opens: submit an application in one idempotent call, and follow it with
/// a status read that a client (or a proxy) revalidates cheaply. The contract (docs/admissions.md, "Submitting through
/// the API") is checked by other tools: <c>Idempotency-Key</c> required (400 naming it), same key and body → the same
/// answer, same key and another body → 422, same key still running → 409, the same child again → 409, overload → 429
/// with <c>Retry-After</c>.
/// </summary>
internal static class SubmissionEndpoints
{
    public const string Path = "/api/admissions/applications";

    /// <summary>Bodies are a short form; anything larger is not one.</summary>
    private const int MaxBody = 16 * 1024;

    public static IEndpointRouteBuilder MapSubmissionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/admissions").WithTags("Admissions (parents)").RequireAuthorization(ParentAuthentication.Policy);

        // A cookie-authenticated JSON write: a cross-site page cannot send the Idempotency-Key header or a JSON content
        // type without a CORS preflight, which Qedu never grants, so the header doubles as the CSRF defence.
        group.MapPost("/applications", async Task<IResult> (HttpContext http, ParentApplications applications, AdmissionsDb db, IdempotencyKeys keys, TimeProvider clock,
                IOptions<JsonOptions> json, IStringLocalizer<KernelText> t, CancellationToken ct) =>
            {
                var parent = ParentAuthentication.ParentId(http.User)!.Value;
                var (request, refusal) = await IdempotencyKeys.ReadAsync(http, $"parent:{parent:N}", t, MaxBody);
                if (request is null)
                {
                    return refusal!;
                }
                using var running = keys.TryBegin(request);
                if (running is null)
                {
                    return IdempotencyKeys.Running(t);
                }
                // A key seen before is looked up only when the submission does not go through (the key's unique index, or
                // the child's, refuses it; or the form is refused): a first submission, nearly every one on the morning a
                // window opens, costs no read of the keys.
                SubmissionRequest? input;
                try
                {
                    input = JsonSerializer.Deserialize<SubmissionRequest>(request.Body, json.Value.SerializerOptions);
                }
                catch (JsonException e)
                {
                    // The path names the field ("$.homeNumber"), so the caller knows which one to fix.
                    var field = e.Path is { Length: > 2 } p ? p[2..] : "body";
                    return await IdempotencyKeys.RecordedAsync(db.IdempotencyKeys, request, t, ct)
                        ?? Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [string.Format(t["Request.Malformed"], e.Path)] });
                }
                if (input is null)
                {
                    return await IdempotencyKeys.RecordedAsync(db.IdempotencyKeys, request, t, ct)
                        ?? Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [string.Format(t["Request.Malformed"], "$")] });
                }
                IResult? answer = null;
                var outcome = await applications.SubmitNewAsync(input.ToForm(), submitted =>
                {
                    var body = JsonSerializer.Serialize(Answer(submitted), json.Value.SerializerOptions);
                    (var record, answer) = IdempotencyKeys.Answer(request, StatusCodes.Status201Created, body, $"{Path}/{submitted.Id}", clock.GetUtcNow());
                    return record;
                }, ct);
                if (outcome.IsOk)
                {
                    return answer!;
                }
                // The key was used before (a retry, or a race lost to another node): the first answer is the answer, and
                // another body with the key is a 422.
                return await IdempotencyKeys.RecordedAsync(db.IdempotencyKeys, request, t, ct) ?? outcome.ToHttp();
            })
            .RequireRateLimiting(AdmissionControl.Writes)
            // Also the content-type check: routing answers 415 to anything but JSON before the handler runs.
            .Accepts<SubmissionRequest>("application/json")
            .Produces<SubmissionAnswer>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Submit a child's application (the signed-in parent's), idempotently")
            .WithDescription(
                "Requires the header Idempotency-Key (1-255 visible ASCII characters; a UUID per submission), as in the IETF httpapi draft " +
                "'The Idempotency-Key HTTP Header Field'. The same key with the same body answers as the first time (with Idempotent-Replayed: true); " +
                "with another body 422; while the first request with the key is still running 409. Keys are kept at least 24 hours. " +
                "One application per child and season: the same child again, under any key, is 409 naming residentId (or documentNumber). " +
                "When too many submissions are in progress the answer is 429 with Retry-After (seconds): retry then with the same key.")
            .WithMetadata(IdempotencyKeyRequired.Instance);

        group.MapGet("/applications/{id:long}", async Task<IResult> (long id, HttpContext http, ParentApplications applications, CancellationToken ct) =>
            {
                // One indexed read gives the revision and the few fields shown: a client revalidating its copy gets a 304
                // for the same round trip, and a changed application costs nothing more.
                if (await applications.StatusAsync(id, ct) is not { } status)
                {
                    return Results.NotFound();
                }
                // The text (season name, explanations) is in the caller's language: the tag says which.
                var etag = $"\"{status.Revision}-{CultureInfo.CurrentUICulture.Name}\"";
                http.Response.Headers.CacheControl = "private, no-cache";
                http.Response.Headers.ETag = etag;
                return EntityTags.Matches(http.Request, etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Ok(Status(status));
            })
            .RequireRateLimiting(AdmissionControl.Reads)
            .Produces<ApplicationStatusView>()
            .Produces(StatusCodes.Status304NotModified)
            .WithSummary("The status of one of the signed-in parent's applications (ETag; If-None-Match answers 304 when unchanged)");
        return endpoints;
    }

    private static SubmissionAnswer Answer(SubmittedApplication submitted) =>
        new(submitted.Id, submitted.Number, submitted.SeasonId, "submitted", submitted.SubmittedAt);

    private static ApplicationStatusView Status(MyApplicationStatus a) => new(
        a.Id, a.Number, a.SeasonId, a.SeasonName, JsonNamingPolicy.CamelCase.ConvertName(a.Status.ToString()), a.SubmittedAt, a.ReviewNote,
        a.OfferSchool, a.OfferDeadline, a.Placement);
}

/// <summary>Where an application stands, for the family's app.</summary>
internal sealed record ApplicationStatusView(
    long Id, string Number, long SeasonId, string Season, string Status, DateTimeOffset? SubmittedAt, string? ReviewNote,
    string? OfferSchool, DateTimeOffset? OfferDeadline, string? Placement);
