using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shegong.Web.Data;

namespace Shegong.Web.Common.Derived;

/// <summary>
/// A row computed from records (a summary, a tally), written only by its
/// <see cref="IDerivedDataMaintainer"/> inside the save of the records it follows; nobody's code
/// writes it directly (see docs/decisions/0004-derived-data-write-path.md).
/// </summary>
public interface IDerivedData;

/// <summary>
/// Keeps one kind of derived row in step with the records, registered in DI. Called inside every
/// save, after the write guard has checked the user's own changes, so it must be cheap. It may add or
/// change only its own derived rows, through the same context (same transaction); it reads them with
/// <c>IgnoreQueryFilters()</c> because they may lie above the user's scope. It must be idempotent for
/// the same changes: a retried save calls it again.
/// </summary>
public interface IDerivedDataMaintainer
{
    void Maintain(ShegongDb db, IReadOnlyList<EntityEntry> changed);
}
