using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Messaging;

namespace Qedu.Web.Tests.Infrastructure;

/// <summary>Parents signing in through the real page: the number, the code the development outbox received, the code.</summary>
public static partial class Parents
{
    public const string LoginPath = "/parent/login";
    public const string Form = "parent-login";

    private static int _next;

    /// <summary>A mobile number no other test uses (codes are limited per number).</summary>
    public static string NewPhone() => "136" + Interlocked.Increment(ref _next).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>Posts the number with the "send code" button.</summary>
    public static Task<HttpResponseMessage> SendCodeAsync(HttpClient client, string phone, string path = LoginPath) =>
        PageForms.SubmitAsync(client, path, Form, new Dictionary<string, string> { ["Input.Phone"] = phone, ["Input.Step"] = "send" });

    /// <summary>Posts the number and a code with the "sign in" button.</summary>
    public static Task<HttpResponseMessage> EnterCodeAsync(HttpClient client, string phone, string code, string path = LoginPath) =>
        PageForms.SubmitAsync(client, path, Form, new Dictionary<string, string> { ["Input.Phone"] = phone, ["Input.Code"] = code, ["Input.Step"] = "sign-in" });

    /// <summary>The code in the last text the number received (development outbox).</summary>
    public static string LastCode(WebApp app, string phone) => LastCode(app.Services, phone);

    /// <summary>The code in the last text the number received from the host whose services these are.</summary>
    public static string LastCode(IServiceProvider services, string phone)
    {
        var message = services.GetRequiredService<DevelopmentSmsOutbox>().LastTo(phone)
            ?? throw new InvalidOperationException($"No text was sent to {phone}.");
        return SixDigits().Match(message.Text).Value;
    }

    /// <summary>A code that is not <paramref name="code"/>.</summary>
    public static string Other(string code) =>
        ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>A client signed in as a parent (a new number unless given) through the page; the response to the code's post.</summary>
    public static async Task<(HttpClient Client, string Phone)> SignInAsync(WebApp app, string? phone = null, HttpClient? client = null)
    {
        phone ??= NewPhone();
        client ??= app.Anonymous();
        using (var sent = await SendCodeAsync(client, phone))
        {
            if (sent.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Asking a code for {phone}: {(int)sent.StatusCode}");
            }
        }
        using var signedIn = await EnterCodeAsync(client, phone, LastCode(app, phone));
        if (signedIn.RedirectPath() != "/parent")
        {
            throw new InvalidOperationException($"Parent sign-in for {phone}: {(int)signedIn.StatusCode} {signedIn.Headers.Location}");
        }
        return (client, phone);
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
