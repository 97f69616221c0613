using Qedu.Kernel.Files;

namespace Qedu.Plans.Features.Supervision;

/// <summary>
/// What an evidence file may be: documents and pictures a department keeps as proof (PDF, images, Word, Excel, text),
/// bounded in number and size because they live in the database. The stored type comes from the name and is checked
/// against the file's first bytes, so a page or script renamed to .pdf is refused rather than served back.
/// </summary>
internal static class EvidenceFiles
{
    public const int MaxFiles = 5;
    public const int MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxTotalBytes = 15 * 1024 * 1024;

    /// <summary>A report's whole request: the files in base64 (4/3) plus the text and figures.</summary>
    public const long MaxRequestBytes = MaxTotalBytes / 3 * 4 + 1024 * 1024;

    /// <summary>The accepted kinds (the kernel's <see cref="FileKinds"/>): the name's extension picks one, the first bytes must match it.</summary>
    public static readonly IReadOnlyList<FileKind> Kinds =
        [FileKinds.Pdf, FileKinds.Png, FileKinds.Jpeg, FileKinds.Docx, FileKinds.Xlsx, FileKinds.Doc, FileKinds.Xls, FileKinds.Text, FileKinds.Csv];

    /// <summary>The accept attribute of a file input.</summary>
    public static string Accept => FileKinds.Accept(Kinds);

    /// <summary>The media type to store, or null when the name or the content is not an accepted kind (or the file is too large).</summary>
    public static string? MediaType(string fileName, ReadOnlySpan<byte> content) =>
        FileKinds.Check(content, Kinds, MaxFileBytes, fileName).Kind?.MediaType;
}
