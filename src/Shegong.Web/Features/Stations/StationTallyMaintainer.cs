using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Shegong.Web.Common.Derived;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Stations;

/// <summary>
/// Moves the county and city <see cref="StationTally"/> rows with each station that is created,
/// moved to another region or level, closed or removed. Each row is set to the count it was read
/// with plus this save's change, so running again for the same changes (a retried save) gives the
/// same result.
/// </summary>
public sealed class StationTallyMaintainer : IDerivedDataMaintainer
{
    public void Maintain(ShegongDb db, IReadOnlyList<EntityEntry> changed)
    {
        var deltas = new Dictionary<(string Region, StationLevel Level), int>();
        foreach (var entry in changed.Where(e => e.Entity is Station))
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                Count(deltas, entry, original: true, -1);
            }
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                Count(deltas, entry, original: false, +1);
            }
        }
        foreach (var ((region, level), delta) in deltas.Where(d => d.Value != 0))
        {
            var tally = Tracked(db, region, level)
                ?? db.Set<StationTally>().IgnoreQueryFilters().SingleOrDefault(t => t.RegionCode == region && t.Level == level);
            if (tally is null)
            {
                tally = new StationTally { RegionCode = region, Level = level };
                db.Add(tally);
            }
            var entry = db.Entry(tally);
            var counted = entry.State == EntityState.Added ? 0 : (int)entry.OriginalValues[nameof(StationTally.Count)]!;
            tally.Count = counted + delta;
        }
    }

    private static void Count(Dictionary<(string, StationLevel), int> deltas, EntityEntry entry, bool original, int sign)
    {
        var values = original ? entry.OriginalValues : entry.CurrentValues;
        if ((StationStatus)values[nameof(Station.Status)]! == StationStatus.Closed)
        {
            return;
        }
        var code = (string)values[nameof(Station.RegionCode)]!;
        var level = (StationLevel)values[nameof(Station.Level)]!;
        foreach (var summary in new[] { RegionLevel.County, RegionLevel.City }.Where(l => RegionCode.LevelOf(code) >= l))
        {
            var key = (RegionCode.Pad(code[..RegionCode.PrefixLength(summary)]), level);
            deltas[key] = deltas.GetValueOrDefault(key) + sign;
        }
    }

    private static StationTally? Tracked(ShegongDb db, string region, StationLevel level) => db.ChangeTracker.Entries<StationTally>()
        .Select(e => e.Entity).FirstOrDefault(t => t.RegionCode == region && t.Level == level);
}
