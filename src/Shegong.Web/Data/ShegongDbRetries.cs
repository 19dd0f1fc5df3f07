using Microsoft.EntityFrameworkCore;

namespace Shegong.Web.Data;

/// <summary>
/// With a retrying execution strategy (<c>Database:RetryOnFailure</c> on PostgreSQL) a save is one
/// retriable unit: the data, and the audit entries the interceptor adds, in one transaction that the
/// strategy runs again after a transient failure. A retry is made only when nothing of the failed
/// attempt was accepted; otherwise (a failed commit) the save fails loudly instead of half-repeating.
/// Called by <see cref="ShegongDb.SaveChanges(bool)"/> after the versions are raised.
/// </summary>
public abstract partial class ShegongDb
{
    private int SaveChangesRetrying(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null || !Database.CreateExecutionStrategy().RetriesOnFailure)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        var pending = Pending();
        var attempt = 0;
        return Database.CreateExecutionStrategy().Execute(() =>
        {
            if (attempt++ > 0)
            {
                PrepareRetry(pending);
            }
            using var transaction = Database.BeginTransaction();
            var count = base.SaveChanges(acceptAllChangesOnSuccess);
            transaction.Commit();
            return count;
        });
    }

    private async Task<int> SaveChangesRetryingAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null || !Database.CreateExecutionStrategy().RetriesOnFailure)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var pending = Pending();
        var attempt = 0;
        return await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            if (attempt++ > 0)
            {
                PrepareRetry(pending);
            }
            await using var transaction = await Database.BeginTransactionAsync(ct);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            await transaction.CommitAsync(ct);
            return count;
        }, cancellationToken);
    }

    /// <summary>The entities to save and their states, by identity (entries are new wrappers on every call).</summary>
    private Dictionary<object, EntityState> Pending() => ChangeTracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
        .ToDictionary(e => e.Entity, e => e.State, ReferenceEqualityComparer.Instance);

    /// <summary>Drops rows the failed attempt added (its audit entries); refuses when the attempt left changes accepted.</summary>
    private void PrepareRetry(Dictionary<object, EntityState> pending)
    {
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (pending.TryGetValue(entry.Entity, out var state))
            {
                if (entry.State != state)
                {
                    throw new InvalidOperationException("A save failed after part of it was accepted; it cannot be repeated safely.");
                }
            }
            else if (entry.State == EntityState.Added)
            {
                entry.State = EntityState.Detached;
            }
        }
    }
}
