using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Demo;

/// <summary>Builds demo stations with a believable status history.</summary>
internal sealed class DemoStationFactory(Random random)
{
    private static readonly BuildPath[] Paths = [BuildPath.CivilAffairsFacility, BuildPath.SelfBuilt, BuildPath.ExistingSite, BuildPath.CivilAffairsFacility];

    public DateOnly RandomDate(int fromYear, int toYear) =>
        new DateOnly(fromYear, 1, 1).AddDays(random.Next((toYear - fromYear + 1) * 365 - 60));

    public Station Operating(string name, StationLevel level, string region, DateOnly opened, BuildPath? path = null)
    {
        var station = New(name, level, region, path);
        station.StartAs(StationStatus.Planned, opened.AddDays(-120));
        station.MoveTo(StationStatus.UnderConstruction, opened.AddDays(-90));
        station.MoveTo(StationStatus.Operating, opened);
        return station;
    }

    public Station Suspended(string name, StationLevel level, string region)
    {
        var station = Operating(name, level, region, RandomDate(2022, 2023));
        station.MoveTo(StationStatus.Suspended, station.OpenedOn!.Value.AddDays(random.Next(200, 600)), "驻站社工离职，待补充");
        return station;
    }

    public Station Building(string name, StationLevel level, string region)
    {
        var station = New(name, level, region, null);
        var planned = RandomDate(2025, 2025);
        station.StartAs(StationStatus.Planned, planned);
        station.MoveTo(StationStatus.UnderConstruction, planned.AddDays(45));
        return station;
    }

    public Station Planned(string name, StationLevel level, string region)
    {
        var station = New(name, level, region, null);
        station.StartAs(StationStatus.Planned, RandomDate(2025, 2025));
        return station;
    }

    private Station New(string name, StationLevel level, string region, BuildPath? path) => new()
    {
        Name = name,
        Level = level,
        RegionCode = region,
        BuildPath = path ?? Paths[random.Next(Paths.Length)],
        Phone = $"0{random.Next(812, 839)}-{random.Next(2000000, 8999999)}",
        FloorArea = level == StationLevel.VillageRoom ? random.Next(20, 80) : random.Next(60, 400),
    };
}
