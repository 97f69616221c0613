using System.Security.Cryptography;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Files;

/// <summary>
/// <see cref="IFileStore"/> on a local directory, outside the web root: the file with hash <c>3fa9…</c> is
/// <c>{directory}/3f/a9/3fa9…</c> (two levels of fan-out, so no directory holds more than a few thousand files).
/// A put writes a temporary file in the store's directory (same file system) while hashing, then moves it into place
/// in one step, so a reader never sees half a file and two writers of the same content both succeed (the second finds
/// the first's file and drops its own). Owner-only like <see cref="WorkFiles"/> on Unix: directories 0700, files 0600.
/// The directory is <c>Files:StoreDirectory</c> (web host) or <c>QEDU_FILES</c> (command line), by default
/// <see cref="DefaultDirectory"/>. Back it up with the database: the database holds only the hashes.
/// </summary>
public sealed class DiskFileStore : IFileStore
{
    /// <summary>The web host's setting for the directory.</summary>
    public const string Setting = "Files:StoreDirectory";

    /// <summary>The command line's environment variable for the directory.</summary>
    public const string EnvironmentVariable = "QEDU_FILES";

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const string TemporaryPrefix = ".put-";

    public DiskFileStore(string directory) => Directory = Path.GetFullPath(directory);

    /// <summary>The store's root directory (absolute).</summary>
    public string Directory { get; }

    /// <summary>
    /// Where files live when nothing is configured: beside an SQLite database file (<c>files</c>, so the web host and
    /// the command line meet, as they do for keys: <c>App_Data/files</c> for the default database), else
    /// <c>App_Data/files</c> under <paramref name="contentRoot"/>.
    /// </summary>
    public static string DefaultDirectory(DatabaseSettings database, string contentRoot) =>
        database.SqliteFile is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal)
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file, contentRoot)) ?? contentRoot, "files")
            : Path.Combine(contentRoot, "App_Data", "files");

    public async Task<StoredFile> PutAsync(Stream content, CancellationToken ct = default)
    {
        PrepareRoot();
        var temporary = Path.Combine(Directory, $"{TemporaryPrefix}{Guid.NewGuid():N}.tmp");
        try
        {
            string hash;
            long length = 0;
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                await using (var file = new FileStream(temporary, WriteOptions()))
                {
                    var buffer = new byte[1 << 16];
                    int read;
                    while ((read = await content.ReadAsync(buffer, ct)) > 0)
                    {
                        sha.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), ct);
                        length += read;
                    }
                    await file.FlushAsync(ct);
                    file.Flush(flushToDisk: true);
                }
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            var path = PathOf(hash);
            if (File.Exists(path))
            {
                return new StoredFile(hash, length);
            }
            // One level at a time: a mode given to CreateDirectory applies to the last directory only.
            CreateDirectory(Path.Combine(Directory, hash[..2]));
            CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another writer stored the same content first: theirs is these bytes too.
            }
            return new StoredFile(hash, length);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenAsync(string hash, CancellationToken ct = default)
    {
        var path = PathOf(FileHash.Normalize(hash));
        try
        {
            // Shared for deletion: a file deleted while someone reads it goes once they close it (Unix semantics).
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string hash, CancellationToken ct = default) =>
        Task.FromResult(File.Exists(PathOf(FileHash.Normalize(hash))));

    public Task<bool> DeleteAsync(string hash, CancellationToken ct = default)
    {
        var path = PathOf(FileHash.Normalize(hash));
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }
        File.Delete(path);
        return Task.FromResult(true);
    }

    /// <summary>
    /// Every file in the store's layout (<c>xx/yy/hash</c>) as its name says, with its path: for copying a store
    /// elsewhere (<c>qedu files copy</c>). The name is not checked against the content here; the copy does that.
    /// </summary>
    public IEnumerable<(string Hash, string Path)> Files()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            yield break;
        }
        foreach (var first in System.IO.Directory.EnumerateDirectories(Directory).Order(StringComparer.Ordinal))
        {
            foreach (var second in System.IO.Directory.EnumerateDirectories(first).Order(StringComparer.Ordinal))
            {
                foreach (var path in System.IO.Directory.EnumerateFiles(second).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(path);
                    if (FileHash.IsValid(name) && name[..2] == Path.GetFileName(first) && name[2..4] == Path.GetFileName(second))
                    {
                        yield return (name.ToLowerInvariant(), path);
                    }
                }
            }
        }
    }

    /// <summary>The file's path: only ever built from a hash that <see cref="FileHash.Normalize"/> let through (64 hex characters), so it cannot leave the directory.</summary>
    private string PathOf(string hash)
    {
        if (!FileHash.IsValid(hash))
        {
            throw new ArgumentException("A file hash is 64 hexadecimal characters (SHA-256).", nameof(hash));
        }
        return Path.Combine(Directory, hash[..2], hash[2..4], hash);
    }

    private volatile bool _rootReady;

    /// <summary>Creates the root owner-only, or makes an existing one so (once per process).</summary>
    private void PrepareRoot()
    {
        if (_rootReady)
        {
            return;
        }
        CreateDirectory(Directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Directory, OwnerOnlyDirectory);
        }
        _rootReady = true;
    }

    private static void CreateDirectory(string directory)
    {
        if (System.IO.Directory.Exists(directory))
        {
            return;
        }
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }
    }

    private static FileStreamOptions WriteOptions()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 0,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }
        return options;
    }
}
