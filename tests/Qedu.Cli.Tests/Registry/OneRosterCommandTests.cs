using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Qedu.Kernel.DemoCity;

namespace Qedu.Cli.Tests.Registry;

/// <summary>
/// <c>qedu registry oneroster export</c> and <c>import</c>: the bundle is written whole or not at all, imported all or
/// nothing, with the exit codes of the convention (0 done, 2 bad input with a JSON report, 3 failed).
/// </summary>
public sealed class OneRosterCommandTests : CliTest, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qedu-oneroster-").FullName;

    /// <summary>The bundles hold the seeded students' records: they do not outlive the test.</summary>
    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task SeedAsync()
    {
        var seed = await Cli.RunAsync("seed", "--db", Database.Connection);
        Assert.True(seed.ExitCode == 0, seed.ToString());
    }

    [Fact]
    public async Task Export_writes_a_bundle_of_one_school_and_says_what_it_holds()
    {
        await SeedAsync();
        var path = Path.Combine(_dir, "school.zip");

        var run = await Cli.RunAsync("registry", "oneroster", "export", "--out", path, "--school", DemoCityGenerator.AnchorSchoolCode, "--purpose", "测试核对", "--db", Database.Connection);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var zip = ZipFile.OpenRead(path);
        Assert.Contains(zip.Entries, e => e.FullName == "users.csv");
        var orgs = new StreamReader(zip.GetEntry("orgs.csv")!.Open()).ReadToEnd().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var users = new StreamReader(zip.GetEntry("users.csv")!.Open()).ReadToEnd().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"{users.Length - 1} users", run.Output, StringComparison.Ordinal);
        Assert.Single(orgs, o => o.Contains(",school,", StringComparison.Ordinal));
        Assert.False(File.Exists(path + ".part"));
    }

    [Fact]
    public async Task An_unknown_or_malformed_school_is_exit_2_and_writes_nothing()
    {
        await SeedAsync();
        var path = Path.Combine(_dir, "none.zip");

        var unknown = await Cli.RunAsync("registry", "oneroster", "export", "--out", path, "--school", "2137999999", "--purpose", "测试核对", "--db", Database.Connection);
        var malformed = await Cli.RunAsync("registry", "oneroster", "export", "--out", path, "--school", "a b", "--purpose", "测试核对", "--db", Database.Connection);

        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("2137999999", unknown.Error, StringComparison.Ordinal);
        Assert.True(malformed.ExitCode == 2, malformed.ToString());
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task An_output_that_cannot_be_written_is_exit_3()
    {
        await SeedAsync();
        var path = Path.Combine(_dir, "missing-dir", "b.zip");

        var run = await Cli.RunAsync("registry", "oneroster", "export", "--out", path, "--purpose", "测试核对", "--db", Database.Connection);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains(path, run.Error, StringComparison.Ordinal);
        Assert.False(Cli.HasStackTrace(run.Error));
    }

    /// <summary>The anchor school's bundle, exported from the seeded database.</summary>
    private async Task<string> ExportAnchorAsync()
    {
        var path = Path.Combine(_dir, "anchor.zip");
        var run = await Cli.RunAsync("registry", "oneroster", "export", "--out", path, "--school", DemoCityGenerator.AnchorSchoolCode, "--purpose", "测试核对", "--db", Database.Connection);
        Assert.True(run.ExitCode == 0, run.ToString());
        return path;
    }

    /// <summary>A copy of the bundle with one file's text changed.</summary>
    private string Rewrite(string bundle, string file, Func<string, string> change)
    {
        var path = Path.Combine(_dir, $"changed-{Guid.NewGuid():N}.zip");
        using var source = ZipFile.OpenRead(bundle);
        using var target = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var entry in source.Entries)
        {
            var text = new StreamReader(entry.Open(), Encoding.UTF8).ReadToEnd();
            using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
            writer.Write(entry.FullName == file ? change(text) : text);
        }
        return path;
    }

    private static JsonElement Report(CliRun run) => JsonDocument.Parse(run.Output).RootElement;

    [Fact]
    public async Task Import_of_an_exported_bundle_is_exit_0_and_a_dry_run_reports_without_writing()
    {
        await SeedAsync();
        var bundle = await ExportAnchorAsync();

        var dry = await Cli.RunAsync("registry", "oneroster", "import", "--file", bundle, "--dry-run", "--db", Database.Connection);
        var real = await Cli.RunAsync("registry", "oneroster", "import", "--file", bundle, "--db", Database.Connection);

        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.True(Report(dry).GetProperty("dryRun").GetBoolean());
        Assert.Empty(Report(dry).GetProperty("written").EnumerateObject());
        Assert.True(real.ExitCode == 0, real.ToString());
        var written = Report(real).GetProperty("written");
        Assert.True(written.GetProperty("students.updated").GetInt32() > 0);
        Assert.Equal(0, written.GetProperty("students.created").GetInt32());
        Assert.Contains("students.updated=", real.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bundle_naming_an_unknown_school_is_exit_2_with_the_report_on_stdout_and_a_missing_file_is_exit_2()
    {
        await SeedAsync();
        var bundle = Rewrite(await ExportAnchorAsync(), "orgs.csv", t => t.Replace($",school,{DemoCityGenerator.AnchorSchoolCode},", ",school,2137999999,", StringComparison.Ordinal));

        var run = await Cli.RunAsync("registry", "oneroster", "import", "--file", bundle, "--lang", "en", "--db", Database.Connection);
        var missing = await Cli.RunAsync("registry", "oneroster", "import", "--file", Path.Combine(_dir, "none.zip"), "--db", Database.Connection);

        Assert.True(run.ExitCode == 2, run.ToString());
        var report = Report(run);
        Assert.False(report.GetProperty("ok").GetBoolean());
        var error = report.GetProperty("errors")[0];
        Assert.Equal(("orgs.csv", "identifier", "2137999999"), (error.GetProperty("file").GetString(), error.GetProperty("column").GetString(), error.GetProperty("value").GetString()));
        Assert.Contains("does not create schools", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("none.zip", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_that_fails_is_exit_3_and_leaves_nothing_behind()
    {
        await SeedAsync();
        var original = await ExportAnchorAsync();
        // One student under a 学籍号 the database does not know: the import creates a student, which the trigger refuses.
        string? number = null;
        var bundle = Rewrite(original, "users.csv", t =>
        {
            number = System.Text.RegularExpressions.Regex.Match(t, @"\{studentNumber:([^}]+)\}").Groups[1].Value;
            return t.Replace(number, "ORNEW-0001", StringComparison.Ordinal);
        });
        if (Database.Settings.IsPostgres)
        {
            await Cli.ExecuteSqlAsync(Database, "CREATE FUNCTION registry.refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$");
            await Cli.ExecuteSqlAsync(Database, "CREATE TRIGGER refuse BEFORE INSERT ON registry.students FOR EACH ROW EXECUTE FUNCTION registry.refuse()");
        }
        else
        {
            await Cli.ExecuteSqlAsync(Database, "CREATE TRIGGER refuse BEFORE INSERT ON registry_students BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
        }

        var run = await Cli.RunAsync("registry", "oneroster", "import", "--file", bundle, "--db", Database.Connection);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("refused by test", Report(run).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(Cli.HasStackTrace(run.Error));
        // The whole transaction rolled back: the student's guardians and enrolment, written after it, are not there either.
        var students = Path.Combine(_dir, "students.csv");
        var export = await Cli.RunAsync("registry", "export", "--kind", "students", "--format", "csv", "--out", students,
            "--school", DemoCityGenerator.AnchorSchoolCode, "--purpose", "测试核对", "--db", Database.Connection);
        Assert.True(export.ExitCode == 0, export.ToString());
        var text = await File.ReadAllTextAsync(students);
        Assert.DoesNotContain("ORNEW-0001", text, StringComparison.Ordinal);
        Assert.Contains(number!, text, StringComparison.Ordinal);
    }
}
