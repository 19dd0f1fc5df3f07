using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Shegong.Web.Data;

/// <summary>
/// Lets a big read stream its rows under a retrying execution strategy. With PostgreSQL's <c>Database:RetryOnFailure</c>,
/// EF buffers every row of a query before handing out the first, so that it could retry it: the statistics copy's load
/// of 8 million leaves held 5 GB at its peak and left the process at 3.7 GB (docs/benchmarks.md), and an export held
/// all its rows. Inside <see cref="RunAsync{T}"/> and <see cref="Stream{T}"/> this non-retrying strategy is the current
/// one, as the retrying strategy is inside its own <c>ExecuteAsync</c>: nested operations run once and queries stream. A
/// read that fails is not retried; the caller asks again. <see cref="ExecutionStrategy.Current"/> is async-local: it holds
/// for the call's flow and is gone when the call returns.
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

    /// <summary>The query's rows as they are read (EF decides to buffer when the reader opens, on the first row asked for).</summary>
    public static async IAsyncEnumerable<T> Stream<T>(DbContext db, IQueryable<T> query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Current = new StreamedReads(db.GetService<ExecutionStrategyDependencies>());
        await foreach (var row in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }
}
