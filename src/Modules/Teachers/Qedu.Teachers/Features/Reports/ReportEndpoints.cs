using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Web;
using Qedu.Teachers.Resources;

namespace Qedu.Teachers.Features.Reports;

/// <summary>The report's number and secret, as its reporter gives them to follow it (in a body, never in a URL).</summary>
internal sealed record FollowRequest(string? Number, string? Secret);

/// <summary>A handler's note: the text, and whether the reporter reads it.</summary>
internal sealed record NoteRequest(string? Text, bool Public);

/// <summary>A conclusion: Upheld or NotUpheld, the wording the reporter reads, the teacher (a registry staff id) when identified.</summary>
internal sealed record ConcludeRequest(string? Conclusion, string? PublicConclusion, long? StaffId);

/// <summary>Why the officer opens a reporter's contact (kept in the audit log).</summary>
internal sealed record ContactRequest(string? Reason);

/// <summary>The report channel over HTTP: the public side (no sign-in, rate-limited) and the handlers' and officer's side.</summary>
internal static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var open = endpoints.MapGroup("/api/report").WithTags("Teacher reports (public)").AllowAnonymous().DisableAntiforgery();
        open.MapPost("", async ([FromForm] string? kind, [FromForm] string? school, [FromForm] string? teacher, [FromForm] string? text,
                    [FromForm] string? contact, IFormFileCollection files, ReportChannel channel, CancellationToken ct) =>
                await WithUploadsAsync(files, uploads => channel.FileAsync(new NewReport(kind, school, teacher, text, contact), uploads, ct),
                    outcome => outcome.ToCreated(r => "/api/report/follow", r => r)))
            .RequireRateLimiting(AdmissionControl.Writes)
            .WithMetadata(new RequestSizeLimitAttribute(ReportChannel.MaxRequestBytes))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = ReportChannel.MaxRequestBytes })
            .WithSummary("Files a report (multipart): kind (PaidTutoring, Misconduct), school, teacher (optional), text (10–2,000 characters), contact (optional, seen only by the channel's officer), files (PDF, JPEG, PNG; at most 5 of 5 MB). Answers the case number and the secret to follow it, shown once");
        open.MapPost("/follow", async (FollowRequest body, ReportChannel channel, CancellationToken ct) =>
                (await channel.StatusAsync(body.Number, body.Secret, ct)).ToTypedResult())
            .RequireRateLimiting(AdmissionControl.Reads)
            .WithSummary("A report as its reporter follows it: state, the conclusion's wording, the replies; 404 for a wrong number or secret alike");
        open.MapPost("/follow/add", async ([FromForm] string? number, [FromForm] string? secret, [FromForm] string? text, IFormFileCollection files,
                    ReportChannel channel, CancellationToken ct) =>
                await WithUploadsAsync(files, uploads => channel.AddAsync(number, secret, text, uploads, ct), outcome => outcome.ToTypedResult()))
            .RequireRateLimiting(AdmissionControl.Writes)
            .WithMetadata(new RequestSizeLimitAttribute(ReportChannel.MaxRequestBytes))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = ReportChannel.MaxRequestBytes })
            .WithSummary("The reporter adds to an open report (multipart): number, secret, text, files");

        var handle = endpoints.MapGroup("/api/teachers/reports").WithTags("Teacher reports").RequireAuthorization(Permissions.TeachersReportsHandle);
        handle.MapGet("", async (bool? overdue, ReportHandling handling, CancellationToken ct) => TypedResults.Ok(await handling.ListAsync(overdue == true, ct)))
            .WithSummary("The reports of the caller's bureau (a district its own, the city every one), open first; overdue=true for those past a limit");
        handle.MapGet("/{number}", async (string number, ReportHandling handling, IStringLocalizer<TeachersText> t, CancellationToken ct) =>
                (await handling.FindAsync(number, ct) is { } view ? Outcome<ReportView>.Ok(view) : Outcome<ReportView>.NotFound(t["Report.NotFound"])).ToTypedResult())
            .WithSummary("A report with its history and files; never the reporter's contact (only whether there is one)");
        handle.MapPost("/{number}/acknowledge", async (string number, ReportHandling handling, CancellationToken ct) =>
                (await handling.AcknowledgeAsync(number, ct)).ToTypedResult())
            .WithSummary("Acknowledges a received report (受理)");
        handle.MapPost("/{number}/investigate", async (string number, ReportHandling handling, CancellationToken ct) =>
                (await handling.InvestigateAsync(number, ct)).ToTypedResult())
            .WithSummary("Starts the investigation of an acknowledged report (调查)");
        handle.MapPost("/{number}/notes", async (string number, NoteRequest body, ReportHandling handling, CancellationToken ct) =>
                (await handling.NoteAsync(number, new ReportStep(body.Text, body.Public), ct)).ToTypedResult())
            .WithSummary("Adds a note: internal, or public (a reply the reporter reads)");
        handle.MapPost("/{number}/conclude", async (string number, ConcludeRequest body, ReportHandling handling, CancellationToken ct) =>
                (await handling.ConcludeAsync(number, new ReportStep(Conclusion: body.Conclusion, PublicConclusion: body.PublicConclusion, StaffId: body.StaffId), ct))
                .ToTypedResult())
            .WithSummary("Concludes an investigated report: conclusion (Upheld, NotUpheld), publicConclusion (what the reporter reads), staffId (the teacher; required when upheld)");
        handle.MapGet("/files/{fileId:long}", async (long fileId, ReportHandling handling, AuditTrail audit, CancellationToken ct) =>
                await handling.OpenFileAsync(fileId, audit, ct) is { } file
                    ? Results.File(file.Content, file.Row.MediaType, file.Row.FileName)
                    : Results.NotFound())
            .WithSummary("A file the reporter sent, for the handlers of its bureau (each opening audited)");
        endpoints.MapPost("/api/teachers/reports/{number}/contact", async (string number, ContactRequest body, ReportContacts contacts, CancellationToken ct) =>
                (await contacts.OpenAsync(number, body.Reason, ct)).ToOk(contact => new { contact }))
            .RequireAuthorization(Permissions.TeachersReportsContact)
            .WithTags("Teacher reports")
            .WithSummary("The reporter's contact, for the channel's officer alone, with a reason (audited)");
        return endpoints;
    }

    /// <summary>Hands the uploads to the use case as seekable streams, and closes them after.</summary>
    private static async Task<IResult> WithUploadsAsync<T>(IFormFileCollection files, Func<IReadOnlyList<ReportUpload>, Task<Outcome<T>>> use,
        Func<Outcome<T>, IResult> answer)
    {
        var uploads = ReportUploads.From(files);
        try
        {
            return answer(await use(uploads));
        }
        finally
        {
            await ReportUploads.CloseAsync(uploads);
        }
    }
}
