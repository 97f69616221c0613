using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Audit;

/// <summary>What the verifier found. <see cref="Entries"/> counts the lines it checked in the database (after the archive boundary).</summary>
public sealed record AuditVerification(long Entries, long? BrokenAt, string? Problem)
{
    public bool IsIntact => BrokenAt is null && Problem is null;

    /// <summary>Checkpoints the log was checked against.</summary>
    public int Checkpoints { get; init; }

    /// <summary>The newest of them, when there is one.</summary>
    public AuditCheckpoint? LastCheckpoint { get; init; }

    /// <summary>Lines up to this sequence are archived out of the database (0: none).</summary>
    public long ArchivedThrough { get; init; }
}

/// <summary>
/// Re-computes the hash chain from the archive boundary (or the first line) to the head and checks it against every
/// checkpoint outside the database. Reports the first thing that does not fit: an altered or missing line, a head that
/// disagrees with the lines, a line that no longer matches a checkpoint, lines gone below a checkpoint (the tail cut
/// and the head moved back), a checkpoint with a bad signature, or an archive boundary or keying no checkpoint records.
/// </summary>
public sealed class AuditVerifier(KernelDb db, AuditKeys keys, AuditCheckpoints checkpoints)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var head = await db.AuditChainHead.AsNoTracking().SingleAsync(h => h.Id == 1, ct);
        var lines = checkpoints.Read();
        if (lines.FirstOrDefault(l => l.Problem is not null) is { } bad)
        {
            return new(0, bad.Checkpoint?.Sequence ?? 0,
                $"checkpoint {N(bad.Line)} of {checkpoints.FilePath}{Describe(bad.Checkpoint)} {bad.Problem}");
        }
        var anchors = lines.Select(l => l.Checkpoint!).ToList();
        var last = anchors.LastOrDefault();
        AuditVerification Broken(long entries, long at, string problem) =>
            new(entries, at, problem) { Checkpoints = anchors.Count, LastCheckpoint = last, ArchivedThrough = head.ArchivedThrough };

        if (head.KeyFingerprint is { } fingerprint && fingerprint != keys.Fingerprint)
        {
            return Broken(0, head.KeyedFrom ?? 1,
                $"the chain is keyed with key {fingerprint} but this host's audit-chain key is {keys.Fingerprint}: restore the key file from the backup");
        }
        if (last is not null && (last.ArchivedThrough != head.ArchivedThrough || last.ArchivedHash != head.ArchivedHash))
        {
            return Broken(0, Math.Min(last.ArchivedThrough, head.ArchivedThrough) + 1,
                $"the database says lines up to {N(head.ArchivedThrough)} were archived, but the last checkpoint ({At(last)}) says up to {N(last.ArchivedThrough)}");
        }
        if (anchors.LastOrDefault(c => c.KeyedFrom is not null)?.KeyedFrom is { } keyedFrom && keyedFrom != head.KeyedFrom)
        {
            return Broken(0, Math.Min(keyedFrom, head.KeyedFrom ?? keyedFrom),
                $"the chain head says the chain is keyed from line {(head.KeyedFrom is { } k ? N(k) : "(none)")}, but the checkpoints say from line {N(keyedFrom)}");
        }

        var anchored = anchors.Where(c => c.Sequence > head.ArchivedThrough)
            .GroupBy(c => c.Sequence)
            .ToDictionary(g => g.Key, g => g.ToList());
        const int batch = 5000;
        var start = head.ArchivedThrough;
        var expectedSequence = start + 1;
        var previous = start == 0 ? AuditHasher.Genesis : head.ArchivedHash ?? "";
        var after = start;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(batch)
                .ToListAsync(ct);
            foreach (var e in page)
            {
                var verified = expectedSequence - 1 - start;
                if (e.Sequence != expectedSequence)
                {
                    return Broken(verified, expectedSequence, $"line {N(expectedSequence)} is missing (next present: {N(e.Sequence)})");
                }
                if (e.PreviousHash != previous)
                {
                    return Broken(verified, e.Sequence, $"line {N(e.Sequence)} does not follow line {N(e.Sequence - 1)}");
                }
                var keyed = head.KeyedFrom is { } from && e.Sequence >= from;
                if ((keyed ? AuditHasher.Keyed(e, keys.ChainKey) : AuditHasher.Unkeyed(e)) != e.Hash)
                {
                    return Broken(verified, e.Sequence, $"line {N(e.Sequence)} was altered");
                }
                if (anchored.TryGetValue(e.Sequence, out var here) && here.FirstOrDefault(c => c.Hash != e.Hash) is { } differs)
                {
                    return Broken(verified, e.Sequence, $"line {N(e.Sequence)} no longer matches the checkpoint of {At(differs)}");
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
        var count = expectedSequence - 1;
        var entries = count - start;
        if (head.LastSequence != count || head.LastHash != previous)
        {
            return Broken(entries, count + 1, $"the chain head says {N(head.LastSequence)} lines but {N(count)} were found");
        }
        if (anchors.MaxBy(c => c.Sequence) is { } highest && highest.Sequence > count)
        {
            return Broken(entries, count + 1,
                $"lines {N(count + 1)}–{N(highest.Sequence)} are gone: the checkpoint of {At(highest)} anchored the log up to line {N(highest.Sequence)}, and it now ends at line {N(count)}");
        }
        return new(entries, null, null) { Checkpoints = anchors.Count, LastCheckpoint = last, ArchivedThrough = head.ArchivedThrough };
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string At(AuditCheckpoint c) => c.At.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Describe(AuditCheckpoint? c) => c is null ? "" : $" (line {N(c.Sequence)} at {At(c)})";
}
