using Qedu.Family.Domain;

namespace Qedu.Family.Credits;

/// <summary>One outcome on a learner's account: whether it counts, and if not, which outcome of its group does instead.</summary>
internal sealed record CountedOutcome(CreditOutcome Outcome, bool Counts);

/// <summary>
/// A learner's credits: every outcome's credits count, except within an equivalence group (a certificate and the course
/// it stands for), where only the largest counts (the earliest on a tie), so one learning is not banked twice.
/// </summary>
internal static class CreditTotals
{
    public static (IReadOnlyList<CountedOutcome> Lines, decimal Total) Count(IEnumerable<CreditOutcome> outcomes)
    {
        var list = outcomes.OrderBy(o => o.AchievedOn).ThenBy(o => o.Id).ToList();
        var kept = list.Where(o => o.EquivalenceGroup is not null)
            .GroupBy(o => o.EquivalenceGroup)
            .Select(g => g.OrderByDescending(o => o.Credits).ThenBy(o => o.AchievedOn).ThenBy(o => o.Id).First().Id)
            .ToHashSet();
        var lines = list.Select(o => new CountedOutcome(o, o.EquivalenceGroup is null || kept.Contains(o.Id))).ToList();
        return (lines, lines.Where(l => l.Counts).Sum(l => l.Outcome.Credits));
    }
}
