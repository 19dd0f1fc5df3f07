using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Derived;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;

namespace Shegong.Web.Features.Audit;

/// <summary>
/// The one place writes are checked, whatever the caller (API, UI page, later features): the
/// permission table lets the role make the change (<see cref="AccessTable"/>; a type it lacks is refused), and every changed row
/// lies in the scope before and after the change; a child row's parent does
/// (<see cref="ParentRows"/>). Without a signed-in user or the system scope nothing is written
/// (fail closed). Audit entries are never changed or deleted. Nothing is saved when it throws.
/// </summary>
public sealed class WriteGuard(CurrentUser user, RegionScope scope)
{
    /// <param name="maintained">Derived rows a maintainer wrote in an earlier attempt of this save (a retry).</param>
    public void Check(ShegongDb db, IReadOnlySet<object>? maintained = null)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || entry.Entity is DataProtectionKey)
            {
                continue;
            }
            // The audit entries written outside the interceptor: a reveal, a lookup or a view, added, never changed.
            if (entry.Entity is AuditEntry { Action: AuditAction.Revealed or AuditAction.LookedUp or AuditAction.Viewed } && entry.State == EntityState.Added)
            {
                continue;
            }
            if (entry.Entity is AuditEntry)
            {
                throw RequestProblem.Forbidden(ProblemText.AuditAuditEntriesChangedDeleted);
            }
            // Derived rows are written by their maintainers after this check, never by a user's code.
            if (entry.Entity is IDerivedData && !scope.IsSystem && maintained?.Contains(entry.Entity) != true)
            {
                throw RequestProblem.Forbidden(DerivedDataWrites.DirectWriteMessage);
            }
            // System work (start-up, operator verbs, jobs) is unrestricted and named in the audit.
            if (scope.IsSystem)
            {
                continue;
            }
            if (!user.IsAuthenticated)
            {
                // Fail closed: without a signed-in user only Identity's own sign-in bookkeeping is written.
                if (IsSignInBookkeeping(entry))
                {
                    continue;
                }
                throw RequestProblem.Forbidden(ProblemText.WriteNobodySignedIn);
            }
            if (!WriteActions.Of(entry).All(action => AccessTable.Allows(user.Role, entry.Metadata.ClrType, action)))
            {
                throw RequestProblem.Forbidden(ProblemText.AuditYourRoleMayNotChange);
            }
            if (!InScope(db, entry))
            {
                throw RequestProblem.Forbidden(ProblemText.AuditRecordOutsideYourScope);
            }
        }
    }

    /// <summary>
    /// The row's region lies in the scope before and after the change; a child row's parent is
    /// visible and its region does too (a child without a visible parent is refused).
    /// </summary>
    private bool InScope(ShegongDb db, EntityEntry entry)
    {
        var outside = AuditRecorder.RegionCodeOf(entry) is { } code && !scope.Contains(code)
            || entry.State == EntityState.Modified && AuditRecorder.RegionCodeOf(entry, original: true) is { } before && !scope.Contains(before);
        if (outside)
        {
            return false;
        }
        if (!ParentRows.IsChild(entry))
        {
            return true;
        }
        foreach (var parent in ParentRows.Of(db, entry))
        {
            if (parent is null || !InScope(db, parent) || AuditRecorder.RegionCodeOf(parent, original: true) is { } was && !scope.Contains(was))
            {
                return false;
            }
        }
        return true;
    }

    private static readonly HashSet<string> SignInFields =
        [nameof(Account.AccessFailedCount), nameof(Account.LockoutEnd), nameof(Account.ConcurrencyStamp)];

    private static bool IsSignInBookkeeping(EntityEntry entry) => entry is { Entity: Account, State: EntityState.Modified }
        // Identity's store marks every property modified; what counts is which values changed.
        && entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).All(p => SignInFields.Contains(p.Metadata.Name));
}
