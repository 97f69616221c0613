using System.Security.Cryptography;
using System.Text;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Secrets;

/// <summary>
/// Keys Qedu keeps outside its database, so that a copy of the database (or its account) alone can neither read the
/// encrypted personal data nor rewrite the audit log unnoticed. One file per key in one directory: owner-only (0700),
/// each file owner-only (0600), 32 random bytes in base64. A key that does not exist yet is made on first use, which
/// is what a first start wants; the users of a key store its <see cref="Fingerprint"/> beside what it protects, so a
/// start with a missing or different key file is refused rather than silently writing with a new key.
/// The directory is <c>Security:KeyDirectory</c> (web host) or <c>QEDU_KEYS</c> (command line); see
/// <see cref="DefaultDirectory"/>. Back it up apart from the database: without it encrypted fields are lost.
/// </summary>
public sealed class SecretKeys
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, byte[]> _loaded = new(StringComparer.Ordinal);

    public SecretKeys(string directory) => Directory = Path.GetFullPath(directory);

    public string Directory { get; }

    /// <summary>The key called <paramref name="name"/> (a file <c>name.key</c>), made now if there is none.</summary>
    public byte[] Get(string name)
    {
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            throw new ArgumentException("A key name is lower-case letters, digits and hyphens.", nameof(name));
        }
        lock (_gate)
        {
            if (_loaded.TryGetValue(name, out var known))
            {
                return known;
            }
            var key = ReadOrCreate(Path.Combine(Directory, name + ".key"));
            _loaded[name] = key;
            return key;
        }
    }

    /// <summary>The key called <paramref name="name"/> if its file exists (a key kept only to read older data), else null.</summary>
    public byte[]? Find(string name)
    {
        var path = Path.Combine(Directory, name + ".key");
        return File.Exists(path) ? Get(name) : null;
    }

    /// <summary>
    /// A short public name of a key (not the key: HMAC of a fixed label), stored beside what the key protects so a
    /// start with another key is noticed.
    /// </summary>
    public static string Fingerprint(byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, "qedu key fingerprint"u8))[..16];

    /// <summary>
    /// Where keys live when nothing is configured: beside an SQLite database file (so the web host and the command
    /// line meet, as they do on the file), else <c>App_Data/keys</c> under <paramref name="contentRoot"/>.
    /// </summary>
    public static string DefaultDirectory(DatabaseSettings database, string contentRoot) =>
        database.SqliteFile is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal)
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file, contentRoot)) ?? contentRoot, "keys")
            : Path.Combine(contentRoot, "App_Data", "keys");

    private byte[] ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Parse(path, File.ReadAllText(path, Encoding.ASCII));
        }
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, OwnerOnlyDirectory);
        }
        var key = RandomNumberGenerator.GetBytes(32);
        // Written whole under a temporary name and then moved into place, so a process that starts at the same moment
        // (the web host and a command, or tests side by side) never reads a half-written key file.
        var temporary = Path.Combine(Directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key) + "\n"));
            stream.Flush(flushToDisk: true);
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first: use theirs.
            File.Delete(temporary);
            return Parse(path, File.ReadAllText(path, Encoding.ASCII));
        }
    }

    private static byte[] Parse(string path, string text)
    {
        try
        {
            var key = Convert.FromBase64String(text.Trim());
            if (key.Length == 32)
            {
                return key;
            }
        }
        catch (FormatException)
        {
        }
        throw new InvalidOperationException($"The key file {path} is not 32 bytes in base64; restore it from the backup.");
    }
}
