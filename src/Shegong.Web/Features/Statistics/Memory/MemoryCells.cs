using Roaring.Net.CRoaring;

namespace Shegong.Web.Features.Statistics.Memory;

/// <summary>A code range's month, summed from its leaf-months and kept until a leaf under it changes.</summary>
internal sealed class CellMonth : IDisposable
{
    public Dictionary<int, SummaryTotals> Combos { get; } = [];
    public Roaring32Bitmap[] People { get; } = new Roaring32Bitmap[PeopleDims.Count];

    public static CellMonth Of(MonthBlock month, string low, string high)
    {
        var cell = new CellMonth();
        var ids = Enumerable.Range(0, PeopleDims.Count).Select(_ => new List<uint>()).ToArray();
        month.AddTo(cell.Combos, ids, low, high);
        for (var dim = 0; dim < PeopleDims.Count; dim++)
        {
            cell.People[dim] = new Roaring32Bitmap(ids[dim].ToArray());
        }
        return cell;
    }

    public void Dispose()
    {
        foreach (var set in People)
        {
            set?.Dispose();
        }
    }
}

/// <summary>
/// What a reader gets for a code range and a run of whole months: figures by combination, and the distinct
/// residents per dimension, merged exactly. Owns its sets: dispose it. Residents of partial edge months, read
/// from the records, are added with <see cref="AddPeople"/> so that a person counts once across both.
/// </summary>
public sealed class MemoryCells : IDisposable
{
    private readonly Roaring32Bitmap[] people;

    internal MemoryCells(Dictionary<int, SummaryTotals> combos, Roaring32Bitmap[] people)
    {
        Combos = combos;
        this.people = people;
    }

    public static MemoryCells Empty() => new([], [.. Enumerable.Range(0, PeopleDims.Count).Select(_ => new Roaring32Bitmap())]);

    /// <summary>Figures by <see cref="PeopleDims.Combo"/>.</summary>
    public Dictionary<int, SummaryTotals> Combos { get; }

    public int People(int dim) => (int)people[dim].Count;

    public void AddPeople(int dim, IEnumerable<int> residents) => people[dim].AddMany(residents.Select(r => (uint)r).ToArray());

    public void AddCombo(int combo, SummaryTotals totals) => Combos[combo] = Combos.GetValueOrDefault(combo) + totals;

    public void Dispose()
    {
        foreach (var set in people)
        {
            set.Dispose();
        }
    }
}
