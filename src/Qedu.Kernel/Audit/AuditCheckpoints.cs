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
/// One chain's head as a checkpoint records it: the position and hash of its last line, from which line it is keyed, and
/// up to which line it was archived (with that line's hash).
/// </summary>
public sealed record AuditChainMark(int Chain, long Position, string Hash, long? KeyedFrom, long ArchivedThrough, string? ArchivedHash)
{
    internal string Payload() => string.Join(':', Chain.ToString(CultureInfo.InvariantCulture), Position.ToString(CultureInfo.InvariantCulture), Hash,
        KeyedFrom?.ToString(CultureInfo.InvariantCulture) ?? "-", ArchivedThrough.ToString(CultureInfo.InvariantCulture), ArchivedHash ?? "-");
}

/// <summary>
/// One anchor of the log outside the database: every chain's head at a time and the key the log is keyed with, signed
/// (HMAC-SHA256 with the checkpoint key).
/// </summary>
public sealed record AuditCheckpoint(DateTimeOffset At, string Key, IReadOnlyList<AuditChainMark> Chains, string Signature)
{
    /// <summary>The lines the log held at the checkpoint, archived ones included.</summary>
    public long Lines => Chains.Sum(c => c.Position);

    /// <summary>The chain's mark, if the checkpoint has one for it.</summary>
    public AuditChainMark? Of(int chain) => Chains.FirstOrDefault(c => c.Chain == chain);

    internal static string Payload(DateTimeOffset at, string key, IEnumerable<AuditChainMark> chains) =>
        string.Join('|', ["qedu-audit-checkpoint/2", at.UtcTicks.ToString(CultureInfo.InvariantCulture), key, .. chains.Select(c => c.Payload())]);

    /// <summary>The payload of a checkpoint written when the log was one chain (format 1).</summary>
    internal static string PayloadOfOneChain(DateTimeOffset at, string key, AuditChainMark c) =>
        string.Join('|', "qedu-audit-checkpoint/1", c.Position.ToString(CultureInfo.InvariantCulture), c.Hash,
            at.UtcTicks.ToString(CultureInfo.InvariantCulture), key, c.KeyedFrom?.ToString(CultureInfo.InvariantCulture) ?? "-",
            c.ArchivedThrough.ToString(CultureInfo.InvariantCulture), c.ArchivedHash ?? "-");

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
            Line? line;
            try
            {
                line = JsonSerializer.Deserialize<Line>(text, Json);
            }
            catch (JsonException)
            {
                line = null;
            }
            var (c, payload) = line?.ToCheckpoint() ?? default;
            if (c is null || payload is null)
            {
                result.Add(new(number, null, "is not a checkpoint"));
                continue;
            }
            if (c.Key != keys.Fingerprint)
            {
                result.Add(new(number, c, $"is signed with another key ({c.Key}; this host's is {keys.Fingerprint})"));
                continue;
            }
            var expected = AuditCheckpoint.Sign(keys.CheckpointKey, payload);
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
    /// Anchors every chain's head as the database has it now. The archive boundaries and the keyed-from lines are taken
    /// from the last checkpoint, not from the database (only <see cref="AuditArchiver"/> moves a boundary, passing it
    /// here), so a boundary an intruder moved in the database is never signed. A chain the last checkpoint does not know
    /// (a log that was one chain then) takes them from the database.
    /// </summary>
    public async Task<AuditCheckpoint> WriteAsync(KernelDb db, IReadOnlyDictionary<int, (long Through, string? Hash)>? archived = null,
        CancellationToken ct = default)
    {
        await Gate.WaitAsync(ct);
        try
        {
            var heads = await db.AuditChainHead.AsNoTracking().OrderBy(h => h.Id).ToListAsync(ct);
            var previous = Read().LastOrDefault(l => l.Problem is null)?.Checkpoint;
            var marks = heads.Select(head =>
            {
                var before = previous?.Of(head.Id);
                var (through, throughHash) = archived is not null && archived.TryGetValue(head.Id, out var moved)
                    ? moved
                    : before is null ? (head.ArchivedThrough, head.ArchivedHash) : (before.ArchivedThrough, before.ArchivedHash);
                return new AuditChainMark(head.Id, head.LastPosition, head.LastHash, before?.KeyedFrom ?? head.KeyedFrom, through, throughHash);
            }).ToList();
            var at = AuditHasher.Truncate(clock.GetUtcNow());
            var checkpoint = new AuditCheckpoint(at, keys.Fingerprint, marks,
                AuditCheckpoint.Sign(keys.CheckpointKey, AuditCheckpoint.Payload(at, keys.Fingerprint, marks)));
            Append(ToJson(checkpoint));
            return checkpoint;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A checkpoint as one line of the file (and of the host's log).</summary>
    public static string ToJson(AuditCheckpoint checkpoint) => JsonSerializer.Serialize(
        new Line { At = checkpoint.At, Key = checkpoint.Key, Chains = [.. checkpoint.Chains], Signature = checkpoint.Signature }, Json);

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

    /// <summary>
    /// A line of the file: format 2 (<c>chains</c>, one mark per chain) or format 1, written when the log was one chain
    /// (<c>sequence</c>, <c>hash</c>… at the top level), read as a mark of chain 1.
    /// </summary>
    private sealed class Line
    {
        public DateTimeOffset At { get; set; }
        public string? Key { get; set; }
        public List<AuditChainMark>? Chains { get; set; }
        public string? Signature { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public long? Sequence { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public string? Hash { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public long? KeyedFrom { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public long? ArchivedThrough { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public string? ArchivedHash { get; set; }

        public (AuditCheckpoint? Checkpoint, string? Payload) ToCheckpoint()
        {
            if (Key is null || Signature is null)
            {
                return default;
            }
            if (Chains is { Count: > 0 } chains && chains.All(c => c.Hash is not null))
            {
                return (new AuditCheckpoint(At, Key, chains, Signature), AuditCheckpoint.Payload(At, Key, chains));
            }
            if (Sequence is { } sequence && Hash is not null)
            {
                var mark = new AuditChainMark(1, sequence, Hash, KeyedFrom, ArchivedThrough ?? 0, ArchivedHash);
                return (new AuditCheckpoint(At, Key, [mark], Signature), AuditCheckpoint.PayloadOfOneChain(At, Key, mark));
            }
            return default;
        }
    }
}
