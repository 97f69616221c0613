using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Localization;
using Qedu.Kernel.Web;
using Qedu.Testing;
using Qedu.Web.Resources;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Identity;

/// <summary>
/// Parents sign in at /parent/login with their number and a texted code, into a cookie and scheme of their own: the
/// page shows the development code, wrong codes are refused in both languages, the parent lands on the hub, and the
/// two kinds of account never open each other's pages, in either direction.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ParentSignInTests(WebApp app)
{
    [Fact]
    public async Task A_parent_asks_a_code_sees_it_in_development_enters_it_and_lands_on_the_hub_with_the_parent_cookie()
    {
        var client = app.Anonymous();
        var phone = Parents.NewPhone();

        using var sent = await Parents.SendCodeAsync(client, phone);
        var page = await sent.TextAsync();
        var code = Parents.LastCode(app, phone);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains($"data-testid=\"development-code\">{app.Text<WebText>("Parent.Login.DevelopmentCode")} <code>{code}</code>", page, StringComparison.Ordinal);
        Assert.Contains(string.Format(app.Text<WebText>("Parent.Login.CodeSentTo"), $"{phone[..3]}****{phone[^4..]}"), page, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"one-time-code\"", page, StringComparison.Ordinal);
        Assert.Contains("inputmode=\"numeric\"", page, StringComparison.Ordinal);

        using var signedIn = await Parents.EnterCodeAsync(client, phone, code);

        Assert.Equal("/parent", signedIn.RedirectPath());
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("qedu.parent=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase); // a session cookie, never persistent
        Assert.DoesNotContain(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("qedu.auth=", StringComparison.Ordinal));

        using var hub = await client.GetAsync("/parent");
        var text = await hub.TextAsync();
        Assert.Equal(HttpStatusCode.OK, hub.StatusCode);
        Assert.Contains($"data-testid=\"parent-phone\">{phone[..3]}****{phone[^4..]}<", text, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, text, StringComparison.Ordinal);
        var items = app.Services.GetServices<ParentNavItem>().ToList();
        if (items.Count == 0)
        {
            Assert.Contains(app.Text<WebText>("Parent.Home.Empty"), text, StringComparison.Ordinal);
        }
        Assert.All(items, i => Assert.Contains($"href=\"{i.Href}\"", text, StringComparison.Ordinal));
        Assert.DoesNotContain("main-nav", text, StringComparison.Ordinal); // no staff menu
    }

    [Fact]
    public async Task The_hub_lists_what_modules_register_for_parents_in_order_and_in_the_pages_language()
    {
        var work = Path.Combine(Path.GetTempPath(), "qedu-tests", $"work-{Guid.NewGuid():N}");
        await using var host = app.WithWebHostBuilder(b =>
        {
            // A host of its own (it empties its work directory at start), with two modules' entries registered out of order.
            b.UseSetting("Files:WorkDirectory", work);
            b.ConfigureServices(s =>
            {
                s.AddSingleton(new ParentNavItem(20, "/enrolment/mine", "入学申请", "School enrolment") { DescriptionZh = "为孩子报名、查看结果", DescriptionEn = "Apply for your child, see the result" });
                s.AddSingleton(new ParentNavItem(10, "/first/for-parents", "第一项服务", "First service"));
            });
        });
        var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var phone = Parents.NewPhone();
        using (await Parents.SendCodeAsync(client, phone))
        {
        }
        using (var signedIn = await Parents.EnterCodeAsync(client, phone, Parents.LastCode(host.Services, phone)))
        {
            Assert.Equal("/parent", signedIn.RedirectPath());
        }

        var chinese = await (await client.GetAsync("/parent")).TextAsync();
        using (await client.GetAsync("/culture?c=en&returnUrl=%2Fparent"))
        {
        }
        var english = await (await client.GetAsync("/parent")).TextAsync();

        Assert.True(chinese.IndexOf("href=\"/first/for-parents\"", StringComparison.Ordinal) is > 0 and var first
            && chinese.IndexOf("href=\"/enrolment/mine\"", StringComparison.Ordinal) > first, "the entries in their order");
        Assert.Contains("<strong>入学申请</strong>", chinese, StringComparison.Ordinal);
        Assert.Contains("<span>为孩子报名、查看结果</span>", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Text<WebText>("Parent.Home.Empty"), chinese, StringComparison.Ordinal);
        Assert.Contains("<strong>School enrolment</strong>", english, StringComparison.Ordinal);
        Assert.Contains("<span>Apply for your child, see the result</span>", english, StringComparison.Ordinal);
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_wrong_code_is_refused_with_the_tries_left_in_the_pages_language(bool english)
    {
        var client = app.Anonymous();
        if (english)
        {
            using var switched = await client.GetAsync("/culture?c=en&returnUrl=%2Fparent%2Flogin");
        }
        var phone = Parents.NewPhone();
        using (await Parents.SendCodeAsync(client, phone))
        {
        }

        using var refused = await Parents.EnterCodeAsync(client, phone, Parents.Other(Parents.LastCode(app, phone)));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var expected = string.Format(app.Text<KernelText>("OneTimeCode.Wrong", english), 4);
        Assert.Contains($"data-testid=\"parent-login-error\">{expected}<", await refused.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(english ? "The code is wrong; 4 more tries" : "验证码不正确，还可以再试 4 次", expected);
        Assert.DoesNotContain(refused.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("qedu.parent=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_number_that_is_no_mobile_number_is_refused_with_the_message_naming_it()
    {
        using var refused = await Parents.SendCodeAsync(app.Anonymous(), "12345");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(string.Format(app.Text<KernelText>("OneTimeCode.InvalidPhone"), "12345"), await refused.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visit_to_the_hub_goes_to_the_parent_sign_in_and_comes_back_to_local_addresses_only()
    {
        using var anonymous = await app.Anonymous().GetAsync("/parent?tab=1");

        Assert.Equal("/parent/login", anonymous.RedirectPath());
        Assert.Equal("?returnUrl=%2Fparent%3Ftab%3D1", anonymous.Headers.Location!.Query);

        var client = app.Anonymous();
        var phone = Parents.NewPhone();
        const string back = "/parent/login?returnUrl=%2Fparent%3Ftab%3D1";
        using (await Parents.SendCodeAsync(client, phone, back))
        {
        }
        using var local = await Parents.EnterCodeAsync(client, phone, Parents.LastCode(app, phone), back);
        Assert.Equal("/parent?tab=1", SameSite(local));

        var other = app.Anonymous();
        var otherPhone = Parents.NewPhone();
        const string away = "/parent/login?returnUrl=%2F%2Fevil.example%2F";
        using (await Parents.SendCodeAsync(other, otherPhone, away))
        {
        }
        using var offsite = await Parents.EnterCodeAsync(other, otherPhone, Parents.LastCode(app, otherPhone), away);
        Assert.Equal("/parent", SameSite(offsite));
    }

    [Fact]
    public async Task A_parent_cookie_opens_no_staff_page_and_no_staff_api()
    {
        var (parent, _) = await Parents.SignInAsync(app);

        foreach (var page in new[] { "/", "/registry/students", "/org", "/account", "/audit" })
        {
            using var response = await parent.GetAsync(page);
            Assert.True(response.RedirectPath() == "/login", $"{page}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        foreach (var api in new[] { "/api/me", "/api/registry/students/", "/api/org-units/370200", "/api/audit/" })
        {
            using var response = await parent.GetAsync(api);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{api}: {(int)response.StatusCode}");
        }
        using var stillParent = await parent.GetAsync("/parent");
        Assert.Equal(HttpStatusCode.OK, stillParent.StatusCode);
    }

    [Fact]
    public async Task A_staff_cookie_does_not_open_the_parent_hub_nor_sign_a_parent_out()
    {
        var staff = await app.ClientAsync(app.World.Role(Roles.CityAdmin).UserName);

        using var hub = await staff.GetAsync("/parent");
        using var signOut = await staff.PostAsync("/parent/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal("/parent/login", hub.RedirectPath());
        Assert.Equal("?returnUrl=%2Fparent", hub.Headers.Location!.Query);
        Assert.Equal("/parent/login", signOut.RedirectPath());
        using var me = await staff.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode); // the staff session is untouched
    }

    [Fact]
    public async Task The_parent_scheme_answers_a_program_with_401_or_403_and_a_person_with_the_parent_sign_in()
    {
        // No parent API exists yet (a module's will): challenge the configured scheme on such paths directly.
        async Task<HttpContext> ChallengeAsync(string path, string query, bool forbid = false)
        {
            var scope = app.Services.CreateAsyncScope();
            var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("localhost");
            context.Request.Path = path;
            context.Request.QueryString = new QueryString(query);
            await (forbid ? context.ForbidAsync(ParentAuthentication.Scheme) : context.ChallengeAsync(ParentAuthentication.Scheme));
            return context;
        }

        var api = await ChallengeAsync("/api/enrolment/applications", "");
        var forbidden = await ChallengeAsync("/api/enrolment/applications", "", forbid: true);
        var page = await ChallengeAsync("/enrolment/apply", "?season=1");

        Assert.Equal(StatusCodes.Status401Unauthorized, api.Response.StatusCode);
        Assert.False(api.Response.Headers.ContainsKey("Location"));
        Assert.Equal(StatusCodes.Status403Forbidden, forbidden.Response.StatusCode);
        Assert.Equal(StatusCodes.Status302Found, page.Response.StatusCode);
        Assert.Equal("http://localhost/parent/login?returnUrl=%2Fenrolment%2Fapply%3Fseason%3D1", page.Response.Headers.Location.ToString());
    }

    [Fact]
    public async Task Signing_out_ends_the_session_so_a_copy_of_the_cookie_is_worthless()
    {
        var jar = new CookieContainer();
        var client = app.CreateDefaultClient(new Uri("http://localhost/"), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(jar));
        var phone = Parents.NewPhone();
        using (await Parents.SendCodeAsync(client, phone))
        {
        }
        using (await Parents.EnterCodeAsync(client, phone, Parents.LastCode(app, phone)))
        {
        }
        var copy = $"qedu.parent={jar.GetCookies(new Uri("http://localhost/"))["qedu.parent"]!.Value}";
        using (var before = await Replay(copy).GetAsync("/parent"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var token = QeduApp.AntiforgeryToken(await client.GetStringAsync("/parent"));
        using var withoutToken = await Replay(copy).PostAsync("/parent/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        using var signOut = await client.PostAsync("/parent/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal("/parent/login", signOut.RedirectPath());
        using var replayed = await Replay(copy).GetAsync("/parent");
        Assert.Equal("/parent/login", replayed.RedirectPath());
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_open_session()
    {
        var (parent, phone) = await Parents.SignInAsync(app);

        await app.AsSystemAsync(sp => sp.GetRequiredService<Qedu.Kernel.Identity.ParentAccounts>().SetDisabledAsync(phone, disabled: true));

        using var hub = await parent.GetAsync("/parent");
        Assert.Equal("/parent/login", hub.RedirectPath());
    }

    [Fact]
    public async Task The_login_page_names_the_demo_parent_and_the_demo_parent_can_sign_in()
    {
        var page = await app.Anonymous().GetStringAsync("/parent/login");
        Assert.Contains($"<code>{DemoAccounts.ParentPhone}</code>", page, StringComparison.Ordinal);
        var seeded = await app.AsSystemAsync(sp => sp.GetRequiredService<Qedu.Kernel.Identity.ParentAccounts>().FindByPhoneAsync(DemoAccounts.ParentPhone));
        Assert.NotNull(seeded); // the demo seed made the account, so a module's demo data can hang children on it

        var (demo, _) = await Parents.SignInAsync(app, DemoAccounts.ParentPhone);
        using var hub = await demo.GetAsync("/parent");
        Assert.Equal(HttpStatusCode.OK, hub.StatusCode);
    }

    /// <summary>The redirect's path and query, asserting it stays on this site.</summary>
    private static string SameSite(HttpResponseMessage response)
    {
        var location = response.Headers.Location!;
        if (!location.IsAbsoluteUri)
        {
            return location.OriginalString;
        }
        Assert.Equal("localhost", location.Host);
        return location.PathAndQuery;
    }

    private HttpClient Replay(string cookie)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
