namespace Qedu.Kernel.Files;

/// <summary>
/// A file kept by <see cref="DatabaseFileStore"/>: its content hash, length and the id its chunks carry. The row is
/// written in the same transaction as the last chunk, so a hash present here always has every chunk.
/// </summary>
public sealed class StoredFileRow
{
    /// <summary>SHA-256 of the content, 64 lower-case hex characters.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The chunks' key: chosen before the content's hash is known, so chunks are written as they are read.</summary>
    public Guid ContentId { get; set; }

    public long Length { get; set; }
    public int Chunks { get; set; }
    public DateTimeOffset StoredAt { get; set; }
}

/// <summary>
/// One piece (at most <see cref="DatabaseFileStore.ChunkSize"/> bytes) of a file kept by <see cref="DatabaseFileStore"/>:
/// a reader fetches one chunk at a time, so neither a large file nor a slow download holds memory or a connection.
/// </summary>
public sealed class StoredFileChunk
{
    public Guid ContentId { get; set; }
    public int Index { get; set; }
    public byte[] Data { get; set; } = [];
}
