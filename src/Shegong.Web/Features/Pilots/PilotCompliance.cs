using Microsoft.EntityFrameworkCore;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Workforce.Compliance;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Features.Pilots;

/// <summary>
/// A project's standard, computed live from its station: operating, at least two certified resident
/// social workers, and services of each of the six categories recorded in the last quarter (the
/// 91 days up to today).
/// </summary>
public sealed partial class PilotProjectService
{
    public const int QuarterDays = 91;

    public async Task<IReadOnlyDictionary<int, PilotCompliance>> ComplianceAsync(IReadOnlyList<PilotProject> projects, CancellationToken cancellationToken = default)
    {
        var stationIds = projects.Where(p => p.StationId != null).Select(p => p.StationId!.Value).Distinct().ToList();
        var statuses = await db.Stations.IgnoreQueryFilters().Where(s => stationIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Status, cancellationToken);
        var certified = await db.SocialWorkers.IgnoreQueryFilters()
            .Where(w => w.Status == SocialWorkerStatus.Active && w.Certification != CertificationLevel.None && w.ResidentStationId != null
                && stationIds.Contains(w.ResidentStationId.Value))
            .GroupBy(w => w.ResidentStationId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var since = Today.AddDays(-QuarterDays);
        var categories = (await db.Set<ServiceRecord>().IgnoreQueryFilters()
            .Where(r => stationIds.Contains(r.StationId) && r.ServedOn > since && r.ServedOn <= Today)
            .Select(r => new { r.StationId, r.Category }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(r => r.StationId, r => r.Category);
        return projects.ToDictionary(p => p.Id, p => Check(p.StationId, statuses, certified, categories));
    }

    /// <summary>Compliance of the listed projects the caller may see (the project page's column).</summary>
    public async Task<IReadOnlyDictionary<int, PilotCompliance>> ComplianceForAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken = default) =>
        await ComplianceAsync(await db.Set<PilotProject>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken), cancellationToken);

    private static PilotCompliance Check(int? stationId, Dictionary<int, StationStatus> statuses, Dictionary<int, int> certified,
        ILookup<int, ServiceCategory> categories)
    {
        if (stationId is not { } id)
        {
            var all = Enum.GetValues<ServiceCategory>().Select(c => Names.Of(c)).ToList();
            return new PilotCompliance(false, false, 0, all, [ProblemText.PilotComplianceNoStation]);
        }
        var problems = new List<string>();
        var status = statuses[id];
        if (status != StationStatus.Operating)
        {
            problems.Add(Problems.Format(ProblemText.PilotComplianceNotOperating, Names.Of(status)));
        }
        var count = certified.GetValueOrDefault(id);
        if (count < WorkforceSummaryService.RequiredCertified)
        {
            problems.Add(Problems.Format(ProblemText.PilotComplianceFewCertified, count));
        }
        var missing = Enum.GetValues<ServiceCategory>().Where(c => !categories[id].Contains(c)).Select(c => Names.Of(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(Problems.Format(ProblemText.PilotComplianceMissingCategories, Names.List(missing)));
        }
        return new PilotCompliance(problems.Count == 0, status == StationStatus.Operating, count, missing, problems);
    }
}
