using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Privacy;
using Shegong.Web.Data;
using Shegong.Web.Features.Demo;

namespace Shegong.Bench;

/// <summary>
/// The demo load of a first start on SQLite: the network, the workforce, 46,847 residents and a year
/// of ~133,000 service records with their activities, into a database that already holds the regions
/// (the region import is timed by the app's start-up log separately). Each run starts from a fresh copy.
/// Run it as one load per iteration: <c>--strategy Monitoring --warmupCount 0 --iterationCount 5</c>.
/// </summary>
[MedianColumn]
public class DemoLoadBenchmarks
{
    private string template = "";
    private string file = "";

    [GlobalSetup]
    public void Setup() => template = BenchDatabase.EnsureRegionsOnlyAsync().GetAwaiter().GetResult();

    [IterationSetup]
    public void FreshCopy()
    {
        file = Path.Combine(Path.GetTempPath(), "shegong-bench", $"demo-load-{Guid.NewGuid():N}.db");
        File.Copy(template, file);
    }

    [IterationCleanup]
    public void Remove()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    [Benchmark(Description = "demo data load on SQLite (regions already imported)")]
    public async Task LoadDemo()
    {
        await using var db = new SqliteShegongDb(new DbContextOptionsBuilder<SqliteShegongDb>()
            .UseSqlite($"Data Source={file};Foreign Keys=True").Options, RegionScope.System("bench demo load", audited: false));
        var keys = new PrivacyKeys(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await new DemoSeeder(db, new PersonalData(keys), NullLogger<DemoSeeder>.Instance).SeedAsync();
    }
}
