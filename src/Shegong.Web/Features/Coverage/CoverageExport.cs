using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Shegong.Web.Features.Coverage;

/// <summary>
/// A coverage report as an Excel workbook, in the words of the coverage page (the request's language): the
/// region's own figures, its child regions, and the uncovered townships with the reason.
/// </summary>
public static class CoverageExport
{
    public static byte[] ToXlsx(IStringLocalizer<CoverageText> t, CoverageReport report)
    {
        var figures = new[] { (report.Name, report.Figures) }.Concat(report.Children.Select(c => (c.Name, c.Figures)))
            .Select(r => new Dictionary<string, object?>
            {
                [t["Region"]] = r.Name,
                [t["Townships"]] = r.Figures.Townships,
                [t["CoveredTownships"]] = r.Figures.CoveredTownships,
                [$"{t["CoverageRate"]}(%)"] = Math.Round(r.Figures.CoverageRate * 100, 2),
                [t["OpenStations"]] = r.Figures.OpenStations,
            }).ToList();
        var uncovered = report.UncoveredTownships.Select(u => new Dictionary<string, object?>
        {
            [t["Code"]] = u.Code,
            [t["Township"]] = u.Name,
            [t["County"]] = u.CountyName,
            [t["Reason"]] = u.StationStatus is { } s ? string.Format(t["StationNotOperating"], Names.Of(s)) : t["NoStation"].Value,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [t["Heading"]] = figures, [SheetName(string.Format(t["UncoveredTitle"], uncovered.Count))] = uncovered });
        return stream.ToArray();
    }

    // A sheet name has at most 31 characters.
    private static string SheetName(string name) => name.Length > 31 ? name[..31] : name;
}
