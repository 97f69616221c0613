using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Audit;

/// <summary>What an archive run did.</summary>
public sealed record AuditArchiveResult(long From, long Through, long Lines, string? File);

/// <summary>What checking an archive file found.</summary>
public sealed record AuditArchiveCheck(long From, long Through, long Lines, string? Problem)
{
    public bool IsIntact => Problem is null;
}

/// <summary>An archive the rules refuse (a date inside the retention period, a log that does not verify, a file that exists).</summary>
public sealed class AuditArchiveRefusedException(string message) : Exception(message);

/// <summary>
/// Moves the oldest audit lines out of the database into a file, once they are older than the retention period
/// (<see cref="AuditOptions.RetentionMonths"/>, at least six months). The file is JSON lines, UTF-8: a header (the
/// sequence range, the hash the first line follows, from which line the chain is keyed), every line with its hashes,
/// and a trailer signed with the checkpoint key, so it can be verified on its own (<see cref="Check"/>). In one
/// transaction the chain head records the boundary (the last archived line and its hash) and the lines up to it are
/// deleted: the database's triggers allow a DELETE only of lines at or below the boundary the head records, and the
/// boundary may only grow. A checkpoint then records the boundary outside the database; the verifier starts from it and
/// refuses a boundary no checkpoint records.
/// </summary>
public sealed class AuditArchiver(KernelDb db, AuditKeys keys, AuditCheckpoints checkpoints, AuditVerifier verifier, AuditOptions options, TimeProvider clock)
{
    public const string Format = "qedu-audit-archive/1";

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
                $"the audit log does not verify (at line {verification.BrokenAt}: {verification.Problem}); nothing is archived until that is explained.");
        }
        var head = await db.AuditChainHead.AsNoTracking().SingleAsync(h => h.Id == 1, ct);
        var cutoff = new DateTimeOffset(before.ToDateTime(TimeOnly.MinValue), ChinaStandardTime).ToUniversalTime();
        // By sequence, not by time alone: the archive is a prefix of the chain, up to the first line on or after the day.
        var firstKept = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Sequence > head.ArchivedThrough && e.At >= cutoff)
            .MinAsync(e => (long?)e.Sequence, ct) ?? head.LastSequence + 1;
        var from = head.ArchivedThrough + 1;
        var through = firstKept - 1;
        if (through < from)
        {
            return new(from, through, 0, null);
        }

        var partial = file + ".partial";
        var previous = head.ArchivedThrough == 0 ? AuditHasher.Genesis : head.ArchivedHash ?? "";
        string lastHash;
        await using (var stream = new StreamWriter(partial, append: false, new UTF8Encoding(false)))
        {
            await stream.WriteLineAsync(JsonSerializer.Serialize(new ArchiveHeader(Format, from, through, previous, head.KeyedFrom, keys.Fingerprint,
                AuditHasher.Truncate(clock.GetUtcNow())), Json));
            lastHash = previous;
            var after = head.ArchivedThrough;
            while (after < through)
            {
                var page = await db.AuditEntries.AsNoTracking()
                    .Where(e => e.Sequence > after && e.Sequence <= through)
                    .OrderBy(e => e.Sequence).Take(5000).ToListAsync(ct);
                if (page.Count == 0)
                {
                    break;
                }
                foreach (var e in page)
                {
                    await stream.WriteLineAsync(JsonSerializer.Serialize(e, Json));
                    lastHash = e.Hash;
                }
                after = page[^1].Sequence;
            }
            await stream.WriteLineAsync(JsonSerializer.Serialize(
                new ArchiveTrailer(through, lastHash, AuditCheckpoint.Sign(keys.CheckpointKey, TrailerPayload(from, through, previous, lastHash))), Json));
            await stream.FlushAsync(ct);
        }
        var check = Check(partial, keys, []);
        if (!check.IsIntact || check.Lines != through - from + 1)
        {
            File.Delete(partial);
            throw new AuditArchiveRefusedException($"the archive written did not verify ({check.Problem}); nothing was removed.");
        }
        File.Move(partial, file);

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // The boundary first: the triggers let a DELETE through only at or below the boundary the head records.
            var moved = await db.AuditChainHead
                .Where(h => h.Id == 1 && h.ArchivedThrough == head.ArchivedThrough)
                .ExecuteUpdateAsync(h => h.SetProperty(x => x.ArchivedThrough, through).SetProperty(x => x.ArchivedHash, lastHash), ct);
            if (moved != 1)
            {
                throw new AuditArchiveRefusedException("another archive run moved the boundary meanwhile; nothing was removed.");
            }
            await db.AuditEntries.Where(e => e.Sequence <= through).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
        }
        await checkpoints.WriteAsync(db, (through, lastHash), ct);
        return new(from, through, through - from + 1, file);
    }

    /// <summary>
    /// Checks an archive file on its own: every line's hash (keyed or, before keying, plain), the chain from the hash
    /// its header says the first line follows, the signed trailer, and every checkpoint that falls inside it.
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
        if (header is null || header.Format != Format)
        {
            return new(0, 0, 0, $"{file} is not a Qedu audit archive ({Format})");
        }
        if (header.KeyedFrom is not null && header.Key != keys.Fingerprint)
        {
            return new(header.From, header.Through, 0, $"the archive was keyed with key {header.Key}; this host's audit-chain key is {keys.Fingerprint}");
        }
        var bySequence = anchors.GroupBy(c => c.Sequence).ToDictionary(g => g.Key, g => g.ToList());
        var expected = header.From;
        var previous = header.PreviousHash;
        long lines = 0;
        string? text;
        ArchiveTrailer? trailer = null;
        while ((text = reader.ReadLine()) is not null)
        {
            if (text.Contains("\"signature\"", StringComparison.Ordinal) && !text.Contains("\"sequence\"", StringComparison.Ordinal))
            {
                trailer = JsonSerializer.Deserialize<ArchiveTrailer>(text, Json);
                break;
            }
            var e = JsonSerializer.Deserialize<AuditEntry>(text, Json);
            if (e is null || e.Sequence != expected)
            {
                return new(header.From, header.Through, lines, $"line {expected.ToString(CultureInfo.InvariantCulture)} is missing from the archive");
            }
            if (e.PreviousHash != previous)
            {
                return new(header.From, header.Through, lines, $"archived line {e.Sequence.ToString(CultureInfo.InvariantCulture)} does not follow the line before it");
            }
            var keyed = header.KeyedFrom is { } k && e.Sequence >= k;
            if ((keyed ? AuditHasher.Keyed(e, keys.ChainKey) : AuditHasher.Unkeyed(e)) != e.Hash)
            {
                return new(header.From, header.Through, lines, $"archived line {e.Sequence.ToString(CultureInfo.InvariantCulture)} was altered");
            }
            if (bySequence.TryGetValue(e.Sequence, out var here) && here.Any(c => c.Hash != e.Hash))
            {
                return new(header.From, header.Through, lines, $"archived line {e.Sequence.ToString(CultureInfo.InvariantCulture)} does not match its checkpoint");
            }
            previous = e.Hash;
            expected++;
            lines++;
        }
        if (trailer is null || trailer.Through != header.Through || expected - 1 != header.Through || trailer.Hash != previous)
        {
            return new(header.From, header.Through, lines, "the archive is cut short (its end does not match its header)");
        }
        var signature = AuditCheckpoint.Sign(keys.CheckpointKey, TrailerPayload(header.From, header.Through, header.PreviousHash, previous));
        if (signature != trailer.Signature)
        {
            return new(header.From, header.Through, lines, "the archive's signature does not hold");
        }
        if (anchors.FirstOrDefault(c => c.ArchivedThrough == header.Through && c.ArchivedHash != previous) is { } boundary)
        {
            return new(header.From, header.Through, lines, $"the archive's last line differs from the boundary the checkpoint of {boundary.At:u} recorded");
        }
        return new(header.From, header.Through, lines, null);
    }

    private static string TrailerPayload(long from, long through, string previous, string last) =>
        string.Join('|', Format, from.ToString(CultureInfo.InvariantCulture), through.ToString(CultureInfo.InvariantCulture), previous, last);

    private sealed record ArchiveHeader(string Format, long From, long Through, string PreviousHash, long? KeyedFrom, string Key, DateTimeOffset At);

    private sealed record ArchiveTrailer(long Through, string Hash, string Signature);
}
