using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Shegong.Web.Common.Concurrency;

/// <summary>
/// An editable record with a concurrency token: PostgreSQL's <c>xmin</c> system column, or on
/// SQLite a <c>Version</c> column the app raises on every update. Readers get it with the record
/// and send it back with an edit; an edit of a version that is no longer current is a 409.
/// </summary>
public interface IVersioned
{
    uint Version { get; }
}

/// <summary>The concurrency token's mapping, upkeep and checks; see <see cref="IVersioned"/>.</summary>
public static class Versioning
{
    public const string Property = nameof(IVersioned.Version);

    public static string StaleMessage => ProblemText.RecordStale;

    public static string MissingMessage => ProblemText.RecordVersionMissing;

    public static RequestProblem Stale() => RequestProblem.Conflict(StaleMessage);

    /// <summary>Maps <see cref="IVersioned.Version"/> of every entity: <c>xmin</c> on PostgreSQL, a plain column elsewhere.</summary>
    public static void Configure(ModelBuilder modelBuilder, bool postgres)
    {
        foreach (var type in modelBuilder.Model.GetEntityTypes().Where(t => t.BaseType is null && typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            var property = modelBuilder.Entity(type.ClrType).Property<uint>(Property);
            if (postgres)
            {
                // Npgsql maps a uint row version to the xmin system column: no column to add or keep.
                property.IsRowVersion();
            }
            else
            {
                property.IsConcurrencyToken();
            }
        }
    }

    /// <summary>Raises the SQLite version of every changed record (PostgreSQL moves xmin by itself).</summary>
    public static void Bump(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property<uint>(Property);
            if (IsAppKept(version))
            {
                version.CurrentValue = unchecked(version.OriginalValue + 1);
            }
        }
    }

    /// <summary>
    /// Checks that <paramref name="entity"/> is still at the version the client read, and makes the
    /// save update the row under that version, so an edit that loses a race is refused by the
    /// database rather than overwriting the winner.
    /// </summary>
    public static void Expect<T>(DbContext db, T entity, uint? version) where T : class, IVersioned
    {
        if (version is null)
        {
            throw RequestProblem.Invalid("version", MissingMessage);
        }
        if (entity.Version != version)
        {
            throw Stale();
        }
        Touch(db, entity);
    }

    /// <summary>
    /// Makes the next save write <paramref name="entity"/>'s row under its current token even if no
    /// field of it changed: a record whose children or neighbours change (a station that a contract
    /// starts to cover) then admits only one of two racing writers.
    /// </summary>
    public static void Touch<T>(DbContext db, T entity) where T : class, IVersioned
    {
        var entry = db.Entry(entity);
        if (entry.State is EntityState.Added or EntityState.Deleted)
        {
            return;
        }
        var version = entry.Property<uint>(Property);
        if (IsAppKept(version))
        {
            version.IsModified = true;
            return;
        }
        // xmin cannot be written: rewrite one column with its own value instead (the audit skips unchanged values).
        var column = entry.Properties.First(p => !p.Metadata.IsPrimaryKey() && p.Metadata.ValueGenerated == ValueGenerated.Never
            && p.Metadata.Name != Property && !p.Metadata.IsForeignKey() && !p.Metadata.IsShadowProperty());
        column.IsModified = true;
    }

    /// <summary>True for the SQLite column the app raises; false for xmin, which the database keeps.</summary>
    private static bool IsAppKept(PropertyEntry version) => version.Metadata.ValueGenerated == ValueGenerated.Never;
}
