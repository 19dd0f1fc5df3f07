using MiniExcelLibs;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Coverage;

/// <summary>A coverage report as an Excel workbook: the region's own figures, its child regions, and the uncovered townships with the reason.</summary>
public static class CoverageExport
{
    public static byte[] ToXlsx(CoverageReport report)
    {
        var figures = new[] { (report.Name, report.Figures) }.Concat(report.Children.Select(c => (c.Name, c.Figures)))
            .Select(r => new Dictionary<string, object?>
            {
                ["区划"] = r.Name,
                ["乡镇(街道)数"] = r.Figures.Townships,
                ["已覆盖乡镇(街道)"] = r.Figures.CoveredTownships,
                ["覆盖率(%)"] = Math.Round(r.Figures.CoverageRate * 100, 2),
                ["未关闭站点"] = r.Figures.OpenStations,
            }).ToList();
        var uncovered = report.UncoveredTownships.Select(t => new Dictionary<string, object?>
        {
            ["区划代码"] = t.Code,
            ["乡镇(街道)"] = t.Name,
            ["所属县(市、区)"] = t.CountyName,
            ["原因"] = t.StationStatus is { } s ? $"站点{StatusNames.Zh(s)}，未运营" : "暂无乡镇(街道)社工站",
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["覆盖情况"] = figures, ["未覆盖的乡镇(街道)"] = uncovered });
        return stream.ToArray();
    }
}
