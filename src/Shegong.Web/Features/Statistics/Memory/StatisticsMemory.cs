using Microsoft.EntityFrameworkCore;
using Roaring.Net.CRoaring;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Statistics.Memory;

/// <summary>
/// An in-process copy of the statistics, so a region's figures for a run of months are added up from memory
/// instead of the database: the <see cref="ServiceSummary"/> leaves, and per leaf-month the residents served,
/// merged into exact distinct counts with roaring bitmaps. Each month is one set of flat arrays over all its region
/// codes (<see cref="MonthBlock"/>), rebuilt whole when a leaf in it changes. Sums of a code range for one month are kept until a
/// leaf under it changes, so the province's year is twelve cached cells.
/// Live: every read first asks the <see cref="StatisticsClock"/> whether any save changed a leaf since the copy
/// was made, and reads those leaf-months again (the leaves and their records), so the next request after a
/// commit, in this process or another one on the same database, sees it.
/// The copy holds every region, read in the system scope: callers must check the reader may see the range
/// (StatisticsService does, through ReaderRegion; a range inside the reader's root lies wholly in their scope).
/// </summary>
public sealed partial class StatisticsMemory(IServiceScopeFactory scopes, ILogger<StatisticsMemory> log) : IDisposable
{
    // Beyond this many changed leaf-months (a bulk load, a repair) reading everything again is cheaper.
    private const int ReloadAbove = 2_000;
    private const int MaxCachedCells = 20_000;

    // A copy of fewer leaf-months (the demo's year has about 35,000) leaves little garbage: not worth a full compacting pause.
    private const int CompactAbove = 100_000;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock sync = new();
    private readonly Dictionary<DateOnly, MonthBlock> months = [];
    private readonly Dictionary<(string Low, string High, DateOnly Month), CellMonth> cells = [];
    private long seen = -1;

    /// <summary>The figures and people of the codes <paramref name="low"/>..<paramref name="high"/> over whole months, first to last (first days).</summary>
    public async Task<MemoryCells> ReadAsync(string low, string high, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        await SyncAsync(cancellationToken);
        lock (sync)
        {
            var combos = new Dictionary<int, SummaryTotals>();
            var people = Enumerable.Range(0, PeopleDims.Count).Select(_ => new Roaring32Bitmap()).ToArray();
            for (var month = first; month <= last; month = month.AddMonths(1))
            {
                var cell = Cell(low, high, month);
                foreach (var (combo, totals) in cell.Combos)
                {
                    combos[combo] = combos.GetValueOrDefault(combo) + totals;
                }
                for (var dim = 0; dim < PeopleDims.Count; dim++)
                {
                    people[dim].IOr(cell.People[dim]);
                }
            }
            return new MemoryCells(combos, people);
        }
    }

    private CellMonth Cell(string low, string high, DateOnly month)
    {
        if (cells.TryGetValue((low, high, month), out var cached))
        {
            return cached;
        }
        if (cells.Count >= MaxCachedCells)
        {
            ClearCells();
        }
        var cell = CellMonth.Of(months.GetValueOrDefault(month) ?? MonthBlock.Empty, low, high);
        cells[(low, high, month)] = cell;
        return cell;
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<RegionScope>().EnterSystem("statistics-memory", audited: false);
            var db = scope.ServiceProvider.GetRequiredService<ShegongDb>();
            var clock = await db.Set<StatisticsClock>().AsNoTracking().Where(c => c.Id == StatisticsClock.TheRow)
                .Select(c => c.Value).FirstOrDefaultAsync(cancellationToken);
            if (clock == seen)
            {
                return;
            }
            List<(string RegionCode, DateOnly Month)>? changed = null;
            if (seen >= 0)
            {
                var since = seen;
                changed = [.. (await db.Set<ServiceSummary>().AsNoTracking().Where(s => s.Stamp > since && s.Stamp <= clock)
                    .Select(s => new { s.RegionCode, s.Month }).Distinct().ToListAsync(cancellationToken)).Select(c => (c.RegionCode, c.Month))];
            }
            if (changed is null || changed.Count > ReloadAbove)
            {
                var loaded = await MemoryLoad.AllAsync(db, cancellationToken);
                lock (sync)
                {
                    ClearCells();
                    months.Clear();
                    foreach (var (month, block) in loaded)
                    {
                        months[month] = block;
                    }
                }
                var leafMonths = loaded.Values.Sum(m => m.LeafMonths);
                LogLoaded(log, leafMonths, clock);
                if (leafMonths > CompactAbove)
                {
                    // Reading a big copy gathers hundreds of megabytes of rows before packing them into each month's arrays.
                    // Hand that memory back now instead of keeping the process at its peak size (docs/benchmarks.md).
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                }
            }
            else
            {
                var loaded = await MemoryLoad.SomeAsync(db, changed, cancellationToken);
                lock (sync)
                {
                    foreach (var month in changed.GroupBy(c => c.Month))
                    {
                        var codes = month.Select(c => c.RegionCode).ToHashSet(StringComparer.Ordinal);
                        months[month.Key] = (months.GetValueOrDefault(month.Key) ?? MonthBlock.Empty)
                            .Merge(codes, loaded.GetValueOrDefault(month.Key) ?? MonthBlock.Empty);
                        foreach (var code in codes)
                        {
                            Invalidate(code, month.Key);
                        }
                    }
                }
            }
            seen = clock;
        }
        finally
        {
            gate.Release();
        }
    }

    // Every cached sum of that month whose range holds the code is out of date.
    private void Invalidate(string code, DateOnly month)
    {
        foreach (var key in cells.Keys.Where(k => k.Month == month && string.CompareOrdinal(k.Low, code) <= 0
            && string.CompareOrdinal(code, k.High) <= 0).ToList())
        {
            cells.Remove(key, out var cell);
            cell?.Dispose();
        }
    }

    private void ClearCells()
    {
        foreach (var cell in cells.Values)
        {
            cell.Dispose();
        }
        cells.Clear();
    }

    public void Dispose()
    {
        lock (sync)
        {
            ClearCells();
        }
        gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Statistics held in memory: {LeafMonths} region-months, as of clock {Clock}")]
    private static partial void LogLoaded(ILogger logger, int leafMonths, long clock);
}
