using System.Buffers.Binary;
using System.Text;

namespace Qedu.Documents;

/// <summary>
/// Cuts a TrueType font (a .ttf, or the first face of a .ttc) down to the glyphs a document uses. Skia embeds the font
/// it is given whole (5 MB for WenQuanYi Micro Hei), so reports are drawn with such a subset instead. Glyph ids stay
/// as they are, so the character map and metrics still hold: unused outlines are emptied, glyph names, vertical
/// metrics and layout tables (GSUB/GPOS, which Skia's PDF text does not use) are left out.
/// </summary>
internal static class FontSubset
{
    private static readonly string[] Kept = ["OS/2", "cmap", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"];

    /// <summary>The subset font file, or null when the font has no TrueType outlines (CFF) or cannot be read.</summary>
    public static byte[]? Subset(byte[] file, IEnumerable<ushort> glyphs)
    {
        try
        {
            return Build(file, glyphs);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static byte[]? Build(byte[] file, IEnumerable<ushort> glyphs)
    {
        var span = file.AsSpan();
        // A collection points at its faces' table directories; its table offsets, like a single font's, count from the file's start.
        var directory = Encoding.ASCII.GetString(file, 0, 4) == "ttcf" ? (int)U32(span, 12) : 0;
        var count = U16(span, directory + 4);
        var tables = new Dictionary<string, (int Offset, int Length)>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = directory + 12 + 16 * i;
            tables[Encoding.ASCII.GetString(file, record, 4)] = ((int)U32(span, record + 8), (int)U32(span, record + 12));
        }
        if (!tables.ContainsKey("glyf") || !tables.ContainsKey("loca") || !tables.ContainsKey("head") || !tables.ContainsKey("maxp"))
        {
            return null;
        }
        ReadOnlySpan<byte> Table(string tag) => file.AsSpan(tables[tag].Offset, tables[tag].Length);

        var longOffsets = U16(Table("head"), 50) == 1;
        var glyphCount = U16(Table("maxp"), 4);
        var loca = new int[glyphCount + 1];
        for (var g = 0; g <= glyphCount; g++)
        {
            loca[g] = longOffsets ? (int)U32(Table("loca"), 4 * g) : 2 * U16(Table("loca"), 2 * g);
        }
        var glyf = Table("glyf");

        // The glyphs asked for, .notdef, and every component of a composite glyph among them.
        var keep = new HashSet<int>();
        var pending = new Stack<int>(glyphs.Select(g => (int)g).Append(0).Where(g => g < glyphCount));
        while (pending.Count > 0)
        {
            var g = pending.Pop();
            if (!keep.Add(g))
            {
                continue;
            }
            if (loca[g + 1] - loca[g] < 10 || (short)U16(glyf, loca[g]) >= 0)
            {
                continue;
            }
            for (var at = loca[g] + 10; ;)
            {
                var flags = U16(glyf, at);
                var component = U16(glyf, at + 2);
                if (!keep.Contains(component))
                {
                    pending.Push(component);
                }
                at += 4 + ((flags & 0x1) != 0 ? 4 : 2) + ((flags & 0x8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0);
                if ((flags & 0x20) == 0)
                {
                    break;
                }
            }
        }

        var newGlyf = new MemoryStream();
        var newLoca = new byte[4 * (glyphCount + 1)];
        for (var g = 0; g < glyphCount; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * g), (uint)newGlyf.Length);
            if (keep.Contains(g))
            {
                newGlyf.Write(glyf[loca[g]..loca[g + 1]]);
                while (newGlyf.Length % 4 != 0)
                {
                    newGlyf.WriteByte(0);
                }
            }
        }
        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * glyphCount), (uint)newGlyf.Length);

        var head = Table("head").ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0); // checkSumAdjustment: not needed by PDF readers
        BinaryPrimitives.WriteUInt16BigEndian(head.AsSpan(50), 1); // long loca offsets
        var post = new byte[32];
        Table("post")[..16].CopyTo(post);
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000); // format 3: no glyph names

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var tag in Kept.Where(tables.ContainsKey))
        {
            output[tag] = tag switch
            {
                "glyf" => newGlyf.ToArray(),
                "loca" => newLoca,
                "head" => head,
                "post" => post,
                _ => Table(tag).ToArray(),
            };
        }
        return Write(output);
    }

    private static byte[] Write(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var power = 1;
        var log = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            log++;
        }
        using var stream = new MemoryStream();
        var header = new byte[12 + 16 * count];
        BinaryPrimitives.WriteUInt32BigEndian(header, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), (ushort)(count * 16 - power * 16));
        var offset = header.Length;
        var i = 0;
        foreach (var (tag, data) in tables)
        {
            var record = header.AsSpan(12 + 16 * i++);
            Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            offset += (data.Length + 3) & ~3;
        }
        stream.Write(header);
        foreach (var data in tables.Values)
        {
            stream.Write(data);
            stream.Write(new byte[((data.Length + 3) & ~3) - data.Length]);
        }
        return stream.ToArray();
    }

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var j = 0; j < 4; j++)
            {
                word = (word << 8) | (i + j < data.Length ? data[i + j] : 0u);
            }
            sum = unchecked(sum + word);
        }
        return sum;
    }

    private static ushort U16(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt16BigEndian(data[at..]);

    private static uint U32(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt32BigEndian(data[at..]);
}
