using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Qedu.Web.Tests.Infrastructure;

/// <summary>An RFC 9457 problem document as the API returns it: the message, and the messages per field when there are any.</summary>
public sealed record Problem(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public string AllText => string.Join(" | ", new[] { Detail }.Concat(Errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))));
}

public static class Http
{
    /// <summary>The body of a response that must have succeeded (the status and body in the failure otherwise), the response disposed.</summary>
    public static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return await response.JsonAsync();
        }
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} is not JSON: {Snippet(text)}", e);
        }
    }

    public static async Task<Problem> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.JsonAsync();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (json.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in e.EnumerateObject())
            {
                errors[field.Name] = field.Value.EnumerateArray().Select(v => v.GetString() ?? "").ToArray();
            }
        }
        return new Problem(
            json.GetProperty("status").GetInt32(),
            json.TryGetProperty("title", out var t) ? t.GetString() : null,
            json.TryGetProperty("detail", out var d) ? d.GetString() : null,
            errors);
    }

    public static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static StringContent RawJson(string body) => new(body, Encoding.UTF8, "application/json");

    public static HttpRequestMessage Request(HttpMethod method, string url, HttpContent? content = null, string? language = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }
        return request;
    }

    /// <summary>The path of a redirect's target, whether the server wrote it absolute or relative.</summary>
    public static string? RedirectPath(this HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        if (location is null)
        {
            return null;
        }
        return location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
    }

    public static bool IsRedirect(this HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect;

    public static string Snippet(string text, int length = 300)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= length ? flat : flat[..length] + "…";
    }

    /// <summary>A resource string as the app would show it in Chinese (default) or English.</summary>
    public static string Text<TResource>(this WebApp app, string key, bool english = false)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = english ? new CultureInfo("en") : new CultureInfo("zh-CN");
        try
        {
            var text = app.Services.GetRequiredService<IStringLocalizer<TResource>>()[key];
            return text.ResourceNotFound ? throw new InvalidOperationException($"No resource {typeof(TResource).Name}.{key}") : text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
