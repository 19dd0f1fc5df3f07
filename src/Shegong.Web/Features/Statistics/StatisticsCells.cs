using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;
using Shegong.Web.Features.ServiceRecords;

namespace Shegong.Web.Features.Statistics;

/// <summary>
/// The service figures of a code range and a period, grouped by a key: the whole months from the
/// summary leaves, the partial edge months from the records, added together. Both reads go
/// through the scope filters, so a reader only ever sums what they may see.
/// </summary>
internal sealed class StatisticsCells(ShegongDb db)
{
    public async Task<Dictionary<TKey, SummaryTotals>> SumAsync<TKey>(string low, string high, StatisticsPeriod period,
        Expression<Func<ServiceSummary, TKey>> leafKey, Expression<Func<ServiceRecord, TKey>> recordKey, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var result = new Dictionary<TKey, SummaryTotals>();
        if (period.WholeMonths is { } whole)
        {
            var leaves = await db.Set<ServiceSummary>().AsNoTracking()
                .Where(s => s.Month >= whole.First && s.Month <= whole.Last
                    && string.Compare(s.RegionCode, low) >= 0 && string.Compare(s.RegionCode, high) <= 0)
                .GroupBy(leafKey)
                .Select(g => new { g.Key, Records = g.Sum(s => s.Records), PersonTimes = g.Sum(s => s.PersonTimes), Minutes = g.Sum(s => s.Minutes), Yuan = g.Sum(s => s.ValueYuan) })
                .ToListAsync(cancellationToken);
            foreach (var g in leaves)
            {
                Add(result, g.Key, new SummaryTotals(g.Records, g.PersonTimes, g.Minutes, g.Yuan));
            }
        }
        if (period.RawRanges.Count > 0)
        {
            var records = await Records(low, high, period.RawRanges).AsNoTracking()
                .GroupBy(recordKey)
                .Select(g => new { g.Key, Records = g.Count(), PersonTimes = g.Sum(r => r.PersonTimes), Minutes = g.Sum(r => (long)r.DurationMinutes), Yuan = g.Sum(r => r.ValueYuan ?? 0) })
                .ToListAsync(cancellationToken);
            foreach (var g in records)
            {
                Add(result, g.Key, new SummaryTotals(g.Records, g.PersonTimes, g.Minutes, g.Yuan));
            }
        }
        return result;
    }

    /// <summary>The records of a code range and the given day ranges (one or two).</summary>
    public IQueryable<ServiceRecord> Records(string low, string high, IReadOnlyList<(DateOnly From, DateOnly To)> ranges)
    {
        var query = db.ServiceRecords.Where(r => string.Compare(r.RegionCode, low) >= 0 && string.Compare(r.RegionCode, high) <= 0);
        var (a, b) = ranges[0];
        if (ranges.Count == 1)
        {
            return query.Where(r => r.ServedOn >= a && r.ServedOn <= b);
        }
        var (c, d) = ranges[1];
        return query.Where(r => (r.ServedOn >= a && r.ServedOn <= b) || (r.ServedOn >= c && r.ServedOn <= d));
    }

    /// <summary>The named beneficiaries of the records, with what a breakdown groups people by.</summary>
    public IQueryable<BeneficiaryRow> Beneficiaries(string low, string high, StatisticsPeriod period) =>
        Records(low, high, [(period.From, period.To)]).SelectMany(r => r.Beneficiaries, (r, b) => new BeneficiaryRow
        {
            RegionCode = r.RegionCode,
            Month = r.ServedOn.Year * 100 + r.ServedOn.Month,
            Category = r.Category,
            Method = r.Method,
            Channel = r.Channel,
            ResidentId = b.ResidentId,
        });

    private static void Add<TKey>(Dictionary<TKey, SummaryTotals> result, TKey key, SummaryTotals totals) where TKey : notnull =>
        result[key] = result.GetValueOrDefault(key) + totals;
}

internal sealed class BeneficiaryRow
{
    public string RegionCode { get; init; } = "";
    public int Month { get; init; }
    public Services.ServiceCategory Category { get; init; }
    public Services.ServiceMethod Method { get; init; }
    public ServiceChannel Channel { get; init; }
    public int ResidentId { get; init; }
}
