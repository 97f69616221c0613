using System.Text.Json;

namespace Qedu.Cli.Tests.Platform;

/// <summary><c>qedu services remind</c>: the demo city's overdue status changes, poor rating and dropout follow-up, per unit, as a list and as JSON.</summary>
public sealed class ServicesRemindCommandTests : CliTest
{
    [Fact]
    public async Task The_demo_citys_overdue_changes_are_listed_per_unit_and_as_json()
    {
        var seed = await Cli.RunAsync("seed", "--db", Database.Connection);
        Assert.True(seed.ExitCode == 0, seed.ToString());

        var list = await Cli.RunAsync("services", "remind", "--db", Database.Connection);
        var json = await Cli.RunAsync("services", "remind", "--json", "--db", Database.Connection);

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("逾期 / overdue", list.Output, StringComparison.Ordinal);
        Assert.Contains("XJ", list.Output, StringComparison.Ordinal);
        var items = JsonDocument.Parse(json.Output).RootElement.EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("subject").GetString() == "statusChange" && i.GetProperty("overdue").GetBoolean()
            && i.GetProperty("number").GetString()!.StartsWith("XJ", StringComparison.Ordinal));
        // The demo's unanswered poor rating (12 days old) and its dropout case without a follow-up for 15 days.
        Assert.Contains(items, i => i.GetProperty("subject").GetString() == "poorRating" && i.GetProperty("overdue").GetBoolean());
        Assert.Contains(items, i => i.GetProperty("subject").GetString() == "dropoutFollowUp" && i.GetProperty("overdue").GetBoolean()
            && i.GetProperty("number").GetString()!.StartsWith("KC", StringComparison.Ordinal));
        Assert.Contains("差评回复 / poor rating", list.Output, StringComparison.Ordinal);
        Assert.Contains("控辍保学跟进 / dropout follow-up", list.Output, StringComparison.Ordinal);
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("unitCode").GetString())));
        Assert.Contains($"{items.Count} 项提醒", list.Output, StringComparison.Ordinal);
    }
}
