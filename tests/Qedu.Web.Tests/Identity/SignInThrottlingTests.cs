using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Organisation.Features.Accounts;
using Qedu.Testing;
using Qedu.Web.Resources;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Identity;

/// <summary>
/// Failed sign-ins are counted per user name and client address (MLPS 登录失败处理, ASVS 6.3): from the third failure
/// each attempt waits longer, at the fifth that address is locked out of that account for 15 minutes, and nothing
/// else changes: the owner signs in from elsewhere, unknown names get the same answers, and the owner is told.
/// </summary>
[Collection(ClockedCollection.Name)]
public sealed class SignInThrottlingTests(ClockedApp app)
{
    private const string Guesser = "203.0.113.20";

    [Fact]
    public async Task Failures_from_one_address_slow_down_then_lock_that_address_only()
    {
        var user = await app.NewAccountAsync("throttle.throttle");
        var guesser = app.From(Guesser);
        var failed = app.Text<WebText>("Login.Failed");

        for (var i = 1; i <= 3; i++)
        {
            Assert.Contains(failed, await AttemptAsync(guesser, user, $"Wrong guess number {i}"), StringComparison.Ordinal);
        }
        // The third failure makes the next attempt wait two seconds: tried at once, it is refused unchecked.
        Assert.Contains(string.Format(app.Text<WebText>("Login.Wait"), 2), await AttemptAsync(guesser, user, DemoAccounts.Password), StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Contains(failed, await AttemptAsync(guesser, user, "Wrong guess number 4"), StringComparison.Ordinal);
        Assert.Contains(string.Format(app.Text<WebText>("Login.Wait"), 4), await AttemptAsync(guesser, user, "Wrong guess number 5"), StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromSeconds(4));
        var until = app.Clock.GetUtcNow().AddMinutes(15).ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm");
        var locked = string.Format(app.Text<WebText>("Login.LockedOut"), until);
        Assert.Contains(locked, await AttemptAsync(guesser, user, "Wrong guess number 6"), StringComparison.Ordinal);

        // Locked for this address, even with the right password; another address is not touched.
        Assert.Contains(locked, await AttemptAsync(guesser, user, DemoAccounts.Password), StringComparison.Ordinal);
        using var owner = await QeduApp.PostLoginAsync(app.From("198.51.100.40"), user, DemoAccounts.Password);
        Assert.Equal("/", owner.RedirectPath());

        var lines = await AuditAsync(user);
        Assert.Contains(lines, l => l.Details!.StartsWith("wrong password; locked out for this address", StringComparison.Ordinal) && l.ClientAddress == Guesser);
        Assert.Contains(lines, l => l.Action == "auth.sign-in-refused" && l.ClientAddress == Guesser);

        // Fifteen minutes on, the address may try again.
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        using var later = await QeduApp.PostLoginAsync(guesser, user, DemoAccounts.Password);
        Assert.Equal("/", later.RedirectPath());
    }

    [Fact]
    public async Task An_unknown_user_name_gets_the_same_answers_as_a_real_one()
    {
        var guesser = app.From("203.0.113.21");
        var answers = new List<string>();
        foreach (var name in new[] { "no.such.person", await app.NewAccountAsync("throttle.twin") })
        {
            for (var i = 0; i < 5; i++)
            {
                app.Clock.Advance(TimeSpan.FromSeconds(10));
                answers.Add(Message(await AttemptAsync(guesser, name, $"Wrong guess number {i}")));
            }
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(answers.Take(5).Select(Shape), answers.Skip(5).Select(Shape));
        Assert.StartsWith(app.Text<WebText>("Login.LockedOut")[..10], answers[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_is_told_of_failed_attempts_at_the_next_sign_in()
    {
        var user = await app.NewAccountAsync("throttle.told");
        var guesser = app.From("203.0.113.22");
        for (var i = 0; i < 2; i++)
        {
            await AttemptAsync(guesser, user, $"Wrong guess number {i}");
        }

        var owner = app.From("198.51.100.41");
        await QeduApp.PostLoginAsync(owner, user, DemoAccounts.Password);
        var home = await (await owner.GetAsync("/")).TextAsync();
        var page = await (await owner.GetAsync("/account")).TextAsync();

        Assert.Contains(string.Format(app.Text<WebText>("Account.FailedBefore"), 2), home, StringComparison.Ordinal);

        Assert.Contains(string.Format(app.Text<WebText>("Account.FailedBefore"), 2), page, StringComparison.Ordinal);
        var failures = page[page.IndexOf("data-testid=\"failed-sign-ins\"", StringComparison.Ordinal)..];
        Assert.Contains("203.0.113.22", failures, StringComparison.Ordinal);
        Assert.Contains("wrong password", failures, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrators_unlock_lets_a_locked_address_try_again()
    {
        var user = await app.NewAccountAsync("throttle.unlock");
        var guesser = app.From("203.0.113.23");
        for (var i = 0; i < 5; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(10));
            await AttemptAsync(guesser, user, $"Wrong guess number {i}");
        }
        var id = await app.KernelAsync(db => db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync());
        var row = await app.AsSystemAsync(sp => sp.GetRequiredService<AccountDirectory>().GetAsync(id));
        Assert.True(row!.IsLockedOut);

        var outcome = await app.AsSystemAsync(sp => sp.GetRequiredService<AccountCommands>().UnlockAsync(id));

        Assert.True(outcome.IsOk);
        using var signIn = await QeduApp.PostLoginAsync(guesser, user, DemoAccounts.Password);
        Assert.Equal("/", signIn.RedirectPath());
    }

    private static async Task<string> AttemptAsync(HttpClient client, string user, string password)
    {
        using var response = await QeduApp.PostLoginAsync(client, user, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, never a way in
        return await response.TextAsync();
    }

    /// <summary>The alert's text on the login page.</summary>
    private static string Message(string html)
    {
        var start = html.IndexOf("role=\"alert\">", StringComparison.Ordinal) + "role=\"alert\">".Length;
        return html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
    }

    /// <summary>A message with its digits (seconds, times) blanked, to compare what two names were told.</summary>
    private static string Shape(string message) => new(message.Select(c => char.IsAsciiDigit(c) ? '#' : c).ToArray());

    private Task<List<Kernel.Audit.AuditEntry>> AuditAsync(string user) =>
        app.KernelAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityKey == user).OrderBy(e => e.Sequence).ToListAsync());
}
