using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Coverage;

/// <summary>
/// Township coverage, live from stations: a township is covered when it has an operating
/// township station; a county is fully covered when all its townships are. Three small queries
/// over the subtree's code range, then grouping by code prefix in memory.
/// </summary>
public sealed class CoverageService(ShegongDb db, RegionService regions)
{
    public async Task<CoverageReport> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        var region = await regions.FindAsync(code, cancellationToken);
        if (!db.Scope.Contains(code))
        {
            throw RequestProblem.NotFound(Problems.Format(ProblemText.NoRegionWithCode, code));
        }
        var (townships, covered, stationGroups) = await LoadAsync(code, cancellationToken);
        var townshipCodes = townships.Select(t => t.Code).ToList();

        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name, r.Level }).ToListAsync(cancellationToken);
        var childRows = children.Select(c =>
        {
            var prefix = RegionCode.Prefix(c.Code);
            return new CoverageRow(c.Code, c.Name, c.Level, Figures(prefix, townshipCodes, covered, stationGroups));
        }).ToList();

        var uncovered = townships.Where(t => !covered.Contains(t.Code)).OrderBy(t => t.Code).ToList();
        var countyCodes = uncovered.Select(t => RegionCode.Pad(t.Code[..6])).Distinct().ToList();
        var countyNames = await db.Regions.AsNoTracking().Where(r => countyCodes.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        var uncoveredRows = uncovered.Select(t =>
        {
            var county = RegionCode.Pad(t.Code[..6]);
            var waiting = stationGroups.FirstOrDefault(s => s.RegionCode == t.Code && s.Level == StationLevel.TownshipStation && s.Status != StationStatus.Closed);
            return new UncoveredTownship(t.Code, t.Name, county, countyNames.GetValueOrDefault(county, county), waiting?.Status);
        }).ToList();

        return new CoverageReport(region.Code, region.Name, region.Level,
            Figures(RegionCode.Prefix(code), townshipCodes, covered, stationGroups),
            LevelCounts(stationGroups), childRows, uncoveredRows);
    }

    /// <summary>
    /// The region's own coverage figures and station counts by level, without the per-child rows and the uncovered list
    /// (the statistics summary's headline): the same numbers <see cref="GetAsync"/> reports, from the same three reads.
    /// </summary>
    public async Task<(CoverageFigures Figures, IReadOnlyList<StationLevelCounts> Stations)> HeadlineAsync(string code, CancellationToken cancellationToken = default)
    {
        if (!db.Scope.Contains(code))
        {
            throw RequestProblem.NotFound(Problems.Format(ProblemText.NoRegionWithCode, code));
        }
        var (townships, covered, stationGroups) = await LoadAsync(code, cancellationToken);
        return (Figures(RegionCode.Prefix(code), [.. townships.Select(t => t.Code)], covered, stationGroups), LevelCounts(stationGroups));
    }

    private async Task<(List<(string Code, string Name)> Townships, HashSet<string> Covered, List<StationGroup> Stations)> LoadAsync(string code,
        CancellationToken cancellationToken)
    {
        var (low, high) = RegionCode.SubtreeRange(code);
        var townships = await db.Regions.AsNoTracking()
            .Where(r => r.Level == RegionLevel.Township && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0)
            .Select(r => new { r.Code, r.Name })
            .ToListAsync(cancellationToken);
        var covered = (await db.Stations.AsNoTracking()
            .Where(s => s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Operating
                && string.Compare(s.RegionCode, low) >= 0 && string.Compare(s.RegionCode, high) <= 0)
            .Select(s => s.RegionCode)
            .ToListAsync(cancellationToken)).ToHashSet();
        var stationGroups = await db.Stations.AsNoTracking()
            .Where(s => string.Compare(s.RegionCode, low) >= 0 && string.Compare(s.RegionCode, high) <= 0)
            .GroupBy(s => new { s.RegionCode, s.Level, s.Status })
            .Select(g => new StationGroup(g.Key.RegionCode, g.Key.Level, g.Key.Status, g.Count()))
            .ToListAsync(cancellationToken);
        return ([.. townships.Select(t => (t.Code, t.Name))], covered, stationGroups);
    }

    private sealed record StationGroup(string RegionCode, StationLevel Level, StationStatus Status, int Count);

    private static CoverageFigures Figures(string prefix, List<string> townships, HashSet<string> covered, List<StationGroup> stations)
    {
        var mine = townships.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var coveredCount = mine.Count(covered.Contains);
        var counties = mine.GroupBy(t => t[..6]).ToList();
        var fullyCovered = counties.Count(g => g.All(covered.Contains));
        var open = stations.Where(s => s.RegionCode.StartsWith(prefix, StringComparison.Ordinal) && s.Status != StationStatus.Closed)
            .Sum(s => s.Count);
        var rate = mine.Count == 0 ? 0 : Math.Round((double)coveredCount / mine.Count, 4);
        // A township or village has no county of its own to count.
        var countyCount = prefix.Length <= 6 ? counties.Count : 0;
        return new CoverageFigures(mine.Count, coveredCount, rate, countyCount, prefix.Length <= 6 ? fullyCovered : 0, open);
    }

    private static List<StationLevelCounts> LevelCounts(List<StationGroup> groups) =>
        Enum.GetValues<StationLevel>().Select(level =>
        {
            int Count(StationStatus status) => groups.Where(g => g.Level == level && g.Status == status).Sum(g => g.Count);
            return new StationLevelCounts(level, Count(StationStatus.Planned), Count(StationStatus.UnderConstruction),
                Count(StationStatus.Operating), Count(StationStatus.Suspended), Count(StationStatus.Closed));
        }).ToList();
}
