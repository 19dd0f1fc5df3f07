namespace Shegong.Web.Features.Statistics.Memory;

/// <summary>
/// One month of every region code's residents served, as flat arrays: per leaf-month the residents (ascending) and
/// each one's <see cref="PeopleDims"/> mask, six bytes a person. Immutable: a change makes a new month with <see cref="Merge"/>.
/// </summary>
internal sealed class MonthPeople
{
    public static readonly MonthPeople Empty = new Builder().Build();

    private readonly string[] codes;     // ascending (ordinal), one per leaf-month
    private readonly int[] starts;       // leaf-month i's residents are starts[i]..starts[i + 1]
    private readonly uint[] residents;
    private readonly ushort[] masks;

    private MonthPeople(Builder b)
    {
        codes = [.. b.Codes];
        starts = [.. b.Starts];
        residents = [.. b.Residents];
        masks = [.. b.Masks];
    }

    /// <summary>Adds the residents served under the codes <paramref name="low"/>..<paramref name="high"/> to each dimension's list.</summary>
    public void AddTo(List<uint>[] people, string low, string high)
    {
        var (first, end) = CodeRange.Of(codes, low, high);
        var (from, to) = (starts[first], starts[end]);
        people[PeopleDims.All].AddRange(new ArraySegment<uint>(residents, from, to - from));
        for (var i = from; i < to; i++)
        {
            for (uint mask = masks[i]; mask != 0; mask &= mask - 1)
            {
                people[System.Numerics.BitOperations.TrailingZeroCount(mask)].Add(residents[i]);
            }
        }
    }

    /// <summary>This month with the <paramref name="changed"/> codes' people taken from <paramref name="fresh"/>, as <see cref="MonthFigures.Merge"/>.</summary>
    public MonthPeople Merge(IReadOnlySet<string> changed, MonthPeople fresh)
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
        for (var i = starts[leafMonth]; i < starts[leafMonth + 1]; i++)
        {
            into.Add(codes[leafMonth], residents[i], masks[i]);
        }
    }

    /// <summary>Takes residents in ascending code order and, within a code, ascending and distinct, and makes the month.</summary>
    public sealed class Builder
    {
        internal List<string> Codes { get; } = [];
        internal List<int> Starts { get; } = [0];
        internal List<uint> Residents { get; } = [];
        internal List<ushort> Masks { get; } = [];

        public void Add(string code, uint resident, uint mask)
        {
            if (Codes.Count == 0 || !string.Equals(Codes[^1], code, StringComparison.Ordinal))
            {
                Codes.Add(code);
                Starts.Add(Starts[^1]);
            }
            Residents.Add(resident);
            Masks.Add(checked((ushort)mask));
            Starts[^1]++;
        }

        public MonthPeople Build() => new(this);
    }
}
