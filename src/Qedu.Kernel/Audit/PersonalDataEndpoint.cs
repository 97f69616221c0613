using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Qedu.Kernel.Audit;

/// <summary>
/// Marks an endpoint (or a page) that serves a person's data, so that a 403 or 404 answered there is an audit line with
/// outcome Denied (<see cref="DenialAudit"/>). <see cref="EntityType"/> names what it serves; an endpoint that serves
/// several kinds names them by URL segment in <see cref="Kinds"/> (a route value <c>kind</c>, else the segment after
/// the group's prefix), and a kind not listed there is not personal data.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class PersonalDataEndpointAttribute : Attribute
{
    public PersonalDataEndpointAttribute(string entityType) => EntityType = entityType;

    private PersonalDataEndpointAttribute(string prefix, IReadOnlyDictionary<string, string> kinds)
    {
        Prefix = prefix;
        Kinds = kinds;
    }

    public string? EntityType { get; }

    public string? Prefix { get; }

    public IReadOnlyDictionary<string, string>? Kinds { get; }

    /// <summary>Endpoints under <paramref name="prefix"/> whose kind (route value or next segment) says what they serve.</summary>
    public static PersonalDataEndpointAttribute ByKind(string prefix, IReadOnlyDictionary<string, string> kinds) => new(prefix, kinds);

    /// <summary>What the request touched, or null when it is no personal data.</summary>
    public string? EntityTypeOf(HttpContext context)
    {
        if (EntityType is not null)
        {
            return EntityType;
        }
        var kind = context.Request.RouteValues.TryGetValue("kind", out var value) ? value as string : null;
        if (kind is null && Prefix is not null && context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            kind = rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        }
        return kind is not null && Kinds!.TryGetValue(kind, out var type) ? type : null;
    }
}

/// <summary>
/// Records every 403 and 404 answered on a personal-data endpoint as <c>pii.denied</c> with outcome Denied: who asked,
/// for what (entity type and id from the route), the method, path (not the query) and status. Written as the response starts (before
/// the caller sees it), in a transaction of its own.
/// </summary>
public static class DenialAudit
{
    public const string Action = "pii.denied";

    /// <summary>After the caller's access is resolved and before authorization, so authorization's own 403 is seen.</summary>
    public static IApplicationBuilder UseQeduDenialAudit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<PersonalDataEndpointAttribute>() is { } personal)
            {
                context.Response.OnStarting(() => RecordAsync(context, personal));
            }
            await next(context);
        });

    // The path only: a query string may carry what was searched for, and the log must not become a copy of personal data.
    private static string? Clip(string? path) => path is { Length: > 256 } ? path[..256] : path;

    private static async Task RecordAsync(HttpContext context, PersonalDataEndpointAttribute personal)
    {
        var status = context.Response.StatusCode;
        if (status is not (StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound) || personal.EntityTypeOf(context) is not { } entityType)
        {
            return;
        }
        var id = context.Request.RouteValues.TryGetValue("id", out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var audit = context.RequestServices.GetRequiredService<AuditTrail>();
        await audit.RecordAsync(Action, entityType, id,
            details: $"{context.Request.Method} {Clip(context.Request.Path.Value)} → {status}",
            outcome: AuditOutcome.Denied, ct: CancellationToken.None);
    }
}
