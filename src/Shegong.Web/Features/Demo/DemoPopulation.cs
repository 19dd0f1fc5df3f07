using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Demo;

/// <summary>
/// Plausible resident and urban resident populations for the demo (the division data has none): each township
/// draws a size and an urban share by its kind (a street is large and urban, a 乡 small and rural), scaled so the
/// province holds Sichuan's 2022 figures (83.74 million residents, 58.35% urban); counties, cities and the
/// province hold the sums of the townships below them.
/// </summary>
internal static class DemoPopulation
{
    public const int Residents = 83_740_000;
    public const double UrbanShare = 0.5835;

    public static void Assign(List<Region> regions, Random random)
    {
        var townships = regions.Where(r => r.Level == RegionLevel.Township).ToList();
        var drawn = townships.Select(t =>
        {
            var (size, urban) = t.TownshipKind switch
            {
                TownshipKind.Street => (60_000, 0.92),
                TownshipKind.Town => (22_000, 0.38),
                TownshipKind.Township => (7_000, 0.08),
                _ => (5_000, 0.3),
            };
            return (Region: t, Size: size * (0.6 + 0.8 * random.NextDouble()), Urban: Math.Clamp(urban + (random.NextDouble() - 0.5) * 0.1, 0, 1));
        }).ToList();
        var residentScale = Residents / drawn.Sum(d => d.Size);
        var urbanScale = Residents * UrbanShare / drawn.Sum(d => d.Size * residentScale * d.Urban);
        foreach (var (township, size, urban) in drawn)
        {
            var residents = (int)Math.Round(size * residentScale);
            township.ResidentPopulation = residents;
            township.UrbanResidentPopulation = Math.Min(residents, (int)Math.Round(residents * urban * urbanScale));
        }
        foreach (var level in new[] { RegionLevel.County, RegionLevel.City, RegionLevel.Province })
        {
            foreach (var region in regions.Where(r => r.Level == level))
            {
                var prefix = RegionCode.Prefix(region.Code);
                var below = townships.Where(t => t.Code.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                region.ResidentPopulation = below.Sum(t => t.ResidentPopulation ?? 0);
                region.UrbanResidentPopulation = below.Sum(t => t.UrbanResidentPopulation ?? 0);
            }
        }
    }
}
