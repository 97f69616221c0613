using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.Identity;
using Qedu.Testing;

namespace Qedu.Cli.Tests.Organisation;

/// <summary>
/// The first administrator of an installation with no default accounts, and the way back in for a locked-out one: both
/// print a one-time password the person must replace, and are audited as the command.
/// </summary>
public sealed partial class AccountsCommandTests : CliTest
{
    [Fact]
    public async Task Create_makes_an_account_whose_one_time_password_must_be_changed()
    {
        await SeedAsync();

        var run = await Cli.RunAsync("accounts", "create", "--user", "first.admin", "--name", "王一", "--role", Roles.CityAdmin, "--scope", "370200", "--db", Database.Connection);

        Assert.True(run.ExitCode == 0, run.ToString());
        var password = OneTime().Match(run.Output).Groups[1].Value;
        Assert.Matches("^[a-z2-9]{5}(-[a-z2-9]{5}){3}$", password);
        await using var host = KernelHost.Build(Database.Settings);
        await using var scope = host.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("tests"));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<QeduUser>>();
        var account = (await users.FindByNameAsync("first.admin"))!;
        Assert.True(await users.CheckPasswordAsync(account, password));
        Assert.True(account.MustChangePassword);
        var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
        Assert.Equal([Roles.CityAdmin], await db.RoleAssignments.Where(a => a.UserId == account.Id).Select(a => a.Role).ToListAsync());
        var line = await db.AuditEntries.Where(e => e.Action == "account.privileged-role-granted" && e.EntityKey == "first.admin").SingleAsync();
        Assert.Equal("cli:accounts-create", line.ActorName);
    }

    [Fact]
    public async Task Create_refuses_bad_input_naming_the_option_and_writes_nothing()
    {
        await SeedAsync();

        var run = await Cli.RunAsync("accounts", "create", "--user", "x", "--name", "王一", "--role", "Emperor", "--scope", "999999", "--db", Database.Connection);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--user:", run.Error, StringComparison.Ordinal);
        Assert.Contains("--role:", run.Error, StringComparison.Ordinal);
        Assert.Contains("--scope:", run.Error, StringComparison.Ordinal);
        Assert.False(Cli.HasStackTrace(run.Error));
    }

    [Fact]
    public async Task Reset_gives_a_new_one_time_password_and_can_remove_the_second_factor()
    {
        await SeedAsync();
        await using (var host = KernelHost.Build(Database.Settings))
        await using (var scope = host.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("tests"));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<QeduUser>>();
            await users.SetTwoFactorEnabledAsync((await users.FindByNameAsync("city.admin"))!, true);
        }

        var run = await Cli.RunAsync("accounts", "reset", "--user", "city.admin", "--two-factor", "--db", Database.Connection);

        Assert.True(run.ExitCode == 0, run.ToString());
        var password = OneTime().Match(run.Output).Groups[1].Value;
        await using var check = KernelHost.Build(Database.Settings);
        await using var s = check.CreateAsyncScope();
        s.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("tests"));
        var manager = s.ServiceProvider.GetRequiredService<UserManager<QeduUser>>();
        var account = (await manager.FindByNameAsync("city.admin"))!;
        Assert.True(await manager.CheckPasswordAsync(account, password));
        Assert.True(account.MustChangePassword);
        Assert.False(account.TwoFactorEnabled);

        var unknown = await Cli.RunAsync("accounts", "reset", "--user", "nobody.here", "--db", Database.Connection);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no account named nobody.here", unknown.Error, StringComparison.Ordinal);
    }

    private async Task SeedAsync()
    {
        var seed = await Cli.RunAsync("seed", "--db", Database.Connection);
        Assert.True(seed.ExitCode == 0, seed.ToString());
    }

    [GeneratedRegex("One-time password: (\\S+)")]
    private static partial Regex OneTime();
}
