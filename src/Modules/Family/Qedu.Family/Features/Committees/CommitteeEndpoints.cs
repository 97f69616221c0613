using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Family.Features.Committees;

/// <summary>Parent committees over HTTP: the overview (family-school.read); forming, members and minutes (family-school.manage).</summary>
internal static class CommitteeEndpoints
{
    public static IEndpointRouteBuilder MapCommitteeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/family/committees", async (string? school, Committees committees, CancellationToken ct) => (await committees.OverviewAsync(school, ct)).ToTypedResult())
            .WithTags("Family (parent committees)").RequireAuthorization(Permissions.FamilySchoolRead)
            .WithSummary("The schools in scope: school committee formed this school year, class committees, meetings; with school (a code, or the caller's only school), its committees with members and minutes");

        var manage = endpoints.MapGroup("/api/family/committees").WithTags("Family (parent committees)").RequireAuthorization(Permissions.FamilySchoolManage);
        manage.MapPost("/", async (string? school, CommitteeInput body, Committees committees, CancellationToken ct) =>
                (await committees.FormAsync(school, body, ct)).ToCreated(id => $"/api/family/committees?school={school}", id => new NewId(id)))
            .WithSummary("Forms the school's committee (no className) or a class's (className) for this school year: formedOn");
        manage.MapPost("/{id:long}/members", async (long id, MemberInput body, Committees committees, CancellationToken ct) =>
                (await committees.AddMemberAsync(id, body, ct)).ToCreated(m => $"/api/family/committees/{id}/members/{m}", m => new NewId(m)))
            .WithSummary("Adds a member: name, phone, role (Chair, ViceChair, Member; one chair), duty");
        manage.MapPost("/{id:long}/members/{member:long}/stand-down", async (long id, long member, Committees committees, CancellationToken ct) =>
                (await committees.StandDownAsync(id, member, ct)).ToOk(n => new { stoodDown = n }))
            .WithSummary("A member stands down (kept on the record with the day)");
        manage.MapPost("/{id:long}/meetings", async (long id, MeetingInput body, Committees committees, CancellationToken ct) =>
                (await committees.AddMeetingAsync(id, body, ct)).ToCreated(m => $"/api/family/committees/{id}/meetings/{m}", m => new NewId(m)))
            .WithSummary("Records a meeting's minutes: heldOn, present, topics, decisions");
        return endpoints;
    }
}
