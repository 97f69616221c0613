using System.Net;
using System.Text.RegularExpressions;
using Qedu.Testing;

namespace Qedu.Web.Tests.Infrastructure;

/// <summary>Posting a page's forms as a browser does: the page's antiforgery token, the form's name, the fields.</summary>
public static partial class PageForms
{
    /// <summary>Reads <paramref name="path"/> for its token, then posts the form named <paramref name="form"/> back to it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string path, string form, IDictionary<string, string>? fields = null)
    {
        var html = await client.GetStringAsync(path);
        var body = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["__RequestVerificationToken"] = QeduApp.AntiforgeryToken(html),
            ["_handler"] = form,
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(body));
    }

    /// <summary>The page's text with entities decoded, so Chinese messages can be found in it.</summary>
    public static async Task<string> TextAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The field errors a page shows after a failed post, by field.</summary>
    public static async Task<Dictionary<string, string>> FieldErrorsAsync(this HttpResponseMessage response) =>
        FieldError().Matches(await response.TextAsync()).GroupBy(m => m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => g.First().Groups[2].Value, StringComparer.Ordinal);

    /// <summary>Changes the signed-in person's own password through the "change password" page.</summary>
    public static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string next, string? confirm = null) =>
        SubmitAsync(client, "/account/password", "change-password", new Dictionary<string, string>
        {
            ["Input.Current"] = current,
            ["Input.Next"] = next,
            ["Input.Confirm"] = confirm ?? next,
        });

    [GeneratedRegex("<span class=\"field-error\" data-field=\"([^\"]+)\">([^<]*)</span>")]
    private static partial Regex FieldError();
}
