using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;
using Shegong.Web.Features.Pilots;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Features.Workforce.Compliance;

/// <summary>
/// Staffing compliance: a station needs at least two certified resident social workers. The
/// stations checked are the operating township stations (the level that serves residents
/// with resident staff and that pilots are made of).
/// </summary>
public sealed class WorkforceSummaryService(ShegongDb db)
{
    public const int RequiredCertified = 2;

    public async Task<WorkforceSummary> GetAsync(string? code, CancellationToken cancellationToken = default)
    {
        code = string.IsNullOrEmpty(code) ? db.Scope.RootCode ?? "510000000000" : code;
        var (low, high) = WorkforceRegions.Range(code);
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, cancellationToken);
        if (region is null || !db.Scope.Contains(code))
        {
            throw RequestProblem.NotFound(Problems.Format(ProblemText.NoRegionWithCode, code));
        }
        var active = Active(low, high);
        var activeCount = await active.CountAsync(cancellationToken);
        var groups = await active.Where(w => w.ResidentStationId != null)
            .GroupBy(w => new { w.Certification, w.IsNewGraduate, w.IsLocal })
            .Select(g => new { g.Key.Certification, g.Key.IsNewGraduate, g.Key.IsLocal, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var resident = groups.Sum(g => g.Count);
        var certified = groups.Where(g => g.Certification != CertificationLevel.None).Sum(g => g.Count);
        var graduates = groups.Where(g => g.IsNewGraduate).Sum(g => g.Count);
        var local = groups.Where(g => g.IsLocal).Sum(g => g.Count);
        var byLevel = Enum.GetValues<CertificationLevel>()
            .ToDictionary(l => l, l => groups.Where(g => g.Certification == l).Sum(g => g.Count));

        var stations = await db.Stations.AsNoTracking()
            .Where(s => s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Operating
                && string.Compare(s.RegionCode, low) >= 0 && string.Compare(s.RegionCode, high) <= 0)
            .OrderBy(s => s.RegionCode).Select(s => new { s.Id, s.Name, s.RegionCode }).ToListAsync(cancellationToken);
        var staffing = await active.Where(w => w.ResidentStationId != null)
            .GroupBy(w => w.ResidentStationId!.Value)
            .Select(g => new { StationId = g.Key, Residents = g.Count(), Certified = g.Count(w => w.Certification != CertificationLevel.None) })
            .ToDictionaryAsync(g => g.StationId, cancellationToken);
        var short_ = stations.Where(s => (staffing.GetValueOrDefault(s.Id)?.Certified ?? 0) < RequiredCertified).ToList();
        var paths = await RegionPaths.NameAsync(db, short_.Select(s => s.RegionCode), cancellationToken);
        var shortIds = short_.Select(s => (int?)s.Id).ToList();
        var pilots = (await db.Set<PilotProject>().IgnoreQueryFilters().Where(p => shortIds.Contains(p.StationId))
            .Select(p => p.StationId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        var shortRows = short_.Select(s => new ShortStation(s.Id, s.Name, s.RegionCode, paths[s.RegionCode].Path,
            staffing.GetValueOrDefault(s.Id)?.Residents ?? 0, staffing.GetValueOrDefault(s.Id)?.Certified ?? 0, IsPilot: pilots.Contains(s.Id))).ToList();

        return new WorkforceSummary(region.Code, region.Name, activeCount, resident, certified, Share(certified, resident), byLevel,
            graduates, Share(graduates, resident), local, Share(local, resident), stations.Count, shortRows.Count, shortRows);
    }

    /// <summary>Resident social workers under the region (the statistics summary's figure): the same count as <see cref="GetAsync"/>'s.</summary>
    public Task<int> ResidentSocialWorkersAsync(string code, CancellationToken cancellationToken = default)
    {
        var (low, high) = WorkforceRegions.Range(code);
        return Active(low, high).CountAsync(w => w.ResidentStationId != null, cancellationToken);
    }

    private IQueryable<SocialWorker> Active(string low, string high) => db.SocialWorkers.Where(w => w.Status == SocialWorkerStatus.Active
        && string.Compare(w.RegionCode, low) >= 0 && string.Compare(w.RegionCode, high) <= 0);

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
