using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Identity;
using Qedu.Organisation.Features.Accounts;
using Qedu.Testing;
using Qedu.Web.Resources;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Identity;

/// <summary>
/// The second factor (TOTP, RFC 6238) through the pages, on a clock the tests move: enrolling with the key the page
/// shows, signing in with a code (each code once), recovery codes, administrators held to it by their role, and an
/// administrator resetting it for someone who lost their phone.
/// </summary>
[Collection(ClockedCollection.Name)]
public sealed partial class TwoFactorTests(ClockedApp app)
{
    [Fact]
    public async Task A_person_enrols_an_authenticator_and_signs_in_with_its_codes_each_once()
    {
        var user = await app.NewAccountAsync("totp.enrol", Roles.Teacher);
        var client = await app.SignInAsync(user);

        var (key, codes) = await EnrolAsync(client);

        Assert.Equal(10, codes.Count);
        Assert.All(codes, c => Assert.Matches("^[A-Z2-9]{5}-[A-Z2-9]{5}$", c));
        var stored = await app.KernelAsync(db => db.Set<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>()
            .Where(t => t.Name == "RecoveryCodes").Select(t => t.Value).ToListAsync());
        Assert.DoesNotContain(stored, v => v != null && codes.Any(c => v.Contains(c.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal)));

        // The password alone no longer signs in: it leads to the code step.
        var phone = app.Anonymous();
        using var password = await QeduApp.PostLoginAsync(phone, user, DemoAccounts.Password);
        Assert.Equal("/login/two-factor", password.RedirectPath());
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/me")).StatusCode);

        // The code that finished the enrolment cannot be used again, nor can a wrong one.
        var used = Code(key);
        Assert.Contains(app.Text<WebText>("Login.TwoFactor.Failed"), await (await SecondFactorAsync(phone, used)).TextAsync(), StringComparison.Ordinal);
        Assert.Contains(app.Text<WebText>("Login.TwoFactor.Failed"), await (await SecondFactorAsync(phone, "000000")).TextAsync(), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        using var signedIn = await SecondFactorAsync(phone, Code(key));
        Assert.Equal("/", signedIn.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/me")).StatusCode);
        var methods = await app.KernelAsync(db => (from s in db.UserSessions join u in db.Users on s.UserId equals u.Id
                                                    where u.UserName == user orderby s.StartedAt descending select s.Methods).FirstAsync());
        Assert.Equal("pwd+otp", methods);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var user = await app.NewAccountAsync("totp.recovery", Roles.Teacher);
        var (_, codes) = await EnrolAsync(await app.SignInAsync(user));

        var first = app.Anonymous();
        await QeduApp.PostLoginAsync(first, user, DemoAccounts.Password);
        using var recovered = await PageForms.SubmitAsync(first, "/login/two-factor", "recovery-code", new Dictionary<string, string> { ["Recovery.Value"] = codes[3].ToLowerInvariant() });
        Assert.Equal("/", recovered.RedirectPath());

        var second = app.Anonymous();
        await QeduApp.PostLoginAsync(second, user, DemoAccounts.Password);
        using var again = await PageForms.SubmitAsync(second, "/login/two-factor", "recovery-code", new Dictionary<string, string> { ["Recovery.Value"] = codes[3] });
        Assert.Contains(app.Text<WebText>("Login.TwoFactor.RecoveryFailed"), await again.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_and_a_person_whose_role_does_not_require_it_turns_it_off()
    {
        var user = await app.NewAccountAsync("totp.renew", Roles.Teacher);
        var client = await app.SignInAsync(user);
        var (key, old) = await EnrolAsync(client);

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        using var wrong = await PageForms.SubmitAsync(client, "/account/two-factor", "renew-codes", new Dictionary<string, string> { ["Renew.Value"] = "123456" });
        Assert.Equal(app.Text<WebText>("Account.TwoFactor.CodeWrong"), (await wrong.FieldErrorsAsync()).GetValueOrDefault("code"));
        using var renewed = await PageForms.SubmitAsync(client, "/account/two-factor", "renew-codes", new Dictionary<string, string> { ["Renew.Value"] = Code(key) });
        var fresh = RecoveryCode().Matches(await renewed.TextAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(old));

        var stale = app.Anonymous();
        await QeduApp.PostLoginAsync(stale, user, DemoAccounts.Password);
        using var refused = await PageForms.SubmitAsync(stale, "/login/two-factor", "recovery-code", new Dictionary<string, string> { ["Recovery.Value"] = old[0] });
        Assert.Contains(app.Text<WebText>("Login.TwoFactor.RecoveryFailed"), await refused.TextAsync(), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        using var off = await PageForms.SubmitAsync(client, "/account/two-factor", "disable", new Dictionary<string, string> { ["Off.Value"] = Code(key) });
        Assert.Equal("/account", off.RedirectPath());
        Assert.False(await app.KernelAsync(db => db.Users.Where(u => u.UserName == user).Select(u => u.TwoFactorEnabled).SingleAsync()));
        using var password = await QeduApp.PostLoginAsync(app.Anonymous(), user, DemoAccounts.Password);
        Assert.Equal("/", password.RedirectPath());
    }

    [Fact]
    public async Task An_administrator_must_enrol_before_anything_else_and_cannot_turn_it_off()
    {
        var user = await app.NewAccountAsync("totp.admin", Roles.SchoolAdmin);
        var client = await app.SignInAsync(user);

        using var home = await client.GetAsync("/registry/students");
        Assert.Equal("/account/two-factor", home.RedirectPath());
        Assert.EndsWith("ReturnUrl=%2Fregistry%2Fstudents", home.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var api = await client.GetAsync("/api/registry/students/");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(app.Text<WebText>("Account.StepRequired.EnrolTwoFactor"), (await api.ProblemAsync()).Detail);
        var me = await (await client.GetAsync("/api/me")).JsonAsync();
        Assert.Equal("/account/two-factor", me.GetProperty("pendingStep").GetString());
        Assert.Equal(0, me.GetProperty("roles").GetArrayLength());

        var (key, _) = await EnrolAsync(client, "/account/two-factor?ReturnUrl=%2Fregistry%2Fstudents");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/registry/students")).StatusCode);
        var page = await (await client.GetAsync("/account/two-factor")).TextAsync();
        Assert.Contains(app.Text<WebText>("Account.TwoFactor.Required"), page, StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var outcome = await PageForms.SubmitAsync(client, "/account/two-factor", "disable", new Dictionary<string, string> { ["Off.Value"] = Code(key) });
        Assert.False(outcome.IsRedirect()); // the form is not offered, and a crafted post changes nothing
        Assert.True(await app.KernelAsync(db => db.Users.Where(u => u.UserName == user).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task An_administrator_resets_a_lost_second_factor_and_the_person_signs_in_with_the_password()
    {
        var user = await app.NewAccountAsync("totp.lost", Roles.Teacher);
        var client = await app.SignInAsync(user);
        await EnrolAsync(client);
        var id = await app.KernelAsync(db => db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync());

        var outcome = await app.AsSystemAsync(sp => sp.GetRequiredService<AccountCommands>().ResetTwoFactorAsync(id));

        Assert.True(outcome.IsOk);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        using var signIn = await QeduApp.PostLoginAsync(app.Anonymous(), user, DemoAccounts.Password);
        Assert.Equal("/", signIn.RedirectPath());
    }

    [Fact]
    public async Task The_second_step_without_a_first_goes_back_to_the_login_form()
    {
        using var response = await app.Anonymous().GetAsync("/login/two-factor");

        Assert.Equal("/login", response.RedirectPath());
    }

    /// <summary>Enrols through the page as a person with an authenticator app would; returns the key and the recovery codes.</summary>
    private async Task<(string Key, IReadOnlyList<string> Codes)> EnrolAsync(HttpClient client, string path = "/account/two-factor")
    {
        var page = await (await client.GetAsync(path)).TextAsync();
        var key = TotpKey().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotEmpty(key);
        var uri = TotpUri().Match(page).Groups[1].Value;
        Assert.StartsWith("otpauth://totp/Qedu:", uri, StringComparison.Ordinal);
        Assert.Contains($"secret={key}", uri, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);

        using var done = await PageForms.SubmitAsync(client, path, "enrol", new Dictionary<string, string> { ["Code.Value"] = Code(key) });
        var html = await done.TextAsync();
        var codes = RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.True(codes.Count > 0, Http.Snippet(html, 600));
        return (key, codes);
    }

    private string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(app.Clock.GetUtcNow().UtcDateTime);

    private static Task<HttpResponseMessage> SecondFactorAsync(HttpClient client, string code) =>
        PageForms.SubmitAsync(client, "/login/two-factor", "two-factor", new Dictionary<string, string> { ["Code.Value"] = code });

    [GeneratedRegex("data-testid=\"totp-key\">([a-z2-7 ]+)</code>")]
    private static partial Regex TotpKey();

    [GeneratedRegex("data-uri=\"([^\"]+)\"")]
    private static partial Regex TotpUri();

    [GeneratedRegex("<li><code>([A-Z2-9]{5}-[A-Z2-9]{5})</code></li>")]
    private static partial Regex RecoveryCode();
}
