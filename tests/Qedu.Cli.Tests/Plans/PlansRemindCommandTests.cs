using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Plans.Features.Plans;
using Qedu.Testing;

namespace Qedu.Cli.Tests.Plans;

/// <summary><c>qedu plans remind</c>: what each unit has due or overdue in the published plans, as text or JSON.</summary>
public sealed class PlansRemindCommandTests : CliTest
{
    /// <summary>The demo city with seed 001 imported and published as the city bureau's plan (its deadlines are long past).</summary>
    private async Task PublishSeed001Async()
    {
        var seed = await Cli.RunAsync("seed", "--db", Database.Connection);
        Assert.True(seed.ExitCode == 0, seed.ToString());
        await using var services = KernelHost.Build(Database.Settings);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("tests"));
        var text = await File.ReadAllBytesAsync(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Seeds"), "001_*.txt").Single());
        var imported = await scope.ServiceProvider.GetRequiredService<PlanImport>().ImportAsync(text, "001.txt", "370200");
        Assert.True(imported.IsOk, imported.Message);
        Assert.True((await scope.ServiceProvider.GetRequiredService<PlanEditing>().PublishAsync(imported.Value)).IsOk);
    }

    [Fact]
    public async Task Lists_each_units_overdue_items_as_text_and_json()
    {
        await PublishSeed001Async();

        var text = await Cli.RunAsync("plans", "remind", "--db", Database.Connection);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("基教处 370200-JJC", text.Output, StringComparison.Ordinal);
        Assert.Contains("加强综合高中建设", text.Output, StringComparison.Ordinal);
        Assert.Contains("days overdue", text.Output, StringComparison.Ordinal);

        var json = await Cli.RunAsync("plans", "remind", "--json", "--days", "0", "--db", Database.Connection);
        Assert.True(json.ExitCode == 0, json.ToString());
        var reminders = JsonDocument.Parse(json.Output).RootElement.EnumerateArray().ToList();
        var jjc = reminders.Where(r => r.GetProperty("unitCode").GetString() == "370200-JJC").ToList();
        Assert.NotEmpty(jjc);
        // With no window left only what is past due is listed among deadlines and milestones; open 督办单 and 整改 items
        // (the demo city's plan has some) are listed whatever their date.
        Assert.All(reminders.Where(r => r.GetProperty("kind").GetString() is "Task" or "Milestone"), r => Assert.True(r.GetProperty("daysLeft").GetInt32() < 0));
        Assert.Contains(jjc, r => r.GetProperty("kind").GetString() == "Task" && r.GetProperty("taskNumber").GetString() == "33");
        Assert.Contains(jjc, r => r.GetProperty("kind").GetString() == "Milestone");
    }

    [Fact]
    public async Task A_window_out_of_range_is_bad_input()
    {
        var run = await Cli.RunAsync("plans", "remind", "--days", "-1", "--db", Database.Connection);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--days", run.Error, StringComparison.Ordinal);
    }
}
