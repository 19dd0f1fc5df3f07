using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shegong.Web.Common;
using Shegong.Web.Common.Derived;

namespace Shegong.Web.Data;

/// <summary>
/// Summary rows are hot: two workers of one township saving the same kind of service in the same month
/// update the same leaf. When a save loses only on derived rows (a stale version, or a leaf another save
/// created first), it is not the user's conflict: the rows are read again and the save is repeated, so the
/// maintainers add this save's change to what is stored now (ADR 0004). The user's own rows never take
/// this path: their stale versions stay a 409.
/// </summary>
public abstract partial class ShegongDb
{
    private const int DerivedRaceAttempts = 5;

    /// <summary>True when the failed entries are all derived rows and were made ready for another attempt.</summary>
    private bool RecoverDerivedRace(DbUpdateException failure, int attempt)
    {
        if (attempt >= DerivedRaceAttempts || failure.Entries.Count == 0 || !failure.Entries.All(e => e.Entity is IDerivedData))
        {
            return false;
        }
        if (failure is DbUpdateConcurrencyException)
        {
            foreach (var entry in failure.Entries)
            {
                Refresh(entry, entry.GetDatabaseValues());
            }
            return true;
        }
        if (DatabaseErrors.IsDuplicate(failure) && failure.Entries.All(e => e.State == EntityState.Added))
        {
            // Another save created the leaf first: forget ours, the maintainer finds the stored one.
            foreach (var entry in failure.Entries)
            {
                entry.State = EntityState.Detached;
            }
            return true;
        }
        return false;
    }

    private async Task<bool> RecoverDerivedRaceAsync(DbUpdateException failure, int attempt, CancellationToken cancellationToken)
    {
        if (failure is DbUpdateConcurrencyException && attempt < DerivedRaceAttempts && failure.Entries.Count > 0
            && failure.Entries.All(e => e.Entity is IDerivedData))
        {
            foreach (var entry in failure.Entries)
            {
                Refresh(entry, await entry.GetDatabaseValuesAsync(cancellationToken));
            }
            return true;
        }
        return RecoverDerivedRace(failure, attempt);
    }

    // The stored values become the ones read; a row gone meanwhile is added afresh.
    private static void Refresh(EntityEntry entry, PropertyValues? stored)
    {
        if (stored is null)
        {
            entry.State = EntityState.Added;
            return;
        }
        entry.OriginalValues.SetValues(stored);
    }
}
