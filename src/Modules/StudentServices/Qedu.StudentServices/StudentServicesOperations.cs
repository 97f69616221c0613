using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.StudentServices.Features.Deadlines;
using Qedu.StudentServices.Features.Dropouts;
using Qedu.StudentServices.Ratings;

namespace Qedu.StudentServices;

/// <summary>
/// Something a unit must act on now, due within one working day or overdue: an open status change (<c>statusChange</c>:
/// its promised and legal limits), a poor rating to answer (<c>poorRating</c>: 5 working days), or a dropout case without
/// a follow-up (<c>dropoutFollowUp</c>: 10 working days). <see cref="Due"/> and <see cref="Left"/> are the nearest limit
/// (a change's promised one); numbers and dates only: the unit opens it in Qedu for the rest.
/// </summary>
public sealed record ServiceReminder(string UnitCode, string Unit, string Subject, string Number, string Kind, DateOnly? Due, int Left,
    DateOnly? LegalDue, int? LegalLeft, bool Overdue, bool Provisional);

/// <summary>
/// What hosts other than the web (the <c>qedu</c> command line) may ask of the student services: with
/// <see cref="StudentServicesModule"/>, the module's whole public surface for hosts.
/// </summary>
public sealed class StudentServicesOperations
{
    private readonly ChangeDeadlines _deadlines;
    private readonly ServiceRatings _ratings;
    private readonly DropoutLedger _dropouts;
    private readonly WorkingCalendar _calendar;
    private readonly OrgTree _tree;
    private readonly TimeProvider _clock;

    internal StudentServicesOperations(ChangeDeadlines deadlines, ServiceRatings ratings, DropoutLedger dropouts, WorkingCalendar calendar, OrgTree tree,
        TimeProvider clock) =>
        (_deadlines, _ratings, _dropouts, _calendar, _tree, _clock) = (deadlines, ratings, dropouts, calendar, tree, clock);

    /// <summary>
    /// What the units in the caller's scope (every unit for the system) must act on now: open changes at the unit whose
    /// step it is (a stopped clock, waiting for the applicant, is nobody's), poor ratings not answered, dropout cases
    /// whose follow-up falls due.
    /// </summary>
    public async Task<IReadOnlyList<ServiceReminder>> RemindersAsync(CancellationToken ct = default)
    {
        var today = CityDate.Today(_clock);
        var days = await _calendar.CurrentAsync(ct);
        bool Soon(DateOnly? due) => due is { } d && (d < today || days.Between(today, d) <= 1);

        var changes = (await _deadlines.OpenAsync(ct))
            .Where(d => !d.Promised.Stopped && (d.Promised.DueSoon(today) || d.Promised.Overdue(today) || d.Legal.DueSoon(today) || d.Legal.Overdue(today)))
            .ToList();
        var cases = (await _ratings.CasesAsync(ct)).Where(c => c.Answer is null && Soon(c.Due)).ToList();
        var dropouts = (await _dropouts.LedgerAsync(openOnly: true, ct)).Where(l => Soon(l.NextDue)).ToList();
        var units = await _tree.UnitsOfAsync(changes.Select(d => d.UnitId).Concat(cases.Select(c => c.UnitId)).Concat(dropouts.Select(l => l.Case.OrgUnitId)), ct);
        (string Code, string Name) Unit(int id) => units.TryGetValue(id, out var unit) ? (unit.Code, unit.Name) : ("", "");
        var reminders = new List<ServiceReminder>();
        foreach (var d in changes)
        {
            var (code, name) = Unit(d.UnitId);
            reminders.Add(new ServiceReminder(code, name, "statusChange", d.Number, EnumNames.Name(d.Kind), d.Promised.Due, d.Promised.Left, d.Legal.Due,
                d.Legal.Left, d.Promised.Overdue(today) || d.Legal.Overdue(today), !d.Legal.Confirmed));
        }
        foreach (var c in cases)
        {
            var (code, name) = Unit(c.UnitId);
            reminders.Add(new ServiceReminder(code, name, "poorRating", c.ChangeNumber, c.Score.ToString(System.Globalization.CultureInfo.InvariantCulture),
                c.Due, c.Due is { } due ? days.Between(today, due) : 0, null, null, c.Overdue, false));
        }
        foreach (var l in dropouts)
        {
            var (code, name) = Unit(l.Case.OrgUnitId);
            reminders.Add(new ServiceReminder(code, name, "dropoutFollowUp", l.Case.Number, EnumNames.Name(l.Case.Reason), l.NextDue,
                l.NextDue is { } due ? days.Between(today, due) : 0, null, null, l.FollowUpOverdue, false));
        }
        return [.. reminders.OrderBy(r => r.UnitCode, StringComparer.Ordinal).ThenBy(r => r.Due)];
    }
}
