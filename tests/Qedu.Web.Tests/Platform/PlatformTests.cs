using System.Net;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Platform;

/// <summary>What operators and API consumers rely on without signing in: health, the API description, its viewer.</summary>
[Collection(WebCollection.Name)]
public sealed class PlatformTests(WebApp app)
{
    [Fact]
    public async Task Health_answers_200_when_the_database_does()
    {
        using var response = await app.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_org_unit_endpoints_and_the_bearer_scheme()
    {
        using var response = await app.Anonymous().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.JsonAsync();
        var paths = document.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name.TrimEnd('/'), p => p.Value);
        Assert.True(paths["/api/org-units/{code}"].TryGetProperty("get", out _));
        Assert.True(paths["/api/org-units/{code}"].TryGetProperty("put", out _));
        Assert.True(paths["/api/org-units/{code}/children"].TryGetProperty("get", out _));
        Assert.True(paths["/api/org-units"].TryGetProperty("post", out _));
        // Only the API is described: sign-in, single sign-on and the language switch are not endpoints to integrate with.
        Assert.All(paths.Keys, p => Assert.StartsWith("/api/", p, StringComparison.Ordinal));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task The_api_reference_viewer_is_served_with_its_scripts()
    {
        var client = app.Anonymous();

        using var page = await client.GetAsync("/scalar/v1");
        var html = await page.Content.ReadAsStringAsync();
        using var script = await client.GetAsync("/scalar/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("scalar.js", html, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
