using System.Security.Cryptography;
using System.Text;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Secrets;

namespace Qedu.Kernel.Tests.PersonalData;

/// <summary>The one encryption of personal-data fields (ADR 11): AES-256-GCM with a key id, and the blind index.</summary>
public sealed class FieldEncryptionTests : IDisposable
{
    private const string Id = "37020220170304701X";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "qedu-tests", $"field-encryption-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private SecretKeys Keys(string name) => new(Path.Combine(_root, name));

    [Fact]
    public void A_value_comes_back_and_its_stored_form_is_new_each_time_and_never_holds_it_in_clear()
    {
        var encryption = new FieldEncryption(Keys("a"));

        var first = encryption.Encrypt(Id);
        var second = encryption.Encrypt(Id);

        Assert.Equal(Id, encryption.Decrypt(first));
        Assert.Equal(Id, encryption.Decrypt(second));
        Assert.NotEqual(first, second); // random nonce: equal IDs do not show as equal on disk
        Assert.DoesNotContain(Id, Encoding.Latin1.GetString(first), StringComparison.Ordinal);
        Assert.Equal(1 + 4 + 12 + Id.Length + 16, first.Length);
    }

    [Fact]
    public void Any_changed_byte_is_refused()
    {
        var encryption = new FieldEncryption(Keys("a"));
        var stored = encryption.Encrypt(Id);
        for (var i = 5; i < stored.Length; i++)
        {
            var changed = (byte[])stored.Clone();
            changed[i] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => encryption.Decrypt(changed));
        }
    }

    [Fact]
    public void The_blind_index_is_the_same_for_the_same_id_in_any_case_and_differs_by_key_and_value()
    {
        var encryption = new FieldEncryption(Keys("a"));
        var index = encryption.Index(Id);

        Assert.Matches("^[0-9a-f]{64}$", index);
        Assert.Equal(index, encryption.Index(Id.ToLowerInvariant()));
        Assert.Equal(index, encryption.Index($" {Id} "));
        Assert.NotEqual(index, encryption.Index("370202201703047026"));
        Assert.NotEqual(index, new FieldEncryption(Keys("b")).Index(Id));
        Assert.Null(encryption.Index(null));
        Assert.Null(encryption.Index("  "));
    }

    [Fact]
    public void A_value_written_under_another_key_names_the_key_file_and_a_previous_key_still_reads_it()
    {
        var old = new FieldEncryption(Keys("a"));
        var stored = old.Encrypt(Id);
        var other = Keys("b");

        var error = Assert.ThrowsAny<CryptographicException>(() => new FieldEncryption(other).Decrypt(stored));
        Assert.Contains(Path.Combine(other.Directory, "personal-data.key"), error.Message, StringComparison.Ordinal);

        // Rotation: the old key kept as personal-data-previous still reads what it wrote; new writes use the new key.
        File.Copy(Path.Combine(_root, "a", "personal-data.key"), Path.Combine(other.Directory, "personal-data-previous.key"));
        var rotated = new FieldEncryption(new SecretKeys(other.Directory));
        Assert.Equal(Id, rotated.Decrypt(stored));
        Assert.False(rotated.IsCurrent(stored));
        Assert.True(rotated.IsCurrent(rotated.Encrypt(Id)));
    }
}
