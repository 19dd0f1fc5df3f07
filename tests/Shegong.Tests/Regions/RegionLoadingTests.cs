using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Regions;

namespace Shegong.Tests.Regions;

public class RegionLoadingTests(SichuanApp app) : IClassFixture<SichuanApp>
{
    [Fact]
    public async Task The_Sichuan_divisions_load_with_the_published_counts()
    {
        await using var db = app.OpenDb();
        var counts = await db.Regions.GroupBy(r => r.Level).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, TestContext.Current.CancellationToken);
        Assert.Equal(1, counts[RegionLevel.Province]);
        Assert.Equal(21, counts[RegionLevel.City]);
        Assert.Equal(183, counts[RegionLevel.County]);
        Assert.Equal(3111, counts[RegionLevel.Township]);
        Assert.Equal(34412, counts[RegionLevel.Village]);
    }

    [Fact]
    public async Task Every_region_but_the_province_hangs_under_a_parent_one_level_up()
    {
        await using var db = app.OpenDb();
        var orphans = await db.Regions.CountAsync(r => r.ParentCode != null && !db.Regions.Any(p => p.Code == r.ParentCode),
            TestContext.Current.CancellationToken);
        Assert.Equal(0, orphans);
        var township = await db.Regions.SingleAsync(r => r.Code == "510104017000", TestContext.Current.CancellationToken);
        Assert.Equal("锦官驿街道", township.Name);
        Assert.Equal(TownshipKind.Street, township.TownshipKind);
        Assert.Equal("510104000000", township.ParentCode);
    }

    [Fact]
    public async Task Importing_the_same_folder_again_changes_nothing()
    {
        var result = await app.WithServicesAsync(sp =>
            sp.GetRequiredService<RegionImporter>().ImportAsync(TestDatabase.SichuanRegionsFolder, TestContext.Current.CancellationToken));
        Assert.Equal(0, result.Added);
        Assert.Equal(0, result.Renamed);
        Assert.Equal(1 + 21 + 183 + 3111 + 34412, result.Unchanged);
    }
}
