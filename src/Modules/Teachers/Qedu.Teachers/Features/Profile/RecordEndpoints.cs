using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Teachers.Features.Profile;

/// <summary>Adding to a teacher's professional record over HTTP (<c>teachers.manage</c> over the teacher's school).</summary>
internal static class RecordEndpoints
{
    public static IEndpointRouteBuilder MapRecordEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var staff = endpoints.MapGroup("/api/teachers/{staffId:long}").WithTags("Teachers").RequireAuthorization(Permissions.TeachersManage);
        staff.MapPost("/certificates", async (long staffId, NewCertificate body, RecordWrites writes, CancellationToken ct) =>
                (await writes.AddCertificateAsync(staffId, body, ct)).ToCreated(id => $"/api/teachers/{staffId}", id => new NewId(id)))
            .WithSummary("Records a teacher's certificate (教师资格证): type, subject, number (unique), issuedOn, lastRegisteredOn (optional)");
        staff.MapPost("/certificates/{certificateId:long}/registrations",
                async (long staffId, long certificateId, NewRegistration body, RecordWrites writes, CancellationToken ct) =>
                    (await writes.RegisterAsync(staffId, certificateId, body, ct)).ToCreated(id => $"/api/teachers/{staffId}", id => new NewId(id)))
            .WithSummary("Records a certificate's periodic registration (定期注册) on registeredOn; the next falls due after the rules' cycle (5 years)");
        staff.MapPost("/titles", async (long staffId, NewTitle body, RecordWrites writes, CancellationToken ct) =>
                (await writes.AddTitleAsync(staffId, body, ct)).ToCreated(id => $"/api/teachers/{staffId}", id => new NewId(id)))
            .WithSummary("Adds a title (职称, code list professional-title) from a day; the title held before ends that day");
        staff.MapPost("/backbone", async (long staffId, NewBackbone body, RecordWrites writes, CancellationToken ct) =>
                (await writes.AddBackboneAsync(staffId, body, ct)).ToCreated(id => $"/api/teachers/{staffId}", id => new NewId(id)))
            .WithSummary("Adds a backbone-teacher designation (骨干教师): level, awardedBy, from, to");
        staff.MapPost("/honours", async (long staffId, NewHonour body, RecordWrites writes, CancellationToken ct) =>
                (await writes.AddHonourAsync(staffId, body, ct)).ToCreated(id => $"/api/teachers/{staffId}", id => new NewId(id)))
            .WithSummary("Adds an honour (荣誉): name, level, awardedBy, awardedOn");

        var studios = endpoints.MapGroup("/api/teachers/studios").WithTags("Teachers").RequireAuthorization(Permissions.TeachersManage);
        studios.MapPost("", async (NewStudio body, RecordWrites writes, CancellationToken ct) =>
                (await writes.AddStudioAsync(body, ct)).ToCreated(id => $"/api/teachers/{body.HostStaffId}", id => new NewId(id)))
            .WithSummary("Opens a 名师/名校长 studio: kind (Teacher, Principal), level, name, hostStaffId, from");
        studios.MapPost("/{studioId:long}/members", async (long studioId, NewStudioMember body, RecordWrites writes, CancellationToken ct) =>
                (await writes.AddStudioMemberAsync(studioId, body, ct)).ToCreated(id => $"/api/teachers/{body.StaffId}", id => new NewId(id)))
            .WithSummary("Adds a member (学员) to a studio from a day");
        return endpoints;
    }
}
