using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
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

    /// <summary>Connection string of a new, migrated database; with the Sichuan regions when asked.</summary>
    public static async Task<string> CreateAsync(bool withSichuanRegions)
    {
        var template = await TemplateAsync(withSichuanRegions);
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
