namespace Qedu.Registry.Import;

/// <summary>
/// Keys seen so far in an import (学籍号, resident IDs…), with where each was first seen. A million students means
/// two million keys, so keys shaped like a resident ID (optionally "G"-prefixed, as most 学籍号 are) are held as one
/// long each instead of a string; the encoding is exact, so there are no false duplicates.
/// </summary>
internal sealed class KeySet
{
    private readonly Dictionary<long, long> _compact = [];
    private readonly Dictionary<string, long> _other = new(StringComparer.Ordinal);

    public int Count => _compact.Count + _other.Count;

    /// <summary>Adds the key; false (with where it was first seen) when it is already there.</summary>
    public bool TryAdd(string key, long location, out long first)
    {
        if (TryCompact(key, out var compact))
        {
            if (_compact.TryAdd(compact, location))
            {
                first = 0;
                return true;
            }
            first = _compact[compact];
            return false;
        }
        if (_other.TryAdd(key, location))
        {
            first = 0;
            return true;
        }
        first = _other[key];
        return false;
    }

    /// <summary>[G]ddddddddddddddddd[d|X] → ((17 digits × 11 + check) × 2 + G), which stays below 2.2 × 10^18.</summary>
    private static bool TryCompact(string key, out long value)
    {
        value = 0;
        var prefixed = key.Length == 19 && key[0] == 'G';
        if (key.Length != 18 && !prefixed)
        {
            return false;
        }
        var start = prefixed ? 1 : 0;
        long digits = 0;
        for (var i = start; i < start + 17; i++)
        {
            var d = key[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }
            digits = digits * 10 + d;
        }
        var last = key[start + 17];
        var check = last == 'X' ? 10 : last - '0';
        if ((uint)check > 10)
        {
            return false;
        }
        value = ((digits * 11) + check) * 2 + (prefixed ? 1 : 0);
        return true;
    }
}
