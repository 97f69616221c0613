namespace Qedu.Kernel.Files;

/// <summary>
/// A kind of file Qedu accepts: the media type it is stored and served as, the extensions that name it, and the test
/// its first bytes must pass. Use the instances in <see cref="FileKinds"/>.
/// </summary>
public sealed class FileKind
{
    private readonly MatchContent _matches;

    internal FileKind(string mediaType, IReadOnlyList<string> extensions, bool isText, MatchContent matches)
    {
        MediaType = mediaType;
        Extensions = extensions;
        IsText = isText;
        _matches = matches;
    }

    internal delegate bool MatchContent(ReadOnlySpan<byte> content);

    public string MediaType { get; }

    /// <summary>The extensions (with the dot, lower case) a file of this kind is named with.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>Plain text: no signature, only "no control bytes", so it is tried after every binary kind.</summary>
    public bool IsText { get; }

    /// <summary>Whether <paramref name="content"/> (the whole file or its first bytes) starts as this kind does.</summary>
    public bool Matches(ReadOnlySpan<byte> content) => content.Length > 0 && _matches(content);

    public override string ToString() => MediaType;
}

/// <summary>Why <see cref="FileKinds.Check(ReadOnlySpan{byte}, long, IReadOnlyCollection{FileKind}, long, string?)"/> refused a file, or <see cref="None"/>.</summary>
public enum FileProblem
{
    None,
    Empty,
    TooLarge,
    /// <summary>Not one of the allowed kinds: its name or its first bytes say something else (an HTML page renamed .pdf).</summary>
    NotAllowed,
}

/// <summary>The answer of <see cref="FileKinds.Check(ReadOnlySpan{byte}, long, IReadOnlyCollection{FileKind}, long, string?)"/>: the kind, or the problem.</summary>
public readonly record struct FileCheck(FileKind? Kind, FileProblem Problem)
{
    public bool IsAccepted => Problem == FileProblem.None;
}

/// <summary>
/// What a file is, told from its first bytes rather than from its name or the media type a browser claims, so a page
/// or script renamed to .pdf is refused rather than stored and served back. Shared by every module that takes files
/// (Plans' evidence, enrolment documents). docs/files-and-pdf.md.
/// </summary>
/// <example>
/// <code>
/// var check = FileKinds.Check(head, upload.Length, FileKinds.Pictures, 5 * 1024 * 1024, upload.FileName);
/// if (!check.IsAccepted) { /* say why: check.Problem */ }
/// var stored = await files.PutAsync(upload.OpenReadStream(), ct); // then keep stored.Hash and check.Kind.MediaType
/// </code>
/// </example>
public static class FileKinds
{
    /// <summary>How many first bytes to read for a check of a binary kind (text kinds are checked on what is given).</summary>
    public const int HeadLength = 512;

    public static readonly FileKind Pdf = new("application/pdf", [".pdf"], false, c => c.StartsWith("%PDF-"u8));
    public static readonly FileKind Png = new("image/png", [".png"], false, c => c.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
    public static readonly FileKind Jpeg = new("image/jpeg", [".jpg", ".jpeg"], false, c => c.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]));

    /// <summary>Word (.docx): a zip container, told from .xlsx by its name only.</summary>
    public static readonly FileKind Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"], false, IsZip);

    /// <summary>Excel (.xlsx): a zip container, told from .docx by its name only.</summary>
    public static readonly FileKind Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"], false, IsZip);

    /// <summary>Old Word (.doc): an OLE compound file, told from .xls by its name only.</summary>
    public static readonly FileKind Doc = new("application/msword", [".doc"], false, IsOle);

    /// <summary>Old Excel (.xls): an OLE compound file, told from .doc by its name only.</summary>
    public static readonly FileKind Xls = new("application/vnd.ms-excel", [".xls"], false, IsOle);

    /// <summary>PowerPoint (.pptx): a zip container, told from .docx and .xlsx by its name only.</summary>
    public static readonly FileKind Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"], false, IsZip);

    /// <summary>Old PowerPoint (.ppt): an OLE compound file, told from .doc and .xls by its name only.</summary>
    public static readonly FileKind Ppt = new("application/vnd.ms-powerpoint", [".ppt"], false, IsOle);

    /// <summary>MP4 video (.mp4): an ISO base media file, its first box "ftyp" (bytes 4 to 7).</summary>
    public static readonly FileKind Mp4 = new("video/mp4", [".mp4"], false, c => c.Length >= 8 && c[4..8].SequenceEqual("ftyp"u8));

    /// <summary>Text: UTF-8 or GB18030 (as Chinese offices often save it) without control bytes other than whitespace.</summary>
    public static readonly FileKind Text = new("text/plain", [".txt"], true, IsText);

    /// <summary>CSV: text as <see cref="Text"/> is, named .csv.</summary>
    public static readonly FileKind Csv = new("text/csv", [".csv"], true, IsText);

    /// <summary>Every kind, binary kinds first.</summary>
    public static readonly IReadOnlyList<FileKind> All = [Pdf, Png, Jpeg, Docx, Xlsx, Pptx, Doc, Xls, Ppt, Mp4, Text, Csv];

    /// <summary>Photographs and scans: JPEG and PNG.</summary>
    public static readonly IReadOnlyList<FileKind> Pictures = [Jpeg, Png];

    /// <summary>Scans and photographs of a document: PDF, JPEG, PNG.</summary>
    public static readonly IReadOnlyList<FileKind> ScansAndPictures = [Pdf, Jpeg, Png];

    /// <summary>
    /// The media type the first bytes show: application/pdf, image/png, image/jpeg, application/zip (.docx, .xlsx and
    /// .pptx alike), application/x-ole-storage (.doc, .xls and .ppt alike), video/mp4, text/plain; null for anything else.
    /// </summary>
    public static string? Sniff(ReadOnlySpan<byte> head) =>
        Pdf.Matches(head) ? Pdf.MediaType
        : Png.Matches(head) ? Png.MediaType
        : Jpeg.Matches(head) ? Jpeg.MediaType
        : IsZip(head) ? "application/zip"
        : IsOle(head) ? "application/x-ole-storage"
        : Mp4.Matches(head) ? Mp4.MediaType
        : Text.Matches(head) ? Text.MediaType
        : null;

    /// <summary>The kind among <paramref name="allowed"/> that <paramref name="fileName"/>'s extension names, or null.</summary>
    public static FileKind? ByName(string fileName, IReadOnlyCollection<FileKind> allowed)
    {
        var extension = Path.GetExtension(fileName);
        return allowed.FirstOrDefault(k => k.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Whether a file is one of <paramref name="allowed"/> and at most <paramref name="maxBytes"/> long. With a
    /// <paramref name="fileName"/>, its extension picks the kind and the content must match it (a .pdf that starts
    /// as HTML is refused); without one, the first allowed kind the content matches, binary kinds before text.
    /// <paramref name="head"/> is the file's first bytes (<see cref="HeadLength"/> is enough for binary kinds; a text
    /// kind is checked on the bytes given, so pass the whole file to check all of it).
    /// </summary>
    public static FileCheck Check(ReadOnlySpan<byte> head, long length, IReadOnlyCollection<FileKind> allowed, long maxBytes, string? fileName = null)
    {
        if (length <= 0 || head.IsEmpty)
        {
            return new FileCheck(null, FileProblem.Empty);
        }
        if (length > maxBytes)
        {
            return new FileCheck(null, FileProblem.TooLarge);
        }
        FileKind? kind;
        if (fileName is not null)
        {
            kind = ByName(fileName, allowed);
            if (kind is null || !kind.Matches(head))
            {
                return new FileCheck(null, FileProblem.NotAllowed);
            }
        }
        else
        {
            kind = null;
            foreach (var candidate in allowed.Where(k => !k.IsText).Concat(allowed.Where(k => k.IsText)))
            {
                if (candidate.Matches(head))
                {
                    kind = candidate;
                    break;
                }
            }
            if (kind is null)
            {
                return new FileCheck(null, FileProblem.NotAllowed);
            }
        }
        return new FileCheck(kind, FileProblem.None);
    }

    /// <summary><see cref="Check(ReadOnlySpan{byte}, long, IReadOnlyCollection{FileKind}, long, string?)"/> on a whole file held in memory.</summary>
    public static FileCheck Check(ReadOnlySpan<byte> content, IReadOnlyCollection<FileKind> allowed, long maxBytes, string? fileName = null) =>
        Check(content, content.Length, allowed, maxBytes, fileName);

    /// <summary>
    /// Reads up to <see cref="HeadLength"/> first bytes of a seekable stream and puts it back where it was, for
    /// <see cref="Check(ReadOnlySpan{byte}, long, IReadOnlyCollection{FileKind}, long, string?)"/> before the same stream is stored.
    /// </summary>
    public static async Task<byte[]> ReadHeadAsync(Stream stream, CancellationToken ct = default)
    {
        var start = stream.Position;
        var head = new byte[HeadLength];
        var filled = 0;
        int read;
        while (filled < head.Length && (read = await stream.ReadAsync(head.AsMemory(filled), ct)) > 0)
        {
            filled += read;
        }
        stream.Position = start;
        return head[..filled];
    }

    /// <summary>The accept attribute of a file input for <paramref name="kinds"/> (".pdf,.jpg,.jpeg").</summary>
    /// <summary>
    /// The name to keep of an uploaded file: no path, no control characters, at most 200 characters (keeping the
    /// extension); "file" when nothing is left.
    /// </summary>
    public static string CleanName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var result = string.Concat(name.Select(c => char.IsControl(c) ? '_' : c)).Trim();
        if (result.Length == 0)
        {
            return "file";
        }
        if (result.Length > 200)
        {
            var extension = Path.GetExtension(result);
            result = result[..(200 - extension.Length)] + extension;
        }
        return result;
    }

    public static string Accept(IEnumerable<FileKind> kinds) => string.Join(',', kinds.SelectMany(k => k.Extensions));

    private static bool IsZip(ReadOnlySpan<byte> content) => content.StartsWith("PK\u0003\u0004"u8);

    private static bool IsOle(ReadOnlySpan<byte> content) => content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    private static bool IsText(ReadOnlySpan<byte> content)
    {
        foreach (var b in content)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                return false;
            }
        }
        return true;
    }
}
