using System.Net;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Testing;
using Qedu.Web.Resources;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Identity;

/// <summary>Signing in and out through the real form, and the protections around it (lockout, cookies, headers).</summary>
[Collection(WebCollection.Name)]
public sealed class LoginTests(WebApp app)
{
    private const string WrongPassword = "Wrong#2026pw";

    [Fact]
    public async Task A_wrong_password_shows_an_error_signs_no_one_in_and_is_audited()
    {
        const string user = "login.wrong";
        await app.CreateAccountAsync(user, Roles.Teacher, TestWorld.AnchorSchool);
        var client = app.From("198.51.100.31");

        using var response = await QeduApp.PostLoginAsync(client, user, WrongPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(app.Text<WebText>("Login.Failed"), WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain(Cookies(response), c => c.StartsWith("qedu.auth=", StringComparison.Ordinal));
        using var home = await client.GetAsync("/");
        Assert.Equal("/login", home.RedirectPath());

        var line = await LastAuditAsync("auth.sign-in-failed", user);
        Assert.Equal("wrong password", line.Details);
        Assert.Equal("198.51.100.31", line.ClientAddress);
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_message_as_a_wrong_password()
    {
        var client = app.Anonymous();

        using var response = await QeduApp.PostLoginAsync(client, "no.such.user", WrongPassword);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(app.Text<WebText>("Login.Failed"), html, StringComparison.Ordinal);
        Assert.Equal("unknown user", (await LastAuditAsync("auth.sign-in-failed", "no.such.user")).Details);
    }

    [Fact]
    public async Task A_successful_sign_in_sets_an_http_only_session_cookie_and_returns_to_the_asked_page()
    {
        var client = app.Anonymous();

        using var response = await QeduApp.PostLoginAsync(client, "teacher", DemoAccounts.Password, "/org");

        Assert.Equal("/org", response.RedirectPath());
        var auth = Assert.Single(Cookies(response), c => c.StartsWith("qedu.auth=", StringComparison.Ordinal));
        var attributes = auth.ToLowerInvariant();
        Assert.Contains("httponly", attributes, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", attributes, StringComparison.Ordinal);
        Assert.Contains("path=/", attributes, StringComparison.Ordinal);
        Assert.DoesNotContain("expires=", attributes, StringComparison.Ordinal); // "remember me" does not exist: a session cookie
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_http_only_too()
    {
        var client = app.Anonymous();

        using var response = await client.GetAsync("/login");

        var cookie = Assert.Single(Cookies(response), c => c.StartsWith("qedu.af=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/evil")]
    [InlineData("//attacker.example/")]
    [InlineData("/\\attacker.example/")]
    [InlineData("https://attacker.example/")]
    public async Task Sign_in_never_redirects_off_site(string returnUrl)
    {
        var client = app.Anonymous();

        using var response = await QeduApp.PostLoginAsync(client, "teacher", DemoAccounts.Password, returnUrl);

        Assert.True(response.IsRedirect());
        var location = response.Headers.Location!;
        Assert.True(!location.IsAbsoluteUri || location.Host == "localhost", $"redirected to {location}");
        Assert.False(location.OriginalString.StartsWith("//", StringComparison.Ordinal) || location.OriginalString.StartsWith("/\\", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_out_needs_the_pages_antiforgery_token()
    {
        var client = await app.SignInAsync("teacher");
        var foreignToken = (await QeduApp.FormAsync(app.Anonymous(), "/login")).Token;

        using var bare = await client.PostAsync("/logout", new FormUrlEncodedContent([]));
        using var foreign = await client.PostAsync("/logout", Form(foreignToken));
        using var stillIn = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        var token = (await QeduApp.FormAsync(client, "/")).Token; // the sign-out form in the page header
        using var signOut = await client.PostAsync("/logout", Form(token));
        using var after = await client.GetAsync("/");

        Assert.Equal("/login", signOut.RedirectPath());
        Assert.Equal("/login", after.RedirectPath());
        Assert.Equal("auth.sign-out", (await LastAuditAsync("auth.sign-out", "teacher")).Action);
    }

    [Theory]
    [InlineData(null, "/login")]
    [InlineData(null, "/health")]
    [InlineData(null, "/api/org-units/370202")]
    [InlineData(null, "/no-such-page")]
    [InlineData("city.admin", "/")]
    [InlineData("city.admin", "/org/370202")]
    [InlineData("city.admin", "/api/org-units/370202")]
    [InlineData("city.admin", "/api/org-units/999999")]
    [InlineData("city.admin", "/scalar/v1")]
    public async Task Every_answer_carries_the_security_headers(string? user, string url)
    {
        var client = user is null ? app.Anonymous() : await app.ClientAsync(user);

        using var response = await client.GetAsync(url);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        // Only the API reference viewer runs inline script; Qedu's own pages never do.
        Assert.Equal(url.StartsWith("/scalar", StringComparison.Ordinal), scripts.Contains("'unsafe-inline'", StringComparison.Ordinal));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} has no {name} header");

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];

    private static FormUrlEncodedContent Form(string token) => new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

    private Task<Kernel.Audit.AuditEntry> LastAuditAsync(string action, string entityKey) =>
        app.KernelAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == action && e.EntityKey == entityKey)
            .OrderByDescending(e => e.Sequence)
            .FirstAsync());
}
