using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Audit;

/// <summary>
/// What the verifier found. <see cref="Entries"/> counts the lines it checked in the database (after the archive
/// boundaries); when the log is broken, <see cref="BrokenChain"/> and <see cref="BrokenAt"/> name the first line (chain
/// and position in it) that does not fit.
/// </summary>
public sealed record AuditVerification(long Entries, int? BrokenChain, long? BrokenAt, string? Problem)
{
    public bool IsIntact => BrokenAt is null && Problem is null;

    /// <summary>Checkpoints the log was checked against.</summary>
    public int Checkpoints { get; init; }

    /// <summary>The newest of them, when there is one.</summary>
    public AuditCheckpoint? LastCheckpoint { get; init; }

    /// <summary>Lines archived out of the database, all chains together (0: none).</summary>
    public long Archived { get; init; }

    /// <summary>The chains checked.</summary>
    public int Chains { get; init; }
}

/// <summary>
/// Re-computes each chain from its archive boundary (or its first line) to its head and checks it against every
/// checkpoint outside the database. Reports the first thing that does not fit: an altered or missing line, a head that
/// disagrees with its lines, a line that no longer matches a checkpoint, lines gone below a checkpoint (the tail cut and
/// the head moved back), a chain a checkpoint knew that is gone, a checkpoint with a bad signature, or an archive
/// boundary or keying no checkpoint records. Lines are named "chain C line P" (P: the position in chain C).
/// </summary>
public sealed class AuditVerifier(KernelDb db, AuditKeys keys, AuditCheckpoints checkpoints)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var heads = await db.AuditChainHead.AsNoTracking().OrderBy(h => h.Id).ToListAsync(ct);
        var lines = checkpoints.Read();
        if (lines.FirstOrDefault(l => l.Problem is not null) is { } bad)
        {
            return new(0, null, 0, $"checkpoint {N(bad.Line)} of {checkpoints.FilePath}{Describe(bad.Checkpoint)} {bad.Problem}");
        }
        var anchors = lines.Select(l => l.Checkpoint!).ToList();
        var last = anchors.LastOrDefault();
        var archived = heads.Sum(h => h.ArchivedThrough);
        long entries = 0;
        AuditVerification Broken(int chain, long at, string problem) =>
            new(entries, chain, at, problem) { Checkpoints = anchors.Count, LastCheckpoint = last, Archived = archived, Chains = heads.Count };

        if (last is not null && last.Chains.FirstOrDefault(m => heads.All(h => h.Id != m.Chain)) is { } gone)
        {
            return Broken(gone.Chain, 1, $"chain {N(gone.Chain)} is gone: the checkpoint of {At(last)} anchored it up to line {N(gone.Position)}");
        }
        foreach (var head in heads)
        {
            var problem = await VerifyChainAsync(head, anchors, ct);
            entries += problem.Entries;
            if (problem.At is { } at)
            {
                return Broken(head.Id, at, $"chain {N(head.Id)}: {problem.Text}");
            }
        }
        return new(entries, null, null, null) { Checkpoints = anchors.Count, LastCheckpoint = last, Archived = archived, Chains = heads.Count };
    }

    private async Task<(long Entries, long? At, string? Text)> VerifyChainAsync(AuditChainHead head, List<AuditCheckpoint> anchors, CancellationToken ct)
    {
        var chain = head.Id;
        var marks = anchors.Select(c => (Checkpoint: c, Mark: c.Of(chain))).Where(m => m.Mark is not null).Select(m => (m.Checkpoint, Mark: m.Mark!)).ToList();
        var last = marks.Count > 0 ? marks[^1] : default;
        if (head.KeyFingerprint is { } fingerprint && fingerprint != keys.Fingerprint)
        {
            return (0, head.KeyedFrom ?? 1,
                $"the chain is keyed with key {fingerprint} but this host's audit-chain key is {keys.Fingerprint}: restore the key file from the backup");
        }
        if (last.Mark is { } lastMark && (lastMark.ArchivedThrough != head.ArchivedThrough || lastMark.ArchivedHash != head.ArchivedHash))
        {
            return (0, Math.Min(lastMark.ArchivedThrough, head.ArchivedThrough) + 1,
                $"the database says lines up to {N(head.ArchivedThrough)} were archived, but the last checkpoint ({At(last.Checkpoint)}) says up to {N(lastMark.ArchivedThrough)}");
        }
        if (marks.LastOrDefault(m => m.Mark.KeyedFrom is not null).Mark?.KeyedFrom is { } keyedFrom && keyedFrom != head.KeyedFrom)
        {
            return (0, Math.Min(keyedFrom, head.KeyedFrom ?? keyedFrom),
                $"the chain head says the chain is keyed from line {(head.KeyedFrom is { } k ? N(k) : "(none)")}, but the checkpoints say from line {N(keyedFrom)}");
        }

        var anchored = marks.Where(m => m.Mark.Position > head.ArchivedThrough)
            .GroupBy(m => m.Mark.Position)
            .ToDictionary(g => g.Key, g => g.ToList());
        const int batch = 5000;
        var start = head.ArchivedThrough;
        var expected = start + 1;
        var previous = start == 0 ? AuditHasher.Genesis : head.ArchivedHash ?? "";
        var after = start;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Chain == chain && e.Position > after)
                .OrderBy(e => e.Position)
                .Take(batch)
                .ToListAsync(ct);
            foreach (var e in page)
            {
                var verified = expected - 1 - start;
                if (e.Position != expected)
                {
                    return (verified, expected, $"line {N(expected)} is missing (next present: {N(e.Position)})");
                }
                if (e.PreviousHash != previous)
                {
                    return (verified, e.Position, $"line {N(e.Position)} does not follow line {N(e.Position - 1)}");
                }
                var keyed = head.KeyedFrom is { } from && e.Position >= from;
                if ((keyed ? AuditHasher.Keyed(e, keys.ChainKey) : AuditHasher.Unkeyed(e)) != e.Hash)
                {
                    return (verified, e.Position, $"line {N(e.Position)} (log line {N(e.Sequence)}) was altered");
                }
                if (anchored.TryGetValue(e.Position, out var here) && here.FirstOrDefault(m => m.Mark.Hash != e.Hash) is { Checkpoint: { } differs })
                {
                    return (verified, e.Position, $"line {N(e.Position)} (log line {N(e.Sequence)}) no longer matches the checkpoint of {At(differs)}");
                }
                previous = e.Hash;
                expected++;
            }
            if (page.Count < batch)
            {
                break;
            }
            after = page[^1].Position;
        }
        var count = expected - 1;
        var entries = count - start;
        if (head.LastPosition != count || head.LastHash != previous)
        {
            return (entries, count + 1, $"the chain head says {N(head.LastPosition)} lines but {N(count)} were found");
        }
        if (marks.Count > 0 && marks.MaxBy(m => m.Mark.Position) is { } highest && highest.Mark.Position > count)
        {
            return (entries, count + 1,
                $"lines {N(count + 1)}–{N(highest.Mark.Position)} are gone: the checkpoint of {At(highest.Checkpoint)} anchored the chain up to line {N(highest.Mark.Position)}, and it now ends at line {N(count)}");
        }
        return (entries, null, null);
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string At(AuditCheckpoint c) => c.At.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Describe(AuditCheckpoint? c) => c is null ? "" : $" (at {At(c)})";
}
