using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Teachers.Resources;

namespace Qedu.Teachers.Features.Profile;

/// <summary>A teacher's professional record over HTTP (<c>teachers.read</c> over the teacher's school).</summary>
internal static class ProfileEndpoints
{
    public static IEndpointRouteBuilder MapProfileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/teachers/{staffId:long}",
                async (long staffId, TeacherProfiles profiles, IStringLocalizer<TeachersText> t, CancellationToken ct) =>
                    (await profiles.FindAsync(staffId, ct) is { } profile ? Outcome<TeacherProfile>.Ok(profile) : Outcome<TeacherProfile>.NotFound(t["Records.NoStaff"]))
                    .ToTypedResult())
            .RequireAuthorization(Permissions.TeachersRead)
            .WithTags("Teachers")
            .WithSummary("A teacher's professional record: certificates with their registrations and the next due, titles, backbone awards, honours, studios");
        return endpoints;
    }
}
