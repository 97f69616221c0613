using System.Text;
using Qedu.Kernel.Files;

namespace Qedu.Kernel.Tests.Files;

/// <summary>A file's kind is told from its first bytes; its name only chooses among kinds that look alike.</summary>
public sealed class FileKindsTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0];
    private static readonly byte[] Zip = [(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    private static readonly byte[] Html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>");
    private static readonly byte[] Text = Encoding.UTF8.GetBytes("学籍号,姓名\r\n001,张三\r\n");
    private static readonly byte[] Mp4 = [0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m'];
    private static readonly byte[] Binary = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0];

    [Fact]
    public void Sniffing_tells_the_media_type_from_the_first_bytes()
    {
        Assert.Equal("application/pdf", FileKinds.Sniff(Pdf));
        Assert.Equal("image/png", FileKinds.Sniff(Png));
        Assert.Equal("image/jpeg", FileKinds.Sniff(Jpeg));
        Assert.Equal("application/zip", FileKinds.Sniff(Zip));
        Assert.Equal("application/x-ole-storage", FileKinds.Sniff(Ole));
        Assert.Equal("text/plain", FileKinds.Sniff(Text));
        Assert.Equal("text/plain", FileKinds.Sniff(Html));
        Assert.Equal("video/mp4", FileKinds.Sniff(Mp4));
        Assert.Null(FileKinds.Sniff(Binary));
        Assert.Null(FileKinds.Sniff([]));
    }

    [Fact]
    public void A_renamed_page_is_refused_as_a_pdf_and_as_a_picture()
    {
        Assert.Equal(new FileCheck(null, FileProblem.NotAllowed), FileKinds.Check(Html, FileKinds.ScansAndPictures, 1 << 20, "户口簿.pdf"));
        Assert.Equal(new FileCheck(null, FileProblem.NotAllowed), FileKinds.Check(Html, FileKinds.ScansAndPictures, 1 << 20, "photo.jpg"));
        Assert.Equal(new FileCheck(null, FileProblem.NotAllowed), FileKinds.Check(Html, FileKinds.ScansAndPictures, 1 << 20));
    }

    [Fact]
    public void The_name_picks_the_kind_and_the_content_must_match_it()
    {
        Assert.Same(FileKinds.Pdf, FileKinds.Check(Pdf, FileKinds.All, 1 << 20, "证明.PDF").Kind);
        Assert.Same(FileKinds.Xlsx, FileKinds.Check(Zip, FileKinds.All, 1 << 20, "名单.xlsx").Kind);
        Assert.Same(FileKinds.Docx, FileKinds.Check(Zip, FileKinds.All, 1 << 20, "说明.docx").Kind);
        Assert.Same(FileKinds.Xls, FileKinds.Check(Ole, FileKinds.All, 1 << 20, "old.xls").Kind);
        Assert.Same(FileKinds.Pptx, FileKinds.Check(Zip, FileKinds.All, 1 << 20, "课件.pptx").Kind);
        Assert.Same(FileKinds.Ppt, FileKinds.Check(Ole, FileKinds.All, 1 << 20, "课件.ppt").Kind);
        Assert.Same(FileKinds.Mp4, FileKinds.Check(Mp4, FileKinds.All, 1 << 20, "微课.mp4").Kind);
        Assert.Equal(FileProblem.NotAllowed, FileKinds.Check(Pdf, FileKinds.All, 1 << 20, "微课.mp4").Problem);
        Assert.Same(FileKinds.Csv, FileKinds.Check(Text, FileKinds.All, 1 << 20, "名单.csv").Kind);
        // A PNG named .jpg is not a JPEG; an allowed content under a name no allowed kind has is refused too.
        Assert.Equal(FileProblem.NotAllowed, FileKinds.Check(Png, FileKinds.All, 1 << 20, "photo.jpg").Problem);
        Assert.Equal(FileProblem.NotAllowed, FileKinds.Check(Pdf, FileKinds.Pictures, 1 << 20, "scan.pdf").Problem);
        Assert.Equal(FileProblem.NotAllowed, FileKinds.Check(Pdf, FileKinds.All, 1 << 20, "scan.exe").Problem);
    }

    [Fact]
    public void Without_a_name_the_content_alone_decides_binary_kinds_before_text()
    {
        Assert.Same(FileKinds.Jpeg, FileKinds.Check(Jpeg, FileKinds.ScansAndPictures, 1 << 20).Kind);
        Assert.Same(FileKinds.Pdf, FileKinds.Check(Pdf, [FileKinds.Text, FileKinds.Pdf], 1 << 20).Kind);
        Assert.Same(FileKinds.Text, FileKinds.Check(Text, [FileKinds.Text, FileKinds.Pdf], 1 << 20).Kind);
        Assert.Equal(FileProblem.NotAllowed, FileKinds.Check(Binary, FileKinds.All, 1 << 20).Problem);
    }

    [Fact]
    public void Size_is_checked_on_the_whole_length_and_an_empty_file_is_refused()
    {
        Assert.True(FileKinds.Check(Jpeg, Jpeg.Length, FileKinds.Pictures, Jpeg.Length).IsAccepted);
        Assert.Equal(FileProblem.TooLarge, FileKinds.Check(Jpeg, 5 * 1024 * 1024 + 1, FileKinds.Pictures, 5 * 1024 * 1024).Problem);
        Assert.Equal(FileProblem.Empty, FileKinds.Check([], FileKinds.Pictures, 1 << 20).Problem);
    }

    [Fact]
    public async Task The_head_is_read_without_moving_the_stream()
    {
        var bytes = new byte[2000];
        Pdf.CopyTo(bytes, 0);
        using var stream = new MemoryStream(bytes) { Position = 0 };

        var head = await FileKinds.ReadHeadAsync(stream);

        Assert.Equal(FileKinds.HeadLength, head.Length);
        Assert.Equal(0, stream.Position);
        Assert.Same(FileKinds.Pdf, FileKinds.Check(head, stream.Length, FileKinds.ScansAndPictures, 1 << 20, "a.pdf").Kind);
    }

    [Fact]
    public void The_accept_attribute_lists_every_extension_of_the_kinds()
    {
        Assert.Equal(".pdf,.jpg,.jpeg,.png", FileKinds.Accept(FileKinds.ScansAndPictures));
    }
}
