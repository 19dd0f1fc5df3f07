using System.Runtime.InteropServices;

namespace Shegong.Web.Features.Statistics.Memory;

/// <summary>
/// One month of the copy, every region code's leaves and residents served, as flat arrays: no object per leaf-month.
/// At 10M records there are millions of leaf-months, and an object with small arrays of its own cost about 440 bytes
/// each; here a leaf-month costs its code reference and two offsets (16 bytes), a leaf 8 bytes and a resident 6
/// (docs/benchmarks.md). A leaf's counts are held in 16 bits; the few leaves with yuan or a count beyond that keep
/// their exact totals apart, in <c>wide</c>. Immutable: a change makes a new month with <see cref="Merge"/>.
/// </summary>
internal sealed class MonthBlock
{
    public static readonly MonthBlock Empty = new Builder().Build();

    private readonly string[] codes;        // ascending (ordinal), one per leaf-month
    private readonly int[] leafStarts;      // leaf-month i's leaves are leafStarts[i]..leafStarts[i + 1]
    private readonly ushort[] combos;       // PeopleDims.Combo of each leaf
    private readonly ushort[] records;
    private readonly ushort[] personTimes;
    private readonly ushort[] minutes;
    private readonly int[] wideAt;          // ascending indexes of the leaves whose exact totals are in wide
    private readonly SummaryTotals[] wide;
    private readonly int[] residentStarts;  // leaf-month i's residents are residentStarts[i]..residentStarts[i + 1]
    private readonly uint[] residents;      // ascending within a leaf-month
    private readonly ushort[] masks;        // each resident's PeopleDims bits

    private MonthBlock(Builder b)
    {
        codes = [.. b.Codes];
        leafStarts = [.. b.LeafStarts, b.Combos.Count];
        combos = [.. b.Combos];
        records = [.. b.Records];
        personTimes = [.. b.PersonTimes];
        minutes = [.. b.Minutes];
        wideAt = [.. b.WideAt];
        wide = [.. b.Wide];
        residentStarts = [.. b.ResidentStarts, b.Residents.Count];
        residents = [.. b.Residents];
        masks = [.. b.Masks];
    }

    public int LeafMonths => codes.Length;

    /// <summary>Adds the leaves of the codes <paramref name="low"/>..<paramref name="high"/> to the sums by combination, and their residents to each dimension's list.</summary>
    public void AddTo(Dictionary<int, SummaryTotals> sums, List<uint>[] people, string low, string high)
    {
        var (first, end) = CodeRange.Of(codes, low, high);
        var (from, to) = (leafStarts[first], leafStarts[end]);
        var w = WideFrom(from);
        for (var i = from; i < to; i++)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(sums, combos[i], out _) += Totals(i, ref w);
        }
        (from, to) = (residentStarts[first], residentStarts[end]);
        people[PeopleDims.All].AddRange(new ArraySegment<uint>(residents, from, to - from));
        for (var i = from; i < to; i++)
        {
            for (uint mask = masks[i]; mask != 0; mask &= mask - 1)
            {
                people[System.Numerics.BitOperations.TrailingZeroCount(mask)].Add(residents[i]);
            }
        }
    }

    /// <summary>
    /// This month with the leaf-months of the <paramref name="changed"/> codes taken from <paramref name="fresh"/>
    /// (which holds only changed codes); a changed code missing from it has nothing left that month.
    /// </summary>
    public MonthBlock Merge(IReadOnlySet<string> changed, MonthBlock fresh)
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
        into.Begin(codes[leafMonth]);
        var w = WideFrom(leafStarts[leafMonth]);
        for (var i = leafStarts[leafMonth]; i < leafStarts[leafMonth + 1]; i++)
        {
            into.AddLeaf(combos[i], Totals(i, ref w));
        }
        for (var i = residentStarts[leafMonth]; i < residentStarts[leafMonth + 1]; i++)
        {
            into.AddResident(residents[i], masks[i]);
        }
    }

    // The first entry of wide at or after leaf index from.
    private int WideFrom(int from)
    {
        var w = Array.BinarySearch(wideAt, from);
        return w < 0 ? ~w : w;
    }

    // Leaf i's totals, walking w along wide as i rises.
    private SummaryTotals Totals(int i, ref int w) =>
        w < wideAt.Length && wideAt[w] == i ? wide[w++] : new SummaryTotals(records[i], personTimes[i], minutes[i], 0m);

    /// <summary>Takes leaf-months in ascending code order, each begun once, and makes the month.</summary>
    public sealed class Builder
    {
        internal List<string> Codes { get; } = [];
        internal List<int> LeafStarts { get; } = [];
        internal List<ushort> Combos { get; } = [];
        internal List<ushort> Records { get; } = [];
        internal List<ushort> PersonTimes { get; } = [];
        internal List<ushort> Minutes { get; } = [];
        internal List<int> WideAt { get; } = [];
        internal List<SummaryTotals> Wide { get; } = [];
        internal List<int> ResidentStarts { get; } = [];
        internal List<uint> Residents { get; } = [];
        internal List<ushort> Masks { get; } = [];

        public void Begin(string code)
        {
            Codes.Add(code);
            LeafStarts.Add(Combos.Count);
            ResidentStarts.Add(Residents.Count);
        }

        public void AddLeaf(int combo, SummaryTotals totals)
        {
            var narrow = totals.ValueYuan == 0 && Fits(totals.Records) && Fits(totals.PersonTimes) && Fits(totals.Minutes);
            if (!narrow)
            {
                WideAt.Add(Combos.Count);
                Wide.Add(totals);
            }
            Combos.Add(checked((ushort)combo));
            Records.Add(narrow ? (ushort)totals.Records : default);
            PersonTimes.Add(narrow ? (ushort)totals.PersonTimes : default);
            Minutes.Add(narrow ? (ushort)totals.Minutes : default);
        }

        public void AddResident(uint resident, uint mask)
        {
            Residents.Add(resident);
            Masks.Add(checked((ushort)mask));
        }

        public MonthBlock Build() => new(this);

        private static bool Fits(long value) => value is >= 0 and <= ushort.MaxValue;
    }
}
