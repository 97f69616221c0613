using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Files;

/// <summary>
/// <see cref="IFileStore"/> in the kernel's PostgreSQL tables (<c>kernel.stored_files</c>, <c>kernel.stored_file_chunks</c>):
/// the store every web node reaches, replicated to the standby with everything else and restored to the same moment as
/// the rows that name the files (ADR 19). A put reads the stream in chunks of <see cref="ChunkSize"/> bytes, writing each
/// as it goes inside one transaction, and names the content when it has read it all; content already stored rolls the
/// transaction back, so nothing is kept twice and a failed put leaves nothing. A read fetches one chunk at a time, each
/// on a short-lived connection, so a slow download holds neither a connection nor the whole file.
/// </summary>
/// <remarks>
/// Not offered on SQLite: a put there would wait for the write lock a request's own transaction may hold (the embedded
/// single-node install keeps files on disk). Each operation runs in a scope of its own acting as the system: files are
/// content, and who may read them is decided by the module that holds the hash.
/// </remarks>
public sealed class DatabaseFileStore(IServiceScopeFactory scopes, TimeProvider clock) : IFileStore
{
    /// <summary>Bytes per chunk: big enough that a file of some megabytes is a few rows, small enough to hold in memory per read.</summary>
    public const int ChunkSize = 1 << 20;

    public async Task<StoredFile> PutAsync(Stream content, CancellationToken ct = default)
    {
        await using var scope = Scope(out var db);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var id = Guid.NewGuid();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkSize];
        long length = 0;
        var chunks = 0;
        while (true)
        {
            var filled = await content.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, ct);
            if (filled == 0)
            {
                break;
            }
            sha.AppendData(buffer, 0, filled);
            db.Add(new StoredFileChunk { ContentId = id, Index = chunks++, Data = buffer[..filled] });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            length += filled;
            if (filled < ChunkSize)
            {
                break;
            }
        }
        var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        if (await db.Set<StoredFileRow>().AnyAsync(r => r.Hash == hash, ct))
        {
            await transaction.RollbackAsync(ct);
            return new StoredFile(hash, length);
        }
        db.Add(new StoredFileRow { Hash = hash, ContentId = id, Length = length, Chunks = chunks, StoredAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another put of the same content committed first: its chunks are these bytes too.
            await transaction.RollbackAsync(CancellationToken.None);
        }
        return new StoredFile(hash, length);
    }

    public async Task<Stream?> OpenAsync(string hash, CancellationToken ct = default)
    {
        hash = FileHash.Normalize(hash);
        await using var scope = Scope(out var db);
        var row = await db.Set<StoredFileRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Hash == hash, ct);
        return row is null ? null : new ChunkStream(this, row.ContentId, row.Length, row.Chunks);
    }

    public async Task<bool> ExistsAsync(string hash, CancellationToken ct = default)
    {
        hash = FileHash.Normalize(hash);
        await using var scope = Scope(out var db);
        return await db.Set<StoredFileRow>().AnyAsync(r => r.Hash == hash, ct);
    }

    public async Task<bool> DeleteAsync(string hash, CancellationToken ct = default)
    {
        hash = FileHash.Normalize(hash);
        await using var scope = Scope(out var db);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Set<StoredFileRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Hash == hash, ct);
        if (row is null)
        {
            return false;
        }
        await db.Set<StoredFileChunk>().Where(c => c.ContentId == row.ContentId).ExecuteDeleteAsync(ct);
        var deleted = await db.Set<StoredFileRow>().Where(r => r.Hash == hash).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return deleted > 0;
    }

    private async Task<byte[]> ChunkAsync(Guid contentId, int index, CancellationToken ct)
    {
        await using var scope = Scope(out var db);
        return await db.Set<StoredFileChunk>().Where(c => c.ContentId == contentId && c.Index == index)
                   .Select(c => c.Data).FirstOrDefaultAsync(ct)
               ?? throw new IOException("The stored file was deleted while it was being read.");
    }

    private AsyncServiceScope Scope(out KernelDb db)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("file-store"));
        db = scope.ServiceProvider.GetRequiredService<KernelDb>();
        return scope;
    }

    /// <summary>A stored file for reading, one chunk in memory at a time; seekable, so a response can state its length.</summary>
    private sealed class ChunkStream(DatabaseFileStore store, Guid contentId, long length, int chunks) : Stream
    {
        private byte[] _chunk = [];
        private int _chunkIndex = -1;
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            if (_position >= length || buffer.Length == 0)
            {
                return 0;
            }
            if (ChunkToFetch() is { } index)
            {
                (_chunk, _chunkIndex) = (await store.ChunkAsync(contentId, index, ct), index);
            }
            return Take(buffer.Span);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= length || buffer.Length == 0)
            {
                return 0;
            }
            if (ChunkToFetch() is { } index)
            {
                (_chunk, _chunkIndex) = (store.ChunkAsync(contentId, index, CancellationToken.None).GetAwaiter().GetResult(), index);
            }
            return Take(buffer);
        }

        /// <summary>The chunk the position is in, when it is not the one in memory.</summary>
        private int? ChunkToFetch()
        {
            var index = (int)(_position / ChunkSize);
            return index != _chunkIndex && index < chunks ? index : null;
        }

        private int Take(Span<byte> buffer)
        {
            var offset = (int)(_position - (long)_chunkIndex * ChunkSize);
            var count = Math.Min(buffer.Length, _chunk.Length - offset);
            if (count <= 0)
            {
                return 0;
            }
            _chunk.AsSpan(offset, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
