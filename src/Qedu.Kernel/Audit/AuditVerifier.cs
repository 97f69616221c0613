using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Audit;

public sealed record AuditVerification(long Entries, long? BrokenAt, string? Problem)
{
    public bool IsIntact => BrokenAt is null && Problem is null;
}

/// <summary>Re-computes the hash chain from the first line to the head and reports the first line that does not fit.</summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(KernelDb db, CancellationToken ct = default)
    {
        const int batch = 5000;
        var expectedSequence = 1L;
        var previous = AuditHasher.Genesis;
        long after = 0;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(batch)
                .ToListAsync(ct);
            foreach (var e in page)
            {
                if (e.Sequence != expectedSequence)
                {
                    return new(expectedSequence - 1, expectedSequence, $"line {expectedSequence} is missing (next present: {e.Sequence})");
                }
                if (e.PreviousHash != previous)
                {
                    return new(expectedSequence - 1, e.Sequence, $"line {e.Sequence} does not follow line {e.Sequence - 1}");
                }
                if (AuditHasher.Compute(e) != e.Hash)
                {
                    return new(expectedSequence - 1, e.Sequence, $"line {e.Sequence} was altered");
                }
                previous = e.Hash;
                expectedSequence++;
            }
            if (page.Count < batch)
            {
                break;
            }
            after = page[^1].Sequence;
        }
        var head = await db.AuditChainHead.AsNoTracking().SingleAsync(h => h.Id == 1, ct);
        var count = expectedSequence - 1;
        if (head.LastSequence != count || head.LastHash != previous)
        {
            return new(count, count + 1, $"the chain head says {head.LastSequence} lines but {count} were found");
        }
        return new(count, null, null);
    }
}
