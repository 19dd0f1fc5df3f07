using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Stations;

/// <summary>The four levels of the network, each tied to one region level.</summary>
public enum StationLevel
{
    CitySupportCentre,
    CountyStation,
    TownshipStation,
    VillageRoom,
}

public enum StationStatus
{
    Planned,
    UnderConstruction,
    Operating,
    Suspended,
    Closed,
}

/// <summary>How a station came to be (建设途径).</summary>
public enum BuildPath
{
    GovernancePilot,
    CivilAffairsFacility,
    SelfBuilt,
    ExistingSite,
}

public static class StationLevels
{
    public static RegionLevel RegionLevelOf(StationLevel level) => level switch
    {
        StationLevel.CitySupportCentre => RegionLevel.City,
        StationLevel.CountyStation => RegionLevel.County,
        StationLevel.TownshipStation => RegionLevel.Township,
        _ => RegionLevel.Village,
    };

    /// <summary>Village rooms may share a region; the higher levels have one open station per region.</summary>
    public static bool IsOnePerRegion(StationLevel level) => level != StationLevel.VillageRoom;
}
