using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Coverage;

/// <summary>Township coverage figures of one region (the whole subtree under it).</summary>
public sealed record CoverageFigures(
    int Townships,
    int CoveredTownships,
    double CoverageRate,
    int Counties,
    int FullyCoveredCounties,
    int OpenStations);

/// <summary>Stations of one level, counted per status.</summary>
public sealed record StationLevelCounts(StationLevel Level, int Planned, int UnderConstruction, int Operating, int Suspended, int Closed)
{
    public int Total => Planned + UnderConstruction + Operating + Suspended + Closed;
}

/// <summary>A child region's row in the coverage table.</summary>
public sealed record CoverageRow(string Code, string Name, RegionLevel Level, CoverageFigures Figures);

/// <summary>
/// A township without an operating township station. <see cref="StationStatus"/> says why when it has
/// one that is not operating (planned, under construction, suspended); null when it has none.
/// </summary>
public sealed record UncoveredTownship(string Code, string Name, string CountyCode, string CountyName, StationStatus? StationStatus = null);

/// <summary>What <c>GET /api/coverage/{regionCode}</c> answers.</summary>
public sealed record CoverageReport(
    string Code,
    string Name,
    RegionLevel Level,
    CoverageFigures Figures,
    IReadOnlyList<StationLevelCounts> Stations,
    IReadOnlyList<CoverageRow> Children,
    IReadOnlyList<UncoveredTownship> UncoveredTownships);
