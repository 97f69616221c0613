namespace Qedu.Web.Components;

internal static class LoginUrls
{
    /// <summary>Only paths on this site: an open redirect would let a phishing link send people anywhere.</summary>
    public static string Local(string? url, string fallback = "/") =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : fallback;
}
