using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Features.Regions;

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
        var people = cells.Beneficiaries(low, high, period);
        var rows = by switch
        {
            BreakdownBy.Region => await ByRegionAsync(place, period, cancellationToken),
            BreakdownBy.Month => await ByMonthAsync(low, high, period, cancellationToken),
            BreakdownBy.Category => Enumerated(await cells.SumAsync(low, high, period, s => s.Category, r => r.Category, cancellationToken),
                await people.Select(b => new { b.Category, b.ResidentId }).Distinct().GroupBy(b => b.Category)
                    .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken)),
            BreakdownBy.Method => Enumerated(await cells.SumAsync(low, high, period, s => s.Method, r => r.Method, cancellationToken),
                await people.Select(b => new { b.Method, b.ResidentId }).Distinct().GroupBy(b => b.Method)
                    .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken)),
            _ => Enumerated(await cells.SumAsync(low, high, period, s => s.Channel, r => r.Channel, cancellationToken),
                await people.Select(b => new { b.Channel, b.ResidentId }).Distinct().GroupBy(b => b.Channel)
                    .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken)),
        };
        return new StatisticsBreakdown(place.Code, place.Name, period.From, period.To, by, rows);
    }

    /// <summary>The breakdown's <c>by</c> in any letter case (the API documents it in lower case); none is by region.</summary>
    public static BreakdownBy ParseBy(string? by) => string.IsNullOrEmpty(by) ? BreakdownBy.Region
        : Enum.TryParse<BreakdownBy>(by, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !by.Any(char.IsAsciiDigit) ? parsed
        : throw RequestProblem.Invalid("by", Problems.Format(ProblemText.ValueNotValid, by));

    private async Task<List<BreakdownRow>> ByRegionAsync(Region place, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var (low, high) = RegionCode.SubtreeRange(place.Code);
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == place.Code).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
        // Every child's code starts with the same number of significant digits; a leaf whose digits there are
        // zeros is the region's own (a county station's records under the county).
        var digits = place.Level == RegionLevel.Village ? RegionCode.Length : RegionCode.PrefixLength(place.Level + 1);
        string RowOf(string leaf) => RegionCode.Pad(leaf[..digits]);
        var totals = new Dictionary<string, SummaryTotals>();
        foreach (var (leaf, sum) in await cells.SumAsync(low, high, period, s => s.RegionCode, r => r.RegionCode, cancellationToken))
        {
            totals[RowOf(leaf)] = totals.GetValueOrDefault(RowOf(leaf)) + sum;
        }
        var people = (await cells.Beneficiaries(low, high, period).Select(b => new { Key = b.RegionCode.Substring(0, digits), b.ResidentId })
                .Distinct().GroupBy(b => b.Key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => RegionCode.Pad(g.Key), g => g.Count);
        var rows = children.Select(c => Row(c.Code, c.Name, totals.GetValueOrDefault(c.Code), people.GetValueOrDefault(c.Code))).ToList();
        if (totals.ContainsKey(place.Code) || people.ContainsKey(place.Code))
        {
            rows.Insert(0, Row(place.Code, Problems.Format(ProblemText.StatisticsRegionOwnRow, place.Name), totals.GetValueOrDefault(place.Code),
                people.GetValueOrDefault(place.Code)));
        }
        return rows;
    }

    private async Task<List<BreakdownRow>> ByMonthAsync(string low, string high, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var totals = await cells.SumAsync(low, high, period, s => s.Month.Year * 100 + s.Month.Month, r => r.ServedOn.Year * 100 + r.ServedOn.Month,
            cancellationToken);
        var people = await cells.Beneficiaries(low, high, period).Select(b => new { b.Month, b.ResidentId }).Distinct().GroupBy(b => b.Month)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var rows = new List<BreakdownRow>();
        for (var month = ServiceSummary.MonthOf(period.From); month <= period.To; month = month.AddMonths(1))
        {
            var key = month.Year * 100 + month.Month;
            var name = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(Row(name, name, totals.GetValueOrDefault(key), people.GetValueOrDefault(key)));
        }
        return rows;
    }

    private static List<BreakdownRow> Enumerated<TKey>(Dictionary<TKey, SummaryTotals> totals, Dictionary<TKey, int> people)
        where TKey : struct, Enum => [.. Enum.GetValues<TKey>().Select(k => Row(k.ToString(), Names.Of(k), totals.GetValueOrDefault(k), people.GetValueOrDefault(k)))];

    private static BreakdownRow Row(string key, string name, SummaryTotals totals, int people) => new(key, name, totals.Records, totals.PersonTimes,
        people, totals.Minutes, Hours(totals.Minutes), totals.ValueYuan);
}
