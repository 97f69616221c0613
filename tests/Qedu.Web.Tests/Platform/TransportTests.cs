using System.Net;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Platform;

/// <summary>A host as production runs it, HTTPS required, behind a TLS-terminating proxy it trusts.</summary>
public sealed class HttpsApp : WebApp
{
    public const string Proxy = "203.0.113.9";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:RequireHttps"] = "true",
        ["Security:TrustedProxies:0"] = Proxy,
    };
}

/// <summary>
/// Transport (MLPS 8.1.4.1 c, ASVS V12/V3): behind the TLS proxy every answer carries HSTS, and plain HTTP is sent to
/// HTTPS rather than failing; only the trusted proxy can say a request came over TLS.
/// </summary>
public sealed class TransportTests(HttpsApp app) : IClassFixture<HttpsApp>
{
    private const string Host = "qedu.example.cn";

    [Theory]
    [InlineData("/login")]
    [InlineData("/health")]
    [InlineData("/api/org-units/370202")]
    public async Task Behind_the_trusted_tls_proxy_every_answer_carries_hsts(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path, HttpsApp.Proxy, forwardedProto: "https");

        Assert.False(response.StatusCode is HttpStatusCode.PermanentRedirect or HttpStatusCode.InternalServerError, $"{(int)response.StatusCode}");
        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), $"{path}: no Strict-Transport-Security");
        Assert.StartsWith("max-age=", hsts!.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/login")]
    [InlineData("POST", "/login")]
    [InlineData("GET", "/org")]
    public async Task Plain_http_is_redirected_to_https_not_a_500(string method, string path)
    {
        using var response = await SendAsync(new HttpMethod(method), path, HttpsApp.Proxy, forwardedProto: null);

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal($"https://{Host}{path}", response.Headers.Location?.ToString());
        Assert.False(response.Headers.Contains("Strict-Transport-Security")); // HSTS is only ever sent over HTTPS
    }

    [Fact]
    public async Task Only_the_trusted_proxy_can_say_a_request_came_over_tls()
    {
        using var response = await SendAsync(HttpMethod.Get, "/login", WebApp.DefaultClientAddress, forwardedProto: "https");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string from, string? forwardedProto)
    {
        var client = app.Anonymous();
        using var request = new HttpRequestMessage(method, $"http://{Host}{path}");
        request.Headers.Add(WebApp.ClientAddressHeader, from);
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            request.Headers.Add("X-Forwarded-For", "198.51.100.200");
        }
        if (method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "teacher" });
        }
        return await client.SendAsync(request);
    }
}
