using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Teachers.Resources;

namespace Qedu.Teachers.Features.Training;

/// <summary>Continuing education over HTTP: compliance and the catalogue (<c>teachers.read</c>); hours, files, courses and enrolments (<c>teachers.manage</c>).</summary>
internal static class TrainingEndpoints
{
    public static IEndpointRouteBuilder MapTrainingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/teachers").WithTags("Teachers (training)").RequireAuthorization(Permissions.TeachersRead);
        read.MapGet("/training", async (string? district, string? school, bool? behind, TrainingCompliance compliance, CancellationToken ct) =>
                TypedResults.Ok(await compliance.OverviewAsync(district, school, behind == true, ct)))
            .WithSummary("The cycle's compliance (360 hours in 5 years, as the rules say): by district, by school (of district), and for school its teachers (behind=true: behind pace only)");
        read.MapGet("/{staffId:long}/training", async (long staffId, TrainingLedger ledger, IStringLocalizer<TeachersText> t, CancellationToken ct) =>
                (await ledger.ForAsync(staffId, ct) is { } view ? Outcome<TeacherTraining>.Ok(view) : Outcome<TeacherTraining>.NotFound(t["Records.NoStaff"])).ToTypedResult())
            .WithSummary("A teacher's hours: the cycle's standing by category, every line, their courses");
        read.MapGet("/training/catalogue", async (string? category, TrainingCatalogue catalogue, CancellationToken ct) =>
                TypedResults.Ok(await catalogue.CatalogueAsync(category, ct)))
            .WithSummary("Training providers and courses (category: one category's courses)");
        read.MapGet("/training/courses/{code}", async (string code, TrainingCatalogue catalogue, IStringLocalizer<TeachersText> t, CancellationToken ct) =>
                (await catalogue.CourseAsync(code, ct) is { } view ? Outcome<CourseView>.Ok(view) : Outcome<CourseView>.NotFound(t["Training.NoCourse", code])).ToTypedResult())
            .WithSummary("A course with the enrolments of the caller's scope");

        var manage = endpoints.MapGroup("/api/teachers").WithTags("Teachers (training)").RequireAuthorization(Permissions.TeachersManage);
        manage.MapPost("/{staffId:long}/training", async (long staffId, NewHours body, TrainingLedger ledger, CancellationToken ct) =>
                (await ledger.AddAsync(staffId, body, ct)).ToCreated(id => $"/api/teachers/{staffId}/training", id => new NewId(id)))
            .WithSummary("Records hours for a teacher (the school): title, category (rules), hours (up to 200, one decimal), completedOn (this or the previous cycle)");
        manage.MapPost("/training/import", async Task<Results<Ok<HoursImportReport>, BadRequest<HoursImportReport>>> (
                [FromForm] bool? dryRun, IFormFile? file, HoursImport import, CancellationToken ct) =>
            {
                await using var stream = file?.OpenReadStream();
                var report = await import.ImportAsync(file?.FileName, stream, file?.Length ?? 0, dryRun == true, ct);
                return report.Ok ? TypedResults.Ok(report) : TypedResults.BadRequest(report);
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(HoursImport.MaxFileBytes + (1 << 20)))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = HoursImport.MaxFileBytes + (1 << 20) })
            .WithSummary("Imports a provider's hours file (multipart file: 教职工号,课程代码,学时,完成日期; dryRun): every row checked, all written or none (400 naming each row and column)");
        manage.MapPost("/training/providers", async (NewProvider body, TrainingCatalogue catalogue, CancellationToken ct) =>
                (await catalogue.AddProviderAsync(body, ct)).ToCreated(code => "/api/teachers/training/catalogue", code => code))
            .WithSummary("Adds a provider to the catalogue (code, name), owned by the caller's highest unit with teachers.manage");
        manage.MapPost("/training/courses", async (NewCourse body, TrainingCatalogue catalogue, CancellationToken ct) =>
                (await catalogue.AddCourseAsync(body, ct)).ToCreated(code => $"/api/teachers/training/courses/{code}", code => code))
            .WithSummary("Adds a course: code, providerCode, title, category, hours, sessions, capacity, startsOn, endsOn, online; open to the teachers under the caller's unit");
        manage.MapPost("/training/courses/{code}/enrolments", async (string code, NewEnrolment body, TrainingCatalogue catalogue, CancellationToken ct) =>
                (await catalogue.EnrolAsync(code, body, ct)).ToCreated(id => $"/api/teachers/training/courses/{code}", id => new NewId(id)))
            .WithSummary("Enrols a teacher (staffNumber) the caller manages, while places are left (409 when full)");
        manage.MapPut("/training/courses/{code}/enrolments/{staffId:long}", async (string code, long staffId, Attendance body, TrainingCatalogue catalogue, CancellationToken ct) =>
                (await catalogue.AttendanceAsync(code, staffId, body, ct)).ToTypedResult())
            .WithSummary("Records sessionsAttended for an enrolled teacher (the course's owner)");
        manage.MapPost("/training/courses/{code}/close", async (string code, TrainingCatalogue catalogue, CancellationToken ct) =>
                (await catalogue.CloseAsync(code, ct)).ToTypedResult())
            .WithSummary("Closes a course after its last day (the owner): teachers who attended the rules' share of sessions are credited its hours");
        return endpoints;
    }
}
