using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;
using Shegong.Web.Features.GroupWork;

namespace Shegong.Web.Features.Emergencies;

/// <summary>The daily reports across emergencies, by the stations' region and the report's day (the statistics' drill-through).</summary>
public sealed record EmergencyReportFilter(string? Region = null, DateOnly? From = null, DateOnly? To = null, int? EmergencyId = null)
    : IQueryFilter<EmergencyReportFilter>
{
    public static EmergencyReportFilter FromQuery(QueryValues q) => new(q.String("region"), q.Date("from"), q.Date("to"), q.Int("emergencyId"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() => QueryValues.Of(("region", Region),
        ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("emergencyId", EmergencyId?.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>
/// One daily report in the cross-emergency list: which emergency, which station, what it did, and the station's own teams and
/// organisations it names as mobilised (by name, ordered by name).
/// </summary>
public sealed record EmergencyReportLine(int Id, int EmergencyId, string EmergencyName, int StationId, string StationName, DateOnly Day, int Screening,
    int TestingSupport, int SupplyDelivery, int CareVisits, int VolunteersMobilised, int OrganisationsMobilised, IReadOnlyList<NamedGroup> Teams,
    IReadOnlyList<NamedGroup> Organisations);

/// <summary>What the listed reports add up to: the same sums the statistics summary shows for the same region and period.</summary>
public sealed record EmergencyReportTotals(int Reports, int Screening, int TestingSupport, int SupplyDelivery, int CareVisits, int VolunteersMobilised,
    int OrganisationsMobilised);

/// <summary>
/// The reports behind the statistics' emergency figures, read through the reader's scope (reports are region-scoped by
/// their station), so the list's total and sums equal the figures of the same region and period.
/// </summary>
public sealed class EmergencyReportSearch(ShegongDb db)
{
    /// <summary>The columns the report list may be sorted by (newest day first otherwise).</summary>
    public static readonly SortFields<EmergencyReport> Sorts = new SortFields<EmergencyReport>()
        .Add("day", r => r.Day).Add("screening", r => r.Screening).Add("testingSupport", r => r.TestingSupport)
        .Add("supplyDelivery", r => r.SupplyDelivery).Add("careVisits", r => r.CareVisits)
        .Add("volunteersMobilised", r => r.VolunteersMobilised).Add("organisationsMobilised", r => r.OrganisationsMobilised);

    public async Task<PagedResult<EmergencyReportLine>> ListAsync(EmergencyReportFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sorts.Apply(query, page.Sort, q => q.OrderByDescending(r => r.Day).ThenBy(r => r.RegionCode).ThenBy(r => r.Id),
                q => q.ThenByDescending(r => r.Day).ThenBy(r => r.RegionCode).ThenBy(r => r.Id))
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        var stationIds = rows.Select(r => r.StationId).Distinct().ToList();
        var emergencyIds = rows.Select(r => r.EmergencyId).Distinct().ToList();
        var stations = await db.Stations.AsNoTracking().Where(s => stationIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var emergencies = await db.Set<Emergency>().AsNoTracking().Where(e => emergencyIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        // The named groups are read through the reader's scope like the report itself: they are the reporting station's own,
        // so whoever sees the report sees them; a group outside the reader's scope would simply not be listed.
        var named = await EmergencyReportNaming.NamedAsync(db, [.. rows.Select(r => r.Id)], cancellationToken);
        return new PagedResult<EmergencyReportLine>([.. rows.Select(r => new EmergencyReportLine(r.Id, r.EmergencyId, emergencies.GetValueOrDefault(r.EmergencyId, ""),
            r.StationId, stations.GetValueOrDefault(r.StationId, ""), r.Day, r.Screening, r.TestingSupport, r.SupplyDelivery, r.CareVisits,
            r.VolunteersMobilised, r.OrganisationsMobilised, [.. named[r.Id].Where(n => n.Team).Select(n => n.Group)],
            [.. named[r.Id].Where(n => !n.Team).Select(n => n.Group)]))], total);
    }

    public async Task<EmergencyReportTotals> TotalsAsync(EmergencyReportFilter filter, CancellationToken cancellationToken = default)
    {
        var sums = await Filtered(filter).GroupBy(r => 1).Select(g => new EmergencyReportTotals(g.Count(), g.Sum(r => r.Screening), g.Sum(r => r.TestingSupport),
            g.Sum(r => r.SupplyDelivery), g.Sum(r => r.CareVisits), g.Sum(r => r.VolunteersMobilised), g.Sum(r => r.OrganisationsMobilised)))
            .FirstOrDefaultAsync(cancellationToken);
        return sums ?? new EmergencyReportTotals(0, 0, 0, 0, 0, 0, 0);
    }

    private IQueryable<EmergencyReport> Filtered(EmergencyReportFilter filter)
    {
        if (filter.From is { } start && filter.To is { } end && end < start)
        {
            throw RequestProblem.Invalid("to", ProblemText.StatisticsToBeforeFrom);
        }
        var query = ScopedRegion.Under(db.Set<EmergencyReport>().AsNoTracking(), filter.Region);
        query = filter.From is { } from ? query.Where(r => r.Day >= from) : query;
        query = filter.To is { } to ? query.Where(r => r.Day <= to) : query;
        return filter.EmergencyId is { } id ? query.Where(r => r.EmergencyId == id) : query;
    }
}
