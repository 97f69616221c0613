using System.Security.Cryptography;

namespace Qedu.Kernel.Files;

/// <summary>
/// Files kept by their content: a module puts a stream and keeps the returned <see cref="StoredFile.Hash"/> (the
/// SHA-256 of the bytes, 64 lower-case hex characters) in its own table beside the file's name and media type; the
/// same content is stored once, however often it is put. Today on disk (<see cref="DiskFileStore"/>, setting
/// <c>Files:StoreDirectory</c>); the production option for several web nodes is an S3-compatible store (MinIO) behind
/// this same interface. docs/files-and-pdf.md.
/// </summary>
/// <remarks>
/// A hash names content, not an upload: two records holding the same bytes share one stored file, so a module deletes
/// a hash only when none of its records refers to it any more. Every method refuses a hash that is not 64 hex
/// characters with an <see cref="ArgumentException"/> before touching storage (check input with
/// <see cref="FileHash.IsValid"/> first). Check what may be stored (<see cref="FileKinds.Check(ReadOnlySpan{byte}, long, IReadOnlyCollection{FileKind}, long, string?)"/>)
/// before putting it.
/// </remarks>
public interface IFileStore
{
    /// <summary>Stores the stream's bytes (read to its end) and returns their hash and length; the same content again is stored once.</summary>
    Task<StoredFile> PutAsync(Stream content, CancellationToken ct = default);

    /// <summary>The stored content for reading (the caller disposes it), or null when nothing is stored under <paramref name="hash"/>.</summary>
    Task<Stream?> OpenAsync(string hash, CancellationToken ct = default);

    /// <summary>Whether content is stored under <paramref name="hash"/>.</summary>
    Task<bool> ExistsAsync(string hash, CancellationToken ct = default);

    /// <summary>Removes the content stored under <paramref name="hash"/>; false when there was none.</summary>
    Task<bool> DeleteAsync(string hash, CancellationToken ct = default);
}

/// <summary>What <see cref="IFileStore.PutAsync"/> stored: the content's SHA-256 in lower-case hex and its length in bytes.</summary>
public sealed record StoredFile(string Hash, long Length);

/// <summary>The content hash every file store uses: SHA-256, written as 64 lower-case hex characters.</summary>
public static class FileHash
{
    public const int Length = 64;

    /// <summary>Whether <paramref name="hash"/> is 64 hex characters (either case), so it can name a stored file.</summary>
    public static bool IsValid(string? hash) => hash is { Length: Length } && hash.All(char.IsAsciiHexDigit);

    /// <summary>The hash of <paramref name="content"/>, as the store would name it.</summary>
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The hash in lower case, or an <see cref="ArgumentException"/> when it is not 64 hex characters.</summary>
    public static string Normalize(string hash, string parameterName = "hash") =>
        IsValid(hash)
            ? hash.ToLowerInvariant()
            : throw new ArgumentException("A file hash is 64 hexadecimal characters (SHA-256).", parameterName);
}
