using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.Files;
using Qedu.Kernel.Persistence;
using Qedu.Testing;

namespace Qedu.Kernel.Tests.Files;

/// <summary>
/// Files kept in the kernel's tables (the store every node reaches): chunked, stored once, whole or not at all,
/// readable chunk by chunk and seekable, removable. Runs on both databases: the tables exist on SQLite too, though only
/// PostgreSQL offers the store (<see cref="FileStores.Choose"/>).
/// </summary>
public sealed class DatabaseFileStoreTests : IAsyncLifetime
{
    private KernelHost? _host;
    private KernelHost Host => _host!;

    public async Task InitializeAsync() => _host = await KernelHost.CreateSeededAsync(seed: false);

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private DatabaseFileStore Store() => ActivatorUtilities.CreateInstance<DatabaseFileStore>(Host.Services);

    private async Task<(int Files, int Chunks)> RowsAsync()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
        return (await db.StoredFiles.CountAsync(), await db.StoredFileChunks.CountAsync());
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    [Fact]
    public async Task A_file_of_several_chunks_is_stored_once_under_its_sha256_and_reads_back_whole()
    {
        var store = Store();
        var bytes = RandomNumberGenerator.GetBytes(DatabaseFileStore.ChunkSize * 2 + 123_456);

        var first = await store.PutAsync(new MemoryStream(bytes));
        var again = await store.PutAsync(new MemoryStream(bytes));

        Assert.Equal(FileHash.Of(bytes), first.Hash);
        Assert.Equal(bytes.Length, first.Length);
        Assert.Equal(first, again);
        // Three chunks, once: the second put's chunks were rolled back.
        Assert.Equal((1, 3), await RowsAsync());
        Assert.True(await store.ExistsAsync(first.Hash.ToUpperInvariant()));
        await using var stream = await store.OpenAsync(first.Hash);
        Assert.NotNull(stream);
        Assert.Equal(bytes.Length, stream.Length);
        Assert.Equal(bytes, await ReadAllAsync(stream));
    }

    [Fact]
    public async Task A_reader_can_seek_and_read_across_a_chunk_boundary_synchronously_too()
    {
        var store = Store();
        var bytes = RandomNumberGenerator.GetBytes(DatabaseFileStore.ChunkSize + 5_000);
        var stored = await store.PutAsync(new MemoryStream(bytes));

        await using var stream = (await store.OpenAsync(stored.Hash))!;
        stream.Seek(DatabaseFileStore.ChunkSize - 10, SeekOrigin.Begin);
        var across = new byte[30];
        var read = 0;
        while (read < across.Length && stream.Read(across, read, across.Length - read) is var n and > 0)
        {
            read += n;
        }

        Assert.Equal(30, read);
        Assert.Equal(bytes.AsSpan(DatabaseFileStore.ChunkSize - 10, 30).ToArray(), across);
        stream.Seek(-4, SeekOrigin.End);
        Assert.Equal(bytes[^4..], await ReadAllAsync(stream));
        Assert.Equal(0, await stream.ReadAsync(new byte[8]));
    }

    [Fact]
    public async Task An_empty_file_is_stored_and_opens_empty()
    {
        var store = Store();

        var stored = await store.PutAsync(new MemoryStream());

        Assert.Equal(FileHash.Of([]), stored.Hash);
        Assert.Equal(0, stored.Length);
        await using var stream = (await store.OpenAsync(stored.Hash))!;
        Assert.Empty(await ReadAllAsync(stream));
    }

    [Fact]
    public async Task A_put_whose_stream_fails_part_way_leaves_nothing()
    {
        var store = Store();
        var failing = new FailingStream(RandomNumberGenerator.GetBytes(DatabaseFileStore.ChunkSize * 2), failAfter: DatabaseFileStore.ChunkSize + 10);

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync(failing));

        Assert.Equal((0, 0), await RowsAsync());
    }

    [Fact]
    public async Task A_deleted_file_is_gone_with_its_chunks_and_deleting_again_says_so()
    {
        var store = Store();
        var kept = await store.PutAsync(new MemoryStream(RandomNumberGenerator.GetBytes(1_000)));
        var removed = await store.PutAsync(new MemoryStream(RandomNumberGenerator.GetBytes(DatabaseFileStore.ChunkSize + 1)));

        Assert.True(await store.DeleteAsync(removed.Hash));

        Assert.False(await store.ExistsAsync(removed.Hash));
        Assert.Null(await store.OpenAsync(removed.Hash));
        Assert.False(await store.DeleteAsync(removed.Hash));
        Assert.True(await store.ExistsAsync(kept.Hash));
        Assert.Equal((1, 1), await RowsAsync());
    }

    [Fact]
    public async Task Concurrent_puts_of_the_same_content_all_succeed_and_keep_it_once()
    {
        var store = Store();
        var bytes = RandomNumberGenerator.GetBytes(300_000);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.PutAsync(new MemoryStream(bytes)))));

        Assert.All(results, r => Assert.Equal(FileHash.Of(bytes), r.Hash));
        Assert.Equal((1, 1), await RowsAsync());
        await using var stream = (await store.OpenAsync(results[0].Hash))!;
        Assert.Equal(bytes, await ReadAllAsync(stream));
    }

    [Theory]
    [InlineData("3fa9")]
    [InlineData("../files/00")]
    [InlineData("g000000000000000000000000000000000000000000000000000000000000000")]
    public async Task A_hash_that_is_not_64_hex_characters_is_refused(string hash)
    {
        var store = Store();

        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenAsync(hash));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ExistsAsync(hash));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(hash));
    }

    [Fact]
    public void The_store_defaults_to_the_database_on_PostgreSQL_and_to_disk_on_SQLite_and_refuses_what_cannot_work()
    {
        var postgres = DatabaseSettings.Parse("Host=db1;Username=qedu;Database=qedu", Path.GetTempPath());
        var sqlite = DatabaseSettings.Parse("qedu.db", Path.GetTempPath());

        Assert.Equal(FileStoreKind.Database, FileStores.Choose(null, postgres));
        Assert.Equal(FileStoreKind.Disk, FileStores.Choose("", sqlite));
        Assert.Equal(FileStoreKind.Disk, FileStores.Choose("Disk", postgres));
        Assert.Equal(FileStoreKind.Database, FileStores.Choose(" database ", postgres));
        var onSqlite = Assert.Throws<InvalidOperationException>(() => FileStores.Choose("database", sqlite));
        Assert.Contains("PostgreSQL", onSqlite.Message);
        var unknown = Assert.Throws<InvalidOperationException>(() => FileStores.Choose("s3", postgres));
        Assert.Contains("Files:Store: 's3'", unknown.Message);
    }

    /// <summary>Gives its bytes until <c>failAfter</c>, then fails as a dropped upload would.</summary>
    private sealed class FailingStream(byte[] bytes, int failAfter) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            if (Position >= failAfter)
            {
                throw new IOException("The upload was cut off.");
            }
            var limit = (int)Math.Min(buffer.Length, failAfter - Position);
            return await base.ReadAsync(buffer[..limit], ct);
        }
    }
}
