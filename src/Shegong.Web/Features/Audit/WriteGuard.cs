using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;

namespace Shegong.Web.Features.Audit;

/// <summary>
/// The one place writes are checked, whatever the caller (API, UI page, later features): the
/// permission table lets the role make the change (<see cref="AccessTable"/>; a type it lacks is refused), and every changed row
/// lies in the scope before and after the change. Audit entries are never changed or deleted.
/// Nothing is saved when it throws.
/// </summary>
public sealed class WriteGuard(CurrentUser user, RegionScope scope)
{
    public void Check(ShegongDb db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || entry.Entity is DataProtectionKey)
            {
                continue;
            }
            // The audit entries written outside the interceptor: a reveal or a lookup, added, never changed.
            if (entry.Entity is AuditEntry { Action: AuditAction.Revealed or AuditAction.LookedUp } && entry.State == EntityState.Added)
            {
                continue;
            }
            if (entry.Entity is AuditEntry)
            {
                throw RequestProblem.Forbidden("审计日志不可修改或删除 / audit entries cannot be changed or deleted");
            }
            if (!user.IsAuthenticated)
            {
                continue;
            }
            if (!WriteActions.Of(entry).All(action => AccessTable.Allows(user.Role, entry.Metadata.ClrType, action)))
            {
                throw RequestProblem.Forbidden("您的角色无权修改此类数据 / your role may not change this kind of record");
            }
            var outside = AuditRecorder.RegionCodeOf(entry) is { } code && !scope.Contains(code)
                || entry.State == EntityState.Modified && AuditRecorder.RegionCodeOf(entry, original: true) is { } before && !scope.Contains(before);
            if (outside)
            {
                throw RequestProblem.Forbidden("该记录不在您的管辖范围内 / this record is outside your scope");
            }
        }
    }
}
