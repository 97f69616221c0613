using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Files;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Tests.Files;

/// <summary>Files kept by content hash on disk: stored once, readable, removable, owner-only, never outside the directory.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DiskFileStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("qedu-store-test-").FullName;

    private DiskFileStore Store() => new(Path.Combine(_root, "files"));

    private static MemoryStream Content(string text) => new(Encoding.UTF8.GetBytes(text));

    private static List<string> StoredFiles(DiskFileStore store) =>
        [.. Directory.EnumerateFiles(store.Directory, "*", SearchOption.AllDirectories)];

    [Fact]
    public async Task The_hash_is_the_contents_sha256_and_the_same_content_is_stored_once()
    {
        var store = Store();
        var bytes = Encoding.UTF8.GetBytes("入学通知书 2026");

        var first = await store.PutAsync(new MemoryStream(bytes));
        var second = await store.PutAsync(new MemoryStream(bytes));
        var other = await store.PutAsync(Content("another file"));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), first.Hash);
        Assert.Equal(bytes.Length, first.Length);
        Assert.Equal(first, second);
        Assert.NotEqual(first.Hash, other.Hash);
        var files = StoredFiles(store);
        Assert.Equal(2, files.Count);
        // Fanned out by the hash's first two pairs of characters, and nothing temporary left behind.
        Assert.Contains(Path.Combine(store.Directory, first.Hash[..2], first.Hash[2..4], first.Hash), files);
    }

    [Fact]
    public async Task Concurrent_puts_of_the_same_content_all_succeed_and_leave_one_file()
    {
        var store = Store();
        var bytes = RandomNumberGenerator.GetBytes(300_000);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.PutAsync(new MemoryStream(bytes)))));

        Assert.All(results, r => Assert.Equal(FileHash.Of(bytes), r.Hash));
        var file = Assert.Single(StoredFiles(store));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task A_stored_file_opens_with_its_bytes_and_is_gone_after_delete()
    {
        var store = Store();
        var stored = await store.PutAsync(Content("证明材料"));

        Assert.True(await store.ExistsAsync(stored.Hash));
        await using (var stream = await store.OpenAsync(stored.Hash.ToUpperInvariant()))
        {
            Assert.NotNull(stream);
            using var reader = new StreamReader(stream);
            Assert.Equal("证明材料", await reader.ReadToEndAsync());
        }

        Assert.True(await store.DeleteAsync(stored.Hash));
        Assert.False(await store.ExistsAsync(stored.Hash));
        Assert.Null(await store.OpenAsync(stored.Hash));
        Assert.False(await store.DeleteAsync(stored.Hash));
    }

    [Fact]
    public async Task Nothing_stored_under_a_hash_opens_as_null()
    {
        var store = Store();

        Assert.Null(await store.OpenAsync(FileHash.Of("never stored"u8)));
        Assert.False(await store.ExistsAsync(FileHash.Of("never stored"u8)));
    }

    [Theory]
    [InlineData("../../../../etc/passwd")]
    [InlineData("../files/00/00/0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("3fa9")]
    [InlineData("g000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("")]
    public async Task A_hash_that_is_not_64_hex_characters_is_refused_before_any_path_is_touched(string hash)
    {
        var store = Store();
        // A file the traversal would reach if the hash were used as a path.
        var outside = Path.Combine(_root, "outside.txt");
        await File.WriteAllTextAsync(outside, "not the store's");

        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenAsync(hash));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ExistsAsync(hash));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(hash));

        Assert.True(File.Exists(outside));
        Assert.False(FileHash.IsValid(hash));
    }

    [Fact]
    public async Task The_directory_and_files_are_owner_only()
    {
        var store = Store();
        Directory.CreateDirectory(store.Directory);
        File.SetUnixFileMode(store.Directory, (UnixFileMode)Convert.ToInt32("755", 8));

        var stored = await store.PutAsync(Content("家庭户口簿"));

        var ownerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Assert.Equal(ownerOnlyDirectory, File.GetUnixFileMode(store.Directory));
        Assert.Equal(ownerOnlyDirectory, File.GetUnixFileMode(Path.Combine(store.Directory, stored.Hash[..2])));
        Assert.Equal(ownerOnlyDirectory, File.GetUnixFileMode(Path.Combine(store.Directory, stored.Hash[..2], stored.Hash[2..4])));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StoredFiles(store).Single()));
    }

    [Fact]
    public void By_default_the_store_is_beside_an_sqlite_file_else_in_App_Data_under_the_content_root()
    {
        var sqlite = DatabaseSettings.Parse(Path.Combine(_root, "data", "qedu.db"), _root);
        var postgres = DatabaseSettings.Parse("Host=localhost;Database=qedu", _root);

        Assert.Equal(Path.Combine(_root, "data", "files"), DiskFileStore.DefaultDirectory(sqlite, "/srv/web"));
        Assert.Equal(Path.Combine("/srv/web", "App_Data", "files"), DiskFileStore.DefaultDirectory(postgres, "/srv/web"));
    }

    [Fact]
    public void The_kernel_registers_a_store_at_the_default_directory_unless_the_host_registered_one()
    {
        var settings = DatabaseSettings.Parse(Path.Combine(_root, "db", "qedu.db"), _root);
        var plain = new ServiceCollection().AddQeduKernel(settings, AccessContext.Anonymous);
        var configured = new ServiceCollection().AddSingleton<IFileStore>(new DiskFileStore(Path.Combine(_root, "elsewhere")));
        configured.AddQeduKernel(settings, AccessContext.Anonymous);

        using var plainServices = plain.BuildServiceProvider();
        using var configuredServices = configured.BuildServiceProvider();

        Assert.Equal(Path.Combine(_root, "db", "files"), Assert.IsType<DiskFileStore>(plainServices.GetRequiredService<IFileStore>()).Directory);
        Assert.Equal(Path.Combine(_root, "elsewhere"), Assert.IsType<DiskFileStore>(configuredServices.GetRequiredService<IFileStore>()).Directory);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
