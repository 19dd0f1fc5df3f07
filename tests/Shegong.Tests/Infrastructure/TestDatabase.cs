using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Regions;

namespace Shegong.Tests.Infrastructure;

/// <summary>
/// A real, fresh database per test fixture, on SQLite (default) or on PostgreSQL when
/// SHEGONG_TEST_POSTGRES holds a connection string to a server the tests may create databases on.
/// Databases with the Sichuan regions are copied from a template made once per run (a file copy
/// on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL), so each fixture starts in milliseconds.
/// </summary>
public static class TestDatabase
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("SHEGONG_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static DatabaseProvider Provider => PostgresServer is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public static string SichuanRegionsFolder => Path.Combine(AppContext.BaseDirectory, "data", "regions");

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "shegong-tests", Environment.ProcessId.ToString());
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<bool, string> Templates = [];
    private static readonly SemaphoreSlim DemoGate = new(1, 1);
    private static string? demoTemplate;

    /// <summary>The privacy keys the demo template's personal data is written with: an app reading a clone must use them.</summary>
    public const string DemoPrivacyKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    /// <inheritdoc cref="DemoPrivacyKey"/>
    public const string DemoPrivacyHashKey = "HyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4=";

    /// <summary>Connection string of a new, migrated database; with the Sichuan regions when asked.</summary>
    public static async Task<string> CreateAsync(bool withSichuanRegions)
    {
        var template = await TemplateAsync(withSichuanRegions);
        return await CloneAsync(template);
    }

    /// <summary>
    /// Connection string of a new database holding what a Development first start leaves: the Sichuan regions, the
    /// demo network (<see cref="DemoSeeder.DefaultSeed"/>) with its personal data under <see cref="DemoPrivacyKey"/>,
    /// the demo accounts, the statistics summary and the administrator <c>admin</c> (<see cref="TestApp.AdminPassword"/>).
    /// The demo is seeded once per test run, on first use, and copied for every caller.
    /// </summary>
    public static async Task<string> CreateDemoAsync() => await CloneAsync(await DemoTemplateAsync());

    private static async Task<string> CloneAsync(string template)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..12];
        if (PostgresServer is { } server)
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}", connection);
            await command.ExecuteNonQueryAsync();
            return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        }
        var file = Path.Combine(Folder, name + ".db");
        File.Copy(template, file);
        return SqliteConnectionString(file);
    }

    /// <summary>
    /// Drops a database a fixture is done with, and first closes the idle connections its pool keeps. Otherwise every
    /// finished fixture's pool holds its connections for minutes (Npgsql's idle lifetime), and a run of a hundred
    /// fixtures meets the server's connection limit; its clones of the demo would also fill the disk.
    /// </summary>
    public static async Task DropAsync(string connectionString)
    {
        if (PostgresServer is { } server)
        {
            await using (var pooled = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }
            var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            return;
        }
        await using (var pooled = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    /// <summary>Connection string of a new database with no tables at all (the app's first start).</summary>
    public static async Task<string> CreateBlankAsync()
    {
        var name = "b_" + Guid.NewGuid().ToString("N")[..12];
        if (PostgresServer is { } server)
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
            return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        }
        Directory.CreateDirectory(Folder);
        return SqliteConnectionString(Path.Combine(Folder, name + ".db"));
    }

    /// <summary>A context on a database in the system scope (no interceptor), for arranging and checking data directly.</summary>
    public static ShegongDb Open(string connectionString, RegionScope? scope = null) => Provider == DatabaseProvider.Postgres
        ? new PostgresShegongDb(new DbContextOptionsBuilder<PostgresShegongDb>().UseNpgsql(connectionString).Options, scope ?? RegionScope.System("tests", audited: false))
        : new SqliteShegongDb(new DbContextOptionsBuilder<SqliteShegongDb>().UseSqlite(connectionString).Options, scope ?? RegionScope.System("tests", audited: false));

    private static string SqliteConnectionString(string file) => $"Data Source={file};Foreign Keys=True;Default Timeout=30";

    private static async Task<string> DemoTemplateAsync()
    {
        await DemoGate.WaitAsync();
        try
        {
            if (demoTemplate is not null)
            {
                return demoTemplate;
            }
            var connection = await CreateAsync(withSichuanRegions: true);
            // The app's own first start seeds it (Seed:Demo), as in Development: demo, demo accounts, summary, administrator.
            await using (var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseSetting("Database:Provider", Provider.ToString());
                b.UseSetting("ConnectionStrings:Shegong", connection);
                b.UseSetting("Seed:Demo", "true");
                b.UseSetting("Seed:Regions", "false");
                b.UseSetting("Seed:DemoSeed", DemoSeeder.DefaultSeed.ToString(System.Globalization.CultureInfo.InvariantCulture));
                b.UseSetting("Bootstrap:AdminPassword", TestApp.AdminPassword);
                b.UseSetting("Privacy:Key", DemoPrivacyKey);
                b.UseSetting("Privacy:HashKey", DemoPrivacyHashKey);
            }))
            {
                _ = app.Server;
            }
            await using (var db = Open(connection))
            {
                if (!await db.Stations.AnyAsync())
                {
                    throw new InvalidOperationException("The first start did not seed the demo.");
                }
                if (db.Database.IsSqlite())
                {
                    // Fold the WAL into the main file so a plain file copy carries everything.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
                }
            }
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (PostgresServer is { } server)
            {
                var name = new NpgsqlConnectionStringBuilder(connection).Database!;
                // A template must have no sessions open on it.
                await using var admin = new NpgsqlConnection(server);
                await admin.OpenAsync();
                await using var terminate = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()", admin);
                await terminate.ExecuteNonQueryAsync();
                demoTemplate = name;
            }
            else
            {
                demoTemplate = new SqliteConnectionStringBuilder(connection).DataSource;
            }
            return demoTemplate;
        }
        finally
        {
            DemoGate.Release();
        }
    }

    private static async Task<string> TemplateAsync(bool withSichuanRegions)
    {
        await Gate.WaitAsync();
        try
        {
            if (Templates.TryGetValue(withSichuanRegions, out var existing))
            {
                return existing;
            }
            var name = $"shegong_tpl_{(withSichuanRegions ? "sichuan" : "empty")}_{Environment.ProcessId}";
            string connection;
            if (PostgresServer is { } server)
            {
                await using (var admin = new NpgsqlConnection(server))
                {
                    await admin.OpenAsync();
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
                    await drop.ExecuteNonQueryAsync();
                    await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                    await create.ExecuteNonQueryAsync();
                }
                connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            }
            else
            {
                Directory.CreateDirectory(Folder);
                connection = SqliteConnectionString(Path.Combine(Folder, name + ".db"));
            }
            await using (var db = Open(connection))
            {
                await DatabaseSetup.MigrateAsync(db);
                if (withSichuanRegions)
                {
                    await new RegionImporter(db, NullLogger<RegionImporter>.Instance).ImportAsync(SichuanRegionsFolder);
                }
                if (db.Database.IsSqlite())
                {
                    // Fold the WAL into the main file so a plain file copy carries everything.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
                }
            }
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            var template = PostgresServer is null ? Path.Combine(Folder, name + ".db") : name;
            Templates[withSichuanRegions] = template;
            return template;
        }
        finally
        {
            Gate.Release();
        }
    }
}
