using Microsoft.EntityFrameworkCore;

namespace Qedu.Kernel.Idempotency;

/// <summary>
/// One <c>Idempotency-Key</c> a caller used on a write, with the fingerprint of the body it came with and the answer it
/// got. It is written in the same transaction as the write itself, so a key is recorded exactly when its work is: a crash
/// before the commit leaves neither, and a retry with the same key does the work once. A module that takes keys maps the
/// table into its own model (<see cref="IdempotencyModel.MapIdempotencyRecords"/>), so the record commits with its data.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }

    /// <summary>Whose key it is (e.g. "parent:{account id}"): keys are unique per caller, never across callers.</summary>
    public string Owner { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of the request body (hex): the same key with another body is refused (422).</summary>
    public string Fingerprint { get; set; } = "";

    public int StatusCode { get; set; }

    /// <summary>The Location header of the answer, if any.</summary>
    public string? Location { get; set; }

    /// <summary>The answer's JSON body, replayed as it was.</summary>
    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The mapping of <see cref="IdempotencyRecord"/> into a module's model.</summary>
public static class IdempotencyModel
{
    /// <summary>Maps the module's table of idempotency keys ("idempotency_keys", in the module's schema).</summary>
    public static void MapIdempotencyRecords(this ModelBuilder builder) =>
        builder.Entity<IdempotencyRecord>(b =>
        {
            b.ToTable("idempotency_keys");
            b.HasIndex(x => new { x.Owner, x.Key }).IsUnique();
            b.HasIndex(x => x.CreatedAt);
            b.Property(x => x.Owner).HasMaxLength(64);
            b.Property(x => x.Key).HasMaxLength(IdempotencyKeys.MaxKeyLength);
            b.Property(x => x.Fingerprint).HasMaxLength(64);
            b.Property(x => x.Location).HasMaxLength(200);
            b.Property(x => x.Body).HasMaxLength(4000);
        });
}
