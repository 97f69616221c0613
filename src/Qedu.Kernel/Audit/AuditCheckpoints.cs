using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Audit;

/// <summary>
/// One anchor of the chain outside the database: the head (sequence and hash) at a time, the key it was keyed with,
/// from which line it is keyed and up to which line it was archived, signed (HMAC-SHA256 with the checkpoint key).
/// </summary>
public sealed record AuditCheckpoint(
    long Sequence,
    string Hash,
    DateTimeOffset At,
    string Key,
    long? KeyedFrom,
    long ArchivedThrough,
    string? ArchivedHash,
    string Signature)
{
    internal static string Payload(long sequence, string hash, DateTimeOffset at, string key, long? keyedFrom, long archivedThrough, string? archivedHash) =>
        string.Join('|', "qedu-audit-checkpoint/1", sequence.ToString(CultureInfo.InvariantCulture), hash,
            at.UtcTicks.ToString(CultureInfo.InvariantCulture), key, keyedFrom?.ToString(CultureInfo.InvariantCulture) ?? "-",
            archivedThrough.ToString(CultureInfo.InvariantCulture), archivedHash ?? "-");

    internal static string Sign(byte[] key, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)));
}

/// <summary>A line of the checkpoint file as read back: its checkpoint when it is one and its signature holds, else what is wrong.</summary>
public sealed record AuditCheckpointLine(int Line, AuditCheckpoint? Checkpoint, string? Problem);

/// <summary>
/// The checkpoint file (<c>checkpoints.jsonl</c> in <see cref="AuditOptions.CheckpointDirectory"/>): one signed JSON
/// line appended per checkpoint, in an owner-only directory the database account cannot write. The web host appends
/// one at start and every <see cref="AuditOptions.CheckpointInterval"/>; <c>qedu audit checkpoint</c> and
/// <c>qedu audit archive</c> append one too. The verifier checks the chain against every line of it.
/// </summary>
public sealed class AuditCheckpoints(AuditOptions options, AuditKeys keys, TimeProvider clock)
{
    public const string FileName = "checkpoints.jsonl";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string FilePath => Path.Combine(options.CheckpointDirectory, FileName);

    /// <summary>Every line of the file, oldest first; none when there is no file yet.</summary>
    public IReadOnlyList<AuditCheckpointLine> Read()
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }
        var result = new List<AuditCheckpointLine>();
        var number = 0;
        foreach (var text in File.ReadLines(FilePath, Encoding.UTF8))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            AuditCheckpoint? c;
            try
            {
                c = JsonSerializer.Deserialize<AuditCheckpoint>(text, Json);
            }
            catch (JsonException)
            {
                c = null;
            }
            if (c is null || c.Hash is null || c.Key is null || c.Signature is null)
            {
                result.Add(new(number, null, "is not a checkpoint"));
                continue;
            }
            if (c.Key != keys.Fingerprint)
            {
                result.Add(new(number, c, $"is signed with another key ({c.Key}; this host's is {keys.Fingerprint})"));
                continue;
            }
            var expected = AuditCheckpoint.Sign(keys.CheckpointKey,
                AuditCheckpoint.Payload(c.Sequence, c.Hash, c.At, c.Key, c.KeyedFrom, c.ArchivedThrough, c.ArchivedHash));
            result.Add(CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(c.Signature))
                ? new(number, c, null)
                : new(number, c, "has a bad signature"));
        }
        return result;
    }

    /// <summary>Anchors the chain's head now, reading it with the kernel's database of this service scope (the CLI's checkpoint command).</summary>
    public Task<AuditCheckpoint> WriteAsync(IServiceProvider scope, CancellationToken ct = default) =>
        WriteAsync(scope.GetRequiredService<KernelDb>(), ct: ct);

    /// <summary>
    /// Anchors the chain's head as the database has it now. The archive boundary and the keyed-from line are taken from
    /// the last checkpoint, not from the database (only <see cref="AuditArchiver"/> moves the boundary, passing it here),
    /// so a boundary an intruder moved in the database is never signed.
    /// </summary>
    public async Task<AuditCheckpoint> WriteAsync(KernelDb db, (long Through, string? Hash)? archived = null, CancellationToken ct = default)
    {
        await Gate.WaitAsync(ct);
        try
        {
            var head = await db.AuditChainHead.AsNoTracking().SingleAsync(h => h.Id == 1, ct);
            var previous = Read().LastOrDefault(l => l.Problem is null)?.Checkpoint;
            var (through, throughHash) = archived
                ?? (previous is null ? (head.ArchivedThrough, head.ArchivedHash) : (previous.ArchivedThrough, previous.ArchivedHash));
            var keyedFrom = previous?.KeyedFrom ?? head.KeyedFrom;
            var at = AuditHasher.Truncate(clock.GetUtcNow());
            var signature = AuditCheckpoint.Sign(keys.CheckpointKey,
                AuditCheckpoint.Payload(head.LastSequence, head.LastHash, at, keys.Fingerprint, keyedFrom, through, throughHash));
            var checkpoint = new AuditCheckpoint(head.LastSequence, head.LastHash, at, keys.Fingerprint, keyedFrom, through, throughHash, signature);
            Append(JsonSerializer.Serialize(checkpoint, Json));
            return checkpoint;
        }
        finally
        {
            Gate.Release();
        }
    }

    private void Append(string line)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(options.CheckpointDirectory);
        }
        else
        {
            Directory.CreateDirectory(options.CheckpointDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var stream = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            stream.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var file = new FileStream(FilePath, stream);
        file.Write(Encoding.UTF8.GetBytes(line + "\n"));
        file.Flush(flushToDisk: true);
    }
}
