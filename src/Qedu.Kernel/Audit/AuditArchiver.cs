using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Audit;

/// <summary>What an archive run did: how many lines moved to <see cref="File"/>, from how many chains.</summary>
public sealed record AuditArchiveResult(long Lines, int Chains, string? File);

/// <summary>What checking an archive file found.</summary>
public sealed record AuditArchiveCheck(long Lines, int Chains, string? Problem)
{
    public bool IsIntact => Problem is null;
}

/// <summary>An archive the rules refuse (a date inside the retention period, a log that does not verify, a file that exists).</summary>
public sealed class AuditArchiveRefusedException(string message) : Exception(message);

/// <summary>
/// Moves the oldest audit lines out of the database into a file, once they are older than the retention period
/// (<see cref="AuditOptions.RetentionMonths"/>, at least six months). The file is JSON lines, UTF-8: a header (per chain,
/// the range of positions, the hash the first line follows, from which line the chain is keyed), every line with its
/// hashes (chain by chain, in order), and a trailer signed with the checkpoint key, so it can be verified on its own
/// (<see cref="Check"/>). In one transaction each chain's head records its boundary (the last archived line and its
/// hash) and the lines up to it are deleted: the database's triggers allow a DELETE only of lines at or below the
/// boundary their chain's head records, and a boundary may only grow. A checkpoint then records the boundaries outside
/// the database; the verifier starts from them and refuses a boundary no checkpoint records.
/// </summary>
public sealed class AuditArchiver(KernelDb db, AuditKeys keys, AuditCheckpoints checkpoints, AuditVerifier verifier, AuditOptions options, TimeProvider clock)
{
    public const string Format = "qedu-audit-archive/2";

    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The first day (China Standard Time) whose lines must still be kept today.</summary>
    public DateOnly OldestKeptDay()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaStandardTime).DateTime);
        return today.AddMonths(-options.RetentionMonths);
    }

    /// <summary>Archives the lines written before <paramref name="before"/> (a China Standard Time day) to <paramref name="file"/>, then removes them.</summary>
    public async Task<AuditArchiveResult> ArchiveAsync(DateOnly before, string file, CancellationToken ct = default)
    {
        if (before > OldestKeptDay())
        {
            throw new AuditArchiveRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"{before:yyyy-MM-dd} is inside the retention period of {options.RetentionMonths} months: lines from {OldestKeptDay():yyyy-MM-dd} on must stay in the database."));
        }
        if (File.Exists(file))
        {
            throw new AuditArchiveRefusedException($"{file} exists already; an archive is never overwritten.");
        }
        var verification = await verifier.VerifyAsync(ct);
        if (!verification.IsIntact)
        {
            throw new AuditArchiveRefusedException(
                $"the audit log does not verify ({verification.Problem}); nothing is archived until that is explained.");
        }
        var heads = await db.AuditChainHead.AsNoTracking().OrderBy(h => h.Id).ToListAsync(ct);
        var cutoff = new DateTimeOffset(before.ToDateTime(TimeOnly.MinValue), ChinaStandardTime).ToUniversalTime();
        var ranges = new List<ArchiveRange>();
        foreach (var head in heads)
        {
            // By position, not by time alone: the archive is a prefix of each chain, up to its first line on or after the day.
            var firstKept = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Chain == head.Id && e.Position > head.ArchivedThrough && e.At >= cutoff)
                .MinAsync(e => (long?)e.Position, ct) ?? head.LastPosition + 1;
            if (firstKept - 1 > head.ArchivedThrough)
            {
                ranges.Add(new(head.Id, head.ArchivedThrough + 1, firstKept - 1,
                    head.ArchivedThrough == 0 ? AuditHasher.Genesis : head.ArchivedHash ?? "", head.KeyedFrom));
            }
        }
        if (ranges.Count == 0)
        {
            return new(0, 0, null);
        }

        var partial = file + ".partial";
        var ends = new List<ArchiveEnd>();
        await using (var stream = new StreamWriter(partial, append: false, new UTF8Encoding(false)))
        {
            await stream.WriteLineAsync(JsonSerializer.Serialize(new ArchiveHeader(Format, keys.Fingerprint, AuditHasher.Truncate(clock.GetUtcNow()), ranges), Json));
            foreach (var range in ranges)
            {
                var lastHash = range.PreviousHash;
                var after = range.From - 1;
                while (after < range.Through)
                {
                    var page = await db.AuditEntries.AsNoTracking()
                        .Where(e => e.Chain == range.Chain && e.Position > after && e.Position <= range.Through)
                        .OrderBy(e => e.Position).Take(5000).ToListAsync(ct);
                    if (page.Count == 0)
                    {
                        break;
                    }
                    foreach (var e in page)
                    {
                        await stream.WriteLineAsync(JsonSerializer.Serialize(e, Json));
                        lastHash = e.Hash;
                    }
                    after = page[^1].Position;
                }
                ends.Add(new(range.Chain, range.Through, lastHash));
            }
            await stream.WriteLineAsync(JsonSerializer.Serialize(
                new ArchiveTrailer(ends, AuditCheckpoint.Sign(keys.CheckpointKey, TrailerPayload(ranges, ends))), Json));
            await stream.FlushAsync(ct);
        }
        var lines = ranges.Sum(r => r.Through - r.From + 1);
        var check = Check(partial, keys, []);
        if (!check.IsIntact || check.Lines != lines)
        {
            File.Delete(partial);
            throw new AuditArchiveRefusedException($"the archive written did not verify ({check.Problem}); nothing was removed.");
        }
        File.Move(partial, file);

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var (range, end) in ranges.Zip(ends))
            {
                // The boundary first: the triggers let a DELETE through only at or below the boundary the head records.
                var moved = await db.AuditChainHead
                    .Where(h => h.Id == range.Chain && h.ArchivedThrough == range.From - 1)
                    .ExecuteUpdateAsync(h => h.SetProperty(x => x.ArchivedThrough, range.Through).SetProperty(x => x.ArchivedHash, end.Hash), ct);
                if (moved != 1)
                {
                    throw new AuditArchiveRefusedException("another archive run moved the boundary meanwhile; nothing was removed.");
                }
                await db.AuditEntries.Where(e => e.Chain == range.Chain && e.Position <= range.Through).ExecuteDeleteAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        await checkpoints.WriteAsync(db, ends.ToDictionary(e => e.Chain, e => (e.Through, (string?)e.Hash)), ct);
        return new(lines, ranges.Count, file);
    }

    /// <summary>
    /// Checks an archive file on its own: every line's hash (keyed or, before keying, plain), each chain from the hash its
    /// header says the chain's first line follows, the signed trailer, and every checkpoint that falls inside it.
    /// </summary>
    public static AuditArchiveCheck Check(string file, AuditKeys keys, IReadOnlyList<AuditCheckpoint> anchors)
    {
        using var reader = new StreamReader(file, Encoding.UTF8);
        ArchiveHeader? header;
        try
        {
            header = JsonSerializer.Deserialize<ArchiveHeader>(reader.ReadLine() ?? "", Json);
        }
        catch (JsonException)
        {
            header = null;
        }
        if (header is null || header.Format != Format || header.Chains is null)
        {
            return new(0, 0, $"{file} is not a Qedu audit archive ({Format})");
        }
        var chains = header.Chains.Count;
        if (header.Chains.Any(r => r.KeyedFrom is not null) && header.Key != keys.Fingerprint)
        {
            return new(0, chains, $"the archive was keyed with key {header.Key}; this host's audit-chain key is {keys.Fingerprint}");
        }
        var state = header.Chains.ToDictionary(r => r.Chain, r => (Range: r, Expected: r.From, Previous: r.PreviousHash));
        long lines = 0;
        string? text;
        ArchiveTrailer? trailer = null;
        string N(long value) => value.ToString(CultureInfo.InvariantCulture);
        while ((text = reader.ReadLine()) is not null)
        {
            if (text.Contains("\"signature\"", StringComparison.Ordinal) && !text.Contains("\"sequence\"", StringComparison.Ordinal))
            {
                trailer = JsonSerializer.Deserialize<ArchiveTrailer>(text, Json);
                break;
            }
            var e = JsonSerializer.Deserialize<AuditEntry>(text, Json);
            if (e is null || !state.TryGetValue(e.Chain, out var chain))
            {
                return new(lines, chains, $"line {N(lines + 2)} of the file belongs to no chain the header names");
            }
            if (e.Position != chain.Expected)
            {
                return new(lines, chains, $"chain {N(e.Chain)} line {N(chain.Expected)} is missing from the archive");
            }
            if (e.PreviousHash != chain.Previous)
            {
                return new(lines, chains, $"chain {N(e.Chain)} archived line {N(e.Position)} does not follow the line before it");
            }
            var keyed = chain.Range.KeyedFrom is { } k && e.Position >= k;
            if ((keyed ? AuditHasher.Keyed(e, keys.ChainKey) : AuditHasher.Unkeyed(e)) != e.Hash)
            {
                return new(lines, chains, $"chain {N(e.Chain)} archived line {N(e.Position)} was altered");
            }
            if (anchors.Any(c => c.Of(e.Chain) is { } mark && mark.Position == e.Position && mark.Hash != e.Hash))
            {
                return new(lines, chains, $"chain {N(e.Chain)} archived line {N(e.Position)} does not match its checkpoint");
            }
            state[e.Chain] = (chain.Range, chain.Expected + 1, e.Hash);
            lines++;
        }
        var ends = header.Chains.Select(r => new ArchiveEnd(r.Chain, state[r.Chain].Expected - 1, state[r.Chain].Previous)).ToList();
        if (trailer?.Chains is null || header.Chains.Any(r => state[r.Chain].Expected - 1 != r.Through)
            || !trailer.Chains.SequenceEqual(ends))
        {
            return new(lines, chains, "the archive is cut short (its end does not match its header)");
        }
        if (AuditCheckpoint.Sign(keys.CheckpointKey, TrailerPayload(header.Chains, ends)) != trailer.Signature)
        {
            return new(lines, chains, "the archive's signature does not hold");
        }
        foreach (var end in ends)
        {
            if (anchors.FirstOrDefault(c => c.Of(end.Chain) is { } mark && mark.ArchivedThrough == end.Through && mark.ArchivedHash != end.Hash) is { } boundary)
            {
                return new(lines, chains, $"chain {N(end.Chain)}: the archive's last line differs from the boundary the checkpoint of {boundary.At:u} recorded");
            }
        }
        return new(lines, chains, null);
    }

    private static string TrailerPayload(IEnumerable<ArchiveRange> ranges, IEnumerable<ArchiveEnd> ends) =>
        string.Join('|', [Format, .. ranges.Zip(ends).Select(p => string.Join(':',
            p.First.Chain.ToString(CultureInfo.InvariantCulture), p.First.From.ToString(CultureInfo.InvariantCulture),
            p.Second.Through.ToString(CultureInfo.InvariantCulture), p.First.PreviousHash, p.Second.Hash))]);

    /// <summary>One chain's part of an archive: its lines <see cref="From"/>–<see cref="Through"/>, the first following <see cref="PreviousHash"/>.</summary>
    private sealed record ArchiveRange(int Chain, long From, long Through, string PreviousHash, long? KeyedFrom);

    private sealed record ArchiveEnd(int Chain, long Through, string Hash);

    private sealed record ArchiveHeader(string Format, string Key, DateTimeOffset At, List<ArchiveRange> Chains);

    private sealed record ArchiveTrailer(List<ArchiveEnd> Chains, string Signature);
}
