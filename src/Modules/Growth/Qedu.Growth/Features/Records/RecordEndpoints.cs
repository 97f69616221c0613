using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Documents;
using Qedu.Growth.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Growth.Features.Records;

/// <summary>
/// The growth record over HTTP: classes, a class's students, a student's record and its entries (<c>growth.record</c>),
/// the evidence review, the term's confirmation (<c>growth.record-confirm</c>), the handbook PDF; and the guardian's side.
/// </summary>
internal static class RecordEndpoints
{
    public static IEndpointRouteBuilder MapRecordEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var keep = endpoints.MapGroup("/api/growth/records").WithTags("Growth (records)").RequireAuthorization(Permissions.GrowthRecord);
        keep.MapGet("/classes", async (GrowthRecords records, CancellationToken ct) => TypedResults.Ok(await records.ClassesAsync(ct)))
            .WithSummary("The classes the caller keeps records for (a teacher: its own), with this term's entries, evidence waiting and confirmations");
        keep.MapGet("/classes/{classId:long}", async (long classId, GrowthRecords records, IStringLocalizer<GrowthText> t, CancellationToken ct) =>
                (await records.ClassAsync(classId, ct) is { } found ? Outcome<ClassRecords>.Ok(found) : Outcome<ClassRecords>.NotFound(t["Record.ClassNotFound"])).ToTypedResult())
            .WithSummary("A class's students with this term's progress (named: audited)");
        keep.MapPost("/classes/{classId:long}/confirm", async (long classId, ConfirmTerm body, GrowthRecords records, CancellationToken ct) =>
                (await records.ConfirmAsync(classId, body, ct)).ToOk(confirmed => new { confirmed }))
            .RequireAuthorization(Permissions.GrowthRecordConfirm)
            .WithSummary("Confirms the class's records for a term (year, term; now when omitted) with comments by student id; 409 while evidence waits");
        keep.MapGet("/students/{studentId:long}", async (long studentId, GrowthRecords records, IStringLocalizer<GrowthText> t, CancellationToken ct) =>
                (await records.StudentAsync(studentId, ct) is { } found ? Outcome<StudentRecord>.Ok(found) : Outcome<StudentRecord>.NotFound(t["Record.NotFound"])).ToTypedResult())
            .WithSummary("A student's growth record: lines by area, the 十个一 items, evidence waiting, confirmed terms (audited)");
        keep.MapPost("/students/{studentId:long}/entries", async (long studentId, NewRecordEntry body, GrowthRecords records, CancellationToken ct) =>
                (await records.AddEntryAsync(studentId, body, ct)).ToCreated(id => $"/api/growth/records/students/{studentId}", id => new { id }))
            .WithSummary("Adds an entry (area, item, quantity, title, detail, occurredOn); 409 in a confirmed term");
        keep.MapDelete("/entries/{entryId:long}", async (long entryId, GrowthRecords records, CancellationToken ct) =>
                (await records.RemoveEntryAsync(entryId, ct)).ToOk(student => new { studentId = student }))
            .WithSummary("Removes an entry of an open term (its author, or whoever confirms terms)");
        keep.MapPost("/evidence/{id:long}/review", async (long id, EvidenceReview body, GrowthRecords records, CancellationToken ct) =>
                (await records.ReviewAsync(id, body, ct)).ToOk(state => new { state }))
            .WithSummary("Accepts a guardian's evidence into the record or returns it (accept, note: required to return)");
        keep.MapGet("/evidence/{id:long}/file", async (long id, GrowthRecords records, IStringLocalizer<GrowthText> t, CancellationToken ct) =>
                FileResult(await records.OpenFileAsync(id, ct), t))
            .WithSummary("An evidence file (audited)");
        keep.MapGet("/students/{studentId:long}/handbook.pdf", async (long studentId, GrowthRecords records, PdfFonts fonts, TimeProvider clock,
                IStringLocalizer<GrowthText> t, CancellationToken ct) =>
                Handbook(await records.StudentAsync(studentId, ct), records, fonts, clock, t))
            .WithSummary("The student's growth handbook (《“十个一”素质成长手册》) as a PDF (audited)");

        var parents = endpoints.MapGroup("/api/parent/growth").WithTags("Growth (guardians)").RequireAuthorization(ParentAuthentication.Policy);
        parents.MapGet("/", async (GrowthRecords records, CancellationToken ct) => TypedResults.Ok(await records.ChildrenAsync(ct)))
            .WithSummary("The signed-in guardian's children with their records' summaries");
        parents.MapGet("/{studentId:long}", async (long studentId, GrowthRecords records, IStringLocalizer<GrowthText> t, CancellationToken ct) =>
                (await records.ChildAsync(studentId, ct) is { } found ? Outcome<StudentRecord>.Ok(found) : Outcome<StudentRecord>.NotFound(t["Record.NotFound"])).ToTypedResult())
            .WithSummary("A child's growth record, with the evidence the guardian sent and what became of it");
        parents.MapPost("/{studentId:long}/evidence", async (long studentId, [FromForm] EvidenceForm form, IFormFile? file, GrowthRecords records, CancellationToken ct) =>
            {
                await using var content = file?.OpenReadStream();
                return (await records.SendEvidenceAsync(studentId, form.ToEntry(), file?.FileName, file?.Length ?? 0, content, ct))
                    .ToCreated(id => $"/api/parent/growth/{studentId}", id => new { id });
            })
            // As the other guardian uploads: the parent cookie is SameSite=Lax, so no other site's form posts with it; the
            // page's own form carries its token.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(GrowthRecords.MaxFileBytes + 64 * 1024))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = GrowthRecords.MaxFileBytes + 64 * 1024 })
            .WithSummary("Sends evidence for a child (multipart: area, item, quantity, title, detail, occurredOn, file: PDF, JPEG or PNG ≤ 10 MB)");
        endpoints.MapGet("/parent/growth/evidence/{id:long}/file", async (long id, GrowthRecords records, IStringLocalizer<GrowthText> t, CancellationToken ct) =>
                FileResult(await records.OpenFileAsync(id, ct), t))
            .RequireAuthorization(ParentAuthentication.Policy).ExcludeFromDescription();
        endpoints.MapGet("/parent/growth/{studentId:long}/handbook.pdf", async (long studentId, GrowthRecords records, PdfFonts fonts, TimeProvider clock,
                IStringLocalizer<GrowthText> t, CancellationToken ct) =>
                Handbook(await records.ChildAsync(studentId, ct), records, fonts, clock, t))
            .RequireAuthorization(ParentAuthentication.Policy).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>An evidence file the caller may open, or 404.</summary>
    private static IResult FileResult(EvidenceFile? file, IStringLocalizer<GrowthText> t) =>
        file is not null ? Results.File(file.Content, file.MediaType, file.FileName) : Results.Problem(t["Record.EvidenceNotFound"], statusCode: StatusCodes.Status404NotFound);

    /// <summary>The handbook of a record the caller may read (404 otherwise; 503 on a server without a Chinese font).</summary>
    private static IResult Handbook(StudentRecord? record, GrowthRecords records, PdfFonts fonts, TimeProvider clock, IStringLocalizer<GrowthText> t) =>
        record is null ? Results.Problem(t["Record.NotFound"], statusCode: StatusCodes.Status404NotFound)
        : fonts.Current is { } font ? Results.File(HandbookPdf.Render(record, records.Rules, font, clock.GetUtcNow()), HandbookPdf.MediaType, $"成长手册-{record.StudentNumber}.pdf")
        : Results.Problem(t["Record.NoFont"], statusCode: StatusCodes.Status503ServiceUnavailable);
}

/// <summary>The form fields of a guardian's evidence (multipart, beside the file).</summary>
internal sealed class EvidenceForm
{
    public Domain.GrowthArea? Area { get; set; }
    public string? Item { get; set; }
    public int? Quantity { get; set; }
    public string? Title { get; set; }
    public string? Detail { get; set; }
    public DateOnly? OccurredOn { get; set; }

    public NewRecordEntry ToEntry() => new(Area, Item, Quantity, Title, Detail, OccurredOn);
}
