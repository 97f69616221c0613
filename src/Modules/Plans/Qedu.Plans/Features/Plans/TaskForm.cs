using Qedu.Plans.Domain;
using Qedu.Plans.Tasks;
using System.Text.RegularExpressions;

namespace Qedu.Plans.Features.Plans;

/// <summary>
/// The task edit page's form: lists as one item per line (units, milestones "2016 text", policies…), targets as rows.
/// It turns into the same <see cref="TaskInput"/> the API takes, so the page and the API check alike.
/// </summary>
internal sealed partial class TaskForm
{
    public string? Number { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? Deadline { get; set; }
    /// <summary>The bureau's own units (departments, districts) and the part each takes: picked, not typed.</summary>
    public List<UnitChoice> Units { get; set; } = [];

    /// <summary>Names the bureau has no unit for (another agency, a printed name no one has mapped): one per line.</summary>
    public string? LeadUnits { get; set; }
    public string? ParticipatingUnits { get; set; }
    public string? Milestones { get; set; }
    public List<TargetInput> Targets { get; set; } = [];
    public string? Policies { get; set; }
    public string? Measures { get; set; }
    public string? ExpectedEffects { get; set; }

    /// <summary>Blank target rows offered below the task's own, for adding targets.</summary>
    public const int BlankTargets = 2;

    public static TaskForm From(TaskDetail task, IReadOnlyList<AssignableUnit> assignable)
    {
        var own = assignable.Select(a => a.Id).ToHashSet();
        var form = new TaskForm
        {
            Number = task.Summary.Number,
            Title = task.Summary.Title,
            Text = task.Text,
            Deadline = task.Summary.DeadlineText,
            Units = [.. assignable.Select(a =>
            {
                var held = task.Summary.Units.FirstOrDefault(u => u.UnitId == a.Id);
                return new UnitChoice { Name = held?.PrintedName ?? a.Name, Role = held?.Role ?? "" };
            })],
            LeadUnits = string.Join('\n', task.Summary.Lead.Where(u => u.UnitId is not { } id || !own.Contains(id)).Select(u => u.PrintedName)),
            ParticipatingUnits = string.Join('\n', task.Summary.Participating.Where(u => u.UnitId is not { } id || !own.Contains(id)).Select(u => u.PrintedName)),
            Milestones = string.Join('\n', task.Milestones.Select(m => $"{m.Year} {m.Text}")),
            Targets = [.. task.Targets.Select(x => new TargetInput { Id = x.Id, Text = x.Text, Value = x.Value, Unit = x.Unit, Comparator = x.Comparator, Year = x.Year, IndicatorCode = x.IndicatorCode, IndicatorOrg = x.Indicator?.OrgCode })],
            Policies = task.Policies,
            Measures = task.Measures,
            ExpectedEffects = task.ExpectedEffects,
        };
        for (int i = 0; i < BlankTargets; i++)
        {
            form.Targets.Add(new TargetInput { Comparator = ">=" });
        }
        return form;
    }

    public TaskInput ToInput() => new()
    {
        Number = Number,
        Title = Title,
        Text = Text,
        Deadline = Deadline,
        LeadUnits = [.. Picked(nameof(UnitRole.Lead)), .. SplitLines(LeadUnits)],
        ParticipatingUnits = [.. Picked(nameof(UnitRole.Participating)), .. SplitLines(ParticipatingUnits)],
        Milestones = [.. SplitLines(Milestones).Select(line =>
        {
            var m = YearFirst().Match(line);
            return m.Success
                ? new MilestoneInput { Year = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Text = m.Groups[2].Value.Trim() }
                : new MilestoneInput { Year = null, Text = line };
        })],
        Targets = [.. Targets.Where(x => !string.IsNullOrWhiteSpace(x.Text))],
        Policies = Policies,
        Measures = Measures,
        ExpectedEffects = ExpectedEffects,
    };

    private IEnumerable<string> Picked(string role) =>
        Units.Where(u => u.Role == role && !string.IsNullOrWhiteSpace(u.Name)).Select(u => u.Name!.Trim());

    private static string[] SplitLines(string? text) =>
        (text ?? "").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>"2016 text", "2016年，text", "2016: text".</summary>
    [GeneratedRegex(@"^(\d{4})\s*年?\s*[，,:：、]?\s*(.*)$")]
    private static partial Regex YearFirst();
}

/// <summary>One of the bureau's units on the task form: the name it is posted under (as printed, when the task already had it) and its part.</summary>
internal sealed class UnitChoice
{
    public string? Name { get; set; }

    /// <summary>"" (not on the task), <see cref="UnitRole.Lead"/> or <see cref="UnitRole.Participating"/>.</summary>
    public string Role { get; set; } = "";
}
