using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Qedu.Allocation.Internal;

/// <summary>
/// Interns ids to dense indices (0, 1, 2, ... in insertion order) and looks spans up without allocating.
/// </summary>
/// <remarks>
/// A reader resolves one or two ids per row of a million-row priorities file in random order, so each lookup is
/// mostly cache misses. Dictionary&lt;string, int&gt; costs three (bucket, entry, string object); this table costs two:
/// a probe in a table of (hash, index) pairs, then one comparison against the ids' characters kept side by side in
/// one pool. Ids are not secrets and the table is rebuilt per run, so a fixed hash function is fine.
/// </remarks>
internal sealed class IdIndex
{
    private ulong[] _table = new ulong[64]; // (hash << 32) | (index + 1); 0 = empty
    private char[] _pool = new char[1024];
    private int _poolLength;
    private int[] _start = new int[33];    // _start[i] .. _start[i + 1] are the characters of id i

    public int Count { get; private set; }

    /// <summary>The index of <paramref name="id"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(ReadOnlySpan<char> id)
    {
        uint hash = Hash(id);
        int mask = _table.Length - 1;
        for (int slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            ulong entry = _table[slot];
            if (entry == 0)
            {
                return -1;
            }

            if ((uint)(entry >> 32) == hash)
            {
                int index = (int)(uint)entry - 1;
                if (id.SequenceEqual(_pool.AsSpan(_start[index], _start[index + 1] - _start[index])))
                {
                    return index;
                }
            }
        }
    }

    /// <summary>Adds <paramref name="id"/> with the next index; returns false (adding nothing) if it is already there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(ReadOnlySpan<char> id)
    {
        if ((Count + 1) * 2 > _table.Length)
        {
            Grow();
        }

        uint hash = Hash(id);
        int mask = _table.Length - 1;
        int slot = (int)hash & mask;
        for (; _table[slot] != 0; slot = (slot + 1) & mask)
        {
            ulong entry = _table[slot];
            if ((uint)(entry >> 32) == hash)
            {
                int index = (int)(uint)entry - 1;
                if (id.SequenceEqual(_pool.AsSpan(_start[index], _start[index + 1] - _start[index])))
                {
                    return false;
                }
            }
        }

        if (_poolLength + id.Length > _pool.Length)
        {
            Array.Resize(ref _pool, Math.Max(_pool.Length * 2, _poolLength + id.Length));
        }

        if (Count + 2 > _start.Length)
        {
            Array.Resize(ref _start, _start.Length * 2);
        }

        id.CopyTo(_pool.AsSpan(_poolLength));
        _poolLength += id.Length;
        _table[slot] = ((ulong)hash << 32) | (uint)(Count + 1);
        Count++;
        _start[Count] = _poolLength;
        return true;
    }

    private void Grow()
    {
        ulong[] old = _table;
        _table = new ulong[old.Length * 2];
        int mask = _table.Length - 1;
        foreach (ulong entry in old)
        {
            if (entry != 0)
            {
                int slot = (int)(entry >> 32) & mask;
                while (_table[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                _table[slot] = entry;
            }
        }
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
