using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Qedu.Cli.Tests.Admissions;

/// <summary>
/// <c>qedu admissions enrol --season CODE</c>: the demo season's accepted children become registry students, once; a
/// season still open is refused, and an unknown code or a bad date is bad input, said without a stack trace.
/// </summary>
public sealed class AdmissionsEnrolCommandTests : CliTest
{
    [Fact]
    public async Task Enrols_a_published_seasons_accepted_children_once_and_refuses_before_publication()
    {
        var seed = await Cli.RunAsync("seed", "--db", Database.Connection);
        Assert.True(seed.ExitCode == 0, seed.ToString());
        var pg = Database.Settings.IsPostgres;
        string Table(string name) => pg ? $"admissions.{name}" : $"admissions_{name}";
        var code = (string)(await ScalarAsync($"SELECT code FROM {Table("seasons")} WHERE code LIKE '%-370202-P1'"))!;

        var early = await Cli.RunAsync("admissions", "enrol", "--season", code, "--db", Database.Connection);
        Assert.Equal(3, early.ExitCode);
        Assert.Contains("录取结果公布后", early.Error, StringComparison.Ordinal);
        Assert.False(Cli.HasStackTrace(early.Error), early.ToString());

        // Published, and the approved families in a zone accepted their zone school (written straight to the tables).
        var published = pg ? "'2026-07-11T00:00:00Z'" : "'2026-07-11 00:00:00+00:00'";
        await Cli.ExecuteSqlAsync(Database, $"UPDATE {Table("seasons")} SET results_published_at = {published} WHERE code = '{code}'");
        await Cli.ExecuteSqlAsync(Database,
            $"UPDATE {Table("applications")} SET status = 'Accepted', offer_school_id = zone_school_id WHERE status = 'Approved' AND zone_school_id IS NOT NULL");
        var accepted = Convert.ToInt32(await ScalarAsync($"SELECT COUNT(*) FROM {Table("applications")} WHERE status = 'Accepted'"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(accepted > 0);

        var run = await Cli.RunAsync("admissions", "enrol", "--season", code, "--from", "2026-09-01", "--db", Database.Connection);
        Assert.True(run.ExitCode == 0, run.ToString());
        var students = Convert.ToInt32(await ScalarAsync($"SELECT COUNT(*) FROM {Table("applications")} WHERE student_id IS NOT NULL"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(students > 0);
        Assert.Contains($"Intake: {students} children enrolled; {accepted - students} already", run.Output, StringComparison.Ordinal);

        var again = await Cli.RunAsync("admissions", "enrol", "--season", code, "--db", Database.Connection);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Intake: 0 children enrolled", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_season_or_a_bad_date_is_bad_input()
    {
        var migrate = await Cli.RunAsync("db", "migrate", "--db", Database.Connection);
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        var unknown = await Cli.RunAsync("admissions", "enrol", "--season", "no-such-season", "--db", Database.Connection);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no-such-season", unknown.Error, StringComparison.Ordinal);
        var badDate = await Cli.RunAsync("admissions", "enrol", "--season", "x", "--from", "1 Sept", "--db", Database.Connection);
        Assert.Equal(2, badDate.ExitCode);
        Assert.Contains("yyyy-MM-dd", badDate.Error, StringComparison.Ordinal);
        Assert.False(Cli.HasStackTrace(unknown.Error + badDate.Error));
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using DbConnection connection = Database.Settings.IsPostgres ? new NpgsqlConnection(Database.Connection) : new SqliteConnection(Database.Connection);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
