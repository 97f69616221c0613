using System.Security.Cryptography;
using Qedu.Kernel.Secrets;

namespace Qedu.Kernel.Audit;

/// <summary>
/// The audit log's keys, kept outside the database (<see cref="SecretKeys"/>): the chain key (<c>audit-chain</c>) that
/// keys every line's HMAC, and the checkpoint key derived from it (HMAC of a fixed label, so one file to back up and
/// the two uses never share a key). Loaded once per process.
/// </summary>
public sealed class AuditKeys
{
    public AuditKeys(SecretKeys keys)
    {
        ChainKey = keys.Get("audit-chain");
        Fingerprint = SecretKeys.Fingerprint(ChainKey);
        CheckpointKey = HMACSHA256.HashData(ChainKey, "qedu audit checkpoint"u8);
    }

    public byte[] ChainKey { get; }

    public byte[] CheckpointKey { get; }

    /// <summary>The chain key's fingerprint, recorded in the chain head and in every checkpoint.</summary>
    public string Fingerprint { get; }
}

/// <summary>
/// Audit settings (configuration section <c>Audit</c>): where the signed checkpoints go, how often the web host writes
/// one, how long lines stay in the database before they may be archived.
/// </summary>
public sealed class AuditOptions
{
    /// <summary>网络安全法 §21: network logs are kept for no less than six months.</summary>
    public const int MinimumRetentionMonths = 6;

    public const int DefaultRetentionMonths = 12;

    public required string CheckpointDirectory { get; init; }

    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromHours(1);

    public int RetentionMonths { get; init; } = DefaultRetentionMonths;

    /// <summary>Beside the key directory: <c>…/keys</c> → <c>…/audit</c>.</summary>
    public static string DefaultCheckpointDirectory(string keyDirectory)
    {
        var full = Path.GetFullPath(keyDirectory).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(full) ?? full, "audit");
    }

    /// <summary>Refuses settings that would break the law or the anchoring; the message names the setting.</summary>
    public AuditOptions Validated()
    {
        if (RetentionMonths < MinimumRetentionMonths)
        {
            throw new InvalidOperationException(
                $"Audit:RetentionMonths is {RetentionMonths}; audit lines must be kept at least {MinimumRetentionMonths} months (网络安全法 §21).");
        }
        if (CheckpointInterval <= TimeSpan.Zero || CheckpointInterval > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException(
                $"Audit:CheckpointMinutes is {CheckpointInterval.TotalMinutes}; checkpoints are written at least hourly (1–60).");
        }
        return this;
    }
}
