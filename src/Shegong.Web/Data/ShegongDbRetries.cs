using Microsoft.EntityFrameworkCore;

namespace Shegong.Web.Data;

/// <summary>
/// With a retrying execution strategy (<c>Database:RetryOnFailure</c> on PostgreSQL) a save is one
/// retriable unit: the data, and the audit entries the interceptor adds, in one transaction that the
/// strategy runs again from the start after a transient failure. Changes are accepted only once it committed.
/// </summary>
public abstract partial class ShegongDb
{
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null || !Database.CreateExecutionStrategy().RetriesOnFailure)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        var saved = Database.CreateExecutionStrategy().Execute(() =>
        {
            using var transaction = Database.BeginTransaction();
            var count = base.SaveChanges(acceptAllChangesOnSuccess: false);
            transaction.Commit();
            return count;
        });
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null || !Database.CreateExecutionStrategy().RetriesOnFailure)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var saved = await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await transaction.CommitAsync(ct);
            return count;
        }, cancellationToken);
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }
        return saved;
    }
}
