using Qedu.Kernel.Persistence;
using Qedu.Kernel.Secrets;

namespace Qedu.Kernel.Tests.Secrets;

/// <summary>Keys outside the database: made once, owner-only, the same on every read, refused when damaged.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretKeysTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("qedu-keys-test-").FullName;

    [Fact]
    public void A_key_is_made_on_first_use_owner_only_and_read_back_by_the_next_process()
    {
        var directory = Path.Combine(_root, "keys");
        var first = new SecretKeys(directory).Get("audit-chain");

        var again = new SecretKeys(directory).Get("audit-chain");
        var other = new SecretKeys(directory).Get("personal-data");

        Assert.Equal(32, first.Length);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "audit-chain.key")));
        Assert.Equal(SecretKeys.Fingerprint(first), SecretKeys.Fingerprint(again));
        Assert.NotEqual(SecretKeys.Fingerprint(first), SecretKeys.Fingerprint(other));
    }

    [Fact]
    public void A_damaged_key_file_is_refused_naming_it_and_never_replaced()
    {
        var directory = Path.Combine(_root, "keys");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "personal-data.key");
        File.WriteAllText(path, "not a key");

        var error = Assert.Throws<InvalidOperationException>(() => new SecretKeys(directory).Get("personal-data"));

        Assert.Contains(path, error.Message);
        Assert.Equal("not a key", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("Upper")]
    [InlineData("")]
    public void A_key_name_cannot_leave_the_directory(string name) =>
        Assert.Throws<ArgumentException>(() => new SecretKeys(_root).Get(name));

    [Fact]
    public void By_default_keys_sit_beside_an_sqlite_file_and_under_App_Data_for_postgres()
    {
        var sqlite = DatabaseSettings.Parse(Path.Combine(_root, "data", "qedu.db"), _root);
        var postgres = new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost");

        Assert.Equal(Path.Combine(_root, "data", "keys"), SecretKeys.DefaultDirectory(sqlite, "/srv/qedu"));
        Assert.Equal(Path.Combine("/srv/qedu", "App_Data", "keys"), SecretKeys.DefaultDirectory(postgres, "/srv/qedu"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
