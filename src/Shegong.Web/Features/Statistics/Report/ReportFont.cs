using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Shegong.Web.Features.Statistics.Report;

/// <summary>
/// The one font of the PDF reports: WenQuanYi Micro Hei (Apache-2.0), shipped with the app as a single TrueType
/// face (Fonts/wqy-microhei.ttf, face 0 of Debian's collection) because PDFsharp reads neither a .ttc collection nor
/// the CFF outlines of the Noto CJK fonts, and so a fresh machine makes Chinese PDFs with nothing installed.
/// </summary>
public sealed class ReportFont : IFontResolver
{
    public const string Family = "WenQuanYi Micro Hei";
    private static readonly Lock Gate = new();
    private static bool installed;
    private readonly byte[] face;

    private ReportFont(byte[] face) => this.face = face;

    /// <summary>PDFsharp's resolver is process-wide and may be set once: the first report sets it.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (installed)
            {
                return;
            }
            var path = Path.Combine(AppContext.BaseDirectory, "Fonts", "wqy-microhei.ttf");
            GlobalFontSettings.FontResolver = new ReportFont(File.ReadAllBytes(path));
            installed = true;
        }
    }

    public static XFont Of(double size, bool bold = false) =>
        new(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    // Bold is simulated: the family has one weight.
    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) => new("wqy-microhei", isBold, isItalic);

    public byte[]? GetFont(string faceName) => face;
}
