using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;
using Shegong.Web.Features.ServiceRecords;

namespace Shegong.Web.Features.Statistics.Memory;

/// <summary>
/// Reads months for <see cref="StatisticsMemory"/>: the figures from the <see cref="ServiceSummary"/> leaves
/// (what the figures are made of, so <c>statistics verify</c> still judges them) and the people from the
/// records' named beneficiaries, streamed, one row per beneficiary. Rows are gathered per month as small
/// structs without references (cheap for the collector), then sorted by code and packed into each month's arrays.
/// </summary>
internal static class MemoryLoad
{
    private const int RegionsPerQuery = 500;

    public static Task<Dictionary<DateOnly, MonthBlock>> AllAsync(ShegongDb db, CancellationToken cancellationToken) =>
        StreamedReads.RunAsync(db, async () =>
        {
            var loading = new Loading(_ => true);
            await loading.LeavesAsync(db.Set<ServiceSummary>().AsNoTracking(), cancellationToken);
            await loading.PeopleAsync(db.ServiceRecords.AsNoTracking(), cancellationToken);
            return loading.Finish();
        });

    /// <summary>Just the given leaf-months (what changed since the copy was read); a month without any of them left is missing.</summary>
    public static async Task<Dictionary<DateOnly, MonthBlock>> SomeAsync(ShegongDb db, IReadOnlyCollection<(string RegionCode, DateOnly Month)> wanted,
        CancellationToken cancellationToken)
    {
        var set = wanted.ToHashSet();
        return await StreamedReads.RunAsync(db, async () =>
        {
            var loading = new Loading(set.Contains);
            foreach (var chunk in wanted.GroupBy(w => w.RegionCode).Chunk(RegionsPerQuery))
            {
                var regions = chunk.Select(g => g.Key).ToList();
                var first = chunk.SelectMany(g => g).Min(w => w.Month);
                var end = chunk.SelectMany(g => g).Max(w => w.Month).AddMonths(1);
                await loading.LeavesAsync(db.Set<ServiceSummary>().AsNoTracking()
                    .Where(s => regions.Contains(s.RegionCode) && s.Month >= first && s.Month < end), cancellationToken);
                await loading.PeopleAsync(db.ServiceRecords.AsNoTracking()
                    .Where(r => regions.Contains(r.RegionCode) && r.ServedOn >= first && r.ServedOn < end), cancellationToken);
            }
            return loading.Finish();
        });
    }

    private readonly record struct FigureRow(int Code, ushort Combo, int Records, int PersonTimes, long Minutes, int Yuan);

    private readonly record struct PersonRow(int Code, uint Resident, ushort Mask);

    private sealed class Loading(Func<(string, DateOnly), bool> wanted)
    {
        // One string per region code for all its months, and rows that name it by number.
        private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
        private readonly List<string> codes = [];
        private readonly Dictionary<DateOnly, List<FigureRow>> figures = [];
        private readonly List<decimal> yuan = [0m];
        private readonly Dictionary<DateOnly, List<PersonRow>> people = [];

        public async Task LeavesAsync(IQueryable<ServiceSummary> query, CancellationToken cancellationToken)
        {
            await foreach (var s in query.Where(s => s.Records != 0 || s.PersonTimes != 0 || s.Minutes != 0 || s.ValueYuan != 0)
                .Select(s => new { s.RegionCode, s.Month, s.Category, s.Method, s.Channel, s.Source, s.Records, s.PersonTimes, s.Minutes, s.ValueYuan })
                .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (!wanted((s.RegionCode, s.Month)))
                {
                    continue;
                }
                var at = 0;
                if (s.ValueYuan != 0)
                {
                    at = yuan.Count;
                    yuan.Add(s.ValueYuan);
                }
                var combo = (ushort)PeopleDims.Combo(s.Category, s.Method, s.Channel, s.Source);
                Rows(figures, s.Month).Add(new FigureRow(Id(s.RegionCode), combo, s.Records, s.PersonTimes, s.Minutes, at));
            }
        }

        public async Task PeopleAsync(IQueryable<ServiceRecord> records, CancellationToken cancellationToken)
        {
            await foreach (var b in records.SelectMany(r => r.Beneficiaries, (r, b) => new { r.RegionCode, r.ServedOn, r.Category, r.Method, r.Channel, b.ResidentId })
                .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var month = ServiceSummary.MonthOf(b.ServedOn);
                if (wanted((b.RegionCode, month)))
                {
                    Rows(people, month).Add(new PersonRow(Id(b.RegionCode), (uint)b.ResidentId, (ushort)PeopleDims.Mask(b.Category, b.Method, b.Channel)));
                }
            }
        }

        public Dictionary<DateOnly, MonthBlock> Finish()
        {
            var rank = new int[codes.Count];
            var order = Enumerable.Range(0, codes.Count).Order(Comparer<int>.Create((a, b) => string.CompareOrdinal(codes[a], codes[b]))).ToArray();
            for (var i = 0; i < order.Length; i++)
            {
                rank[order[i]] = i;
            }
            var months = new Dictionary<DateOnly, MonthBlock>();
            foreach (var month in figures.Keys.Union(people.Keys).ToList())
            {
                // Each month's rows go as soon as its arrays are made, so the load peaks at about one copy plus the rows.
                months[month] = Month(figures.Remove(month, out var f) ? f : [], people.Remove(month, out var p) ? p : [], rank);
            }
            return months;
        }

        // Both lists sorted by code, then walked together, one leaf-month per code.
        private MonthBlock Month(List<FigureRow> leaves, List<PersonRow> served, int[] rank)
        {
            CollectionsMarshal.AsSpan(leaves).Sort((a, b) => rank[a.Code].CompareTo(rank[b.Code]));
            CollectionsMarshal.AsSpan(served).Sort((a, b) => rank[a.Code] != rank[b.Code] ? rank[a.Code].CompareTo(rank[b.Code]) : a.Resident.CompareTo(b.Resident));
            var month = new MonthBlock.Builder();
            var (i, j) = (0, 0);
            while (i < leaves.Count || j < served.Count)
            {
                var code = j >= served.Count || (i < leaves.Count && rank[leaves[i].Code] <= rank[served[j].Code]) ? leaves[i].Code : served[j].Code;
                month.Begin(codes[code]);
                for (; i < leaves.Count && leaves[i].Code == code; i++)
                {
                    var r = leaves[i];
                    month.AddLeaf(r.Combo, new SummaryTotals(r.Records, r.PersonTimes, r.Minutes, yuan[r.Yuan]));
                }
                while (j < served.Count && served[j].Code == code)
                {
                    // A resident served several times in a leaf-month is one person with every dimension they were served in.
                    var (resident, mask) = (served[j].Resident, 0u);
                    for (; j < served.Count && served[j].Code == code && served[j].Resident == resident; j++)
                    {
                        mask |= served[j].Mask;
                    }
                    month.AddResident(resident, mask);
                }
            }
            return month.Build();
        }

        private int Id(string code)
        {
            if (!ids.TryGetValue(code, out var id))
            {
                ids[code] = id = codes.Count;
                codes.Add(code);
            }
            return id;
        }

        private static List<T> Rows<T>(Dictionary<DateOnly, List<T>> byMonth, DateOnly month)
        {
            if (!byMonth.TryGetValue(month, out var rows))
            {
                byMonth[month] = rows = [];
            }
            return rows;
        }
    }
}
