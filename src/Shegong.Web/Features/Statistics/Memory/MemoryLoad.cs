using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;
using Shegong.Web.Features.ServiceRecords;

namespace Shegong.Web.Features.Statistics.Memory;

/// <summary>
/// Reads leaf-months for <see cref="StatisticsMemory"/>: the figures from the <see cref="ServiceSummary"/> leaves
/// (what the figures are made of, so <c>statistics verify</c> still judges them) and the people from the
/// records' named beneficiaries, streamed, one row per beneficiary.
/// </summary>
internal static class MemoryLoad
{
    private const int RegionsPerQuery = 500;

    public static async Task<Dictionary<(string, DateOnly), LeafMonth>> AllAsync(ShegongDb db, CancellationToken cancellationToken)
    {
        var building = new Building();
        await building.LeavesAsync(db.Set<ServiceSummary>().AsNoTracking(), _ => true, cancellationToken);
        await building.PeopleAsync(db.ServiceRecords.AsNoTracking(), _ => true, cancellationToken);
        return building.Finish();
    }

    /// <summary>Just the given leaf-months (what changed since the copy was read).</summary>
    public static async Task<Dictionary<(string, DateOnly), LeafMonth>> SomeAsync(ShegongDb db, IReadOnlyCollection<(string RegionCode, DateOnly Month)> wanted,
        CancellationToken cancellationToken)
    {
        var building = new Building();
        var set = wanted.ToHashSet();
        foreach (var chunk in wanted.GroupBy(w => w.RegionCode).Chunk(RegionsPerQuery))
        {
            var regions = chunk.Select(g => g.Key).ToList();
            var first = chunk.SelectMany(g => g).Min(w => w.Month);
            var end = chunk.SelectMany(g => g).Max(w => w.Month).AddMonths(1);
            await building.LeavesAsync(db.Set<ServiceSummary>().AsNoTracking()
                .Where(s => regions.Contains(s.RegionCode) && s.Month >= first && s.Month < end), set.Contains, cancellationToken);
            await building.PeopleAsync(db.ServiceRecords.AsNoTracking()
                .Where(r => regions.Contains(r.RegionCode) && r.ServedOn >= first && r.ServedOn < end), set.Contains, cancellationToken);
        }
        foreach (var key in set)
        {
            building.Leaf(key);
        }
        return building.Finish();
    }

    private sealed class Building
    {
        private readonly Dictionary<(string, DateOnly), LeafMonth> leaves = [];
        private readonly Dictionary<(string, DateOnly), Dictionary<int, SummaryTotals>> combos = [];
        private readonly Dictionary<(string, DateOnly), Dictionary<uint, uint>> people = [];

        // One string per region code for all its months, not one per row read.
        private readonly Dictionary<string, string> codes = new(StringComparer.Ordinal);

        public LeafMonth Leaf((string, DateOnly) key)
        {
            if (!leaves.TryGetValue(key, out var leaf))
            {
                var (code, month) = key;
                if (!codes.TryGetValue(code, out var shared))
                {
                    codes[code] = shared = code;
                }
                leaves[(shared, month)] = leaf = new LeafMonth();
            }
            return leaf;
        }

        public async Task LeavesAsync(IQueryable<ServiceSummary> query, Func<(string, DateOnly), bool> wanted, CancellationToken cancellationToken)
        {
            await foreach (var s in query.Where(s => s.Records != 0 || s.PersonTimes != 0 || s.Minutes != 0 || s.ValueYuan != 0)
                .Select(s => new { s.RegionCode, s.Month, s.Category, s.Method, s.Channel, s.Source, s.Records, s.PersonTimes, s.Minutes, s.ValueYuan })
                .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var key = (s.RegionCode, s.Month);
                if (wanted(key))
                {
                    // Its leaf-month is made in Finish, once, not looked up again for every row.
                    if (!combos.TryGetValue(key, out var figures))
                    {
                        combos[key] = figures = [];
                    }
                    figures[PeopleDims.Combo(s.Category, s.Method, s.Channel, s.Source)] = new SummaryTotals(s.Records, s.PersonTimes, s.Minutes, s.ValueYuan);
                }
            }
        }

        public async Task PeopleAsync(IQueryable<ServiceRecord> records, Func<(string, DateOnly), bool> wanted, CancellationToken cancellationToken)
        {
            await foreach (var b in records.SelectMany(r => r.Beneficiaries, (r, b) => new { r.RegionCode, r.ServedOn, r.Category, r.Method, r.Channel, b.ResidentId })
                .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var key = (b.RegionCode, ServiceSummary.MonthOf(b.ServedOn));
                if (!wanted(key))
                {
                    continue;
                }
                if (!people.TryGetValue(key, out var masks))
                {
                    people[key] = masks = [];
                }
                masks[(uint)b.ResidentId] = masks.GetValueOrDefault((uint)b.ResidentId) | PeopleDims.Mask(b.Category, b.Method, b.Channel);
            }
        }

        public Dictionary<(string, DateOnly), LeafMonth> Finish()
        {
            foreach (var (key, figures) in combos)
            {
                var leaf = Leaf(key);
                leaf.Combos = [.. figures.Keys];
                leaf.Totals = [.. leaf.Combos.Select(c => figures[c])];
            }
            combos.Clear();
            foreach (var (key, masks) in people)
            {
                var leaf = Leaf(key);
                leaf.Residents = [.. masks.Keys.Order()];
                leaf.Masks = [.. leaf.Residents.Select(r => masks[r])];
            }
            people.Clear();
            return leaves;
        }
    }
}
