using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Qedu.Kernel.Audit;

/// <summary>The hash chain: SHA-256 over the entry's fields (length-prefixed, so no two entries encode alike) and the previous hash.</summary>
public static class AuditHasher
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditEntry e)
    {
        var sb = new StringBuilder(256);
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
        Field(sb, e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>
    /// Timestamps are kept to the millisecond so a re-read entry hashes alike on both providers: PostgreSQL stores
    /// microseconds, and EF's SQLite DateTimeOffset-to-binary converter keeps only 0.1 ms.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

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
