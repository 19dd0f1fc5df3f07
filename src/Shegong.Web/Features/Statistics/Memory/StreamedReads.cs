using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Shegong.Web.Features.Statistics.Memory;

/// <summary>
/// Lets one read stream its rows under a retrying execution strategy. With PostgreSQL's <c>Database:RetryOnFailure</c>,
/// EF buffers every row of a query before handing out the first, so that it could retry it: the statistics copy's load
/// of 8 million leaves held 5 GB at its peak and left the process at 3.7 GB (docs/benchmarks.md). Inside
/// <see cref="RunAsync{T}"/> this non-retrying strategy is the current one, as the retrying strategy is inside its own
/// <c>ExecuteAsync</c>: nested operations run once and queries stream. A load that fails is asked for again by the next
/// read. <see cref="ExecutionStrategy.Current"/> is async-local: it holds for this call's flow and is gone when it returns.
/// </summary>
internal sealed class StreamedReads(ExecutionStrategyDependencies dependencies) : ExecutionStrategy(dependencies, 0, TimeSpan.Zero)
{
    public override bool RetriesOnFailure => false;

    protected override bool ShouldRetryOn(Exception exception) => false;

    public static async Task<T> RunAsync<T>(DbContext db, Func<Task<T>> read)
    {
        Current = new StreamedReads(db.GetService<ExecutionStrategyDependencies>());
        return await read();
    }
}
