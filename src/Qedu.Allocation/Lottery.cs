using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Qedu.Allocation;

/// <summary>
/// Lottery numbers anyone can recompute from the published seed: the first 8 bytes, read as a big-endian unsigned
/// integer, of SHA-256 over the UTF-8 text <c>seed|applicant_id</c> (single) or <c>seed|program_id|applicant_id</c>
/// (multiple). A smaller number ranks first.
/// </summary>
public static class Lottery
{
    /// <summary>The single lottery number of an applicant.</summary>
    public static ulong Number(string seed, string applicantId) => Hash($"{seed}|{applicantId}");

    /// <summary>The lottery number of an applicant at one program (multiple tie-breaking).</summary>
    public static ulong Number(string seed, string programId, string applicantId) =>
        Hash($"{seed}|{programId}|{applicantId}");

    /// <summary>Hashes <paramref name="prefix"/> (already UTF-8, ending with '|') followed by <paramref name="id"/>,
    /// without allocating: the engine's path for many numbers with one seed.</summary>
    internal static ulong Number(ReadOnlySpan<byte> prefix, string id)
    {
        int max = prefix.Length + Encoding.UTF8.GetMaxByteCount(id.Length);
        byte[]? rented = max > 512 ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> text = rented ?? stackalloc byte[512];
        prefix.CopyTo(text);
        int length = prefix.Length + Encoding.UTF8.GetBytes(id, text[prefix.Length..]);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(text[..length], digest);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return BinaryPrimitives.ReadUInt64BigEndian(digest);
    }

    /// <summary>UTF-8 bytes of <c>seed|</c> or <c>seed|program_id|</c>.</summary>
    internal static byte[] Prefix(string seed, string? programId = null) =>
        Encoding.UTF8.GetBytes(programId is null ? $"{seed}|" : $"{seed}|{programId}|");

    private static ulong Hash(string text)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return BinaryPrimitives.ReadUInt64BigEndian(digest);
    }
}
