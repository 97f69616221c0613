using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Qedu.Cli.Tests.Exams;

/// <summary>
/// The exam contracts through the real command tree on the seeded demo city: <c>qedu exams import</c> exits 2 naming row
/// and column and writes nothing, takes a GB18030 file, and <c>qedu exams value-added</c> writes the contract's file.
/// </summary>
public sealed class ExamsCommandTests : CliTest, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qedu-cli-exams-").FullName;

    private string PathOf(string name) => Path.Combine(_folder, name);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Import_refuses_a_bad_file_by_row_and_column_takes_gb18030_and_value_added_writes_the_contracts_file()
    {
        var seed = await Cli.RunAsync("seed", "--db", Database.Connection);
        Assert.True(seed.ExitCode == 0, seed.ToString());
        var numbers = await StudentNumbersAsync();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding("GB18030");

        await File.WriteAllTextAsync(PathOf("bad.csv"), $"学籍号,科目,分数,满分\n{numbers[0]},语文,95,100\n{numbers[1]},语文,105,100\nG404,语文,80,100\n", gb);
        var bad = await Cli.RunAsync("exams", "import", "--exam", "CLI-T1", "--name", "命令行考试", "--date", "2026-11-10", "--file", PathOf("bad.csv"), "--db", Database.Connection);
        Assert.True(bad.ExitCode == 2, bad.ToString());
        Assert.Contains("bad.csv row 3, 分数: 分数 105 不在 0 到满分 100 之间", bad.Error, StringComparison.Ordinal);
        Assert.Contains("bad.csv row 4, 学籍号: 学籍号 G404", bad.Error, StringComparison.Ordinal);
        Assert.False(Cli.HasStackTrace(bad.Error), bad.Error);
        var report = JsonDocument.Parse(bad.Output).RootElement;
        Assert.Equal((false, 2), (report.GetProperty("ok").GetBoolean(), report.GetProperty("problemCount").GetInt32()));
        Assert.Equal(0, await Cli.ScalarAsync(Database, $"SELECT COUNT(*) FROM {Table("exams")} WHERE code = 'CLI-T1'"));

        // The same file put right, in GB18030: imported, one absent.
        await File.WriteAllTextAsync(PathOf("good.csv"), $"学籍号,科目,分数,满分\n{numbers[0]},语文,95,100\n{numbers[1]},语文,,100\n", gb);
        var good = await Cli.RunAsync("exams", "import", "--exam", "CLI-T1", "--name", "命令行考试", "--date", "2026-11-10", "--file", PathOf("good.csv"), "--db", Database.Connection);
        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Contains("imported: 2 scores, 2 students, 1 subjects, 1 absent", good.Error, StringComparison.Ordinal);
        // Its code is taken now: a second import under it is refused by name.
        var again = await Cli.RunAsync("exams", "import", "--exam", "CLI-T1", "--name", "再来", "--date", "2026-11-10", "--file", PathOf("good.csv"), "--db", Database.Connection);
        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Contains("考试代码 CLI-T1 已存在", again.Error, StringComparison.Ordinal);

        // Item scores for it: a question over its full marks refused by row and column, then analysed.
        await File.WriteAllTextAsync(PathOf("items.csv"), $"学籍号,科目,题号,得分,满分\n{numbers[0]},语文,1,8,10\n{numbers[1]},语文,1,12,10\n", gb);
        var badItems = await Cli.RunAsync("exams", "items", "--exam", "CLI-T1", "--file", PathOf("items.csv"), "--db", Database.Connection);
        Assert.True(badItems.ExitCode == 2, badItems.ToString());
        Assert.Contains("items.csv row 3, 得分:", badItems.Error, StringComparison.Ordinal);
        await File.WriteAllTextAsync(PathOf("items.csv"), $"学籍号,科目,题号,得分,满分\n{numbers[0]},语文,1,8,10\n{numbers[1]},语文,1,5,10\n", gb);
        var items = await Cli.RunAsync("exams", "items", "--exam", "CLI-T1", "--file", PathOf("items.csv"), "--db", Database.Connection);
        Assert.True(items.ExitCode == 0, items.ToString());
        Assert.Contains("analysed: 2 rows, 1 items", items.Error, StringComparison.Ordinal);
        Assert.Equal(1, await Cli.ScalarAsync(Database, $"SELECT COUNT(*) FROM {Table("items")} i JOIN {Table("exams")} e ON e.id = i.exam_id WHERE e.code = 'CLI-T1'"));

        // Analysed again: every figure rewritten, as many as the command says; an unknown code refused.
        var analyse = await Cli.RunAsync("exams", "analyse", "--exam", "CLI-T1", "--db", Database.Connection);
        Assert.True(analyse.ExitCode == 0, analyse.ToString());
        var figures = await Cli.ScalarAsync(Database, $"SELECT COUNT(*) FROM {Table("figures")} f JOIN {Table("exams")} e ON e.id = f.exam_id WHERE e.code = 'CLI-T1'");
        Assert.True(figures > 0);
        Assert.Contains($"qedu exams analyse: {figures} figures, analysed in ", analyse.Error, StringComparison.Ordinal);
        var noExam = await Cli.RunAsync("exams", "analyse", "--exam", "NO-SUCH", "--db", Database.Connection);
        Assert.True(noExam.ExitCode == 2, noExam.ToString());
        Assert.Contains("no exam 'NO-SUCH'", noExam.Error, StringComparison.Ordinal);

        // Value-added of the demo's two exams: the contract's header, one line per school, numbers with an interval around them.
        var va = await Cli.RunAsync("exams", "value-added", "--exam", "DEMO-J3-MID", "--prior", "DEMO-J2-FINAL", "--out", PathOf("va.csv"), "--db", Database.Connection);
        Assert.True(va.ExitCode == 0, va.ToString());
        var lines = (await File.ReadAllLinesAsync(PathOf("va.csv"), Encoding.UTF8)).ToList();
        Assert.Equal("学校标识码,学生数,增值,下限,上限", lines[0]);
        Assert.True(lines.Count > 3, string.Join('\n', lines));
        Assert.All(lines.Skip(1), line =>
        {
            var cells = line.Split(',');
            Assert.Matches("^[0-9]{10}$", cells[0]);
            var (effect, lower, upper) = (double.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture), double.Parse(cells[4], System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(lower <= effect && effect <= upper, line);
        });
        var unknown = await Cli.RunAsync("exams", "value-added", "--exam", "DEMO-J3-MID", "--prior", "NO-SUCH", "--out", PathOf("x.csv"), "--db", Database.Connection);
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("--prior:", unknown.Error, StringComparison.Ordinal);
    }

    private string Table(string name) => Database.Settings.IsPostgres ? $"exams.{name}" : $"exams_{name}";

    /// <summary>Two 学籍号 of the demo's ninth grade, straight from the database.</summary>
    private async Task<List<string>> StudentNumbersAsync()
    {
        await using DbConnection connection = Database.Settings.IsPostgres ? new NpgsqlConnection(Database.Connection) : new SqliteConnection(Database.Connection);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT DISTINCT student_number FROM {Table("candidates")} ORDER BY student_number LIMIT 2";
        var numbers = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            numbers.Add(reader.GetString(0));
        }
        return numbers;
    }
}
