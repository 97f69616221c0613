using Qedu.Cli.Hosting;

namespace Qedu.Cli.Tests.Platform;

public class DbCommandTests : CliTest
{
    [Fact]
    public async Task Status_reports_pending_migrations_until_migrate_applies_them()
    {
        var before = await Cli.RunAsync("db", "status", "--db", Database.Connection);

        Assert.True(before.ExitCode == 1, before.ToString());
        Assert.Contains("pending migration(s)", before.Output, StringComparison.Ordinal);
        Assert.Contains("  kernel: ", before.Output, StringComparison.Ordinal);
        Assert.Contains("  registry: ", before.Output, StringComparison.Ordinal);

        var migrate = await Cli.RunAsync("db", "migrate", "--db", Database.Connection);

        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        Assert.Contains("schema up to date", migrate.Output, StringComparison.Ordinal);
        Assert.Contains("kernel: ", migrate.Output, StringComparison.Ordinal);

        var after = await Cli.RunAsync("db", "status", "--db", Database.Connection);

        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains("up to date", after.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("kernel: ", after.Output, StringComparison.Ordinal);

        // Migrating a current database is a no-op.
        var again = await Cli.RunAsync("db", "migrate", "--db", Database.Connection);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains(": 0 migration(s) applied", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_output_names_the_database_without_its_password()
    {
        var run = await Cli.RunAsync("db", "status", "--db", Database.Connection);

        Assert.Contains(Database.Settings.IsPostgres ? "PostgreSQL " : "SQLite ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", run.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=1;Username=nobody")]
    [InlineData("Host=;Foo=1")]
    public async Task An_unreachable_database_gives_exit_code_3_and_one_line_without_a_stack_trace(string db)
    {
        var run = await Cli.RunAsync("db", "status", "--db", db);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.StartsWith("qedu: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
