using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Data;
using Qedu.Kernel.PersonalData;

namespace Qedu.Kernel.Secrets;

/// <summary>The fingerprint of a key kept outside the database, stored in it beside what the key protects.</summary>
public sealed class KeyFingerprint
{
    public required string Name { get; set; }
    public required string Fingerprint { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// Refuses to start on a database whose data is protected by other keys than the ones in the key directory (a lost,
/// swapped or freshly made key file), naming the file; otherwise a new key would silently write data the old one
/// cannot read, and look-ups by blind index would find nothing. The first start records the fingerprints.
/// </summary>
public sealed class KeyFingerprints(KernelDb db, SecretKeys keys, TimeProvider clock)
{
    /// <summary>The keys whose loss or swap matters to data in the database.</summary>
    public static readonly IReadOnlyList<string> Names = [FieldEncryption.KeyName, FieldEncryption.IndexKeyName, KeyRingEncryption.KeyName];

    public async Task EnsureAsync(CancellationToken ct = default)
    {
        var stored = await db.KeyFingerprints.ToDictionaryAsync(k => k.Name, StringComparer.Ordinal, ct);
        foreach (var name in Names)
        {
            var fingerprint = SecretKeys.Fingerprint(keys.Get(name));
            if (!stored.TryGetValue(name, out var known))
            {
                db.KeyFingerprints.Add(new KeyFingerprint { Name = name, Fingerprint = fingerprint, RecordedAt = clock.GetUtcNow() });
            }
            else if (known.Fingerprint != fingerprint)
            {
                throw new InvalidOperationException(
                    $"The key file {Path.Combine(keys.Directory, name + ".key")} (fingerprint {fingerprint}) is not the key this database's data " +
                    $"was protected with (fingerprint {known.Fingerprint}). Restore that file from the key backup, or point Security:KeyDirectory " +
                    "(QEDU_KEYS for the command line) at the directory that holds it.");
            }
        }
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
