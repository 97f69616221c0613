using System.Text.RegularExpressions;

namespace Qedu.Cli.Tests;

public partial class AuditCommandTests : CliTest
{
    [GeneratedRegex(@"intact: (\d+) entries")]
    private static partial Regex Intact();

    private async Task<long> SeedAsync()
    {
        var seed = await Cli.RunAsync("seed", "--db", Database.Connection);
        Assert.True(seed.ExitCode == 0, seed.ToString());
        var verify = await Cli.RunAsync("audit", "verify", "--db", Database.Connection);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        return long.Parse(Intact().Match(verify.Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_freshly_seeded_log_verifies()
    {
        var entries = await SeedAsync();

        Assert.True(entries > 50, $"{entries} entries");
    }

    [Fact]
    public async Task An_altered_line_fails_verification_and_is_named()
    {
        await SeedAsync();
        await Cli.DropAuditTriggersAsync(Database);
        await Cli.ExecuteSqlAsync(Database, $"UPDATE {Cli.AuditTable(Database)} SET actor_name = 'nobody' WHERE sequence = 5");

        var run = await Cli.RunAsync("audit", "verify", "--db", Database.Connection);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("BROKEN at entry 5", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 5 was altered", run.Error, StringComparison.Ordinal);
        Assert.Contains("4 entries verified before it", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("intact", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_tail_fails_verification()
    {
        var entries = await SeedAsync();
        await Cli.DropAuditTriggersAsync(Database);
        await Cli.ExecuteSqlAsync(Database, $"DELETE FROM {Cli.AuditTable(Database)} WHERE sequence = {entries}");

        var run = await Cli.RunAsync("audit", "verify", "--db", Database.Connection);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"BROKEN at entry {entries}", run.Error, StringComparison.Ordinal);
        Assert.Contains("chain head", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_dropping_the_triggers_the_database_refuses_the_tampering()
    {
        await SeedAsync();

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            Cli.ExecuteSqlAsync(Database, $"UPDATE {Cli.AuditTable(Database)} SET actor_name = 'nobody' WHERE sequence = 5"));

        var run = await Cli.RunAsync("audit", "verify", "--db", Database.Connection);
        Assert.True(run.ExitCode == 0, run.ToString());
    }
}
