using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;
using Shegong.Web.Features.Coverage;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Bench;

/// <summary>
/// Province coverage over the demo network (3,111 townships, ~4,400 stations): the service
/// (three range queries, grouping by code prefix in memory) against the naive approach of asking
/// the database once per township whether it has an operating station.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CoverageBenchmarks
{
    private ShegongDb db = null!;
    private CoverageService service = null!;

    [GlobalSetup]
    public void Setup()
    {
        BenchDatabase.EnsureAsync().GetAwaiter().GetResult();
        db = BenchDatabase.Open();
        service = new CoverageService(db, new RegionService(db));
    }

    [GlobalCleanup]
    public void Cleanup() => db.Dispose();

    [Benchmark(Baseline = true, Description = "naive: one query per township")]
    public async Task<int> NaivePerTownship()
    {
        var townships = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Township).Select(r => r.Code).ToListAsync();
        var covered = 0;
        foreach (var code in townships)
        {
            if (await db.Stations.AnyAsync(s => s.RegionCode == code && s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Operating))
            {
                covered++;
            }
        }
        return covered;
    }

    [Benchmark(Description = "CoverageService, province")]
    public async Task<int> ServiceProvince() => (await service.GetAsync("510000000000")).Figures.CoveredTownships;

    [Benchmark(Description = "CoverageService, one city (Chengdu)")]
    public async Task<int> ServiceCity() => (await service.GetAsync("510100000000")).Figures.CoveredTownships;
}
