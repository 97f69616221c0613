using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Registry.Data;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Registry;

/// <summary>What the registry's page tests share: a page's HTML (a 200 asserted), the text of cells by test id, the masked resident ID, a query as the system.</summary>
internal static partial class RegistryPages
{
    public static Task<T> RegistryAsync<T>(this WebApp app, Func<RegistryDb, Task<T>> query) =>
        app.AsSystemAsync(sp => query(sp.GetRequiredService<RegistryDb>()));

    public static async Task<string> PageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {Http.Snippet(body, 300)}");
        return body;
    }

    public static List<string> Cells(string html, string testId) =>
        Regex.Matches(html, $"data-testid=\"{testId}\">([^<]*)<").Select(m => m.Groups[1].Value).ToList();

    /// <summary>A resident ID as a caller without pii.view sees it: the first six and the last four, eight stars between.</summary>
    [GeneratedRegex("^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$")]
    public static partial Regex MaskedId();
}
