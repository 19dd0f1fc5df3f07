using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Common.Derived;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;

namespace Shegong.Web.Features.Audit;

/// <summary>
/// Runs on every SaveChanges of a <see cref="ShegongDb"/>: first the write guard (role and scope
/// of each changed row), then the derived-data maintainers (<see cref="DerivedDataWrites"/>), then, for a signed-in user or audited system work, records the changes as audit entries in the
/// same transaction (one is opened when none exists, because new rows only get their ids on save).
/// </summary>
public sealed class AuditInterceptor(CurrentUser user, WriteGuard guard, DerivedDataWrites derived, TimeProvider clock) : SaveChangesInterceptor
{
    private List<AuditRecorder.Pending>? pending;
    private IDbContextTransaction? ownTransaction;
    private bool recording;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Prepare(eventData.Context) is { } db && pending is { Count: > 0 } && db.Database.CurrentTransaction is null)
        {
            ownTransaction = db.Database.BeginTransaction();
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ShegongDb { } context && !recording)
        {
            // The guard and the audit see child rows through their parents: load those first.
            await ParentRows.LoadAsync(context, cancellationToken);
        }
        if (Prepare(eventData.Context) is { } db && pending is { Count: > 0 } && db.Database.CurrentTransaction is null)
        {
            ownTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        derived.Saved();
        if (TakeEntries(eventData.Context) is { } db)
        {
            recording = true;
            try
            {
                db.SaveChanges();
                ownTransaction?.Commit();
            }
            finally
            {
                recording = false;
                ownTransaction?.Dispose();
                ownTransaction = null;
            }
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        derived.Saved();
        if (TakeEntries(eventData.Context) is { } db)
        {
            recording = true;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (ownTransaction is not null)
                {
                    await ownTransaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                recording = false;
                await DisposeTransactionAsync();
            }
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        pending = null;
        ownTransaction?.Rollback();
        ownTransaction?.Dispose();
        ownTransaction = null;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        pending = null;
        if (ownTransaction is not null)
        {
            await ownTransaction.RollbackAsync(cancellationToken);
        }
        await DisposeTransactionAsync();
    }

    private ShegongDb? Prepare(DbContext? context)
    {
        if (context is not ShegongDb db || recording)
        {
            return null;
        }
        guard.Check(db, derived.Written);
        derived.Run(db);
        // The versions were raised before the maintainers added their changes.
        Versioning.Bump(db);
        pending = user.IsAuthenticated || db.Scope is { IsSystem: true, AuditsSystemWrites: true } ? AuditRecorder.Collect(db) : null;
        return db;
    }

    /// <summary>Adds the audit rows for the save just made; answers the context when there are any.</summary>
    private ShegongDb? TakeEntries(DbContext? context)
    {
        if (context is not ShegongDb db || recording || pending is not { Count: > 0 } changes)
        {
            return null;
        }
        pending = null;
        db.AuditEntries.AddRange(AuditRecorder.Entries(changes, user, db.Scope, clock.GetUtcNow().UtcDateTime));
        return db;
    }

    private async Task DisposeTransactionAsync()
    {
        if (ownTransaction is not null)
        {
            await ownTransaction.DisposeAsync();
            ownTransaction = null;
        }
    }
}
