using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Identity;
using Qedu.Organisation.Features.Accounts;
using Qedu.Testing;
using Qedu.Web.Resources;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Identity;

/// <summary>
/// Sessions end on the server (ASVS 7.2–7.4, MLPS "登录连接超时自动退出"): after sign-out the old cookie is worthless,
/// 30 idle minutes or 12 hours end a session, a password change ends the person's other sessions, a person ends any of
/// their own, an administrator's disabling ends them all at once, and failed guesses by someone else end none.
/// The clock is the app's own, moved by the tests.
/// </summary>
[Collection(ClockedCollection.Name)]
public sealed class SessionTests(ClockedApp app)
{
    [Fact]
    public async Task After_sign_out_the_old_cookie_gets_401()
    {
        var user = await app.NewAccountAsync("session.signout");
        var jar = new CookieContainer();
        var client = app.CreateDefaultClient(new Uri("http://localhost/"), new CookieContainerHandler(jar));
        using (var signIn = await QeduApp.PostLoginAsync(client, user, DemoAccounts.Password))
        {
            Assert.Equal("/", signIn.RedirectPath());
        }
        var cookie = $"qedu.auth={jar.GetCookies(new Uri("http://localhost/"))["qedu.auth"]!.Value}";
        using (var before = await Replay(cookie).GetAsync("/api/me"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var token = (await QeduApp.FormAsync(client, "/")).Token;
        using var signOut = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal("/login", signOut.RedirectPath());
        using var replayed = await Replay(cookie).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        using var page = await Replay(cookie).GetAsync("/");
        Assert.Equal("/login", page.RedirectPath());
        Assert.Equal(SessionEndReasons.SignedOut, await EndReasonAsync(user));
    }

    [Fact]
    public async Task Thirty_idle_minutes_end_a_session_and_use_keeps_it_alive()
    {
        var user = await app.NewAccountAsync("session.idle");
        var client = await app.SignInAsync(user);

        app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(29)); // 58 minutes after sign-in, 29 after the last request
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(SessionEndReasons.Idle, await EndReasonAsync(user));
    }

    [Fact]
    public async Task Twelve_hours_after_sign_in_a_session_ends_however_busy()
    {
        var user = await app.NewAccountAsync("session.absolute");
        var client = await app.SignInAsync(user);

        var elapsed = TimeSpan.Zero;
        while (elapsed + TimeSpan.FromMinutes(20) < TimeSpan.FromHours(12))
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            elapsed += TimeSpan.FromMinutes(20);
            using var alive = await client.GetAsync("/api/me");
            Assert.True(alive.StatusCode == HttpStatusCode.OK, $"{elapsed} after sign-in: {(int)alive.StatusCode}");
        }
        app.Clock.Advance(TimeSpan.FromHours(12) - elapsed);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(SessionEndReasons.Expired, await EndReasonAsync(user));
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_keeps_this_one()
    {
        var user = await app.NewAccountAsync("session.change");
        var laptop = await app.SignInAsync(user);
        var phone = await app.SignInAsync(user);

        using var changed = await PageForms.ChangePasswordAsync(phone, DemoAccounts.Password, "Rain on Laoshan mountain");

        Assert.Equal("/account", changed.RedirectPath());
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await QeduApp.PostLoginAsync(app.Anonymous(), user, "Rain on Laoshan mountain")).StatusCode);
    }

    [Fact]
    public async Task A_person_sees_their_sessions_and_ends_one()
    {
        var user = await app.NewAccountAsync("session.list");
        var here = await app.SignInAsync(user);
        var there = app.From("198.51.100.77");
        await QeduApp.PostLoginAsync(there, user, DemoAccounts.Password);

        var page = await (await here.GetAsync("/account")).TextAsync();
        var sessions = await app.KernelAsync(db => (
                from s in db.UserSessions
                join u in db.Users on s.UserId equals u.Id
                where u.UserName == user && s.EndedAt == null
                select s).ToListAsync());
        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s => Assert.Contains($"data-session=\"{s.Id}\"", page, StringComparison.Ordinal));
        Assert.Contains("198.51.100.77", page, StringComparison.Ordinal);
        Assert.Contains(app.Text<WebText>("Account.Session.Current"), page, StringComparison.Ordinal);

        var other = sessions.Single(s => s.ClientAddress == "198.51.100.77");
        using var end = await PageForms.SubmitAsync(here, "/account", $"end-{other.Id}");

        Assert.Equal("/account", end.RedirectPath());
        Assert.Equal(HttpStatusCode.Unauthorized, (await there.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_person_ends_all_their_other_sessions_at_once()
    {
        var user = await app.NewAccountAsync("session.others");
        var here = await app.SignInAsync(user);
        var laptop = await app.SignInAsync(user);
        var phone = await app.SignInAsync(user);

        using var end = await PageForms.SubmitAsync(here, "/account", "end-others");

        Assert.Equal("/account", end.RedirectPath());
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_at_once()
    {
        var user = await app.NewAccountAsync("session.disabled");
        var client = await app.SignInAsync(user);
        var id = await app.KernelAsync(db => db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync());

        var outcome = await app.AsSystemAsync(sp => sp.GetRequiredService<AccountCommands>().SetActiveAsync(id, false));

        Assert.True(outcome.IsOk);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(SessionEndReasons.Disabled, await EndReasonAsync(user));
    }

    [Fact]
    public async Task Failed_guesses_from_elsewhere_never_end_a_live_session()
    {
        var user = await app.NewAccountAsync("session.guessed");
        var owner = await app.SignInAsync(user);
        var guesser = app.From("203.0.113.66");

        for (var i = 0; i < 8; i++)
        {
            await QeduApp.PostLoginAsync(guesser, user, $"Guess number {i} for you");
            app.Clock.Advance(TimeSpan.FromSeconds(20));
        }

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/me")).StatusCode);
        var me = await (await owner.GetAsync("/api/me")).JsonAsync();
        Assert.Equal(Roles.Teacher, me.GetProperty("roles")[0].GetProperty("role").GetString());
    }

    [Fact]
    public async Task Sessions_dead_for_a_month_are_forgotten_at_the_next_sign_in()
    {
        var user = await app.NewAccountAsync("session.prune");
        await app.SignInAsync(user);
        await app.SignInAsync(user);
        app.Clock.Advance(TimeSpan.FromDays(31) + TimeSpan.FromHours(12));

        await app.SignInAsync(user);

        var rows = await app.KernelAsync(db => (from s in db.UserSessions join u in db.Users on s.UserId equals u.Id where u.UserName == user select s).CountAsync());
        Assert.Equal(1, rows);
    }

    /// <summary>A client that sends exactly this cookie, as an attacker replaying a stolen one would.</summary>
    private HttpClient Replay(string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private Task<string?> EndReasonAsync(string userName) => app.KernelAsync(db =>
        (from s in db.UserSessions
         join u in db.Users on s.UserId equals u.Id
         where u.UserName == userName && s.EndedAt != null
         orderby s.EndedAt descending
         select s.EndReason).FirstOrDefaultAsync());
}
