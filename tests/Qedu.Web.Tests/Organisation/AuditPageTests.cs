using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Identity;
using Qedu.Testing;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Organisation;

/// <summary>
/// The audit page and its export as an auditor reads them: actions by their labels, people by their names (and the
/// name someone tried for a failed sign-in), an update's fields as before → after, and never a password hash or a
/// security stamp, neither their values nor their names.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AuditPageTests(WebApp app)
{
    private async Task<string> PageAsync(string query)
    {
        using var response = await (await app.ClientAsync("auditor")).GetAsync("/audit?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<string> ExportAsync(string query)
    {
        using var response = await (await app.ClientAsync("auditor")).GetAsync("/api/audit/export.csv?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_password_and_name_change_shows_the_name_before_and_after_and_no_secret()
    {
        var userName = await app.NewAccountAsync("audit.page");
        var (id, hash, stamp) = await app.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<QeduUser>>();
            var user = (await users.FindByNameAsync(userName))!;
            var changed = await users.ChangePasswordAsync(user, DemoAccounts.Password, DemoAccounts.Password + "-New2");
            Assert.True(changed.Succeeded, string.Join("; ", changed.Errors.Select(e => e.Description)));
            user.DisplayName = "审计改名后";
            Assert.True((await users.UpdateAsync(user)).Succeeded);
            return (user.Id, user.PasswordHash!, user.SecurityStamp!);
        });

        var query = $"entity={id}";
        var page = await PageAsync(query);
        var csv = await ExportAsync(query);
        foreach (var shown in new[] { page, csv })
        {
            Assert.Contains("修改记录", shown, StringComparison.Ordinal);
            Assert.Contains($"测试 {userName} → 审计改名后", shown, StringComparison.Ordinal);
            Assert.Contains("密码或安全凭据已更改", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("PasswordHash", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("SecurityStamp", shown, StringComparison.Ordinal);
            Assert.DoesNotContain(hash, shown, StringComparison.Ordinal);
            Assert.DoesNotContain(stamp, shown, StringComparison.Ordinal);
            // The account by its name, not its id.
            Assert.Contains($"账号 审计改名后（{userName}）", shown, StringComparison.Ordinal);
        }
        Assert.DoesNotContain($"QeduUser {id}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_whole_first_page_and_export_hold_no_password_hash_or_security_stamp()
    {
        var secrets = await app.KernelAsync(db => db.Users.AsNoTracking().Select(u => new { u.PasswordHash, u.SecurityStamp }).ToListAsync());
        var page = await PageAsync("");
        var csv = await ExportAsync("");
        foreach (var shown in new[] { page, csv })
        {
            Assert.DoesNotContain("PasswordHash", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("SecurityStamp", shown, StringComparison.Ordinal);
            Assert.DoesNotContain(secrets, s => (s.PasswordHash is { } h && shown.Contains(h, StringComparison.Ordinal))
                || (s.SecurityStamp is { } st && shown.Contains(st, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Sign_ins_show_readable_actions_the_persons_name_and_the_name_an_unknown_caller_tried()
    {
        var tried = $"nobody.{Guid.NewGuid():N}"[..16];
        using (var failed = await QeduApp.PostLoginAsync(app.Anonymous(), tried, "wrong-password"))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, failed.StatusCode);
        }
        await app.SignInAsync("city.admin");

        var attempts = await PageAsync($"actor={tried}");
        Assert.Contains("登录失败", attempts, StringComparison.Ordinal);
        Assert.Contains($"未登录（尝试账号 {tried}）", attempts, StringComparison.Ordinal);
        Assert.DoesNotContain(">Anonymous<", attempts, StringComparison.Ordinal);

        var signIns = await PageAsync("action=auth.sign-in&actor=city.admin");
        // A sign-in is recorded before the session exists: it still names the person who signed in.
        Assert.Contains("<td data-testid=\"audit-actor\">王建国（city.admin）", signIns, StringComparison.Ordinal);
        Assert.Contains(">登录<", signIns, StringComparison.Ordinal);
        // The action filter is the action chosen, not every action starting with its code.
        Assert.Matches("data-action=\"auth.sign-in\"", signIns);
        Assert.DoesNotMatch("data-action=\"auth.sign-in-", signIns);
        // Dates on one line.
        Assert.Matches("<td class=\"nowrap\">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}</td>", signIns);

        var csv = await ExportAsync($"actor={tried}");
        Assert.Contains($"未登录（尝试账号 {tried}）", csv, StringComparison.Ordinal);
        Assert.StartsWith("序号,时间,操作人,操作", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
    }
}
