using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Statistics.Memory;

namespace Shegong.Web.Features.Statistics;

public sealed partial class StatisticsService
{
    /// <summary>
    /// The service figures split by child region (plus a row for the region's own stations, keyed by its own
    /// code, when it has any), by month, category, method or channel; every child, month and value gets a row,
    /// zeros included, so the rows add up to the summary.
    /// </summary>
    public async Task<StatisticsBreakdown> BreakdownAsync(string? region, DateOnly? from, DateOnly? to, BreakdownBy by,
        CancellationToken cancellationToken = default)
    {
        var (place, period) = await ResolveAsync(region, from, to, cancellationToken);
        var (low, high) = RegionCode.SubtreeRange(place.Code);
        var rows = by switch
        {
            BreakdownBy.Region => await ByRegionAsync(place, period, cancellationToken),
            BreakdownBy.Month => await ByMonthAsync(low, high, period, cancellationToken),
            BreakdownBy.Category => await ByValueAsync(low, high, period, c => PeopleDims.Split(c).Category, PeopleDims.Of, cancellationToken),
            BreakdownBy.Method => await ByValueAsync(low, high, period, c => PeopleDims.Split(c).Method, PeopleDims.Of, cancellationToken),
            _ => await ByValueAsync(low, high, period, c => PeopleDims.Split(c).Channel, PeopleDims.Of, cancellationToken),
        };
        return new StatisticsBreakdown(place.Code, place.Name, period.From, period.To, by, rows);
    }

    /// <summary>The breakdown's <c>by</c> in any letter case (the API documents it in lower case); none is by region.</summary>
    public static BreakdownBy ParseBy(string? by) => string.IsNullOrEmpty(by) ? BreakdownBy.Region
        : Enum.TryParse<BreakdownBy>(by, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !by.Any(char.IsAsciiDigit) ? parsed
        : throw RequestProblem.Invalid("by", Problems.Format(ProblemText.ValueNotValid, by));

    private async Task<List<BreakdownRow>> ByRegionAsync(Region place, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == place.Code).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
        // The five-society and emergency figures in one grouped read per figure: by the child's code prefix (the region's own
        // code has a prefix no child shares, so its own stations' figures land on its own row).
        var prefix = place.Level == RegionLevel.Village ? RegionCode.Length : RegionCode.PrefixLength(place.Level + 1);
        var (placeLow, placeHigh) = RegionCode.SubtreeRange(place.Code);
        var linkage = await LinkageByPrefixAsync(placeLow, placeHigh, prefix, period, cancellationToken);
        var rows = new List<BreakdownRow>();
        foreach (var child in children)
        {
            var (low, high) = RegionCode.SubtreeRange(child.Code);
            var row = await RowAsync(child.Code, child.Name, low, high, period, cancellationToken);
            rows.Add(row with { Linkage = linkage.GetValueOrDefault(child.Code[..prefix], RegionLinkage.None) });
        }
        // The region's own stations (a county station's records under the county's own code) get a row when they have any.
        var own = await RowAsync(place.Code, Problems.Format(ProblemText.StatisticsRegionOwnRow, place.Name), place.Code, place.Code, period, cancellationToken);
        own = own with { Linkage = linkage.GetValueOrDefault(place.Code[..prefix], RegionLinkage.None) };
        if (own.ServiceRecords > 0 || own.PeopleServed > 0 || !own.Linkage!.IsEmpty)
        {
            rows.Insert(0, own);
        }
        return rows;
    }

    private async Task<List<BreakdownRow>> ByMonthAsync(string low, string high, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var rows = new List<BreakdownRow>();
        for (var month = ServiceSummary.MonthOf(period.From); month <= period.To; month = month.AddMonths(1))
        {
            var name = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            var days = new StatisticsPeriod(month < period.From ? period.From : month, month.AddMonths(1).AddDays(-1) > period.To ? period.To : month.AddMonths(1).AddDays(-1));
            rows.Add(await RowAsync(name, name, low, high, days, cancellationToken));
        }
        return rows;
    }

    private async Task<BreakdownRow> RowAsync(string key, string name, string low, string high, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        using var read = await cells.ReadAsync(low, high, period, cancellationToken);
        return Row(key, name, read.Combos.Values.Aggregate(default(SummaryTotals), (a, t) => a + t), read.People(PeopleDims.All));
    }

    private async Task<List<BreakdownRow>> ByValueAsync<TKey>(string low, string high, StatisticsPeriod period, Func<int, TKey> keyOf, Func<TKey, int> dimOf,
        CancellationToken cancellationToken) where TKey : struct, Enum
    {
        using var read = await cells.ReadAsync(low, high, period, cancellationToken);
        return [.. Enum.GetValues<TKey>().Select(k => Row(k.ToString(), Names.Of(k),
            read.Combos.Where(c => keyOf(c.Key).Equals(k)).Aggregate(default(SummaryTotals), (a, c) => a + c.Value), read.People(dimOf(k))))];
    }

    private static BreakdownRow Row(string key, string name, SummaryTotals totals, int people) => new(key, name, totals.Records, totals.PersonTimes,
        people, totals.Minutes, Hours(totals.Minutes), totals.ValueYuan);
}
