using System.Text.Json;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.StudentServices.Features.Deadlines;

namespace Qedu.StudentServices;

/// <summary>
/// An open status change a unit must act on now: due within one working day, or overdue, on its promised (承诺) or legal
/// (法定) limit. Numbers and dates only: the unit opens the change in Qedu for the rest.
/// </summary>
public sealed record ChangeReminder(string UnitCode, string Unit, string Number, string Kind, DateOnly? PromisedDue, int PromisedLeft,
    DateOnly? LegalDue, int LegalLeft, bool Overdue, bool Provisional);

/// <summary>
/// What hosts other than the web (the <c>qedu</c> command line) may ask of the student services: with
/// <see cref="StudentServicesModule"/>, the module's whole public surface for hosts.
/// </summary>
public sealed class StudentServicesOperations
{
    private readonly ChangeDeadlines _deadlines;
    private readonly OrgTree _tree;
    private readonly TimeProvider _clock;

    internal StudentServicesOperations(ChangeDeadlines deadlines, OrgTree tree, TimeProvider clock) =>
        (_deadlines, _tree, _clock) = (deadlines, tree, clock);

    /// <summary>
    /// The open changes due soon (at most one working day left) or overdue, at the unit whose step it is, in the caller's
    /// scope (every unit for the system); a stopped clock (waiting for the applicant) is nobody's to act on.
    /// </summary>
    public async Task<IReadOnlyList<ChangeReminder>> RemindersAsync(CancellationToken ct = default)
    {
        var today = CityDate.Today(_clock);
        var due = (await _deadlines.OpenAsync(ct))
            .Where(d => !d.Promised.Stopped && (d.Promised.DueSoon(today) || d.Promised.Overdue(today) || d.Legal.DueSoon(today) || d.Legal.Overdue(today)))
            .ToList();
        var units = await _tree.UnitsOfAsync(due.Select(d => d.UnitId), ct);
        return
        [
            .. due.Select(d => new ChangeReminder(
                units.TryGetValue(d.UnitId, out var unit) ? unit.Code : "", unit?.Name ?? "", d.Number, JsonNamingPolicy.CamelCase.ConvertName(d.Kind.ToString()),
                d.Promised.Due, d.Promised.Left, d.Legal.Due, d.Legal.Left, d.Promised.Overdue(today) || d.Legal.Overdue(today), !d.Legal.Confirmed))
            .OrderBy(r => r.UnitCode, StringComparer.Ordinal).ThenBy(r => r.PromisedDue),
        ];
    }
}
