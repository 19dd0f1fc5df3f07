using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Statistics;

/// <summary>A leaf whose stored figures differ from the records' (Stored is null for a missing leaf, Expected null for one that should not be there).</summary>
public sealed record SummaryDifference(SummaryKey Key, SummaryTotals? Stored, SummaryTotals? Expected);

/// <summary>
/// Recomputes every <see cref="ServiceSummary"/> leaf from the raw service records (one GROUP BY),
/// lists each leaf that differs and, when asked, repairs them through the context (added, set or
/// removed leaves; system work only, the write guard lets nobody else write derived data). Used by
/// <c>statistics verify [--repair]</c> and to fill the summary of records loaded around the
/// maintainer (the demo data's bulk insert, records stored before the summary existed).
/// </summary>
public sealed class SummaryVerifier(ShegongDb db)
{
    private const int Batch = 5_000;

    public async Task<IReadOnlyList<SummaryDifference>> DifferencesAsync(CancellationToken cancellationToken = default)
    {
        Require();
        var grouped = await db.ServiceRecords.AsNoTracking()
            .GroupBy(r => new { r.RegionCode, r.ServedOn.Year, r.ServedOn.Month, r.Category, r.Method, r.Channel, r.Source })
            .Select(g => new
            {
                g.Key,
                Records = g.Count(),
                PersonTimes = g.Sum(r => r.PersonTimes),
                Minutes = g.Sum(r => (long)r.DurationMinutes),
                Yuan = g.Sum(r => r.ValueYuan ?? 0),
            }).ToListAsync(cancellationToken);
        var expected = grouped.ToDictionary(
            g => new SummaryKey(g.Key.RegionCode, new DateOnly(g.Key.Year, g.Key.Month, 1), g.Key.Category, g.Key.Method, g.Key.Channel, g.Key.Source),
            g => new SummaryTotals(g.Records, g.PersonTimes, g.Minutes, g.Yuan));
        var stored = (await db.Set<ServiceSummary>().AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(s => s.Key, s => s.Totals);
        var differences = new List<SummaryDifference>();
        foreach (var (key, totals) in expected)
        {
            if (!stored.TryGetValue(key, out var have) || have != totals)
            {
                differences.Add(new SummaryDifference(key, stored.ContainsKey(key) ? have : null, totals));
            }
        }
        // A leaf at zero is the same as no leaf (a record moved away leaves one behind).
        differences.AddRange(stored.Where(s => !expected.ContainsKey(s.Key) && !s.Value.IsZero)
            .Select(s => new SummaryDifference(s.Key, s.Value, null)));
        return [.. differences.OrderBy(d => d.Key.RegionCode).ThenBy(d => d.Key.Month)];
    }

    /// <summary>Sets every differing leaf to the records' figures, in batches; returns how many leaves changed.</summary>
    public async Task<int> RepairAsync(IReadOnlyList<SummaryDifference> differences, CancellationToken cancellationToken = default)
    {
        Require();
        foreach (var chunk in differences.Chunk(Batch))
        {
            var regions = chunk.Select(d => d.Key.RegionCode).Distinct().ToList();
            var leaves = (await db.Set<ServiceSummary>().Where(s => regions.Contains(s.RegionCode)).ToListAsync(cancellationToken))
                .ToDictionary(s => s.Key);
            foreach (var difference in chunk)
            {
                var totals = difference.Expected ?? default;
                if (leaves.TryGetValue(difference.Key, out var leaf))
                {
                    leaf.Set(totals);
                }
                else
                {
                    var k = difference.Key;
                    var added = new ServiceSummary
                    {
                        RegionCode = k.RegionCode,
                        Month = k.Month,
                        Category = k.Category,
                        Method = k.Method,
                        Channel = k.Channel,
                        Source = k.Source,
                    };
                    added.Set(totals);
                    db.Add(added);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return differences.Count;
    }

    /// <summary>Fills a summary that is behind its records (e.g. after the demo data's bulk load); quiet when nothing differs.</summary>
    public async Task<int> SyncAsync(CancellationToken cancellationToken = default) =>
        await RepairAsync(await DifferencesAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Fills the summary when it is empty but records exist (records stored before the summary, or loaded in bulk
    /// around the maintainer, like the demo data); otherwise does nothing, so a normal start reads no records.
    /// </summary>
    public async Task<int> FillIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        Require();
        if (await db.Set<ServiceSummary>().AnyAsync(cancellationToken) || !await db.ServiceRecords.AnyAsync(cancellationToken))
        {
            return 0;
        }
        return await SyncAsync(cancellationToken);
    }

    // Recomputing reads every record and writes derived rows: system work, whatever the caller's scope.
    private void Require()
    {
        if (!db.Scope.IsSystem)
        {
            throw new InvalidOperationException("Recomputing the service summary is system work; enter the system scope first.");
        }
    }
}
