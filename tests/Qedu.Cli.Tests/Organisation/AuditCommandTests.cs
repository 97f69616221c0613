using System.Globalization;
using System.Text.RegularExpressions;

namespace Qedu.Cli.Tests.Organisation;

public partial class AuditCommandTests : CliTest, IDisposable
{
    [GeneratedRegex(@"intact: (\d+) entries")]
    private static partial Regex Intact();

    /// <summary>This test's checkpoint directory (the default, beside the shared test key directory, would be shared).</summary>
    private readonly string _checkpoints = Path.Combine(Path.GetTempPath(), "qedu-tests", $"cli-audit-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_checkpoints))
        {
            Directory.Delete(_checkpoints, recursive: true);
        }
        GC.SuppressFinalize(this);
    }

    private Task<CliRun> AuditAsync(params string[] args) =>
        Cli.RunAsync(["audit", .. args, "--db", Database.Connection, "--checkpoints", _checkpoints]);

    private async Task<long> SeedAsync()
    {
        var seed = await Cli.RunAsync("seed", "--db", Database.Connection);
        Assert.True(seed.ExitCode == 0, seed.ToString());
        var verify = await AuditAsync("verify");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        return long.Parse(Intact().Match(verify.Output).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private string HeadTable => Database.Settings.IsPostgres ? "kernel.audit_chain_head" : "kernel_audit_chain_head";

    /// <summary>The chain and position of the line numbered <paramref name="sequence"/> in the whole log.</summary>
    private async Task<(long Chain, long Position)> PlaceAsync(long sequence) => (
        await Cli.ScalarAsync(Database, $"SELECT chain FROM {Cli.AuditTable(Database)} WHERE sequence = {N(sequence)}"),
        await Cli.ScalarAsync(Database, $"SELECT position FROM {Cli.AuditTable(Database)} WHERE sequence = {N(sequence)}"));

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
        var (chain, position) = await PlaceAsync(5);
        var before = await Cli.ScalarAsync(Database, $"SELECT COALESCE(SUM(last_position), 0) FROM {HeadTable} WHERE id < {N(chain)}") + position - 1;
        await Cli.DropAuditTriggersAsync(Database);
        await Cli.ExecuteSqlAsync(Database, $"UPDATE {Cli.AuditTable(Database)} SET actor_name = 'nobody' WHERE sequence = 5");

        var run = await AuditAsync("verify");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"BROKEN: chain {N(chain)}: line {N(position)} (log line 5) was altered", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{N(before)} entries verified before it", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("intact", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_tail_fails_verification()
    {
        await SeedAsync();
        var last = await Cli.ScalarAsync(Database, $"SELECT MAX(sequence) FROM {Cli.AuditTable(Database)}");
        var (chain, position) = await PlaceAsync(last);
        await Cli.DropAuditTriggersAsync(Database);
        await Cli.ExecuteSqlAsync(Database, $"DELETE FROM {Cli.AuditTable(Database)} WHERE sequence = {N(last)}");

        var run = await AuditAsync("verify");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"BROKEN: chain {N(chain)}: the chain head says {N(position)} lines but {N(position - 1)} were found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_dropping_the_triggers_the_database_refuses_the_tampering()
    {
        await SeedAsync();

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            Cli.ExecuteSqlAsync(Database, $"UPDATE {Cli.AuditTable(Database)} SET actor_name = 'nobody' WHERE sequence = 5"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            Cli.ExecuteSqlAsync(Database, $"DELETE FROM {Cli.AuditTable(Database)} WHERE sequence = 5"));

        var run = await AuditAsync("verify");
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task Finding_11_cutting_the_tail_and_moving_the_head_fails_against_the_checkpoint()
    {
        var entries = await SeedAsync();
        var checkpoint = await AuditAsync("checkpoint");
        Assert.True(checkpoint.ExitCode == 0, checkpoint.ToString());
        Assert.Contains($"{N(entries)} lines", checkpoint.Output, StringComparison.Ordinal);
        var anchored = await AuditAsync("verify");
        Assert.True(anchored.ExitCode == 0, anchored.ToString());
        Assert.Contains("checked against 1 checkpoint(s) outside the database", anchored.Output, StringComparison.Ordinal);

        // An intruder with the database owner's rights: drop the triggers, cut ten lines off a chain, move its head back.
        var chain = await Cli.ScalarAsync(Database, $"SELECT id FROM {HeadTable} ORDER BY last_position DESC, id LIMIT 1");
        var n = await Cli.ScalarAsync(Database, $"SELECT last_position FROM {HeadTable} WHERE id = {N(chain)}");
        await Cli.DropAuditTriggersAsync(Database);
        await Cli.ExecuteSqlAsync(Database, $"DELETE FROM {Cli.AuditTable(Database)} WHERE chain = {N(chain)} AND position > {N(n - 10)}");
        await Cli.ExecuteSqlAsync(Database,
            $"UPDATE {HeadTable} SET last_position = {N(n - 10)}, " +
            $"last_hash = (SELECT hash FROM {Cli.AuditTable(Database)} WHERE chain = {N(chain)} AND position = {N(n - 10)}) WHERE id = {N(chain)}");

        var run = await AuditAsync("verify");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"BROKEN: chain {N(chain)}: lines {N(n - 9)}–{N(n)} are gone", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_with_a_bad_signature_fails_verification()
    {
        await SeedAsync();
        Assert.Equal(0, (await AuditAsync("checkpoint")).ExitCode);
        var file = Path.Combine(_checkpoints, "checkpoints.jsonl");
        var line = (await File.ReadAllTextAsync(file)).Trim();
        await File.WriteAllTextAsync(file, Regex.Replace(line, "\"hash\":\"[0-9a-f]{4}", "\"hash\":\"0000") + "\n");

        var run = await AuditAsync("verify");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("checkpoint 1 of", run.Error, StringComparison.Ordinal);
        Assert.Contains("has a bad signature", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archiving_refuses_a_day_inside_the_retention_period_and_a_retention_under_six_months()
    {
        await SeedAsync();
        var out1 = Path.Combine(_checkpoints, "archive.jsonl");
        var recent = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var inside = await AuditAsync("archive", "--before", recent, "--out", out1);
        var tooShort = await AuditAsync("archive", "--before", "2020-01-01", "--out", out1, "--retention-months", "5");
        var nothing = await AuditAsync("archive", "--before", "2020-01-01", "--out", out1);

        Assert.True(inside.ExitCode == 1, inside.ToString());
        Assert.Contains("inside the retention period of 12 months", inside.Error, StringComparison.Ordinal);
        Assert.True(tooShort.ExitCode == 1, tooShort.ToString());
        Assert.Contains("at least 6 months", tooShort.Error, StringComparison.Ordinal);
        Assert.True(nothing.ExitCode == 0, nothing.ToString());
        Assert.Contains("Nothing to archive", nothing.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(out1));
        Assert.Equal(0, (await AuditAsync("verify")).ExitCode);
    }
}
