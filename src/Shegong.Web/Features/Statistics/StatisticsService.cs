using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.Casework;
using Shegong.Web.Features.Coverage;
using Shegong.Web.Features.GroupWork;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;
using Shegong.Web.Features.Statistics.Memory;
using Shegong.Web.Features.Workforce.Compliance;

namespace Shegong.Web.Features.Statistics;

/// <summary>
/// The province's figures for any region (everything under it, by code range) and any day range,
/// live: whole months are summed from the in-memory copy of the <see cref="ServiceSummary"/> leaves and their
/// people (StatisticsMemory), partial edge months from the records; people served are distinct residents.
/// A region outside the reader's scope is 404, like every other read; the leaves and records are
/// scope-filtered besides. UI and API share it.
/// </summary>
public sealed partial class StatisticsService(ShegongDb db, CoverageService coverage, WorkforceSummaryService workforce,
    Linkage.LinkageFigureService linkage, StatisticsMemory memory, SummaryCache cache, RegionScope scope, TimeProvider clock)
{
    private readonly StatisticsCells cells = new(db, memory);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>Every figure of a region and period; given again from <see cref="SummaryCache"/> while nothing was committed since.</summary>
    public Task<StatisticsSummary> SummaryAsync(string? region, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default) =>
        cache.GetAsync(SummaryCache.KeyFor(scope, region, from, to, Today), () => ReadSummaryAsync(region, from, to, cancellationToken), cancellationToken);

    private async Task<StatisticsSummary> ReadSummaryAsync(string? region, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var (place, period) = await ResolveAsync(region, from, to, cancellationToken);
        var (low, high) = RegionCode.SubtreeRange(place.Code);
        using var read = await cells.ReadAsync(low, high, period, cancellationToken);
        var combos = read.Combos.Select(c => (Key: PeopleDims.Split(c.Key), c.Value)).ToList();
        SummaryTotals Where(Func<ServiceCategory, ServiceMethod, ServiceChannel, ServiceSource, bool> pick) =>
            combos.Where(c => pick(c.Key.Category, c.Key.Method, c.Key.Channel, c.Key.Source)).Aggregate(default(SummaryTotals), (a, c) => a + c.Value);
        var all = Where((_, _, _, _) => true);
        var activities = Where((_, _, _, s) => s == ServiceSource.Activity);

        var cases = db.Set<Case>().Where(c => string.Compare(c.RegionCode, low) >= 0 && string.Compare(c.RegionCode, high) <= 0);
        var casesOpened = await cases.CountAsync(c => c.OpenedOn >= period.From && c.OpenedOn <= period.To, cancellationToken);
        var casesClosed = await cases.CountAsync(c => c.ClosedOn >= period.From && c.ClosedOn <= period.To, cancellationToken);
        var groupsMet = await db.Set<GroupSession>()
            .Where(s => string.Compare(s.RegionCode, low) >= 0 && string.Compare(s.RegionCode, high) <= 0 && s.Date >= period.From && s.Date <= period.To)
            .Select(s => s.GroupId).Distinct().CountAsync(cancellationToken);
        var requests = await RequestsAsync(low, high, period, cancellationToken);

        // The headline reads of coverage, workforce and linkage: the same counts as their own pages, without the pages' lists.
        var cover = await coverage.HeadlineAsync(place.Code, cancellationToken);
        var residentWorkers = await workforce.ResidentSocialWorkersAsync(place.Code, cancellationToken);
        var linked = await linkage.CountsAsync(place.Code, cancellationToken);
        // Registered volunteers: those the station approved and who have not left, as of today.
        var volunteers = LinkageFigure.Recorded(linked.Volunteers);
        var (hours, received, emergencies) = await PeriodLinkageAsync(low, high, period, cancellationToken);

        return new StatisticsSummary(place.Code, place.Name, place.Level, period.From, period.To, Figures(all, read.People(PeopleDims.All)),
            Where((c, _, _, _) => c == ServiceCategory.SocialAssistance).PersonTimes,
            Where((c, _, _, _) => c == ServiceCategory.ElderlyAndChildCare).PersonTimes,
            Where((c, _, _, _) => c == ServiceCategory.IndustryDevelopment).Records,
            Where((c, _, _, _) => c == ServiceCategory.ResourceLinking).ValueYuan,
            activities.Records, activities.PersonTimes,
            Where((_, _, _, s) => s == ServiceSource.GroupSession).Records, groupsMet, casesOpened, casesClosed, requests,
            cover.Stations.Sum(s => s.Operating), cover.Figures.FullyCoveredCounties, residentWorkers,
            LinkageFigure.Recorded(linked.Organisations), LinkageFigure.Recorded(linked.Teams), volunteers,
            hours, received, emergencies,
            Rows(Enum.GetValues<ServiceCategory>(), k => Where((c, _, _, _) => c == k), k => read.People(PeopleDims.Of(k))),
            Rows(Enum.GetValues<ServiceMethod>(), k => Where((_, m, _, _) => m == k), k => read.People(PeopleDims.Of(k))),
            Rows(Enum.GetValues<ServiceChannel>(), k => Where((_, _, ch, _) => ch == k), k => read.People(PeopleDims.Of(k))));
    }

    /// <summary>The latest month with any service recorded under the region (default: the reader's own), or null when none is.</summary>
    public async Task<DateOnly?> LatestMonthAsync(string? region, CancellationToken cancellationToken = default)
    {
        var (place, _) = await ResolveAsync(region, null, null, cancellationToken);
        var (low, high) = RegionCode.SubtreeRange(place.Code);
        return await db.Set<ServiceSummary>().AsNoTracking()
            .Where(s => s.Records > 0 && string.Compare(s.RegionCode, low) >= 0 && string.Compare(s.RegionCode, high) <= 0)
            .MaxAsync(s => (DateOnly?)s.Month, cancellationToken);
    }

    /// <summary>
    /// The filter of the records behind a figure: the same region (checked the same way) and period as the
    /// summary, so the list's total equals the figure.
    /// </summary>
    public async Task<ServiceRecordFilter> DrillThroughAsync(string? region, DateOnly? from, DateOnly? to, ServiceCategory? category,
        ServiceMethod? method, ServiceChannel? channel, ServiceSource? source, CancellationToken cancellationToken = default)
    {
        var (place, period) = await ResolveAsync(region, from, to, cancellationToken);
        return new ServiceRecordFilter(place.Code, null, period.From, period.To, category, method, channel, source);
    }

    /// <summary>The region asked for (default: the reader's own root, or the province), checked against the scope, and the period (default: this year to date).</summary>
    private async Task<(Region Region, StatisticsPeriod Period)> ResolveAsync(string? code, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var start = from ?? new DateOnly((to ?? Today).Year, 1, 1);
        var end = to ?? Today;
        if (start > end)
        {
            throw RequestProblem.Invalid("to", ProblemText.StatisticsToBeforeFrom);
        }
        return (await ReaderRegion.ResolveAsync(db, code, cancellationToken), new StatisticsPeriod(start, end));
    }

    private async Task<RequestFigures> RequestsAsync(string low, string high, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), period.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var raised = await db.ServiceRequests.AsNoTracking()
            .Where(r => string.Compare(r.RegionCode, low) >= 0 && string.Compare(r.RegionCode, high) <= 0 && r.RaisedAt >= start && r.RaisedAt < end)
            .Select(r => new { r.Status, r.RaisedAt, r.TriagedAt, r.CompletedAt, r.Satisfaction }).ToListAsync(cancellationToken);
        static double? Hours(IEnumerable<TimeSpan> spans) => spans.ToList() is { Count: > 0 } list ? Math.Round(list.Average(s => s.TotalHours), 2) : null;
        var rated = raised.Where(r => r.Satisfaction is not null).ToList();
        return new RequestFigures(raised.Count, raised.Count(r => r.TriagedAt is not null), raised.Count(r => r.CompletedAt is not null),
            raised.Count(r => r.Status == Requests.RequestStatus.Declined),
            raised.Count(r => r.Status is not (Requests.RequestStatus.Completed or Requests.RequestStatus.Declined)),
            Hours(raised.Where(r => r.TriagedAt is not null).Select(r => r.TriagedAt!.Value - r.RaisedAt)),
            Hours(raised.Where(r => r.CompletedAt is not null).Select(r => r.CompletedAt!.Value - r.RaisedAt)),
            rated.Count, rated.Count > 0 ? Math.Round(rated.Average(r => r.Satisfaction!.Value), 2) : null);
    }

    internal static ServiceFigures Figures(SummaryTotals totals, int peopleServed) => new(totals.Records, totals.PersonTimes, peopleServed,
        totals.Minutes, Hours(totals.Minutes), totals.ValueYuan);

    internal static decimal Hours(long minutes) => Math.Round(minutes / 60m, 2);

    private static List<FigureRow<TKey>> Rows<TKey>(IEnumerable<TKey> keys, Func<TKey, SummaryTotals> totals, Func<TKey, int> people)
        where TKey : notnull => [.. keys.Select(k => (Key: k, Totals: totals(k))).Select(r => new FigureRow<TKey>(r.Key, r.Totals.Records,
            r.Totals.PersonTimes, people(r.Key), r.Totals.Minutes, Hours(r.Totals.Minutes), r.Totals.ValueYuan))];
}
