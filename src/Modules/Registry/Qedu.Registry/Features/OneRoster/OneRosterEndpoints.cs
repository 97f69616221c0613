using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Localization;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Registry.Features.OneRoster;

internal static class OneRosterEndpoints
{
    public static void MapOneRoster(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/registry/oneroster.zip", async (string? school, OneRosterExport export, IStringLocalizer<KernelText> text, CancellationToken ct) =>
            {
                if (school is not null && !OrgUnitRules.IsWellFormedCode(school))
                {
                    return Results.Problem(string.Format(text["OrgUnit.CodeMalformed"], school), statusCode: StatusCodes.Status400BadRequest);
                }
                // Built in a temporary file first: a failure halfway gives an error, never a truncated zip sent as 200.
                var stream = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
                    FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                try
                {
                    if (await export.WriteAsync(stream, school, ct) is null)
                    {
                        await stream.DisposeAsync();
                        return Results.Problem(string.Format(text["OrgUnit.NotFound"], school), statusCode: StatusCodes.Status404NotFound);
                    }
                    stream.Position = 0;
                    return Results.File(stream, "application/zip", "oneroster.zip");
                }
                catch
                {
                    await stream.DisposeAsync();
                    throw;
                }
            })
            .RequireAuthorization(Permissions.RegistryRead)
            .WithTags("Registry")
            .WithSummary("The registry in the caller's scope (or one unit's subtree, ?school=CODE) as a OneRoster v1.2 CSV bundle; identifying data masked without pii.view")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
