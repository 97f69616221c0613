using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Qedu.Allocation.Internal;

/// <summary>
/// Interns ids to dense indices (0, 1, 2, ... in insertion order), each with an optional payload of two integers,
/// and looks spans up without allocating.
/// </summary>
/// <remarks>
/// A reader resolves an applicant id for every row of a million-row priorities file, in random order, so the cost
/// of a lookup is its cache and TLB misses. Dictionary&lt;string, int&gt; touches a bucket, an entry and a string
/// object, then the caller an array for the applicant's choices. Here the table is 4 bytes per entry (150,000 ids
/// fit in 1 MB, about one core's L2), and each entry points into a pool where the id's index, length and payload
/// sit in front of its characters on one cache line: one miss per lookup, and the payload (the applicant's choice
/// slots) comes with it. Ids are not secrets and the table is rebuilt per run, so a fixed hash function is fine.
/// </remarks>
internal sealed class IdIndex
{
    // Pool record, aligned to Unit chars: index (2 chars), length (1), unused (1), payload (2 + 2), characters.
    private const int Header = 8;
    private const int Unit = 4;
    private const int OffsetBits = 26;                 // record offset in units; 2^26 units = 256M characters
    private const uint OffsetMask = (1u << OffsetBits) - 1;

    private uint[] _table = new uint[64]; // (hash tag << OffsetBits) | (record offset in units + 1); 0 = empty
    private char[] _pool = new char[1024];
    private int _poolLength;

    public int Count { get; private set; }

    /// <summary>The index of <paramref name="id"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ReadOnlySpan<char> id) => Find(id, out _, out _);

    /// <summary>The index of <paramref name="id"/> and the payload it was added with, or -1.</summary>
    public int Find(ReadOnlySpan<char> id, out int payload1, out int payload2) => Find(id, Hash(id), out payload1, out payload2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(ReadOnlySpan<char> id, uint hash, out int payload1, out int payload2)
    {
        uint tag = hash >> OffsetBits;
        uint[] table = _table;
        int mask = table.Length - 1;
        char[] pool = _pool;
        for (int slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            uint entry = table[slot];
            if (entry == 0)
            {
                payload1 = payload2 = 0;
                return -1;
            }

            int at = (int)((entry & OffsetMask) - 1) * Unit;
            if ((entry >> OffsetBits) == tag && pool[at + 2] == id.Length && id.SequenceEqual(pool.AsSpan(at + Header, id.Length)))
            {
                payload1 = pool[at + 4] | (pool[at + 5] << 16);
                payload2 = pool[at + 6] | (pool[at + 7] << 16);
                return pool[at] | (pool[at + 1] << 16);
            }
        }
    }

    /// <summary>
    /// Looks up the ids of a batch: first every table entry, then every pool record, then the exact comparisons.
    /// The loads of each step do not depend on one another, so the processor overlaps their cache misses.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int FindMany(PriorityBatch batch, Span<int> index, Span<int> payload1, Span<int> payload2)
    {
        int n = batch.Count;
        uint[] table = _table;
        char[] pool = _pool;
        int mask = table.Length - 1;
        Span<uint> hashes = stackalloc uint[n];
        Span<uint> entries = stackalloc uint[n];
        for (int i = 0; i < n; i++)
        {
            uint hash = Hash(batch.ApplicantId(i));
            hashes[i] = hash;
            entries[i] = table[(int)hash & mask];
        }

        int touched = 0;
        for (int i = 0; i < n; i++)
        {
            uint entry = entries[i];
            if (entry != 0 && (entry >> OffsetBits) == hashes[i] >> OffsetBits)
            {
                touched += pool[(int)((entry & OffsetMask) - 1) * Unit + 2];
            }
        }

        for (int i = 0; i < n; i++)
        {
            index[i] = Find(batch.ApplicantId(i), hashes[i], out payload1[i], out payload2[i]);
        }

        return touched; // returned so the touching loads are not optimised away
    }

    /// <summary>Adds <paramref name="id"/> with the next index; returns false (adding nothing) if it is already there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(ReadOnlySpan<char> id, int payload1 = 0, int payload2 = 0)
    {
        if (id.Length > ushort.MaxValue)
        {
            throw new ArgumentException("an id longer than 65,535 characters", nameof(id));
        }

        if (OverLoaded(Count + 1, _table.Length))
        {
            Resize(_table.Length * 2);
        }

        uint hash = Hash(id);
        uint tag = hash >> OffsetBits;
        int mask = _table.Length - 1;
        int slot = (int)hash & mask;
        for (; _table[slot] != 0; slot = (slot + 1) & mask)
        {
            uint entry = _table[slot];
            int existing = (int)((entry & OffsetMask) - 1) * Unit;
            if ((entry >> OffsetBits) == tag && _pool[existing + 2] == id.Length
                && id.SequenceEqual(_pool.AsSpan(existing + Header, id.Length)))
            {
                return false;
            }
        }

        int at = _poolLength;
        int size = (Header + id.Length + Unit - 1) / Unit * Unit;
        if ((long)(at + size) / Unit >= OffsetMask)
        {
            throw new InvalidOperationException("too many ids for one problem (over 256 million characters)");
        }

        if (at + size > _pool.Length)
        {
            Array.Resize(ref _pool, Math.Max(_pool.Length * 2, at + size));
        }

        Span<char> record = _pool.AsSpan(at, size);
        record[0] = (char)(Count & 0xFFFF);
        record[1] = (char)(Count >>> 16);
        record[2] = (char)id.Length;
        record[4] = (char)(payload1 & 0xFFFF);
        record[5] = (char)(payload1 >>> 16);
        record[6] = (char)(payload2 & 0xFFFF);
        record[7] = (char)(payload2 >>> 16);
        id.CopyTo(record[Header..]);
        _poolLength = at + size;
        _table[slot] = (tag << OffsetBits) | (uint)(at / Unit + 1);
        Count++;
        return true;
    }

    /// <summary>Makes room for <paramref name="count"/> ids in all, so adding them does not rehash.</summary>
    public void EnsureCapacity(int count)
    {
        int size = _table.Length;
        while (OverLoaded(count, size))
        {
            size *= 2;
        }

        if (size > _table.Length)
        {
            Resize(size);
        }
    }

    /// <summary>Linear probing stays short up to about 60% full; beyond it, double. 150,000 ids then take 1 MB.</summary>
    private static bool OverLoaded(int count, int size) => count * 5L > size * 3L;

    private void Resize(int size)
    {
        // Rehashing needs each id's full hash again (the table keeps only a tag), read back from the pool.
        uint[] table = new uint[size];
        int mask = size - 1;
        foreach (uint entry in _table)
        {
            if (entry != 0)
            {
                int at = (int)((entry & OffsetMask) - 1) * Unit;
                uint hash = Hash(_pool.AsSpan(at + Header, _pool[at + 2]));
                int slot = (int)hash & mask;
                while (table[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                table[slot] = entry;
            }
        }

        _table = table;
    }

    /// <summary>Multiply-rotate over 4 characters at a time, then a final avalanche so similar ids (A0000001,
    /// A0000002, ...) spread over the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<char> id)
    {
        ulong h = (ulong)id.Length * 0x9E3779B97F4A7C15UL;
        ReadOnlySpan<ulong> words = MemoryMarshal.Cast<char, ulong>(id);
        foreach (ulong word in words)
        {
            h = BitOperations.RotateLeft((h ^ word) * 0xFF51AFD7ED558CCDUL, 29);
        }

        for (int i = words.Length * 4; i < id.Length; i++)
        {
            h = BitOperations.RotateLeft((h ^ id[i]) * 0xFF51AFD7ED558CCDUL, 29);
        }

        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return (uint)h;
    }
}
