using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Localization;
using Qedu.Testing;
using Qedu.Web.Resources;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Identity;

/// <summary>
/// Choosing a password on the "change password" page (ASVS 6.2): the rules speak the person's language and name the
/// field, the last five passwords are refused, a password that no longer meets the rules must be changed at sign-in,
/// and a bureau's optional maximum age sends the person to the same page.
/// </summary>
[Collection(ClockedCollection.Name)]
public sealed class PasswordTests(ClockedApp app)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Each_rule_is_stated_in_the_persons_language_on_the_new_password_field(string culture)
    {
        var user = await app.NewAccountAsync("pw.rules");
        var client = await app.SignInAsync(user);
        var english = culture == "en";
        await client.GetAsync($"/culture?c={(english ? "en" : "zh")}");

        var cases = new (string Password, string Message)[]
        {
            ("Short one", string.Format(app.Text<KernelText>("Password.PasswordTooShort", english), 12)),
            ("qwerty123456", app.Text<KernelText>("Password.PasswordCommon", english)),
            ("Sunshine2026!", app.Text<KernelText>("Password.PasswordCommonVariant", english)),
            ("P@ssw0rd2026!", app.Text<KernelText>("Password.PasswordCommonVariant", english)),
            ("1234567890123", app.Text<KernelText>("Password.PasswordPattern", english)),
            ("My qedu password", string.Format(app.Text<KernelText>("Password.PasswordContextWord", english), "qedu")),
            ($"{user} forever", string.Format(app.Text<KernelText>("Password.PasswordContextWord", english), user)),
        };
        foreach (var (password, message) in cases)
        {
            using var response = await PageForms.ChangePasswordAsync(client, DemoAccounts.Password, password);
            var errors = await response.FieldErrorsAsync();
            Assert.True(errors.GetValueOrDefault("next") == message, $"{password}: expected \"{message}\", got {string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}"))}");
        }
        using var wrongCurrent = await PageForms.ChangePasswordAsync(client, "Not my password at all", "A long and fresh phrase");
        Assert.Equal(app.Text<WebText>("Account.CurrentPasswordWrong", english), (await wrongCurrent.FieldErrorsAsync()).GetValueOrDefault("current"));
        using var differ = await PageForms.ChangePasswordAsync(client, DemoAccounts.Password, "A long and fresh phrase", "A long and other phrase");
        Assert.Equal(app.Text<WebText>("Account.PasswordsDiffer", english), (await differ.FieldErrorsAsync()).GetValueOrDefault("confirm"));

        // Nothing was changed by any of them.
        Assert.Equal("/", (await QeduApp.PostLoginAsync(app.Anonymous(), user, DemoAccounts.Password)).RedirectPath());
    }

    [Fact]
    public async Task None_of_the_last_five_passwords_may_be_chosen_again()
    {
        var user = await app.NewAccountAsync("pw.history");
        var client = await app.SignInAsync(user);
        var passwords = new[] { DemoAccounts.Password, "Seagulls over the pier 1", "Seagulls over the pier 2", "Seagulls over the pier 3", "Seagulls over the pier 4" };
        for (var i = 1; i < passwords.Length; i++)
        {
            using var changed = await PageForms.ChangePasswordAsync(client, passwords[i - 1], passwords[i]);
            Assert.True(changed.IsRedirect(), $"{passwords[i]}: {string.Join("; ", (await changed.FieldErrorsAsync()).Values)}");
        }

        var reused = string.Format(app.Text<KernelText>("Password.PasswordReused"), 5);
        foreach (var old in passwords)
        {
            using var again = await PageForms.ChangePasswordAsync(client, passwords[^1], old);
            Assert.Equal(reused, (await again.FieldErrorsAsync()).GetValueOrDefault("next"));
        }
        // A sixth change pushes the first password out of the last five.
        using var sixth = await PageForms.ChangePasswordAsync(client, passwords[^1], "Seagulls over the pier 5");
        Assert.True(sixth.IsRedirect());
        using var first = await PageForms.ChangePasswordAsync(client, "Seagulls over the pier 5", passwords[0]);
        Assert.True(first.IsRedirect(), string.Join("; ", (await first.FieldErrorsAsync()).Values));
    }

    [Fact]
    public async Task A_password_that_no_longer_meets_the_rules_must_be_changed_at_sign_in()
    {
        var user = await app.NewAccountAsync("pw.legacy");
        // A password from before the rules (the old demo password): set as its hash, past the validators.
        await app.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<QeduUser>>();
            var account = (await users.FindByNameAsync(user))!;
            account.PasswordHash = users.PasswordHasher.HashPassword(account, "Qedu#2026");
            await users.UpdateAsync(account);
            return true;
        });
        var client = app.Anonymous();

        using var signIn = await QeduApp.PostLoginAsync(client, user, "Qedu#2026");
        Assert.Equal("/", signIn.RedirectPath());
        using var home = await client.GetAsync("/");
        Assert.Equal("/account/password", home.RedirectPath());
        var page = await (await client.GetAsync("/account/password")).TextAsync();
        Assert.Contains(app.Text<WebText>("Account.MustChangePassword"), page, StringComparison.Ordinal);

        using var changed = await PageForms.ChangePasswordAsync(client, "Qedu#2026", "Lanterns along the bay");
        Assert.True(changed.IsRedirect());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task With_a_maximum_age_set_an_old_password_must_be_changed_and_without_it_never()
    {
        var user = await app.NewAccountAsync("pw.aged");
        var id = await app.KernelAsync(db => db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync());
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, id.ToString())], "tests"));

        async Task<AccountStep> StepAsync(int maxAgeDays) => await app.AsSystemAsync(async sp =>
        {
            var options = new AccountSecurityOptions();
            options.Passwords.MaxAgeDays = maxAgeDays;
            var resolver = new AccessResolver(Qedu.Kernel.Persistence.Deferred<KernelDb>.Of(sp.GetRequiredService<KernelDb>()), app.Clock, Options.Create(options));
            return (await resolver.ResolveAsync(principal, CancellationToken.None)).PendingStep;
        });

        Assert.Equal(AccountStep.None, await StepAsync(90));
        app.Clock.Advance(TimeSpan.FromDays(91));
        Assert.Equal(AccountStep.ChangePassword, await StepAsync(90));
        Assert.Equal(AccountStep.None, await StepAsync(0)); // the default: no periodic change (ADR 10)
    }
}
