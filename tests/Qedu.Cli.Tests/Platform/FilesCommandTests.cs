using System.Security.Cryptography;
using Qedu.Kernel.Files;

namespace Qedu.Cli.Tests.Platform;

/// <summary>
/// <c>qedu files copy</c>: a disk store's files into the installation's store (the database on PostgreSQL, the directory
/// beside the database file on SQLite), each checked against its name, safe to run again.
/// </summary>
public class FilesCommandTests : CliTest
{
    [Fact]
    public async Task A_disk_stores_files_are_copied_checked_against_their_names_and_not_twice()
    {
        Assert.Equal(0, (await Cli.RunAsync("db", "migrate", "--db", Database.Connection)).ExitCode);
        var source = new DiskFileStore(Directory.CreateTempSubdirectory("qedu-files-copy-").FullName);
        try
        {
            var small = RandomNumberGenerator.GetBytes(10_000);
            var large = RandomNumberGenerator.GetBytes(DatabaseFileStore.ChunkSize + 77);
            var a = await source.PutAsync(new MemoryStream(small));
            var b = await source.PutAsync(new MemoryStream(large));
            // A file whose content no longer matches its name (a damaged disk, a hand edit).
            var damaged = await source.PutAsync(new MemoryStream(RandomNumberGenerator.GetBytes(500)));
            var damagedPath = source.Files().Single(f => f.Hash == damaged.Hash).Path;
            await File.WriteAllBytesAsync(damagedPath, small);

            var first = await Cli.RunAsync("files", "copy", "--from", source.Directory, "--db", Database.Connection);

            Assert.True(first.ExitCode == 1, first.ToString());
            Assert.Contains("2 file(s) copied (1 MB), 0 already there, 1 damaged", first.Output, StringComparison.Ordinal);
            Assert.Contains(damagedPath, first.Error, StringComparison.Ordinal);
            Assert.False(Cli.HasStackTrace(first.Error));
            var store = InstallationStore();
            Assert.Equal(small, await ReadAsync(store, a.Hash));
            Assert.Equal(large, await ReadAsync(store, b.Hash));
            Assert.False(await store.ExistsAsync(damaged.Hash));

            File.Delete(damagedPath);
            var again = await Cli.RunAsync("files", "copy", "--from", source.Directory, "--db", Database.Connection);

            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Contains("0 file(s) copied (0 MB), 2 already there, 0 damaged", again.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(source.Directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_directory_is_bad_input_named_in_both_languages()
    {
        var run = await Cli.RunAsync("files", "copy", "--from", "/nonexistent/qedu-files", "--db", Database.Connection);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/nonexistent/qedu-files: 目录不存在 / no such directory", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The store the command line uses for this database, built as it builds it.</summary>
    private IFileStore InstallationStore()
    {
        var services = Qedu.Testing.KernelHost.Build(Database.Settings);
        return FileStores.Choose(null, Database.Settings) == FileStoreKind.Database
            ? Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<DatabaseFileStore>(services)
            : new DiskFileStore(DiskFileStore.DefaultDirectory(Database.Settings, Directory.GetCurrentDirectory()));
    }

    private static async Task<byte[]> ReadAsync(IFileStore store, string hash)
    {
        await using var stream = await store.OpenAsync(hash);
        Assert.NotNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
