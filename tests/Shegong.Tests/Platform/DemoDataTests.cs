using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Data;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Platform;

public class DemoDataTests
{
    private static async Task<(List<(string Name, StationLevel Level, StationStatus Status, string Region)> Stations, DemoFigures Figures, DemoSources Sources)> ReadAsync(ShegongDb db)
    {
        var ct = TestContext.Current.CancellationToken;
        var stations = (await db.Stations.OrderBy(s => s.Id).Select(s => new { s.Name, s.Level, s.Status, s.RegionCode })
                .ToListAsync(ct))
            .Select(s => (s.Name, s.Level, s.Status, s.RegionCode)).ToList();
        await DemoSources.AssertDemoWorkerHasWorkAsync(db, ct);
        return (stations, await DemoFigures.ReadAsync(db, ct), await DemoSources.ReadCheckedAsync(db, ct));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_network_shaped_like_the_programme_with_its_casework_groups_assessments_and_requests()
    {
        var ct = TestContext.Current.CancellationToken;
        // A fresh seed here, with keys of its own...
        await using var fresh = TestDatabase.Open(await TestDatabase.CreateAsync(withSichuanRegions: true));
        await new DemoSeeder(fresh, new Shegong.Web.Common.Privacy.PersonalData(new Shegong.Web.Common.Privacy.PrivacyKeys(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))), NullLogger<DemoSeeder>.Instance).SeedAsync(DemoSeeder.DefaultSeed, ct);
        var (first, firstFigures, firstSources) = await ReadAsync(fresh);
        // ...against the run's demo database, seeded with the same seed by the app's first start in another database.
        await using var template = TestDatabase.Open(await TestDatabase.CreateDemoAsync());
        var (second, secondFigures, secondSources) = await ReadAsync(template);
        Assert.Equal(first, second);
        Assert.Equal(firstFigures, secondFigures);
        Assert.Equal(firstSources, secondSources);
        firstFigures.AssertPublishedFigures();

        Assert.InRange(first.Count, 4000, 4800);
        Assert.Equal(21, first.Count(s => s.Level == StationLevel.CitySupportCentre));
        Assert.Equal(183, first.Count(s => s.Level == StationLevel.CountyStation));
        var covered = first.Where(s => s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Operating)
            .Select(s => s.Region).ToHashSet();
        Assert.InRange(covered.Count, 2000, 3000);

        // 30-odd counties fully covered: every township of the county has an operating station.
        var townships = RegionImporter.ReadRows(Path.Combine(TestDatabase.SichuanRegionsFolder, "streets.csv"))
            .Select(t => RegionCode.Pad(t.Code)).ToList();
        var fullCounties = townships.GroupBy(t => t[..6]).Count(g => g.All(covered.Contains));
        Assert.InRange(fullCounties, 30, 39);
    }

    [Fact]
    public async Task The_demo_is_seeded_in_the_system_scope_only_and_another_scope_writes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await TestDatabase.CreateAsync(withSichuanRegions: true);
        // A scope nobody filled (a request before sign-in, say) sees nothing; the demo must not read the province through it.
        await using (var db = TestDatabase.Open(database, new Shegong.Web.Common.Access.RegionScope()))
        {
            var keys = new Shegong.Web.Common.Privacy.PrivacyKeys(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            var seeder = new DemoSeeder(db, new Shegong.Web.Common.Privacy.PersonalData(keys), NullLogger<DemoSeeder>.Instance);
            await Assert.ThrowsAsync<InvalidOperationException>(() => seeder.SeedAsync(DemoSeeder.DefaultSeed, ct));
        }
        await using var system = TestDatabase.Open(database);
        Assert.False(await system.Stations.AnyAsync(ct));
        Assert.False(await system.ServiceRecords.AnyAsync(ct));
    }
}
