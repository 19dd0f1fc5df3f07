using System.Collections.Concurrent;
using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Shegong.Tests.Browser;

/// <summary>
/// Console errors and uncaught page errors seen by any page of the browser fixture. The browser tests run one at a
/// time (one collection); what the pages a test opened report between its start and end belongs to that test.
/// </summary>
public static class BrowserErrors
{
    private static readonly ConcurrentQueue<string> errors = new();

    public static void Add(string error) => errors.Enqueue(error);

    private static int test;

    /// <summary>Which test is running: moves on at every test's start.</summary>
    public static int Test => Volatile.Read(ref test);

    public static void Clear()
    {
        Interlocked.Increment(ref test);
        errors.Clear();
    }

    public static IReadOnlyList<string> Take()
    {
        var taken = new List<string>();
        while (errors.TryDequeue(out var error))
        {
            taken.Add(error);
        }
        return taken;
    }
}

/// <summary>Fails a browser test whose pages logged a console error or threw, even if every assertion passed.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class FailOnBrowserErrorsAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest, IXunitTest test) => BrowserErrors.Clear();

    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        var errors = BrowserErrors.Take();
        if (errors.Count > 0)
        {
            throw new XunitException("The browser reported errors:\n" + string.Join("\n", errors));
        }
    }
}
