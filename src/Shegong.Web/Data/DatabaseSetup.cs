using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common.Access;
using Shegong.Web.Features.Audit;

namespace Shegong.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:Shegong</c> and registers the context.</summary>
public static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=data/shegong.db;Foreign Keys=True;Default Timeout=30";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{value}'.");
    }

    /// <summary>
    /// Registers both provider contexts and answers <see cref="ShegongDb"/> with the configured
    /// one. Configuration is read when the first context is made, not at registration, so every
    /// source (including test hosts) has had its say.
    /// </summary>
    public static IServiceCollection AddShegongDb(this IServiceCollection services)
    {
        services.AddScoped<RegionScope>();
        services.AddDbContext<SqliteShegongDb>((sp, o) => Audited(sp, o.UseSqlite(SqliteConnectionFrom(sp.GetRequiredService<IConfiguration>()))));
        services.AddDbContext<PostgresShegongDb>((sp, o) => Audited(sp, o.UseNpgsql(PostgresConnectionFrom(sp.GetRequiredService<IConfiguration>()), npgsql =>
        {
            // Transient failures (a restarted server, a failover) are retried, on by default.
            if (sp.GetRequiredService<IConfiguration>().GetValue("Database:RetryOnFailure", true))
            {
                npgsql.ExecutionStrategy(dependencies => new RetryingStrategy(dependencies));
            }
        })));
        services.AddScoped<ShegongDb>(sp => ProviderFrom(sp.GetRequiredService<IConfiguration>()) == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresShegongDb>()
            : sp.GetRequiredService<SqliteShegongDb>());
        return services;
    }

    /// <summary>
    /// The write guard and audit trail run on every save of the app's contexts. Other interceptors
    /// registered in DI join them (the tests inject a transient database failure this way).
    /// </summary>
    private static void Audited(IServiceProvider services, DbContextOptionsBuilder options)
    {
        if (services.GetService<AuditInterceptor>() is { } interceptor)
        {
            options.AddInterceptors(interceptor);
        }
        options.AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
    }

    private static string SqliteConnectionFrom(IConfiguration configuration)
    {
        var connection = configuration.GetConnectionString("Shegong");
        connection = string.IsNullOrWhiteSpace(connection) ? DefaultSqliteConnection : connection;
        EnsureFolderFor(connection);
        return connection;
    }

    private static string PostgresConnectionFrom(IConfiguration configuration)
    {
        var connection = configuration.GetConnectionString("Shegong");
        return string.IsNullOrWhiteSpace(connection)
            ? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Shegong is not set.")
            : connection;
    }

    /// <summary>Creates the folder of a SQLite file so a fresh clone needs no set-up.</summary>
    private static void EnsureFolderFor(string connection)
    {
        var file = new SqliteConnectionStringBuilder(connection).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>Applies migrations; on SQLite also switches the file to WAL so readers never block the writer.</summary>
    public static async Task MigrateAsync(ShegongDb db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.RequireSystem("journal mode").Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
