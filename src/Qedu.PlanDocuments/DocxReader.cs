using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Qedu.PlanDocuments;

/// <summary>
/// The text of a .docx in reading order: one line per paragraph; a table cell starts with a tab and its further
/// paragraphs follow on their own lines, which is how a table looks when a plan is saved as plain text, so one
/// parser reads both.
/// </summary>
public static class DocxReader
{
    public static string Extract(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw new InvalidDataException("The .docx has no document body.");
        var text = new StringBuilder();
        foreach (var element in body.ChildElements)
        {
            Append(text, element);
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, OpenXmlElement element)
    {
        switch (element)
        {
            case Paragraph paragraph:
                text.Append(ParagraphText(paragraph).Trim()).Append('\n');
                break;
            case Table table:
                foreach (var row in table.Elements<TableRow>())
                {
                    foreach (var cell in row.Elements<TableCell>())
                    {
                        var paragraphs = cell.Descendants<Paragraph>().Select(p => ParagraphText(p).Trim()).ToList();
                        text.Append('\t').Append(paragraphs.FirstOrDefault() ?? "").Append('\n');
                        foreach (var more in paragraphs.Skip(1))
                        {
                            text.Append(more).Append('\n');
                        }
                    }
                }
                text.Append('\n');
                break;
            case SdtBlock block:
                foreach (var child in block.SdtContentBlock?.ChildElements ?? Enumerable.Empty<OpenXmlElement>())
                {
                    Append(text, child);
                }
                break;
        }
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var node in paragraph.Descendants())
        {
            switch (node)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append(' ');
                    break;
                case Break:
                    text.Append(' ');
                    break;
            }
        }
        return text.ToString();
    }
}
