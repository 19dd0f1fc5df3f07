using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Regions;

/// <summary>
/// The attributes of a region and everything under it down to the townships, as an Excel file whose columns the
/// import reads back: an official fills in the populations and flags and uploads the same file. Headers and yes/no
/// are in the request's language; the import reads either language.
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
        var rows = StreamedReads.Stream(db, db.Regions.AsNoTracking()
            .Where(r => r.Level <= RegionLevel.Township && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0)
            .OrderBy(r => r.Code), cancellationToken);
        static string Header(string field) => RegionAttributeImport.Header(field, CultureInfo.CurrentUICulture);
        static string Flag(bool value) => value ? NameText.Yes : NameText.No;
        return ExcelExport.Stream(rows, fileName,
            (Header("code"), r => r.Code), (Header("name"), r => r.Name), (Header("residentPopulation"), r => r.ResidentPopulation),
            (Header("urbanResidentPopulation"), r => r.UrbanResidentPopulation), (Header("urbanRuralCode"), r => r.UrbanRuralCode),
            (Header("isCentralTown"), r => Flag(r.IsCentralTown)), (Header("isRelocationSite"), r => Flag(r.IsRelocationSite)),
            (Header("isGovernancePilot"), r => Flag(r.IsGovernancePilot)));
    }
}
