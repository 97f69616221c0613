using System.Text;
using System.Text.Json;

namespace Qedu.Cli.Tests.Plans;

/// <summary>
/// <c>qedu plans import</c> through the real command tree: JSON on stdout or in --out, exit 2 naming the file for a
/// missing, empty or not-a-plan file, exit 3 when the output cannot be written. No database.
/// </summary>
public sealed class PlansCommandTests : IDisposable
{
    private const string Plan = """
        青岛市教育局2024年工作要点
        一、推进教育数字化
        1.建设智慧校园。到2024年，智慧校园覆盖率达到90%。（责任处室：教育装备与信息中心、基教处）
        2.完善数据标准。（责任处室：法规处）

        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("qedu-plans-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task Prints_the_plan_as_json()
    {
        var run = await Cli.RunAsync("plans", "import", "--file", Write("plan.txt", Plan));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("青岛市教育局2024年工作要点", json.RootElement.GetProperty("title").GetString());
        var task = json.RootElement.GetProperty("sections")[0].GetProperty("tasks")[0];
        Assert.Equal("1", task.GetProperty("number").GetString());
        Assert.Equal("教育装备与信息中心", task.GetProperty("leadUnits")[0].GetString());
        Assert.Equal(90, task.GetProperty("targets")[0].GetProperty("value").GetDecimal());
        Assert.Contains("青岛市教育局", run.Output, StringComparison.Ordinal); // not \u escaped
    }

    [Fact]
    public async Task Writes_the_file_named_by_out()
    {
        var output = Path.Combine(_dir, "plan.json");

        var run = await Cli.RunAsync("plans", "import", "--file", Write("plan.txt", Plan), "--out", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal(2, json.RootElement.GetProperty("sections")[0].GetProperty("tasks").GetArrayLength());
        Assert.Contains("2", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imports_a_seed_with_34_tasks()
    {
        var seed = Path.Combine(AppContext.BaseDirectory, "Seeds", "001_49a8bf4b45a6b867.txt");

        var run = await Cli.RunAsync("plans", "import", "--file", seed);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var tasks = json.RootElement.GetProperty("sections").EnumerateArray().Sum(s => s.GetProperty("tasks").GetArrayLength());
        Assert.Equal(34, tasks);
    }

    [Fact]
    public async Task Missing_file_is_bad_input_naming_the_file()
    {
        var missing = Path.Combine(_dir, "nope.txt");

        var run = await Cli.RunAsync("plans", "import", "--file", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
        Assert.Contains("文件不存在", run.Error, StringComparison.Ordinal);
        Assert.Contains("file not found", run.Error, StringComparison.Ordinal);
        Assert.False(Cli.HasStackTrace(run.Error), run.Error);
    }

    [Fact]
    public async Task Empty_file_is_bad_input()
    {
        var empty = Write("empty.txt", "");

        var run = await Cli.RunAsync("plans", "import", "--file", empty);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(empty, run.Error, StringComparison.Ordinal);
        Assert.Contains("empty", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Text_without_tasks_is_not_a_plan()
    {
        var run = await Cli.RunAsync("plans", "import", "--file", Write("letter.txt", "会议通知\n请各单位准时参加。\n"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not look like a plan", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unwritable_output_fails_with_3()
    {
        var run = await Cli.RunAsync("plans", "import", "--file", Write("plan.txt", Plan), "--out", Path.Combine(_dir, "no-such-dir", "plan.json"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("cannot write output", run.Error, StringComparison.Ordinal);
    }
}
