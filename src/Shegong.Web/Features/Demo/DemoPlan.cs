using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Demo;

/// <summary>Which counties and townships the demo programme reached, and when.</summary>
internal sealed class DemoPlan
{
    public HashSet<string> Batch1Counties { get; } = [];
    public HashSet<string> Batch2Counties { get; } = [];
    public HashSet<string> FullCounties { get; } = [];
    public Dictionary<string, int> PilotTownships { get; } = [];

    public static DemoPlan Make(List<Region> regions, Random random)
    {
        var plan = new DemoPlan();
        var counties = regions.Where(r => r.Level == RegionLevel.County).Select(r => r.Code).ToList();
        var townshipsByCounty = regions.Where(r => r.Level == RegionLevel.Township)
            .GroupBy(r => RegionCode.Pad(r.Code[..6])).ToDictionary(g => g.Key, g => g.Select(t => t.Code).ToList());
        var shuffled = counties.Where(townshipsByCounty.ContainsKey).OrderBy(_ => random.Next()).ToList();
        plan.Batch1Counties.UnionWith(shuffled.Take(82));
        plan.Batch2Counties.UnionWith(shuffled.Skip(82).Take(69));
        plan.FullCounties.UnionWith(shuffled.Where((_, i) => i % 5 == 0).Take(30));
        PickPilots(plan, plan.Batch1Counties, townshipsByCounty, 228, batch: 1, random);
        PickPilots(plan, plan.Batch2Counties, townshipsByCounty, 234, batch: 2, random);
        return plan;
    }

    /// <summary>Spreads <paramref name="total"/> pilot townships over the batch's counties, at least one each.</summary>
    private static void PickPilots(DemoPlan plan, HashSet<string> counties, Dictionary<string, List<string>> townships, int total, int batch, Random random)
    {
        var pools = counties.OrderBy(c => c).Select(c => new Queue<string>(townships[c].OrderBy(_ => random.Next()))).ToList();
        for (var picked = 0; picked < total;)
        {
            var progress = false;
            foreach (var pool in pools.Where(p => p.Count > 0))
            {
                if (picked == total)
                {
                    break;
                }
                plan.PilotTownships[pool.Dequeue()] = batch;
                picked++;
                progress = true;
            }
            if (!progress)
            {
                break;
            }
        }
    }

    /// <summary>The township's station, or null when the township has none yet.</summary>
    public Station? TownshipStation(Region township, DemoStationFactory factory, Random random)
    {
        var name = $"{township.Name}社会工作服务站";
        var county = RegionCode.Pad(township.Code[..6]);
        if (PilotTownships.TryGetValue(township.Code, out var batch))
        {
            var opened = batch == 1 ? new DateOnly(2021, 9, 1) : new DateOnly(2022, 9, 1);
            return factory.Operating(name, StationLevel.TownshipStation, township.Code, opened.AddDays(random.Next(60)), BuildPath.GovernancePilot);
        }
        if (FullCounties.Contains(county))
        {
            return factory.Operating(name, StationLevel.TownshipStation, township.Code, factory.RandomDate(2022, 2025));
        }
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.66 => factory.Operating(name, StationLevel.TownshipStation, township.Code, factory.RandomDate(2022, 2025)),
            < 0.69 => factory.Suspended(name, StationLevel.TownshipStation, township.Code),
            < 0.73 => factory.Building(name, StationLevel.TownshipStation, township.Code),
            < 0.76 => factory.Planned(name, StationLevel.TownshipStation, township.Code),
            _ => null,
        };
    }

    /// <summary>Village rooms under an operating township station: about one in two of its villages.</summary>
    public IEnumerable<Station> VillageRooms(IEnumerable<(string Code, string Name)> villages, Station township, DemoStationFactory factory, Random random)
    {
        foreach (var (code, name) in villages)
        {
            if (random.NextDouble() < 0.065)
            {
                var opened = township.OpenedOn!.Value.AddDays(random.Next(30, 400));
                yield return factory.Operating($"{name}社会工作室", StationLevel.VillageRoom, code, opened, BuildPath.ExistingSite);
            }
        }
    }

    /// <summary>Governance-pilot counties (favoured by the batches), central towns and relocation sites.</summary>
    public void FlagRegions(List<Region> regions, Random random)
    {
        foreach (var region in regions)
        {
            if (region.Level == RegionLevel.County)
            {
                region.IsGovernancePilot = Batch1Counties.Contains(region.Code) && random.NextDouble() < 0.5;
            }
            else if (region.Level == RegionLevel.Township)
            {
                region.IsCentralTown = region.TownshipKind == TownshipKind.Town && random.NextDouble() < 0.15;
                region.IsRelocationSite = random.NextDouble() < 0.02;
            }
        }
    }
}
