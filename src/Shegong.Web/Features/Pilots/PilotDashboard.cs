using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Pilots;

/// <summary>The batch dashboard by city, and the Excel exports of applications and projects.</summary>
public sealed partial class PilotProjectService
{
    public async Task<IReadOnlyList<PilotCityLine>> DashboardAsync(int batchId, CancellationToken cancellationToken = default)
    {
        var projects = await db.Set<PilotProject>().AsNoTracking().Include(p => p.Disbursements)
            .Where(p => p.PilotBatchId == batchId).ToListAsync(cancellationToken);
        var compliance = await ComplianceAsync(projects, cancellationToken);
        var cities = projects.Select(p => RegionCode.Pad(p.RegionCode[..4])).Distinct().ToList();
        var names = await db.Regions.IgnoreQueryFilters().Where(r => cities.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        return projects.GroupBy(p => RegionCode.Pad(p.RegionCode[..4])).OrderBy(g => g.Key)
            .Select(g => new PilotCityLine(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Select(p => p.RegionCode[..6]).Distinct().Count(), g.Count(),
                g.Sum(p => p.AwardedSubsidy ?? 0), g.Sum(p => p.Paid), g.Count(p => compliance[p.Id].Compliant)))
            .ToList();
    }

    public async Task<IResult> ExportAsync(int? batchId, string? region, string fileName, CancellationToken cancellationToken = default)
    {
        var rows = await ListAsync(batchId, region, cancellationToken);
        return ExcelExport.Stream(rows.ToAsyncEnumerable(), fileName,
            ("编号", r => r.Id), ("批次", r => r.BatchName), ("乡镇", r => r.RegionPath), ("确认补助（元）", r => r.GrantedSubsidy),
            ("核定补助（元）", r => r.AwardedSubsidy), ("已拨付（元）", r => r.Paid), ("结余（元）", r => r.Balance), ("承接站点", r => r.StationName));
    }
}

public sealed partial class PilotApplicationService
{
    public async Task<IResult> ExportAsync(int? batchId, PilotApplicationStatus? status, string fileName, CancellationToken cancellationToken = default)
    {
        var rows = await ListAsync(batchId, status, cancellationToken);
        return ExcelExport.Stream(rows.ToAsyncEnumerable(), fileName,
            ("编号", r => r.Id), ("批次", r => r.BatchName), ("申报县", r => r.CountyPath), ("状态", r => Names.Of(r.Status)),
            ("申报乡镇数", r => r.Townships), ("确认乡镇数", r => r.Confirmed), ("申报时间", r => r.CreatedAt.ToString("yyyy-MM-dd HH:mm")));
    }
}
