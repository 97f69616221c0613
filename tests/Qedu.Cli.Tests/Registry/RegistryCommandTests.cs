using System.Text;
using System.Text.Json;
using Qedu.Kernel.Codes;

namespace Qedu.Cli.Tests.Registry;

/// <summary><c>qedu registry template | export | import</c> through the real command tree, on a seeded database.</summary>
public class RegistryCommandTests : CliTest, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qedu-cli-registry-").FullName;

    private string PathOf(string name) => Path.Combine(_folder, name);

    private async Task SeedAsync()
    {
        var seed = await Cli.RunAsync("seed", "--db", Database.Connection);
        Assert.True(seed.ExitCode == 0, seed.ToString());
    }

    [Fact]
    public async Task Template_writes_the_Chinese_headers_of_the_kind_and_an_example_row_with_the_databases_code_names()
    {
        await SeedAsync();
        var run = await Cli.RunAsync("registry", "template", "--kind", "classes", "--format", "csv", "--out", PathOf("t.csv"), "--db", Database.Connection);

        Assert.True(run.ExitCode == 0, run.ToString());
        var bytes = await File.ReadAllBytesAsync(PathOf("t.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // the BOM that makes Excel read UTF-8
        Assert.Equal("学校标识码,班级代码,班级名称,年级,入学年份,班主任教职工号\r\n2137020001,2022-01,四年级1班（示例）,四年级,2022,T2012001\r\n",
            Encoding.UTF8.GetString(bytes[3..]));

        // Imported unchanged, the template writes nothing and says why.
        var import = await Cli.RunAsync("registry", "import", "--kind", "classes", "--file", PathOf("t.csv"), "--db", Database.Connection);
        Assert.True(import.ExitCode == 0, import.ToString());
        var notice = Assert.Single(JsonDocument.Parse(import.Output).RootElement.GetProperty("notices").EnumerateArray());
        Assert.Contains("示例行", notice.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_file_exits_2_with_a_JSON_report_and_writes_nothing_then_the_fixed_file_imports()
    {
        await SeedAsync();
        var birth = new DateOnly(2019, 6, 1);
        var id = ResidentId.Compose("370202", birth, 991);
        var header = "学校标识码,学籍号,姓名,性别,身份证号,出生日期";
        await File.WriteAllTextAsync(PathOf("s.csv"), $"{header}\r\n2137000001,G{id},测试甲,女,{id},2019-06-01\r\n");

        var broken = await Cli.RunAsync("registry", "import", "--kind", "students", "--file", PathOf("s.csv"), "--db", Database.Connection);

        Assert.True(broken.ExitCode == 2, broken.ToString());
        var report = JsonDocument.Parse(broken.Output).RootElement;
        Assert.False(report.GetProperty("ok").GetBoolean());
        var error = Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("row").GetInt32());
        Assert.Equal("身份证号", error.GetProperty("column").GetString());
        Assert.Equal(id, error.GetProperty("value").GetString());
        Assert.Equal("性别与身份证号码不一致", error.GetProperty("message").GetString());
        Assert.Contains("1 error(s), nothing written", broken.Error, StringComparison.Ordinal);
        Assert.False(Cli.HasStackTrace(broken.Output + broken.Error));

        var english = await Cli.RunAsync("registry", "import", "--kind", "students", "--file", PathOf("s.csv"), "--lang", "en",
            "--report", PathOf("r.json"), "--db", Database.Connection);
        Assert.True(english.ExitCode == 2, english.ToString());
        Assert.Contains("The gender does not match the resident ID number", await File.ReadAllTextAsync(PathOf("r.json")), StringComparison.Ordinal);

        await File.WriteAllTextAsync(PathOf("s.csv"), $"{header}\r\n2137000001,G{id},测试甲,男,{id},2019-06-01\r\n");
        var dry = await Cli.RunAsync("registry", "import", "--kind", "students", "--file", PathOf("s.csv"), "--dry-run", "--db", Database.Connection);
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.True(JsonDocument.Parse(dry.Output).RootElement.GetProperty("dryRun").GetBoolean());
        Assert.Contains("validate s.csv 1/1 rows", dry.Error, StringComparison.Ordinal);

        var imported = await Cli.RunAsync("registry", "import", "--kind", "students", "--file", PathOf("s.csv"), "--db", Database.Connection);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        var written = JsonDocument.Parse(imported.Output).RootElement.GetProperty("written");
        Assert.Equal(1, written.GetProperty("Student").GetInt64());
        Assert.Equal(1, written.GetProperty("Enrolment").GetInt64());
        Assert.Contains("write s.csv 1/1 rows", imported.Error, StringComparison.Ordinal);

        // The dry run wrote nothing, so the real import could; a second one finds the student already there.
        var again = await Cli.RunAsync("registry", "import", "--kind", "students", "--file", PathOf("s.csv"), "--report", PathOf("again.xlsx"), "--db", Database.Connection);
        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.True(new FileInfo(PathOf("again.xlsx")).Length > 0);

        // A copy of the school's children needs a stated purpose: refused without one, nothing written.
        var unstated = await Cli.RunAsync("registry", "export", "--kind", "students", "--format", "csv", "--school", "2137000001", "--out", PathOf("e.csv"), "--db", Database.Connection);
        Assert.True(unstated.ExitCode == 2, unstated.ToString());
        Assert.Contains("--purpose", unstated.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("e.csv")));

        var export = await Cli.RunAsync("registry", "export", "--kind", "students", "--format", "csv", "--school", "2137000001", "--out", PathOf("e.csv"), "--purpose", "测试核对", "--db", Database.Connection);
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Contains($"2137000001,G{id},测试甲,男,{id},2019-06-01", await File.ReadAllTextAsync(PathOf("e.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_and_oversized_files_exit_2_with_a_message()
    {
        await File.WriteAllTextAsync(PathOf("big.csv"), "学校标识码\r\n" + new string('1', 1_100_000));

        var kind = await Cli.RunAsync("registry", "import", "--kind", "pupils", "--file", PathOf("big.csv"), "--db", Database.Connection);
        Assert.True(kind.ExitCode == 2, kind.ToString());
        Assert.Contains("unknown kind 'pupils'", kind.Error, StringComparison.Ordinal);

        var missing = await Cli.RunAsync("registry", "import", "--kind", "students", "--file", PathOf("nope.csv"), "--db", Database.Connection);
        Assert.True(missing.ExitCode == 2, missing.ToString());

        var migrate = await Cli.RunAsync("db", "migrate", "--db", Database.Connection);
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        var big = await Cli.RunAsync("registry", "import", "--kind", "students", "--file", PathOf("big.csv"), "--max-file-mb", "1", "--db", Database.Connection);
        Assert.True(big.ExitCode == 2, big.ToString());
        Assert.Contains("文件“big.csv”过大（1 MB），上限为 1 MB", JsonDocument.Parse(big.Output).RootElement.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(Cli.HasStackTrace(big.Output + big.Error + kind.Error + missing.Error));
    }

    void IDisposable.Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_command_run_with_another_key_file_than_the_database_was_written_with_is_refused_naming_the_file()
    {
        var migrate = await Cli.RunAsync("db", "migrate", "--db", Database.Connection);
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        // As if personal-data.key had been replaced since: the database remembers another key's fingerprint.
        var table = Database.Settings.IsPostgres ? "kernel.key_fingerprints" : "kernel_key_fingerprints";
        await Cli.ExecuteSqlAsync(Database, $"UPDATE {table} SET fingerprint = '0000000000000000' WHERE name = 'personal-data'");

        var export = await Cli.RunAsync("registry", "export", "--kind", "students", "--format", "csv", "--out", PathOf("s.csv"), "--db", Database.Connection);
        await File.WriteAllTextAsync(PathOf("in.csv"), "学校标识码,学籍号,姓名,性别,身份证号,出生日期\r\n");
        var import = await Cli.RunAsync("registry", "import", "--kind", "students", "--file", PathOf("in.csv"), "--db", Database.Connection);

        var keyFile = Path.Combine(Qedu.Kernel.Secrets.SecretKeys.DefaultDirectory(Database.Settings, Directory.GetCurrentDirectory()), "personal-data.key");
        foreach (var run in new[] { export, import })
        {
            Assert.True(run.ExitCode != 0, run.ToString());
            Assert.Contains(keyFile, run.Error, StringComparison.Ordinal);
            Assert.False(Cli.HasStackTrace(run.Error), run.Error);
        }
        Assert.False(File.Exists(PathOf("s.csv")));
    }
}
