namespace Shegong.Web.Features.Regions;

/// <summary>Level of an administrative region, in the order of the hierarchy.</summary>
public enum RegionLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Township = 4,
    Village = 5,
}

/// <summary>What digits 7–9 of a township's code say about it.</summary>
public enum TownshipKind
{
    Street,
    Town,
    Township,
    SpecialUnit,
}

/// <summary>What digits 10–12 of a village's code say about it.</summary>
public enum VillageKind
{
    ResidentsCommittee,
    VillagersCommittee,
    SimilarUnit,
}
