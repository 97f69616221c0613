using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Qedu.Kernel.Audit;

/// <summary>
/// The hash chain. Each line's hash covers its fields (length-prefixed, so no two lines encode alike) and the previous
/// line's hash. Lines are keyed: HMAC-SHA256 with the audit-chain key, which lives outside the database, so someone
/// with database access alone cannot recompute the chain after editing a line. Lines written before the chain was keyed
/// (<see cref="AuditChainHead.KeyedFrom"/>) keep their plain SHA-256 hash and are checked as such.
/// </summary>
public static class AuditHasher
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>A keyed line: HMAC-SHA256 over the fields, the outcome included, under a version tag.</summary>
    public static string Keyed(AuditEntry e, byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encode(e, keyed: true)));

    /// <summary>A line from before keying: SHA-256 over the fields as they were then (no outcome).</summary>
    public static string Unkeyed(AuditEntry e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encode(e, keyed: false)));

    /// <summary>
    /// Timestamps are kept to the millisecond so a re-read entry hashes alike on both providers: PostgreSQL stores
    /// microseconds, and EF's SQLite DateTimeOffset-to-binary converter keeps only 0.1 ms.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    private static byte[] Encode(AuditEntry e, bool keyed)
    {
        var sb = new StringBuilder(256);
        if (keyed)
        {
            sb.Append("qedu-audit/2;");
        }
        Field(sb, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(sb, e.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Field(sb, e.ActorKind.ToString());
        Field(sb, e.ActorId);
        Field(sb, e.ActorName);
        Field(sb, e.ActorScope);
        Field(sb, e.Action);
        Field(sb, e.EntityType);
        Field(sb, e.EntityKey);
        Field(sb, e.OrgUnitId?.ToString(CultureInfo.InvariantCulture));
        Field(sb, e.ClientAddress);
        Field(sb, e.Details);
        if (keyed)
        {
            Field(sb, e.Outcome?.ToString());
        }
        Field(sb, e.PreviousHash);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static void Field(StringBuilder sb, string? value)
    {
        if (value is null)
        {
            sb.Append("-1:");
            return;
        }
        sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
    }
}
