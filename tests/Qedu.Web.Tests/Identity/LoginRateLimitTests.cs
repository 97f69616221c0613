using System.Net;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Testing;
using Qedu.Web.Resources;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Identity;

/// <summary>A host of its own with a tight sign-in limit, so the limit is reached in a few requests without slowing the others.</summary>
public sealed class RateLimitedApp : WebApp
{
    public const int AttemptsPerMinute = 3;

    /// <summary>A reverse proxy in front of Qedu, trusted by configuration.</summary>
    public const string Proxy = "203.0.113.5";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:LoginAttemptsPerMinute"] = AttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Security:TrustedProxies:0"] = Proxy,
        ["Security:ParentSignInPostsPerMinute"] = AttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Sign-in attempts (the login form and the token endpoint) are limited per client address.</summary>
public sealed class LoginRateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task Login_posts_beyond_the_limit_get_429_for_that_address_only()
    {
        var client = app.From("198.51.100.101");

        for (var i = 0; i < RateLimitedApp.AttemptsPerMinute; i++)
        {
            using var allowed = await QeduApp.PostLoginAsync(client, "no.such.user", "Wrong#2026pw");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await QeduApp.PostLoginAsync(client, "teacher", DemoAccounts.Password);
        using var form = await client.GetAsync("/login");
        using var elsewhere = await QeduApp.PostLoginAsync(app.From("198.51.100.102"), "teacher", DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        Assert.Contains(app.Text<WebText>("Login.TooMany"), await refused.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode); // reading the form is not an attempt
        Assert.Equal("/", elsewhere.RedirectPath());
    }

    [Fact]
    public async Task Token_requests_share_the_limit()
    {
        var client = app.From("198.51.100.103");
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i <= RateLimitedApp.AttemptsPerMinute; i++)
        {
            using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "demo-city",
                ["client_secret"] = "guess-" + i,
                ["scope"] = Permissions.OrgRead,
            }));
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(RateLimitedApp.AttemptsPerMinute));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_limit_counts_the_forwarded_address_and_nobody_else_can_forward()
    {
        // Two people behind the same proxy: one using up the limit leaves the other free to sign in.
        var first = Forwarded(RateLimitedApp.Proxy, "198.51.100.111");
        for (var i = 0; i < RateLimitedApp.AttemptsPerMinute; i++)
        {
            using var allowed = await QeduApp.PostLoginAsync(first, "no.such.user", "Wrong#2026pw");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using (var refused = await QeduApp.PostLoginAsync(first, "teacher", DemoAccounts.Password))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }
        using (var other = await QeduApp.PostLoginAsync(Forwarded(RateLimitedApp.Proxy, "198.51.100.112"), "teacher", DemoAccounts.Password))
        {
            Assert.Equal("/", other.RedirectPath());
        }

        // A client that is not a trusted proxy cannot pick a fresh address for each attempt.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= RateLimitedApp.AttemptsPerMinute; i++)
        {
            using var response = await QeduApp.PostLoginAsync(Forwarded("198.51.100.113", $"198.51.100.{120 + i}"), "no.such.user", "Wrong#2026pw");
            statuses.Add(response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Parent_sign_in_posts_beyond_the_limit_get_429_for_that_address_and_leave_the_staff_limit_alone()
    {
        var client = app.From("198.51.100.131");
        var phone = Parents.NewPhone();
        var statuses = new List<HttpStatusCode>();

        // Asking a code and entering one both count.
        using (var sent = await Parents.SendCodeAsync(client, phone))
        {
            statuses.Add(sent.StatusCode);
        }
        for (var i = 1; i < RateLimitedApp.AttemptsPerMinute; i++)
        {
            using var wrong = await Parents.EnterCodeAsync(client, phone, Parents.Other(Parents.LastCode(app, phone)));
            statuses.Add(wrong.StatusCode);
        }
        using var refused = await Parents.SendCodeAsync(client, Parents.NewPhone());
        using var english = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/parent/login?culture=en")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Phone"] = phone }),
        });
        using var staff = await QeduApp.PostLoginAsync(client, "teacher", DemoAccounts.Password);
        using var elsewhere = await Parents.SendCodeAsync(app.From("198.51.100.132"), Parents.NewPhone());

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        // A phone's browser gets a page to read (not a JSON document), with the way back to the sign-in.
        var page = await refused.TextAsync();
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains(app.Text<WebText>("Parent.Login.TooMany"), page, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/parent/login\"", page, StringComparison.Ordinal);
        Assert.Contains(app.Text<WebText>("Parent.Login.TooMany", english: true), await english.TextAsync(), StringComparison.Ordinal);
        Assert.Equal("/", staff.RedirectPath()); // the staff sign-in is counted apart
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    private HttpClient Forwarded(string connectingAddress, string forwardedFor)
    {
        var client = app.From(connectingAddress);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }
}
