using Microsoft.EntityFrameworkCore;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Pilots;

/// <summary>The batch dashboard by city.</summary>
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
}
