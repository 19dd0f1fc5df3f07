using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Shegong.Web.Common.Access;

/// <summary>The permission-table actions a tracked change needs, for the write guard.</summary>
public static class WriteActions
{
    /// <summary>The properties whose change is a status change, as the audit trail names it.</summary>
    private static readonly string[] StatusProperties = ["Status", "IsDisabled"];

    public static IEnumerable<AccessAction> Of(EntityEntry entry)
    {
        // A part (a station's status history, a contract's evaluations) is saved as part of its
        // entity: adding, changing or removing it is an update of that entity.
        if (AccessTable.Find(entry.Metadata.ClrType) is { } row && !row.Entity.IsAssignableFrom(entry.Metadata.ClrType))
        {
            return [AccessAction.Update];
        }
        return entry.State switch
        {
            EntityState.Added => [AccessAction.Create],
            EntityState.Deleted => [AccessAction.Delete],
            _ => Modified(entry),
        };
    }

    private static IEnumerable<AccessAction> Modified(EntityEntry entry)
    {
        var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList();
        if (changed.Any(StatusProperties.Contains))
        {
            yield return AccessAction.StatusChange;
        }
        if (changed.Count == 0 || changed.Any(p => !StatusProperties.Contains(p)))
        {
            yield return AccessAction.Update;
        }
    }
}
