using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Regions;

/// <summary>Names regions and their ancestors for display ("成都市 / 锦江区 / 东湖街道") in one query.</summary>
public static class RegionPaths
{
    /// <summary>Path below the province, for each code given.</summary>
    public static async Task<IReadOnlyDictionary<string, (string Name, string Path)>> NameAsync(
        ShegongDb db, IEnumerable<string> codes, CancellationToken cancellationToken = default)
    {
        var wanted = codes.Distinct().ToList();
        var all = wanted.SelectMany(c => RegionCode.AncestorsOf(c).Append(c)).Distinct().ToList();
        var names = await db.Regions.AsNoTracking()
            .Where(r => all.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        return wanted.ToDictionary(c => c, c =>
        {
            var parts = RegionCode.AncestorsOf(c).Skip(1).Append(c).Select(a => names.GetValueOrDefault(a, a));
            return (names.GetValueOrDefault(c, c), string.Join(" / ", parts));
        });
    }
}
