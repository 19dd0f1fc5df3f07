using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shegong.Web.Data;

namespace Shegong.Web.Common.Derived;

/// <summary>
/// Runs the maintainers inside a save and checks what they wrote: every change they added must be
/// to an <see cref="IDerivedData"/> row, so a maintainer cannot be used to smuggle a record past the
/// write guard. Called by the audit interceptor after the guard.
/// </summary>
public sealed class DerivedDataWrites(IEnumerable<IDerivedDataMaintainer> maintainers)
{
    public static string DirectWriteMessage => ProblemText.DerivedDataDirectWrite;

    private readonly HashSet<object> written = new(ReferenceEqualityComparer.Instance);

    /// <summary>The derived rows the maintainers changed in the save under way (kept if it fails, for its retry).</summary>
    public IReadOnlySet<object> Written => written;

    public void Run(ShegongDb db)
    {
        var changed = Changed(db);
        if (changed.Count == 0)
        {
            return;
        }
        var before = changed.Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var maintainer in maintainers)
        {
            maintainer.Maintain(db, changed);
        }
        foreach (var entry in Changed(db).Where(e => !before.Contains(e.Entity)))
        {
            if (entry.Entity is not IDerivedData)
            {
                throw new InvalidOperationException("A derived-data maintainer changed a row that is not derived data.");
            }
            written.Add(entry.Entity);
        }
    }

    /// <summary>After a successful save: the next save's derived rows are judged afresh.</summary>
    public void Saved() => written.Clear();

    private static List<EntityEntry> Changed(ShegongDb db) => [.. db.ChangeTracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)];
}
