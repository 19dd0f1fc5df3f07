using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(Shegong.Tests.Infrastructure.LongestFirst))]

namespace Shegong.Tests.Infrastructure;

/// <summary>
/// Starts the collections that take longest first (the serial browser collection, then the few single tests of a minute
/// or more), so the two test threads finish together instead of one running a long collection alone at the end. The rest
/// keep xunit's default (shuffled) order.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] Longest =
    [
        "browser",
        "Shegong.Tests.Platform.FirstStartTests",
        "Shegong.Tests.Platform.OperatorVerbTests",
        "Shegong.Tests.BadInput.BadInputTests",
        "Shegong.Tests.Platform.DemoDataTests",
        "Shegong.Tests.Access.AccessMatrixTests",
    ];

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection
    {
        static int Rank(ITestCollection collection)
        {
            var name = collection.TestCollectionDisplayName;
            var index = Array.FindIndex(Longest, l => name == l || name.StartsWith($"Test collection for {l} ", StringComparison.Ordinal));
            return index < 0 ? Longest.Length : index;
        }
        return [.. DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections).OrderBy(c => Rank(c))];
    }
}
