using Qedu.Plans.Domain;
using Qedu.Plans.Features.Supervision;

namespace Qedu.Plans;

/// <summary>
/// What hosts other than the web (the <c>qedu</c> command line) may ask of the plans module: with
/// <see cref="PlansModule"/>, the module's whole public surface for hosts. Built by the module (its constructor takes
/// internal services); the command line keeps its own parsing and output. Reading a plan document needs no module:
/// hosts use Qedu.PlanDocuments directly.
/// </summary>
public sealed class PlansOperations
{
    /// <summary>The reminder window when none is given: the status rules' risk window.</summary>
    public const int DefaultReminderDays = TaskStatusRules.RiskWindowDays;

    private readonly SupervisionQueries _supervision;

    internal PlansOperations(SupervisionQueries supervision) => _supervision = supervision;

    /// <summary>
    /// What each unit has due within <paramref name="days"/> days or overdue on the published plans the caller manages
    /// (every plan for the system): the list units see on their "my tasks" page.
    /// </summary>
    public Task<IReadOnlyList<Reminder>> RemindersAsync(int days = DefaultReminderDays, CancellationToken ct = default) =>
        _supervision.RemindersAsync(days, ct);
}
