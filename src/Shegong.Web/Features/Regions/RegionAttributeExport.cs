using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Regions;

/// <summary>
/// The attributes of a region and everything under it down to the townships, as an Excel file whose columns the
/// import reads back: an official fills in the populations and flags and uploads the same file.
/// </summary>
public static class RegionAttributeExport
{
    public static async Task<IResult> StreamAsync(ShegongDb db, RegionService regions, string? region, string fileName, CancellationToken cancellationToken)
    {
        var root = await regions.FindAsync(string.IsNullOrEmpty(region) ? db.Scope.RootCode ?? "510000000000" : region, cancellationToken);
        if (!db.Scope.Contains(root.Code))
        {
            throw RequestProblem.NotFound(Problems.Format(ProblemText.NoRegionWithCode, root.Code));
        }
        var (low, high) = RegionCode.SubtreeRange(root.Code);
        var rows = db.Regions.AsNoTracking()
            .Where(r => r.Level <= RegionLevel.Township && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0)
            .OrderBy(r => r.Code).AsAsyncEnumerable();
        static string Flag(bool value) => value ? "是" : "否";
        return ExcelExport.Stream(rows, fileName,
            ("区划代码", r => r.Code), ("名称", r => r.Name), ("常住人口", r => r.ResidentPopulation), ("城镇常住人口", r => r.UrbanResidentPopulation),
            ("城乡分类代码", r => r.UrbanRuralCode), ("中心镇", r => Flag(r.IsCentralTown)), ("易地扶贫搬迁安置点", r => Flag(r.IsRelocationSite)),
            ("城乡社区治理试点", r => Flag(r.IsGovernancePilot)));
    }
}
