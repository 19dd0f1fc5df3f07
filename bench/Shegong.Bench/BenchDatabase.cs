using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Regions;

namespace Shegong.Bench;

/// <summary>
/// A SQLite file with the Sichuan regions and the demo network, made once and reused by every
/// benchmark process (BenchmarkDotNet runs each benchmark in its own process).
/// </summary>
internal static class BenchDatabase
{
    private static readonly string File = Path.Combine(Path.GetTempPath(), "shegong-bench", "demo-v3.db");

    public static string Connection => $"Data Source={File};Foreign Keys=True";

    public static ShegongDb Open() =>
        new SqliteShegongDb(new DbContextOptionsBuilder<SqliteShegongDb>().UseSqlite(Connection).Options, RegionScope.System("bench", audited: false));

    public static async Task EnsureAsync()
    {
        if (System.IO.File.Exists(File))
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        var building = File + ".building";
        System.IO.File.Delete(building);
        await using (var db = new SqliteShegongDb(new DbContextOptionsBuilder<SqliteShegongDb>()
            .UseSqlite($"Data Source={building};Foreign Keys=True").Options, RegionScope.System("bench", audited: false)))
        {
            await DatabaseSetup.MigrateAsync(db);
            await new RegionImporter(db, NullLogger<RegionImporter>.Instance).ImportAsync(RegionsFolder());
            await new DemoSeeder(db, new Shegong.Web.Common.Privacy.PersonalData(new Shegong.Web.Common.Privacy.PrivacyKeys(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))), NullLogger<DemoSeeder>.Instance).SeedAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.File.Move(building, File);
    }

    /// <summary>A private copy for a benchmark that writes (the shared file stays as built).</summary>
    public static void CopyTo(string target) => System.IO.File.Copy(File, target, overwrite: true);

    /// <summary>A SQLite file with the schema and the Sichuan regions only, for timing the demo load itself.</summary>
    public static async Task<string> EnsureRegionsOnlyAsync()
    {
        var path = Path.Combine(Path.GetDirectoryName(File)!, "regions-only-v1.db");
        if (System.IO.File.Exists(path))
        {
            return path;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var building = path + ".building";
        System.IO.File.Delete(building);
        await using (var db = new SqliteShegongDb(new DbContextOptionsBuilder<SqliteShegongDb>()
            .UseSqlite($"Data Source={building};Foreign Keys=True").Options, RegionScope.System("bench", audited: false)))
        {
            await DatabaseSetup.MigrateAsync(db);
            await new RegionImporter(db, NullLogger<RegionImporter>.Instance).ImportAsync(RegionsFolder());
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.File.Move(building, path);
        return path;
    }

    private static string RegionsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "regions");
            if (System.IO.File.Exists(Path.Combine(candidate, "streets.csv")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("data/regions not found above " + AppContext.BaseDirectory);
    }
}
