using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qedu.Family.Data;
using Qedu.Family.Domain;
using Qedu.Kernel.Access;

namespace Qedu.Family.Credits;

/// <summary>One line of a transcript: what was learned, where, when, and the credits it counts for (0 when its group's larger one counts).</summary>
internal sealed record TranscriptLine(string Kind, string Title, string Provider, DateOnly AchievedOn, decimal Credits, bool Counts);

/// <summary>A learner's transcript as it stood at a moment: the lines, the total, and the hash the verification page compares.</summary>
internal sealed record TranscriptContent(string Learner, IReadOnlyList<TranscriptLine> Lines, decimal Total)
{
    /// <summary>SHA-256 of the lines in a fixed form: the same transcript always hashes the same.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n",
        Lines.Select(l => $"{l.Kind}|{l.Title}|{l.Provider}|{l.AchievedOn:yyyy-MM-dd}|{l.Credits:0.0}|{l.Counts}").Prepend($"{Learner}|{Total:0.0}")))));
}

/// <summary>
/// A learner's transcript read from the bank: every outcome recorded up to a moment, counted by <see cref="CreditTotals"/>.
/// Read past the staff scope (a learner holds no grant; a check is anonymous): the learner was matched first by the caller.
/// </summary>
internal static class TranscriptLines
{
    public static async Task<TranscriptContent> ReadAsync(FamilyDb db, CreditLearner learner, DateTimeOffset upTo, CancellationToken ct)
    {
        var outcomes = await db.CreditOutcomes.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(o => o.LearnerId == learner.Id).ToListAsync(ct);
        outcomes = [.. outcomes.Where(o => o.RecordedAt <= upTo)];
        var providerIds = outcomes.Select(o => o.ProviderId).Distinct().ToList();
        var providers = await db.CreditProviders.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var (lines, total) = CreditTotals.Count(outcomes);
        return new TranscriptContent(learner.Name, [.. lines.Select(l => new TranscriptLine(l.Outcome.Kind.ToString(), l.Outcome.Title,
            providers.GetValueOrDefault(l.Outcome.ProviderId, ""), l.Outcome.AchievedOn, l.Counts ? l.Outcome.Credits : 0m, l.Counts))], total);
    }
}
