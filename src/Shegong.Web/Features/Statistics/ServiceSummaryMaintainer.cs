using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shegong.Web.Common.Derived;
using Shegong.Web.Data;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Web.Features.Statistics;

/// <summary>
/// Moves the <see cref="ServiceSummary"/> leaves with every service record added, corrected or
/// deleted, whoever saves it (the service-record API or a source: case contact, group session,
/// activity, assessment, request). A correction takes the record off the leaf it was read from and
/// adds it to the leaf it is saved into, so a record moved to another month or region moves its
/// figures. Each leaf is set to what it was read with plus this save's change, so a retried save
/// counts once. All leaves the save touches are read in one query.
/// </summary>
public sealed class ServiceSummaryMaintainer : IDerivedDataMaintainer
{
    public void Maintain(ShegongDb db, IReadOnlyList<EntityEntry> changed)
    {
        var deltas = new Dictionary<SummaryKey, SummaryTotals>();
        foreach (var entry in changed.Where(e => e.Entity is ServiceRecord))
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                Count(deltas, entry.OriginalValues, negative: true);
            }
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                Count(deltas, entry.CurrentValues, negative: false);
            }
        }
        if (deltas.Count == 0)
        {
            return;
        }
        var leaves = Leaves(db, [.. deltas.Keys]);
        foreach (var (key, delta) in deltas)
        {
            if (delta.IsZero)
            {
                // Same figures, other people (a beneficiary swapped): the leaf is stamped anyway, so every
                // in-memory copy reads its month's people again (StatisticsClockMaintainer).
                if (leaves.TryGetValue(key, out var same))
                {
                    db.Entry(same).Property(s => s.Stamp).IsModified = true;
                }
                continue;
            }
            if (!leaves.TryGetValue(key, out var leaf))
            {
                leaf = new ServiceSummary
                {
                    RegionCode = key.RegionCode,
                    Month = key.Month,
                    Category = key.Category,
                    Method = key.Method,
                    Channel = key.Channel,
                    Source = key.Source,
                };
                db.Add(leaf);
            }
            var entry = db.Entry(leaf);
            var read = entry.State == EntityState.Added ? default : new SummaryTotals(
                (int)entry.OriginalValues[nameof(ServiceSummary.Records)]!, (int)entry.OriginalValues[nameof(ServiceSummary.PersonTimes)]!,
                (long)entry.OriginalValues[nameof(ServiceSummary.Minutes)]!, (decimal)entry.OriginalValues[nameof(ServiceSummary.ValueYuan)]!);
            leaf.Set(read + delta);
        }
    }

    private static void Count(Dictionary<SummaryKey, SummaryTotals> deltas, PropertyValues values, bool negative)
    {
        var key = new SummaryKey((string)values[nameof(ServiceRecord.RegionCode)]!,
            ServiceSummary.MonthOf((DateOnly)values[nameof(ServiceRecord.ServedOn)]!),
            (ServiceCategory)values[nameof(ServiceRecord.Category)]!, (ServiceMethod)values[nameof(ServiceRecord.Method)]!,
            (ServiceChannel)values[nameof(ServiceRecord.Channel)]!, (ServiceSource)values[nameof(ServiceRecord.Source)]!);
        var totals = new SummaryTotals(1, (int)values[nameof(ServiceRecord.PersonTimes)]!, (int)values[nameof(ServiceRecord.DurationMinutes)]!,
            (decimal?)values[nameof(ServiceRecord.ValueYuan)] ?? 0);
        deltas[key] = deltas.GetValueOrDefault(key) + (negative ? -totals : totals);
    }

    // The leaves already tracked (a retried save) and those stored, above the user's scope too.
    private static Dictionary<SummaryKey, ServiceSummary> Leaves(ShegongDb db, List<SummaryKey> keys)
    {
        var wanted = keys.ToHashSet();
        var regions = keys.Select(k => k.RegionCode).Distinct().ToList();
        var months = keys.Select(k => k.Month).Distinct().ToList();
        var tracked = db.ChangeTracker.Entries<ServiceSummary>().Select(e => e.Entity).Where(s => wanted.Contains(s.Key)).ToList();
        var stored = db.Set<ServiceSummary>().IgnoreQueryFilters()
            .Where(s => regions.Contains(s.RegionCode) && months.Contains(s.Month)).ToList();
        var leaves = new Dictionary<SummaryKey, ServiceSummary>();
        foreach (var leaf in tracked.Concat(stored).Where(s => wanted.Contains(s.Key)))
        {
            leaves.TryAdd(leaf.Key, leaf);
        }
        return leaves;
    }
}
