using SkiaSharp;

namespace Qedu.Documents;

/// <summary>
/// Size and colour only: Chinese fonts on servers come in one weight, and Skia draws emboldened text as outlines
/// (large files, text that cannot be searched or copied), so emphasis is by size and colour.
/// </summary>
/// <param name="Size">The font size in points.</param>
/// <param name="Color">The colour; black when null.</param>
public sealed record TextStyle(float Size, SKColor? Color = null);

/// <summary>A piece of text in one style; a paragraph is a list of runs.</summary>
/// <param name="Text">The text; "\n" starts a new line.</param>
/// <param name="Style">Its size and colour.</param>
public sealed record Run(string Text, TextStyle Style);

/// <summary>How a line sits between its margins.</summary>
public enum Align
{
    /// <summary>Against the left margin (after the indent).</summary>
    Left,

    /// <summary>Centred between the indent and the right margin.</summary>
    Center,

    /// <summary>Against the right margin.</summary>
    Right,
}

/// <summary>
/// A small flow layout for A4 reports on Skia's PDF back end: wrapped paragraphs of styled runs, rules, one-line table
/// rows, label/value tables whose values wrap, page breaks. Lines break between any two Chinese characters and
/// between Latin words, never before a closing mark (，。）” …) nor after an opening one (（“《 …), the usual 避头尾
/// rules. Pages are laid out first and drawn afterwards (<see cref="Render"/>), so every footer can say how many pages
/// there are; the font is then cut down to the glyphs used. Units are PDF points (1/72 inch), y grows downwards.
/// </summary>
/// <example>
/// <code>
/// using var pdf = new PdfLayout(fonts.Require());
/// pdf.Paragraph("入学通知书", new TextStyle(22), align: Align.Center);
/// pdf.Paragraph("经审核，……", new TextStyle(12), firstLineIndent: 24);
/// pdf.Render(stream, new SKDocumentPdfMetadata { Title = "入学通知书" }, (page, number, count) =>
///     page.At(PdfLayout.PageWidth / 2, PdfLayout.PageHeight - 30, $"第 {number} 页 / 共 {count} 页", new TextStyle(9), Align.Center));
/// </code>
/// </example>
public sealed class PdfLayout(CjkFont face) : IDisposable
{
    /// <summary>A4's width in points.</summary>
    public const float PageWidth = 595.28f;

    /// <summary>A4's height in points.</summary>
    public const float PageHeight = 841.89f;

    /// <summary>The left and right margin in points.</summary>
    public const float Margin = 56;
    private const float Top = 64;
    private const float Bottom = PageHeight - 60;
    private const string Closing = "，。、；：！？）》」』〕】”’…%,.;:!?)]}";
    private const string Opening = "（《「『〔【“‘([{";

    private abstract record Op;
    private sealed record TextOp(float X, float Baseline, string Text, TextStyle Style) : Op;
    private sealed record LineOp(float X1, float Y1, float X2, float Y2, SKColor Color, float Width) : Op;
    private sealed record RectOp(SKRect Rect, SKColor Color) : Op;

    private readonly Dictionary<float, SKFont> _fonts = [];
    private readonly List<List<Op>> _pages = [];
    private float _y = float.MaxValue;

    /// <summary>The width between the margins.</summary>
    public static float ContentWidth => PageWidth - 2 * Margin;

    /// <summary>The pages laid out so far.</summary>
    public int PageCount => _pages.Count;

    /// <summary>The width of <paramref name="text"/> on one line in <paramref name="style"/>.</summary>
    public float Measure(string text, TextStyle style) => Font(style).MeasureText(text);

    /// <summary>Vertical space before what comes next (none at the top of a new page).</summary>
    public void Space(float height)
    {
        if (_y < Bottom)
        {
            _y += height;
        }
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void KeepTogether(float height)
    {
        if (_y + height > Bottom)
        {
            NewPage();
        }
    }

    /// <summary>Starts a new page unless this one is still empty (one document printed per page, e.g. a class's reports).</summary>
    public void PageBreak()
    {
        if (_pages.Count > 0 && Page.Count > 0)
        {
            NewPage();
        }
    }

    /// <summary>Text in one style wrapped between the margins; see <see cref="Paragraph(IReadOnlyList{Run}, float, float, Align, float)"/>.</summary>
    public void Paragraph(string text, TextStyle style, float indent = 0, float after = 3, Align align = Align.Left, float firstLineIndent = 0) =>
        Paragraph([new Run(text, style)], indent, after, align, firstLineIndent);

    /// <summary>
    /// Runs wrapped between the margins (less <paramref name="indent"/>), onto new pages as needed, then
    /// <paramref name="after"/> points of space. <paramref name="firstLineIndent"/> moves the first line further in
    /// (two characters' width for a Chinese paragraph: twice the font size).
    /// </summary>
    public void Paragraph(IReadOnlyList<Run> runs, float indent = 0, float after = 3, Align align = Align.Left, float firstLineIndent = 0)
    {
        var max = ContentWidth - indent;
        var first = true;
        foreach (var line in Wrap(runs, max, firstLineIndent))
        {
            var size = line.Count == 0 ? runs.Max(r => r.Style.Size) : line.Max(t => t.Style.Size);
            var height = size * 1.6f;
            if (_y + height > Bottom)
            {
                NewPage();
            }
            var width = line.Sum(t => t.Width);
            var lead = first ? firstLineIndent : 0;
            first = false;
            var x = Margin + indent + lead + align switch
            {
                Align.Center => (max - lead - width) / 2,
                Align.Right => max - lead - width,
                _ => 0,
            };
            var baseline = _y + size * 1.2f;
            // Neighbouring pieces of one style go out as one string: smaller files, and text that copies as written.
            foreach (var group in Merge(line))
            {
                Page.Add(new TextOp(x, baseline, group.Text, group.Style));
                x += group.Width;
            }
            _y += height;
        }
        _y += after;
    }

    /// <summary>A horizontal line from the indent to the right margin.</summary>
    public void Rule(SKColor color, float width = 0.5f, float indent = 0)
    {
        if (_y + 4 > Bottom)
        {
            NewPage();
        }
        Page.Add(new LineOp(Margin + indent, _y + 2, PageWidth - Margin, _y + 2, color, width));
        _y += 4;
    }

    /// <summary>One table row of single-line cells starting at the given offsets, on a shaded band when asked.</summary>
    public void Row(IReadOnlyList<float> offsets, IReadOnlyList<Run> cells, SKColor? band = null, SKColor? marker = null)
    {
        var size = cells.Max(c => c.Style.Size);
        var height = size * 1.9f;
        if (_y + height > Bottom)
        {
            NewPage();
        }
        if (band is { } b)
        {
            Page.Add(new RectOp(new SKRect(Margin, _y, PageWidth - Margin, _y + height), b));
        }
        var baseline = _y + height / 2 + size * 0.36f;
        for (var i = 0; i < cells.Count; i++)
        {
            var x = Margin + offsets[i];
            if (i == 0 && marker is { } m)
            {
                Page.Add(new RectOp(new SKRect(x, baseline - size * 0.75f, x + size * 0.75f, baseline), m));
                x += size * 1.2f;
            }
            Page.Add(new TextOp(x, baseline, cells[i].Text, cells[i].Style));
        }
        _y += height;
    }

    /// <summary>
    /// Draws every page: <paramref name="decorate"/> adds each page's header and footer (given its number and the
    /// count), then everything is drawn with a font cut down to the glyphs used.
    /// </summary>
    public void Render(Stream stream, SKDocumentPdfMetadata metadata, Action<PdfLayout, int, int> decorate)
    {
        if (_pages.Count == 0)
        {
            NewPage();
        }
        var content = _pages.ToList();
        var pages = new List<List<Op>>();
        for (var i = 0; i < content.Count; i++)
        {
            _pages.Clear();
            _pages.Add([]);
            decorate(this, i + 1, content.Count);
            pages.Add([.. _pages[0], .. content[i]]);
        }
        _pages.Clear();
        _pages.AddRange(content);

        var subset = face.Subset(pages.SelectMany(p => p.OfType<TextOp>()).Select(t => t.Text));
        var fonts = new Dictionary<float, SKFont>();
        try
        {
            using var document = SKDocument.CreatePdf(stream, metadata);
            using var paint = new SKPaint { IsAntialias = true };
            foreach (var page in pages)
            {
                var canvas = document.BeginPage(PageWidth, PageHeight);
                foreach (var op in page)
                {
                    Draw(canvas, paint, op, fonts, subset);
                }
                document.EndPage();
            }
            document.Close();
        }
        finally
        {
            foreach (var font in fonts.Values)
            {
                font.Dispose();
            }
            if (subset != face.Typeface)
            {
                subset.Dispose();
            }
        }
    }

    /// <summary>
    /// Text placed at an absolute position on the current page (headers and footers): <paramref name="x"/> is where
    /// it starts, its centre or its end, as <paramref name="align"/> says.
    /// </summary>
    public void At(float x, float baseline, string text, TextStyle style, Align align = Align.Left) =>
        Page.Add(new TextOp(align switch
        {
            Align.Center => x - Measure(text, style) / 2,
            Align.Right => x - Measure(text, style),
            _ => x,
        }, baseline, text, style));

    /// <summary>A horizontal line between the margins at <paramref name="y"/> on the current page (headers and footers).</summary>
    public void LineAt(float y, SKColor color, float width = 0.5f) => Page.Add(new LineOp(Margin, y, PageWidth - Margin, y, color, width));

    /// <summary>
    /// A two-column table between the margins: each label in the first <paramref name="labelWidth"/> points, its value
    /// beside it wrapped onto as many lines as it needs, both within <paramref name="border"/>-coloured cell lines.
    /// A row is never split across pages.
    /// </summary>
    public void LabelValueTable(IReadOnlyList<(string Label, string Value)> rows, TextStyle labelStyle, TextStyle valueStyle, float labelWidth, SKColor border, SKColor? labelBand = null)
    {
        const float padding = 6;
        var valueWidth = ContentWidth - labelWidth - 2 * padding;
        var top = true;
        foreach (var (label, value) in rows)
        {
            var labelLines = Wrap([new Run(label, labelStyle)], labelWidth - 2 * padding, 0);
            var valueLines = Wrap([new Run(value, valueStyle)], valueWidth, 0);
            var labelHeight = labelLines.Count * labelStyle.Size * 1.6f;
            var valueHeight = valueLines.Count * valueStyle.Size * 1.6f;
            var height = Math.Max(labelHeight, valueHeight) + 2 * padding;
            if (_y + height > Bottom)
            {
                NewPage();
                top = true;
            }
            var left = Margin;
            var split = Margin + labelWidth;
            var right = PageWidth - Margin;
            if (labelBand is { } band)
            {
                Page.Add(new RectOp(new SKRect(left, _y, split, _y + height), band));
            }
            if (top)
            {
                Page.Add(new LineOp(left, _y, right, _y, border, 0.6f));
                top = false;
            }
            Page.Add(new LineOp(left, _y + height, right, _y + height, border, 0.6f));
            Page.Add(new LineOp(left, _y, left, _y + height, border, 0.6f));
            Page.Add(new LineOp(split, _y, split, _y + height, border, 0.6f));
            Page.Add(new LineOp(right, _y, right, _y + height, border, 0.6f));
            Cell(labelLines, left + padding, _y + padding + (height - 2 * padding - labelHeight) / 2, labelStyle.Size);
            Cell(valueLines, split + padding, _y + padding + (height - 2 * padding - valueHeight) / 2, valueStyle.Size);
            _y += height;
        }
    }

    private void Cell(List<List<Piece>> lines, float x, float y, float size)
    {
        foreach (var line in lines)
        {
            var at = x;
            foreach (var group in Merge(line))
            {
                Page.Add(new TextOp(at, y + size * 1.2f, group.Text, group.Style));
                at += group.Width;
            }
            y += size * 1.6f;
        }
    }

    private List<Op> Page => _pages[^1];

    private void NewPage()
    {
        _pages.Add([]);
        _y = Top;
    }

    private static void Draw(SKCanvas canvas, SKPaint paint, Op op, Dictionary<float, SKFont> fonts, SKTypeface typeface)
    {
        switch (op)
        {
            case TextOp t:
                paint.Style = SKPaintStyle.Fill;
                paint.Color = t.Style.Color ?? SKColors.Black;
                if (!fonts.TryGetValue(t.Style.Size, out var font))
                {
                    font = new SKFont(typeface, t.Style.Size) { Subpixel = true };
                    fonts[t.Style.Size] = font;
                }
                canvas.DrawText(t.Text, t.X, t.Baseline, font, paint);
                break;
            case LineOp l:
                paint.Style = SKPaintStyle.Stroke;
                paint.StrokeWidth = l.Width;
                paint.Color = l.Color;
                canvas.DrawLine(l.X1, l.Y1, l.X2, l.Y2, paint);
                break;
            case RectOp r:
                paint.Style = SKPaintStyle.Fill;
                paint.Color = r.Color;
                canvas.DrawRect(r.Rect, paint);
                break;
        }
    }

    private SKFont Font(TextStyle style)
    {
        if (!_fonts.TryGetValue(style.Size, out var font))
        {
            font = new SKFont(face.Typeface, style.Size) { Subpixel = true };
            _fonts[style.Size] = font;
        }
        return font;
    }

    private sealed record Piece(string Text, TextStyle Style, float Width, bool IsSpace);

    /// <summary>
    /// Splits runs into unbreakable groups: one Chinese character, or a Latin word, with a closing mark after it or an
    /// opening mark before it kept in the same group; spaces between; "\n" forces a new line.
    /// </summary>
    private List<List<Piece>> Wrap(IReadOnlyList<Run> runs, float fullWidth, float firstLineIndent)
    {
        var lines = new List<List<Piece>>();
        // The first line is shorter by its indent.
        float Max() => lines.Count == 0 ? fullWidth - firstLineIndent : fullWidth;
        var line = new List<Piece>();
        var lineWidth = 0f;
        var group = new List<Piece>();
        var glueNext = false;

        void Place(List<Piece> g)
        {
            var width = g.Sum(p => p.Width);
            if (line.Count > 0 && lineWidth + width > Max())
            {
                lines.Add(TrimEnd(line));
                line = [];
                lineWidth = 0;
            }
            if (line.Count == 0 && g.All(p => p.IsSpace))
            {
                return;
            }
            if (line.Count == 0 && width > Max())
            {
                // Longer than a whole line (a long number or address): break it character by character.
                foreach (var piece in g)
                {
                    foreach (var c in SplitChars(piece))
                    {
                        if (line.Count > 0 && lineWidth + c.Width > Max())
                        {
                            lines.Add(line);
                            line = [];
                            lineWidth = 0;
                        }
                        line.Add(c);
                        lineWidth += c.Width;
                    }
                }
                return;
            }
            line.AddRange(g);
            lineWidth += width;
        }

        void Flush()
        {
            if (group.Count > 0)
            {
                Place(group);
                group = [];
            }
        }

        foreach (var run in runs)
        {
            var text = run.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\n')
                {
                    Flush();
                    lines.Add(TrimEnd(line));
                    line = [];
                    lineWidth = 0;
                    glueNext = false;
                    i++;
                    continue;
                }
                string token;
                var isSpace = false;
                if (char.IsWhiteSpace(c))
                {
                    token = " ";
                    isSpace = true;
                    i++;
                }
                else if (IsWordChar(c))
                {
                    var start = i;
                    while (i < text.Length && IsWordChar(text[i]))
                    {
                        i++;
                    }
                    token = text[start..i];
                }
                else
                {
                    var length = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                    token = text.Substring(i, length);
                    i += length;
                }
                var piece = new Piece(token, run.Style, Measure(token, run.Style), isSpace);
                var closes = token.Length == 1 && Closing.Contains(token[0], StringComparison.Ordinal);
                if (isSpace || !(glueNext || closes))
                {
                    Flush();
                }
                group.Add(piece);
                glueNext = token.Length == 1 && Opening.Contains(token[0], StringComparison.Ordinal);
                if (isSpace)
                {
                    Flush();
                }
            }
        }
        Flush();
        if (line.Count > 0 || lines.Count == 0)
        {
            lines.Add(TrimEnd(line));
        }
        return lines;
    }

    private IEnumerable<Piece> SplitChars(Piece piece)
    {
        for (var i = 0; i < piece.Text.Length; i++)
        {
            var length = char.IsHighSurrogate(piece.Text[i]) && i + 1 < piece.Text.Length ? 2 : 1;
            var part = piece.Text.Substring(i, length);
            i += length - 1;
            yield return new Piece(part, piece.Style, Measure(part, piece.Style), piece.IsSpace);
        }
    }

    private static List<Piece> TrimEnd(List<Piece> line)
    {
        while (line.Count > 0 && line[^1].IsSpace)
        {
            line.RemoveAt(line.Count - 1);
        }
        return line;
    }

    private static IEnumerable<Piece> Merge(List<Piece> line)
    {
        Piece? current = null;
        foreach (var piece in line)
        {
            if (current is not null && current.Style == piece.Style)
            {
                current = current with { Text = current.Text + piece.Text, Width = current.Width + piece.Width };
                continue;
            }
            if (current is not null)
            {
                yield return current;
            }
            current = piece;
        }
        if (current is not null)
        {
            yield return current;
        }
    }

    private static bool IsWordChar(char c) => c < 0x2E80 && (char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or '#' or '+' or '%');

    /// <summary>Releases the measuring fonts.</summary>
    public void Dispose()
    {
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }
    }
}
