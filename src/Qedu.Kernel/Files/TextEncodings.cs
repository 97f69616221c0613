using System.Text;

namespace Qedu.Kernel.Files;

/// <summary>
/// Which encoding a CSV file is in. Excel saves "CSV" in the system code page, which on Chinese Windows is GBK /
/// GB18030, and "CSV UTF-8" with a byte-order mark. So: a BOM decides (UTF-8, UTF-16); otherwise a file that is valid
/// UTF-8 throughout is UTF-8, and anything else is read as GB18030 (code page 54936, a superset of GBK).
/// </summary>
public static class TextEncodings
{
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> Gb18030Encoding = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    public static Encoding Gb18030 => Gb18030Encoding.Value;

    public static Encoding Detect(Stream stream)
    {
        var start = stream.Position;
        try
        {
            Span<byte> bom = stackalloc byte[3];
            var read = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
            if (read >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
            {
                return StrictUtf8;
            }
            if (read >= 2 && bom[0] == 0xFF && bom[1] == 0xFE)
            {
                return new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true);
            }
            if (read >= 2 && bom[0] == 0xFE && bom[1] == 0xFF)
            {
                return new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true);
            }
            stream.Position = start;
            return IsUtf8(stream) ? StrictUtf8 : Gb18030;
        }
        finally
        {
            stream.Position = start;
        }
    }

    /// <summary>Decodes the whole stream with a strict decoder (a sequence may straddle two buffers).</summary>
    private static bool IsUtf8(Stream stream)
    {
        var decoder = StrictUtf8.GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[StrictUtf8.GetMaxCharCount(bytes.Length)];
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
