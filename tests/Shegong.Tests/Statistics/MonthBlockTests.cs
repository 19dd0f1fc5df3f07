using Shegong.Web.Features.Statistics;
using Shegong.Web.Features.Statistics.Memory;

namespace Shegong.Tests.Statistics;

/// <summary>The in-memory month keeps counts in 16 bits: figures past that, and yuan, must still come back exact, through merges too.</summary>
public class MonthBlockTests
{
    private const string Jinguanyi = "510104020000";
    private const string Sibling = "510104021000";
    private const string Qingyang = "510105001000";

    [Fact]
    public void Counts_past_sixteen_bits_and_yuan_come_back_exact_and_a_merge_replaces_only_the_changed_codes()
    {
        var month = new MonthBlock.Builder();
        month.Begin(Jinguanyi);
        month.AddLeaf(1, new SummaryTotals(70_000, 140_000, 5_000_000, 0m));
        month.AddLeaf(2, new SummaryTotals(3, 4, 50, 12.34m));
        month.AddResident(7, 0b10);
        month.Begin(Sibling);
        month.AddLeaf(1, new SummaryTotals(1, 2, 30, 0m));
        month.AddResident(7, 0b100);
        month.AddResident(9, 0b10);
        var block = month.Build();

        var (sums, people) = Read(block, "510104000000", "510104999999");
        Assert.Equal(new SummaryTotals(70_001, 140_002, 5_000_030, 0m), sums[1]);
        Assert.Equal(new SummaryTotals(3, 4, 50, 12.34m), sums[2]);
        Assert.Equal([7u, 7u, 9u], people[PeopleDims.All].Order());
        Assert.Equal([7u, 9u], people[1].Order());
        Assert.Equal([7u], people[2]);
        Assert.Equal(new SummaryTotals(1, 2, 30, 0m), Read(block, Sibling, Sibling).Sums[1]);

        // The sibling township lost its records and 青羊区 gained some: 锦官驿 stays as it was.
        var fresh = new MonthBlock.Builder();
        fresh.Begin(Qingyang);
        fresh.AddLeaf(3, new SummaryTotals(1, 1, 20, 500.5m));
        var merged = block.Merge(new HashSet<string> { Sibling, Qingyang }, fresh.Build());
        Assert.Equal(2, merged.LeafMonths);
        var (after, afterPeople) = Read(merged, "510100000000", "510199999999");
        Assert.Equal(new SummaryTotals(70_000, 140_000, 5_000_000, 0m), after[1]);
        Assert.Equal(new SummaryTotals(3, 4, 50, 12.34m), after[2]);
        Assert.Equal(new SummaryTotals(1, 1, 20, 500.5m), after[3]);
        Assert.Equal([7u], afterPeople[PeopleDims.All]);
        Assert.Empty(Read(merged, Sibling, Sibling).Sums);
    }

    private static (Dictionary<int, SummaryTotals> Sums, List<uint>[] People) Read(MonthBlock block, string low, string high)
    {
        var sums = new Dictionary<int, SummaryTotals>();
        var people = Enumerable.Range(0, PeopleDims.Count).Select(_ => new List<uint>()).ToArray();
        block.AddTo(sums, people, low, high);
        return (sums, people);
    }
}
