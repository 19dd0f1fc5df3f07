using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Statistics.Memory;

namespace Shegong.Web.Features.Statistics;

/// <summary>
/// The service figures and people of a code range and a period: the whole months from the in-memory copy
/// (<see cref="StatisticsMemory"/>, the summary leaves and their people), the partial edge months from the
/// records, added together with each person counted once. The caller has checked the range lies in the
/// reader's scope (ReaderRegion); the edge reads go through the scope filters besides.
/// </summary>
internal sealed class StatisticsCells(ShegongDb db, StatisticsMemory memory)
{
    public async Task<MemoryCells> ReadAsync(string low, string high, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var cells = period.WholeMonths is { } whole ? await memory.ReadAsync(low, high, whole.First, whole.Last, cancellationToken) : MemoryCells.Empty();
        if (period.RawRanges.Count == 0)
        {
            return cells;
        }
        var records = Records(low, high, period.RawRanges).AsNoTracking();
        foreach (var g in await records.GroupBy(r => new { r.Category, r.Method, r.Channel, r.Source })
            .Select(g => new { g.Key, Records = g.Count(), PersonTimes = g.Sum(r => r.PersonTimes), Minutes = g.Sum(r => (long)r.DurationMinutes), Yuan = g.Sum(r => r.ValueYuan ?? 0) })
            .ToListAsync(cancellationToken))
        {
            cells.AddCombo(PeopleDims.Combo(g.Key.Category, g.Key.Method, g.Key.Channel, g.Key.Source), new SummaryTotals(g.Records, g.PersonTimes, g.Minutes, g.Yuan));
        }
        var people = await records.SelectMany(r => r.Beneficiaries, (r, b) => new { r.Category, r.Method, r.Channel, b.ResidentId }).Distinct()
            .ToListAsync(cancellationToken);
        cells.AddPeople(PeopleDims.All, people.Select(p => p.ResidentId));
        foreach (var g in people.GroupBy(p => PeopleDims.Of(p.Category)).Concat(people.GroupBy(p => PeopleDims.Of(p.Method)))
            .Concat(people.GroupBy(p => PeopleDims.Of(p.Channel))))
        {
            cells.AddPeople(g.Key, g.Select(p => p.ResidentId));
        }
        return cells;
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
}
