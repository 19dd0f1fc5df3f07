using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;

namespace Shegong.Bench;

/// <summary>
/// "Everything under a region" over 37,728 regions: counting the villages of Chengdu by code
/// range (what every filter in Shegong does), by LIKE prefix, and by walking parent links level
/// by level (the naive tree walk).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RegionSubtreeBenchmarks
{
    private const string City = "510100000000";
    private ShegongDb db = null!;

    [GlobalSetup]
    public void Setup()
    {
        BenchDatabase.EnsureAsync().GetAwaiter().GetResult();
        db = BenchDatabase.Open();
    }

    [GlobalCleanup]
    public void Cleanup() => db.Dispose();

    [Benchmark(Baseline = true, Description = "naive: walk parent links level by level")]
    public async Task<int> WalkParents()
    {
        var level = new List<string> { City };
        for (var depth = 0; depth < 3; depth++)
        {
            var parents = level;
            level = await db.Regions.AsNoTracking().Where(r => r.ParentCode != null && parents.Contains(r.ParentCode)).Select(r => r.Code).ToListAsync();
        }
        return level.Count;
    }

    [Benchmark(Description = "LIKE prefix (StartsWith)")]
    public Task<int> LikePrefix() =>
        db.Regions.CountAsync(r => r.Level == RegionLevel.Village && r.Code.StartsWith("5101"));

    [Benchmark(Description = "code range (RegionCode.SubtreeRange)")]
    public Task<int> CodeRange()
    {
        var (low, high) = RegionCode.SubtreeRange(City);
        return db.Regions.CountAsync(r => r.Level == RegionLevel.Village && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0);
    }
}
