using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Audit;

/// <summary>
/// Finds the parent of a child row (<see cref="IScopedThrough{TParent}"/>) by the foreign key
/// to it, so the write guard and the audit can treat the child's change as the parent's. The
/// parent is looked up through the scope's query filters: a parent the user cannot see is not
/// found, and the write is refused.
/// </summary>
public static class ParentRows
{
    /// <summary>The parent type of a child row, or null for any other entity.</summary>
    public static Type? ParentTypeOf(Type entityType) => entityType.GetInterfaces()
        .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IScopedThrough<>))?.GetGenericArguments()[0];

    public static bool IsChild(EntityEntry entry) => ParentTypeOf(entry.Metadata.ClrType) is not null;

    /// <summary>
    /// Loads the visible parents of every changed child row into the change tracker, before the
    /// guard runs. Unaudited system work needs neither guard nor audit, so it skips this.
    /// </summary>
    public static async Task LoadAsync(ShegongDb db, CancellationToken cancellationToken)
    {
        if (db.Scope is { IsSystem: true, AuditsSystemWrites: false })
        {
            return;
        }
        foreach (var (foreignKey, key) in Changed(db).SelectMany(Keys).ToList())
        {
            if (Tracked(db, foreignKey, key) is null)
            {
                await db.FindAsync(foreignKey.PrincipalEntityType.ClrType, key, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The parent's entry now, and before the change when the child moved to another parent;
    /// null where the parent is not visible in the scope.
    /// </summary>
    public static IEnumerable<EntityEntry?> Of(ShegongDb db, EntityEntry child) => Keys(child).Select(k =>
        Tracked(db, k.ForeignKey, k.Key) ?? (db.Find(k.ForeignKey.PrincipalEntityType.ClrType, k.Key) is { } parent ? db.Entry(parent) : null));

    /// <summary>
    /// A parent already tracked (new parents too, whose keys are still temporary), without a query. Called once per
    /// child row by the loader, the guard and the audit, each of which has already detected the save's changes. Detecting
    /// them again on every call compared every property of every tracked row once per child, and a batch of 1,000
    /// records (3,000 child rows) took minutes; the plain scan left is a cheap key comparison per tracked row.
    /// </summary>
    private static EntityEntry? Tracked(ShegongDb db, IForeignKey foreignKey, object?[] key)
    {
        var principal = foreignKey.PrincipalKey.Properties;
        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.ChangeTracker.Entries().FirstOrDefault(e => foreignKey.PrincipalEntityType.ClrType.IsAssignableFrom(e.Metadata.ClrType)
                && principal.Select((p, i) => Equals(e.CurrentValues[p], key[i])).All(x => x));
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>The properties of a child row that link it to its parent.</summary>
    public static IReadOnlyList<IProperty> LinkOf(EntityEntry child) => ParentTypeOf(child.Metadata.ClrType) is null ? [] : ForeignKeyOf(child).Properties;

    private static IForeignKey ForeignKeyOf(EntityEntry child)
    {
        var parentType = ParentTypeOf(child.Metadata.ClrType)!;
        return child.Metadata.GetForeignKeys().First(f => f.PrincipalEntityType.ClrType.IsAssignableFrom(parentType)
            || parentType.IsAssignableFrom(f.PrincipalEntityType.ClrType));
    }

    private static IEnumerable<EntityEntry> Changed(ShegongDb db) => db.ChangeTracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsChild(e));

    private static IEnumerable<(IForeignKey ForeignKey, object?[] Key)> Keys(EntityEntry child)
    {
        var foreignKey = ForeignKeyOf(child);
        var current = foreignKey.Properties.Select(p => child.CurrentValues[p]).ToArray();
        yield return (foreignKey, current);
        if (child.State == EntityState.Modified)
        {
            var original = foreignKey.Properties.Select(p => child.OriginalValues[p]).ToArray();
            if (!original.SequenceEqual(current))
            {
                yield return (foreignKey, original);
            }
        }
    }
}
