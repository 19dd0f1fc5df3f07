using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Shegong.Web.Features.Statistics.Report;

/// <summary>Lays a report out down A4 pages: title, headings, label–value pairs, a bar chart and tables, with page breaks.</summary>
internal sealed class ReportPen
{
    private const double Margin = 50;
    private readonly PdfDocument document;
    private PdfPage page = null!;
    private XGraphics gfx = null!;
    private double y;

    public ReportPen(PdfDocument document)
    {
        this.document = document;
        NewPage();
    }

    private double Width => page.Width.Point - 2 * Margin;

    private void NewPage()
    {
        gfx?.Dispose();
        page = document.AddPage();
        page.Size = PageSize.A4;
        gfx = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    private void Room(double height)
    {
        if (y + height > page.Height.Point - Margin)
        {
            NewPage();
        }
    }

    private void Text(string text, XFont font, double x, double width, XStringFormat format, XBrush? brush = null) =>
        gfx.DrawString(text, font, brush ?? XBrushes.Black, new XRect(x, y, width, font.Size * 1.4), format);

    public void Title(string title, string period, string made)
    {
        Text(title, ReportFont.Of(18, bold: true), Margin, Width, XStringFormats.TopCenter);
        y += 34;
        Text(period, ReportFont.Of(11), Margin, Width, XStringFormats.TopCenter);
        y += 18;
        Text(made, ReportFont.Of(10), Margin, Width, XStringFormats.TopCenter, XBrushes.DimGray);
        y += 26;
    }

    public void Heading(string text)
    {
        Room(40);
        y += 8;
        Text(text, ReportFont.Of(13, bold: true), Margin, Width, XStringFormats.TopLeft);
        y += 22;
        gfx.DrawLine(XPens.LightGray, Margin, y - 4, Margin + Width, y - 4);
    }

    /// <summary>Label and value in two columns of pairs.</summary>
    public void Pairs(IReadOnlyList<(string Label, string Value)> pairs)
    {
        var half = Width / 2;
        for (var i = 0; i < pairs.Count; i += 2)
        {
            Room(20);
            for (var j = 0; j < 2 && i + j < pairs.Count; j++)
            {
                var x = Margin + j * half;
                Text(pairs[i + j].Label, ReportFont.Of(10.5), x, half * 0.6, XStringFormats.TopLeft, XBrushes.DimGray);
                Text(pairs[i + j].Value, ReportFont.Of(10.5, bold: true), x + half * 0.6, half * 0.35, XStringFormats.TopRight);
            }
            y += 20;
        }
    }

    /// <summary>Horizontal bars, longest first, each labelled with its value.</summary>
    public void Bars(IReadOnlyList<(string Label, double Value)> bars, string caption)
    {
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        Room(18);
        Text(caption, ReportFont.Of(9), Margin, Width, XStringFormats.TopLeft, XBrushes.DimGray);
        y += 16;
        var labelWidth = Width * 0.25;
        var barWidth = Width * 0.6;
        foreach (var (label, value) in bars)
        {
            Room(16);
            Text(label, ReportFont.Of(9), Margin, labelWidth - 6, XStringFormats.TopRight);
            var length = max <= 0 ? 0 : barWidth * value / max;
            gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(22, 119, 255)), Margin + labelWidth, y + 2, Math.Max(length, 0.5), 10);
            Text(value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture), ReportFont.Of(9), Margin + labelWidth + length + 4,
                Width - labelWidth - length - 4, XStringFormats.TopLeft);
            y += 15;
        }
        y += 6;
    }

    /// <summary>A table, the first column left-aligned and the figures right-aligned; the header repeats on a new page.</summary>
    public void Table(IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        var first = Width * 0.3;
        var rest = (Width - first) / (header.Count - 1);
        void Line(string[] cells, bool bold)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                var x = c == 0 ? Margin : Margin + first + (c - 1) * rest;
                Text(cells[c], ReportFont.Of(9, bold), x, (c == 0 ? first : rest) - 4, c == 0 ? XStringFormats.TopLeft : XStringFormats.TopRight);
            }
            y += 16;
        }
        Room(40);
        Line([.. header], true);
        foreach (var row in rows)
        {
            if (y + 16 > page.Height.Point - Margin)
            {
                NewPage();
                Line([.. header], true);
            }
            Line(row, false);
        }
        y += 8;
    }

    public void Finish() => gfx.Dispose();
}
