using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;
using Shegong.Web.Features.Coverage;
using Shegong.Web.Features.Linkage.Organisations;
using Shegong.Web.Features.Linkage.Teams;
using Shegong.Web.Features.Linkage.Volunteers;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;
using Shegong.Web.Features.Statistics;
using Shegong.Web.Features.Workforce.SocialWorkers;

namespace Shegong.Web.Features.Indicators;

/// <summary>
/// The values an indicator's formula names, for a region and each of its children, live from the records
/// (through the query filters, so only inside the reader's scope). Each quantity is one query over the
/// region's code range grouped by code, then summed per child by code prefix in memory; coverage comes
/// from <see cref="CoverageService"/> so an indicator and the coverage page never disagree.
/// </summary>
public sealed class IndicatorQuantities(ShegongDb db, CoverageService coverage, TimeProvider clock)
{
    /// <summary>Values by region code (the region and each child); a null value is unknown (a population not recorded).</summary>
    public async Task<Dictionary<string, decimal?>> ValuesAsync(Region region, IReadOnlyList<Region> children, IndicatorQuantity quantity,
        CancellationToken cancellationToken)
    {
        var places = new List<Region>(children.Count + 1) { region };
        places.AddRange(children);
        if (quantity is IndicatorQuantity.ResidentPopulation or IndicatorQuantity.UrbanResidentPopulation)
        {
            return await PopulationAsync(places, quantity == IndicatorQuantity.UrbanResidentPopulation, cancellationToken);
        }
        if (quantity is IndicatorQuantity.Townships or IndicatorQuantity.TownshipsCovered or IndicatorQuantity.Counties or IndicatorQuantity.CountiesFullyCovered)
        {
            var report = await coverage.GetAsync(region.Code, cancellationToken);
            var rows = report.Children.ToDictionary(c => c.Code, c => c.Figures);
            rows[region.Code] = report.Figures;
            return places.ToDictionary(p => p.Code, p => rows.TryGetValue(p.Code, out var f) ? (decimal?)Coverage(f, quantity) : 0m);
        }
        var counts = await CountsByCodeAsync(region.Code, quantity, cancellationToken);
        return places.ToDictionary(p => p.Code, p =>
        {
            var prefix = RegionCode.Prefix(p.Code);
            return (decimal?)counts.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value);
        });
    }

    private static int Coverage(CoverageFigures f, IndicatorQuantity quantity) => quantity switch
    {
        IndicatorQuantity.Townships => f.Townships,
        IndicatorQuantity.TownshipsCovered => f.CoveredTownships,
        IndicatorQuantity.Counties => f.Counties,
        _ => f.FullyCoveredCounties,
    };

    private async Task<List<KeyValuePair<string, long>>> CountsByCodeAsync(string code, IndicatorQuantity quantity, CancellationToken cancellationToken)
    {
        var (low, high) = RegionCode.SubtreeRange(code);
        // The service figures cover the last twelve whole months and this one: comparable with a yearly target in any month.
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var since = new DateOnly(today.Year, today.Month, 1).AddMonths(-12);
        IQueryable<KeyValuePair<string, long>> query = quantity switch
        {
            IndicatorQuantity.StationsOperating => db.Stations.AsNoTracking()
                .Where(s => s.Status == StationStatus.Operating && string.Compare(s.RegionCode, low) >= 0 && string.Compare(s.RegionCode, high) <= 0)
                .GroupBy(s => s.RegionCode).Select(g => new KeyValuePair<string, long>(g.Key, g.Count())),
            IndicatorQuantity.ResidentSocialWorkers => db.SocialWorkers.AsNoTracking()
                .Where(w => w.Status == SocialWorkerStatus.Active && w.ResidentStationId != null
                    && string.Compare(w.RegionCode, low) >= 0 && string.Compare(w.RegionCode, high) <= 0)
                .GroupBy(w => w.RegionCode).Select(g => new KeyValuePair<string, long>(g.Key, g.Count())),
            IndicatorQuantity.CommunityOrganisations => db.Set<CommunityOrganisation>().AsNoTracking()
                .Where(o => string.Compare(o.RegionCode, low) >= 0 && string.Compare(o.RegionCode, high) <= 0)
                .GroupBy(o => o.RegionCode).Select(g => new KeyValuePair<string, long>(g.Key, g.Count())),
            IndicatorQuantity.VolunteerTeams => db.Set<VolunteerTeam>().AsNoTracking()
                .Where(t => t.IsActive && string.Compare(t.RegionCode, low) >= 0 && string.Compare(t.RegionCode, high) <= 0)
                .GroupBy(t => t.RegionCode).Select(g => new KeyValuePair<string, long>(g.Key, g.Count())),
            IndicatorQuantity.RegisteredVolunteers => db.Set<Volunteer>().AsNoTracking()
                .Where(v => v.Status == VolunteerStatus.Approved && string.Compare(v.RegionCode, low) >= 0 && string.Compare(v.RegionCode, high) <= 0)
                .GroupBy(v => v.RegionCode).Select(g => new KeyValuePair<string, long>(g.Key, g.Count())),
            IndicatorQuantity.ServicePersonTimes => db.Set<ServiceSummary>().AsNoTracking()
                .Where(s => s.Month >= since && string.Compare(s.RegionCode, low) >= 0 && string.Compare(s.RegionCode, high) <= 0)
                .GroupBy(s => s.RegionCode).Select(g => new KeyValuePair<string, long>(g.Key, g.Sum(s => (long)s.PersonTimes))),
            IndicatorQuantity.CommunityActivities => db.Set<ServiceSummary>().AsNoTracking()
                .Where(s => s.Month >= since && s.Source == ServiceRecords.ServiceSource.Activity
                    && string.Compare(s.RegionCode, low) >= 0 && string.Compare(s.RegionCode, high) <= 0)
                .GroupBy(s => s.RegionCode).Select(g => new KeyValuePair<string, long>(g.Key, g.Sum(s => (long)s.Records))),
            _ => throw new ArgumentOutOfRangeException(nameof(quantity), quantity, null),
        };
        return await query.ToListAsync(cancellationToken);
    }

    private async Task<Dictionary<string, decimal?>> PopulationAsync(List<Region> places, bool urban, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, decimal?>();
        foreach (var place in places)
        {
            values[place.Code] = await RegionPopulation.OfAsync(db, place.Code, urban, cancellationToken);
        }
        return values;
    }
}
