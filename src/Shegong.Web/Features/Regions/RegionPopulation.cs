using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Regions;

/// <summary>
/// A region's resident (or urban resident) population: its own when recorded, else the sum of its children's when every
/// child's is known (by the same rule, level by level); otherwise null, because a partial sum would understate the
/// population and overstate every ratio. Read through the scope filter: a reader asks only about regions they may see.
/// </summary>
public static class RegionPopulation
{
    public static async Task<long?> OfAsync(ShegongDb db, string regionCode, bool urban, CancellationToken cancellationToken)
    {
        var regions = db.Regions.AsNoTracking();
        var own = await regions.Where(r => r.Code == regionCode).Select(r => urban ? r.UrbanResidentPopulation : r.ResidentPopulation)
            .FirstOrDefaultAsync(cancellationToken);
        if (own is { } known)
        {
            return known;
        }
        // Level by level down the subtree (a code-range read per level, no long lists of codes): the open regions are
        // those whose figure is missing; each needs children, and those children's figures (or theirs, further down).
        var (low, high) = RegionCode.SubtreeRange(regionCode);
        long total = 0;
        HashSet<string> open = [regionCode];
        for (var level = RegionCode.LevelOf(regionCode) + 1; open.Count > 0; level++)
        {
            if (level > RegionLevel.Village)
            {
                return null;
            }
            var below = level;
            var children = (await regions.Where(r => r.Level == below && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0)
                .Select(r => new { r.Code, r.ParentCode, Population = urban ? r.UrbanResidentPopulation : r.ResidentPopulation }).ToListAsync(cancellationToken))
                .Where(c => c.ParentCode is not null && open.Contains(c.ParentCode)).ToList();
            // A region without its figure and without children to sum: the subtree's population is unknown.
            if (open.Except(children.Select(c => c.ParentCode!)).Any())
            {
                return null;
            }
            total += children.Sum(c => (long)(c.Population ?? 0));
            open = [.. children.Where(c => c.Population is null).Select(c => c.Code)];
        }
        return total;
    }
}
