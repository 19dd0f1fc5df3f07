using Microsoft.EntityFrameworkCore;
using Shegong.Web.Features.Emergencies;
using Shegong.Web.Features.Linkage.Donations;
using Shegong.Web.Features.Linkage.Volunteers;

namespace Shegong.Web.Features.Statistics;

/// <summary>
/// The five-society and emergency figures of a period. Each is the sum of the very rows its drill-through list shows
/// (the volunteer hours, donations and emergency reports lists with the same region and period), read through the
/// reader's scope like the rest of the summary.
/// </summary>
public sealed partial class StatisticsService
{
    private async Task<(decimal Hours, decimal Received, EmergencyTotals Emergencies)> PeriodLinkageAsync(string low, string high, StatisticsPeriod period,
        CancellationToken cancellationToken)
    {
        var minutes = await ConfirmedHours(low, high, period).SumAsync(h => (long?)h.Minutes, cancellationToken) ?? 0;
        var received = await DonationsReceived(low, high, period).SumAsync(d => (decimal?)d.ValueYuan, cancellationToken) ?? 0;
        return (Hours(minutes), received, await EmergencyTotalsAsync(low, high, period, cancellationToken));
    }

    /// <summary>
    /// The same figures as <see cref="PeriodLinkageAsync"/> from the same queries, grouped by the first <paramref name="prefix"/> digits of the
    /// region code: one line per child region (and the region's own code) that has any, so a breakdown row equals its child's summary.
    /// </summary>
    private async Task<Dictionary<string, RegionLinkage>> LinkageByPrefixAsync(string low, string high, int prefix, StatisticsPeriod period,
        CancellationToken cancellationToken)
    {
        var minutes = await ConfirmedHours(low, high, period).GroupBy(h => h.RegionCode.Substring(0, prefix))
            .Select(g => new { g.Key, Minutes = g.Sum(h => (long)h.Minutes) }).ToDictionaryAsync(g => g.Key, g => g.Minutes, cancellationToken);
        var received = await DonationsReceived(low, high, period).GroupBy(d => d.RegionCode.Substring(0, prefix))
            .Select(g => new { g.Key, Yuan = g.Sum(d => d.ValueYuan) }).ToDictionaryAsync(g => g.Key, g => g.Yuan, cancellationToken);
        var reports = await EmergencyReports(low, high, period).GroupBy(r => r.RegionCode.Substring(0, prefix))
            .Select(g => new { g.Key, Reports = g.Count(), Volunteers = g.Sum(r => r.VolunteersMobilised) })
            .ToDictionaryAsync(g => g.Key, g => (g.Reports, g.Volunteers), cancellationToken);
        return minutes.Keys.Union(received.Keys).Union(reports.Keys).ToDictionary(k => k, k => new RegionLinkage(Hours(minutes.GetValueOrDefault(k)),
            received.GetValueOrDefault(k), reports.GetValueOrDefault(k).Reports, reports.GetValueOrDefault(k).Volunteers));
    }

    // The rows behind each figure, read through the reader's scope: the summary sums them, the breakdown groups them by child region.
    private IQueryable<VolunteerHour> ConfirmedHours(string low, string high, StatisticsPeriod period) => db.Set<VolunteerHour>().AsNoTracking()
        .Where(h => string.Compare(h.RegionCode, low) >= 0 && string.Compare(h.RegionCode, high) <= 0 && h.Status == HourStatus.Confirmed
            && h.ServedOn >= period.From && h.ServedOn <= period.To);

    private IQueryable<Donation> DonationsReceived(string low, string high, StatisticsPeriod period) => db.Set<Donation>().AsNoTracking()
        .Where(d => string.Compare(d.RegionCode, low) >= 0 && string.Compare(d.RegionCode, high) <= 0 && d.ReceivedOn >= period.From && d.ReceivedOn <= period.To);

    private IQueryable<EmergencyReport> EmergencyReports(string low, string high, StatisticsPeriod period) => db.Set<EmergencyReport>().AsNoTracking()
        .Where(r => string.Compare(r.RegionCode, low) >= 0 && string.Compare(r.RegionCode, high) <= 0 && r.Day >= period.From && r.Day <= period.To);

    private async Task<EmergencyTotals> EmergencyTotalsAsync(string low, string high, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var reports = EmergencyReports(low, high, period);
        // One line per emergency and station: few (a station reports once a day), and distinct stations and emergencies fall out of them.
        var lines = await reports.GroupBy(r => new { r.EmergencyId, r.StationId }).Select(g => new
        {
            g.Key.EmergencyId,
            g.Key.StationId,
            Reports = g.Count(),
            Screening = g.Sum(r => r.Screening),
            Testing = g.Sum(r => r.TestingSupport),
            Supplies = g.Sum(r => r.SupplyDelivery),
            Care = g.Sum(r => r.CareVisits),
            Volunteers = g.Sum(r => r.VolunteersMobilised),
            Organisations = g.Sum(r => r.OrganisationsMobilised),
        }).ToListAsync(cancellationToken);
        return new EmergencyTotals(lines.Select(l => l.EmergencyId).Distinct().Count(), lines.Sum(l => l.Reports), lines.Select(l => l.StationId).Distinct().Count(),
            lines.Sum(l => l.Screening), lines.Sum(l => l.Testing), lines.Sum(l => l.Supplies), lines.Sum(l => l.Care), lines.Sum(l => l.Volunteers),
            lines.Sum(l => l.Organisations));
    }
}
