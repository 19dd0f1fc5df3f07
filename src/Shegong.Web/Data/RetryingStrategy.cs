using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Shegong.Web.Data;

/// <summary>
/// Npgsql's retrying strategy, except that work inside a transaction the code opened itself runs once,
/// without retries, instead of being refused: only the code that opened the transaction can repeat it
/// (see <see cref="ShegongDb"/>'s saves and <c>DatabaseSetup.InTransactionAsync</c>).
/// </summary>
public sealed class RetryingStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount: 5)
{
    public override TResult Execute<TState, TResult>(TState state, Func<Microsoft.EntityFrameworkCore.DbContext, TState, TResult> operation,
        Func<Microsoft.EntityFrameworkCore.DbContext, TState, ExecutionResult<TResult>>? verifySucceeded) =>
        Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null
            ? operation(Dependencies.CurrentContext.Context, state)
            : base.Execute(state, operation, verifySucceeded);

    public override Task<TResult> ExecuteAsync<TState, TResult>(TState state,
        Func<Microsoft.EntityFrameworkCore.DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<Microsoft.EntityFrameworkCore.DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded,
        CancellationToken cancellationToken = default) =>
        Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null
            ? operation(Dependencies.CurrentContext.Context, state, cancellationToken)
            : base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);
}
