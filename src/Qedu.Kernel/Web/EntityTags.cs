using Microsoft.AspNetCore.Http;

namespace Qedu.Kernel.Web;

/// <summary>Conditional GETs: one reading of <c>If-None-Match</c> for every endpoint that answers 304.</summary>
public static class EntityTags
{
    /// <summary>
    /// Whether the request's <c>If-None-Match</c> names <paramref name="etag"/> (a quoted tag) or is <c>*</c>, by weak
    /// comparison as RFC 9110 §13.1.2 asks for it (<c>W/"x"</c> matches <c>"x"</c>); the header may list several.
    /// </summary>
    public static bool Matches(HttpRequest request, string etag)
    {
        foreach (var value in request.Headers.IfNoneMatch)
        {
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == "*" || part == etag || (part.StartsWith("W/", StringComparison.Ordinal) && part.AsSpan(2).SequenceEqual(etag)))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
