using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Registry.Contracts;
using Qedu.Teachers.Data;
using Qedu.Teachers.Rules;

namespace Qedu.Teachers.Training;

/// <summary>Where a teacher stands in the cycle: hours that count, what they owe and should have by now, and the verdicts.</summary>
internal sealed record TeacherStanding(
    long StaffId, string StaffNumber, string Name, int SchoolId, double Counted, double Target, double Expected, bool FloorsMet,
    IReadOnlyDictionary<string, double> ByCategory)
{
    /// <summary>At least the hours expected by today (the cycle's share so far).</summary>
    public bool OnPace => Counted >= Expected;

    /// <summary>The cycle's hours and every floor met.</summary>
    public bool Done => Counted >= Target && FloorsMet;
}

/// <summary>
/// Continuing-education standing of teachers, in one place for the training pages and the indicator facts: each full-time
/// teacher's hours in the current cycle summed by category in the database (the caller's scope applies), then counted by
/// the rules (<see cref="TrainingRules.Count"/>) against the target and the pace (<see cref="TrainingRules.Owed"/>).
/// </summary>
internal sealed class TrainingTally(TeachersDb db, TeacherRules rules)
{
    public TrainingRules Rules => rules.Training;

    /// <summary>Each teacher's standing on <paramref name="today"/> (a past day counts the hours completed by then).</summary>
    public async Task<IReadOnlyList<TeacherStanding>> StandingsAsync(IReadOnlyList<StaffMember> teachers, DateOnly today, CancellationToken ct)
    {
        var cycle = rules.Training.CycleOf(today);
        var query = db.Hours.AsNoTracking().Where(h => h.CompletedOn >= cycle.From && h.CompletedOn <= cycle.To && h.CompletedOn <= today);
        var sums = new List<(long StaffId, string Category, double Hours)>();
        var wanted = teachers.Select(t => t.StaffId).ToHashSet();
        var schools = teachers.Select(t => t.SchoolId).Distinct().ToList();
        if (schools.Count <= 1)
        {
            sums.AddRange(await SumsAsync(query.Where(h => wanted.Contains(h.StaffId)), ct));
        }
        else
        {
            // A district's or the city's teachers: by their schools, which the registry's scope gave (the same rows the scope
            // filter allows, without its per-row subquery over the tree: a city's cycle is some 400,000 lines). One school's
            // teachers above: by id, so lines credited before a move count too.
            sums.AddRange((await SumsAsync(db.Hours.AsNoTracking().IgnoreQueryFilters([ScopeFilter.Name])
                .Where(h => schools.Contains(h.OrgUnitId) && h.CompletedOn >= cycle.From && h.CompletedOn <= cycle.To && h.CompletedOn <= today), ct))
                .Where(s => wanted.Contains(s.StaffId)));
        }
        var byStaff = sums.GroupBy(s => s.StaffId).ToDictionary(g => g.Key, g => g.ToDictionary(s => s.Category, s => s.Hours, StringComparer.Ordinal));
        return teachers.Select(t => Standing(t, byStaff.GetValueOrDefault(t.StaffId) ?? new Dictionary<string, double>(), cycle, today)).ToList();
    }

    /// <summary>One row per teacher and category.</summary>
    private static async Task<IEnumerable<(long StaffId, string Category, double Hours)>> SumsAsync(IQueryable<Domain.TrainingHours> lines, CancellationToken ct) =>
        (await lines.GroupBy(h => new { h.StaffId, h.Category }).Select(g => new { g.Key.StaffId, g.Key.Category, Hours = g.Sum(h => h.Hours) }).ToListAsync(ct))
            .Select(s => (s.StaffId, s.Category, s.Hours));

    public TeacherStanding Standing(StaffMember teacher, IReadOnlyDictionary<string, double> byCategory, (DateOnly From, DateOnly To) cycle, DateOnly today)
    {
        var (target, expected) = rules.Training.Owed(cycle, teacher.HiredOn, today);
        var (counted, floors) = rules.Training.Count(byCategory, target / rules.Training.CycleHours);
        return new TeacherStanding(teacher.StaffId, teacher.StaffNumber, teacher.Name, teacher.SchoolId, counted, target, expected, floors, byCategory);
    }
}
