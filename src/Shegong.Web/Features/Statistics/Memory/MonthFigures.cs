using System.Runtime.InteropServices;

namespace Shegong.Web.Features.Statistics.Memory;

/// <summary>
/// One month of every region code's <see cref="ServiceSummary"/> leaves, as flat arrays: no object per leaf-month or
/// per leaf. At 10M records there are millions of leaf-months, and an object with its own small arrays cost about
/// 440 bytes each; here a leaf-month costs its code reference and an offset, and a leaf 14 bytes (docs/benchmarks.md).
/// Yuan are held apart, only for the few leaves that link resources, as exact decimals.
/// Immutable: a change makes a new month with <see cref="Merge"/>.
/// </summary>
internal sealed class MonthFigures
{
    public static readonly MonthFigures Empty = new Builder().Build();

    private readonly string[] codes;    // ascending (ordinal), one per leaf-month
    private readonly int[] starts;      // leaf-month i's leaves are starts[i]..starts[i + 1]
    private readonly ushort[] combos;   // PeopleDims.Combo of each leaf
    private readonly int[] records;
    private readonly int[] personTimes;
    private readonly int[] minutes;
    private readonly int[] yuanAt;      // ascending indexes of the leaves with yuan; yuan holds each one's
    private readonly decimal[] yuan;

    private MonthFigures(Builder b)
    {
        codes = [.. b.Codes];
        starts = [.. b.Starts];
        combos = [.. b.Combos];
        records = [.. b.Records];
        personTimes = [.. b.PersonTimes];
        minutes = [.. b.Minutes];
        yuanAt = [.. b.YuanAt];
        yuan = [.. b.Yuan];
    }

    public int LeafMonths => codes.Length;

    /// <summary>Adds the leaves of the codes <paramref name="low"/>..<paramref name="high"/> to the sums by combination.</summary>
    public void AddTo(Dictionary<int, SummaryTotals> sums, string low, string high)
    {
        var (first, end) = CodeRange.Of(codes, low, high);
        var (from, to) = (starts[first], starts[end]);
        var y = Array.BinarySearch(yuanAt, from);
        y = y < 0 ? ~y : y;
        for (var i = from; i < to; i++)
        {
            var value = y < yuanAt.Length && yuanAt[y] == i ? yuan[y++] : 0m;
            CollectionsMarshal.GetValueRefOrAddDefault(sums, combos[i], out _) += new SummaryTotals(records[i], personTimes[i], minutes[i], value);
        }
    }

    /// <summary>
    /// This month with the leaf-months of the <paramref name="changed"/> codes taken from <paramref name="fresh"/>
    /// (which holds only changed codes); a changed code missing from it has no figures any more.
    /// </summary>
    public MonthFigures Merge(IReadOnlySet<string> changed, MonthFigures fresh)
    {
        var merged = new Builder();
        var (i, j) = (0, 0);
        while (i < codes.Length || j < fresh.codes.Length)
        {
            if (i < codes.Length && changed.Contains(codes[i]))
            {
                i++;
            }
            else if (j >= fresh.codes.Length || (i < codes.Length && string.CompareOrdinal(codes[i], fresh.codes[j]) < 0))
            {
                CopyTo(merged, i++);
            }
            else
            {
                fresh.CopyTo(merged, j++);
            }
        }
        return merged.Build();
    }

    private void CopyTo(Builder into, int leafMonth)
    {
        var y = Array.BinarySearch(yuanAt, starts[leafMonth]);
        y = y < 0 ? ~y : y;
        for (var i = starts[leafMonth]; i < starts[leafMonth + 1]; i++)
        {
            var value = y < yuanAt.Length && yuanAt[y] == i ? yuan[y++] : 0m;
            into.Add(codes[leafMonth], combos[i], new SummaryTotals(records[i], personTimes[i], minutes[i], value));
        }
    }

    /// <summary>Takes leaves in ascending code order (a code's leaves together) and makes the month.</summary>
    public sealed class Builder
    {
        internal List<string> Codes { get; } = [];
        internal List<int> Starts { get; } = [0];
        internal List<ushort> Combos { get; } = [];
        internal List<int> Records { get; } = [];
        internal List<int> PersonTimes { get; } = [];
        internal List<int> Minutes { get; } = [];
        internal List<int> YuanAt { get; } = [];
        internal List<decimal> Yuan { get; } = [];

        public void Add(string code, int combo, SummaryTotals totals)
        {
            if (Codes.Count == 0 || !string.Equals(Codes[^1], code, StringComparison.Ordinal))
            {
                Codes.Add(code);
                Starts.Add(Starts[^1]);
            }
            if (totals.ValueYuan != 0)
            {
                YuanAt.Add(Combos.Count);
                Yuan.Add(totals.ValueYuan);
            }
            Combos.Add(checked((ushort)combo));
            Records.Add(totals.Records);
            PersonTimes.Add(totals.PersonTimes);
            // A record is at most 720 minutes, so this overflows only past three million records in one leaf.
            Minutes.Add(checked((int)totals.Minutes));
            Starts[^1]++;
        }

        public MonthFigures Build() => new(this);
    }
}
