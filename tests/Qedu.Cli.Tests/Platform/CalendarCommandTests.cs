using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Calendar;
using Qedu.Testing;

namespace Qedu.Cli.Tests.Platform;

/// <summary>
/// <c>qedu calendar import|show</c>: the shipped notices are loaded with the schema; a year's file replaces that year
/// whole and is then counted by the calendar; a bad file names each row and column in the chosen language and writes
/// nothing; a year loaded from a file is never replaced by the shipped one.
/// </summary>
public sealed class CalendarCommandTests : CliTest, IDisposable
{
    // A made-up notice for 2027, for the test only: Qedu ships the State Council's real notices (2025, 2026).
    private const string Year2027 = """
        日期,类别,节日,依据
        2027-01-01,放假,元旦,测试用通知（非真实）
        2027-10-01,放假,国庆节,测试用通知（非真实）
        2027-10-04,放假,国庆节,测试用通知（非真实）
        2027-10-09,上班,国庆节,测试用通知（非真实）
        """;

    private string WriteFile(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"qedu-calendar-{Guid.NewGuid():N}-{name}");
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        Files.Add(path);
        return path;
    }

    private List<string> Files { get; } = [];

    public void Dispose()
    {
        Files.ForEach(File.Delete);
        GC.SuppressFinalize(this);
    }

    private async Task<WorkingDays> CalendarAsync()
    {
        await using var host = KernelHost.Build(Database.Settings);
        return await host.GetRequiredService<WorkingCalendar>().CurrentAsync();
    }

    [Fact]
    public async Task The_shipped_years_load_with_the_schema_a_new_years_file_is_counted_and_a_dry_run_writes_nothing()
    {
        var migrate = await Cli.RunAsync("db", "migrate", "--db", Database.Connection);
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        var shipped = await CalendarAsync();
        Assert.Equal([2025, 2026], shipped.Years.Order());
        Assert.True(shipped.IsWorkingDay(new DateOnly(2026, 10, 10)));

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var file = WriteFile("2027.csv", Year2027, Encoding.GetEncoding("GB18030"));
        var dry = await Cli.RunAsync("calendar", "import", "--file", file, "--dry-run", "--db", Database.Connection);
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains("dry run, nothing written: 4 days of 2027", dry.Output, StringComparison.Ordinal);
        Assert.False((await CalendarAsync()).Covers(2027));

        var import = await Cli.RunAsync("calendar", "import", "--file", file, "--db", Database.Connection);
        Assert.True(import.ExitCode == 0, import.ToString());
        var loaded = await CalendarAsync();
        Assert.True(loaded.Covers(2027));
        Assert.False(loaded.IsWorkingDay(new DateOnly(2027, 10, 4)));   // a Monday off
        Assert.True(loaded.IsWorkingDay(new DateOnly(2027, 10, 9)));    // a Saturday worked

        // Migrating again (as an upgrade does) leaves the operator's year alone and the shipped ones as they were.
        var again = await Cli.RunAsync("db", "migrate", "--db", Database.Connection);
        Assert.True(again.ExitCode == 0, again.ToString());
        var show = await Cli.RunAsync("calendar", "show", "--year", "2027", "--db", Database.Connection);
        Assert.Contains("2027: 测试用通知（非真实） [file:", show.Output, StringComparison.Ordinal);
        Assert.Contains("2027-10-09 Saturday  上班 国庆节", show.Output, StringComparison.Ordinal);
        Assert.True((await CalendarAsync()).IsWorkingDay(new DateOnly(2026, 10, 10)));

        // A year's file replaces the year whole: the next file for 2027 lists one day, and the others are gone.
        var replace = WriteFile("2027-b.csv", "date,kind,holiday,source\n2027-01-01,rest,元旦,第二份测试通知\n");
        Assert.Equal(0, (await Cli.RunAsync("calendar", "import", "--file", replace, "--db", Database.Connection)).ExitCode);
        var replaced = await CalendarAsync();
        Assert.True(replaced.IsWorkingDay(new DateOnly(2027, 10, 4)));
        Assert.False(replaced.IsWorkingDay(new DateOnly(2027, 1, 1)));
    }

    [Theory]
    [InlineData("zh", "第 3 行", "类别“休息”无效", "已在第 2 行列出", "本是工作日")]
    [InlineData("en", "row 3", "Kind \"休息\" is not valid", "already listed in row 2", "is a weekday and a working day anyway")]
    public async Task A_bad_file_names_each_row_and_column_in_the_chosen_language_and_writes_nothing(
        string language, string _, string kind, string twice, string weekday)
    {
        Assert.Equal(0, (await Cli.RunAsync("db", "migrate", "--db", Database.Connection)).ExitCode);
        var file = WriteFile("bad.csv", """
            日期,类别,节日,依据
            2027-01-01,放假,元旦,测试用通知
            2027-01-04,休息,元旦,测试用通知
            2027-13-01,放假,元旦,测试用通知
            2027-01-01,放假,元旦,测试用通知
            2027-01-05,上班,元旦,测试用通知
            2027-02-01,放假,,另一个通知
            """);

        var run = await Cli.RunAsync("calendar", "import", "--file", file, "--lang", language, "--db", Database.Connection);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("bad.csv, row 3, 类别: " + kind, run.Error, StringComparison.Ordinal);
        Assert.Contains("bad.csv, row 4, 日期: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("row 5, 日期: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(twice, run.Error, StringComparison.Ordinal);
        Assert.Contains("row 6, 类别: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(weekday, run.Error, StringComparison.Ordinal);
        Assert.Contains("row 7, 节日: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("row 7, 依据: ", run.Error, StringComparison.Ordinal);
        Assert.False((await CalendarAsync()).Covers(2027));

        var notTable = WriteFile("notes.txt", "2027-01-01");
        var refused = await Cli.RunAsync("calendar", "import", "--file", notTable, "--lang", language, "--db", Database.Connection);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("notes.txt", refused.Error, StringComparison.Ordinal);
    }
}
