using System.Net;
using Qedu.Kernel.Access;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Data;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Idempotency;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Web;
using Qedu.Testing;
using Qedu.Web.Resources;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Platform;

/// <summary>
/// A host of its own with a tight sign-in limit and one write at a time past admission control, so the limits are
/// reached in a few requests without slowing the other tests.
/// </summary>
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
        ["Admission:WriteConcurrency"] = "1",
        ["Admission:WriteQueue"] = "0",
        ["Admission:ReadConcurrency"] = "1",
        ["Admission:ReadQueue"] = "0",
    };
}

/// <summary>
/// Sign-in attempts (the login form and the token endpoint) are limited per client address; the enrolment write path
/// turns away what it cannot carry with 429 and Retry-After.
/// </summary>
public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task Writes_past_admission_control_get_429_with_Retry_After_never_a_5xx_and_go_through_once_there_is_room()
    {
        var world = await new Qedu.Web.Tests.Admissions.AdmissionsWorld(app).CreateAsync();
        await world.OpenNowAsync();
        var (family, phone) = await Parents.SignInAsync(app, client: app.From("198.51.100.160"));
        var body = new
        {
            seasonId = world.SeasonId, childName = "李小白", documentType = "resident-id",
            residentId = Qedu.Web.Tests.Admissions.AdmissionsWorld.Child(new DateOnly(2020, 4, 4)), guardianName = "李强",
            homeCompound = "测试花园", hukouAtHome = true,
        };
        static HttpRequestMessage Submit(object body, string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/admissions/applications") { Content = Http.Json(body) };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            return request;
        }

        // The one permit is taken by a request that waits on the database: another writer (here the test) holds the
        // lock its key's record needs, as a second node given the same key would.
        var parent = await app.AsSystemAsync(async sp => (await sp.GetRequiredService<ParentAccounts>().FindByPhoneAsync(phone))!.Id);
        HttpResponseMessage? turnedAway = null;
        var holding = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmissionsDb>();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.IdempotencyKeys.Add(new IdempotencyRecord
            {
                Owner = $"parent:{parent:N}", Key = "admission-control-slow", Fingerprint = "-", Body = "{}", StatusCode = 201, CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            var slow = family.SendAsync(Submit(body with { residentId = Qedu.Web.Tests.Admissions.AdmissionsWorld.Child(new DateOnly(2020, 4, 5)) }, "admission-control-slow"));
            await Task.Delay(300);
            if (slow.IsCompleted)
            {
                using var early = await slow;
                Assert.Fail($"{(int)early.StatusCode} {await early.Content.ReadAsStringAsync()}");
            }
            for (var i = 0; i < 20 && turnedAway?.StatusCode != HttpStatusCode.TooManyRequests; i++)
            {
                turnedAway?.Dispose();
                turnedAway = await family.SendAsync(Submit(body, "admission-control-1"));
                Assert.NotEqual(HttpStatusCode.Created, turnedAway.StatusCode); // the permit is held: nothing gets through
            }
            await tx.RollbackAsync();
            return slow;
        });
        using var held = await holding;
        using var later = await family.SendAsync(Submit(body, "admission-control-1"));

        Assert.Equal(HttpStatusCode.TooManyRequests, turnedAway!.StatusCode);
        var seconds = turnedAway.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.InRange(seconds ?? 0, 1, 3);
        var problem = await turnedAway.ProblemAsync();
        Assert.Equal(429, problem.Status);
        Assert.Contains("Idempotency-Key", problem.Detail, StringComparison.Ordinal);
        turnedAway.Dispose();
        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
    }

    [Fact]
    public async Task Status_reads_past_admission_control_get_429_with_Retry_After_and_the_others_are_answered()
    {
        var world = await new Qedu.Web.Tests.Admissions.AdmissionsWorld(app).CreateAsync();
        await world.OpenNowAsync();
        var (family, _) = await Parents.SignInAsync(app, client: app.From("198.51.100.161"));
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/admissions/applications")
        {
            Content = Http.Json(new
            {
                seasonId = world.SeasonId, childName = "王小月", documentType = "resident-id",
                residentId = Qedu.Web.Tests.Admissions.AdmissionsWorld.Child(new DateOnly(2020, 5, 5)), guardianName = "王强",
                homeCompound = "测试花园", hukouAtHome = true,
            }),
        };
        submit.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
        using var created = await family.SendAsync(submit);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var path = created.Headers.Location!.ToString();

        // One read at a time and none waiting: reads sent together overlap, and those that find the permit taken are
        // turned away at once rather than queued.
        var answers = new List<HttpResponseMessage>();
        for (var round = 0; round < 20 && !answers.Any(a => a.StatusCode == HttpStatusCode.TooManyRequests); round++)
        {
            answers.AddRange(await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => family.GetAsync(path))));
        }
        var turnedAway = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        // Several turned away at once get slots of the virtual queue: a second or more, never past the cap.
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests),
            a => Assert.InRange(a.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, RetrySchedule.MaxSeconds));
        var problem = await turnedAway.ProblemAsync();
        Assert.Equal(429, problem.Status);
        Assert.DoesNotContain("Idempotency-Key", problem.Detail, StringComparison.Ordinal);
        answers.ForEach(a => a.Dispose());
    }

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
