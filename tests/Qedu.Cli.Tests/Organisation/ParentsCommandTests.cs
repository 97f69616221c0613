using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Identity;
using Qedu.Testing;

namespace Qedu.Cli.Tests.Organisation;

/// <summary><c>qedu parents disable|enable</c>: the account's flag and sessions, audited as the command; bad numbers named.</summary>
public sealed class ParentsCommandTests : CliTest
{
    [Fact]
    public async Task Disable_ends_the_demo_parents_sessions_and_enable_lifts_it_audited_as_the_command()
    {
        var seed = await Cli.RunAsync("seed", "--db", Database.Connection);
        Assert.True(seed.ExitCode == 0, seed.ToString());
        var before = await AccountAsync();

        var disable = await Cli.RunAsync("parents", "disable", "--phone", "139 0000 0001", "--db", Database.Connection);

        Assert.True(disable.ExitCode == 0, disable.ToString());
        Assert.Contains("139****0001", disable.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.ParentPhone, disable.Output, StringComparison.Ordinal);
        var disabled = await AccountAsync();
        Assert.True(disabled.Disabled);
        Assert.True(disabled.SessionVersion > before.SessionVersion);

        var enable = await Cli.RunAsync("parents", "enable", "--phone", DemoAccounts.ParentPhone, "--db", Database.Connection);

        Assert.True(enable.ExitCode == 0, enable.ToString());
        Assert.False((await AccountAsync()).Disabled);
        await using var host = KernelHost.Build(Database.Settings);
        await using var scope = host.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("tests"));
        var key = before.Id.ToString();
        var lines = await scope.ServiceProvider.GetRequiredService<KernelDb>().AuditEntries
            .Where(e => e.EntityKey == key && e.Action == "update").OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["cli:parents-disable", "cli:parents-enable"], lines.Select(l => l.ActorName));
        Assert.Contains("Disabled: False → True", lines[0].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_that_is_no_mobile_number_or_has_no_account_is_bad_input()
    {
        var seed = await Cli.RunAsync("seed", "--db", Database.Connection);
        Assert.True(seed.ExitCode == 0, seed.ToString());

        var invalid = await Cli.RunAsync("parents", "disable", "--phone", "12345", "--db", Database.Connection);
        var unknown = await Cli.RunAsync("parents", "disable", "--phone", "13700000000", "--db", Database.Connection);

        Assert.True(invalid.ExitCode == 2, invalid.ToString());
        Assert.Contains("--phone: '12345'", invalid.Error, StringComparison.Ordinal);
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("no parent account has the number 137****0000", unknown.Error, StringComparison.Ordinal);
    }

    private async Task<ParentAccount> AccountAsync()
    {
        await using var host = KernelHost.Build(Database.Settings);
        await using var scope = host.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("tests"));
        return await scope.ServiceProvider.GetRequiredService<KernelDb>().ParentAccounts.AsNoTracking().SingleAsync(a => a.Phone == DemoAccounts.ParentPhone);
    }
}
