using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Data;

/// <summary>
/// A marker that moves whenever anything is committed to the database, by this process or any other, so an answer
/// read at one marker may be given again while the marker has not moved (<see cref="Features.Statistics.SummaryCache"/>).
/// <list type="bullet">
/// <item>SQLite: <c>PRAGMA data_version</c> on a connection of its own that never writes (one caller at a time: microseconds); it changes whenever another
/// connection, of any process, commits.</item>
/// <item>PostgreSQL: the current snapshot (<c>pg_current_snapshot()</c>): the next transaction id and those still running.
/// Every transaction that writes takes an id, and its end moves one or the other, so two equal snapshots see the same data.</item>
/// </list>
/// Exact rather than timed: a read after a commit always sees a new marker. Any commit moves it (a sign-in too), which
/// only costs a fresh read.
/// </summary>
public sealed class DataVersion(IServiceScopeFactory scopes, IHttpContextAccessor http) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? connectionString;
    private bool postgres;
    private SqliteConnection? sqlite;
    private long reads;

    /// <summary>How many times the marker was read from the database (the tests count the reads an API request makes).</summary>
    public long Reads => Interlocked.Read(ref reads);

    /// <summary>The marker; within an API request, the one read first in it (<see cref="RequestMarker"/>).</summary>
    public async Task<string> CurrentAsync(CancellationToken cancellationToken)
    {
        if (RequestMarker.Of(http) is not { } request)
        {
            return await ReadAsync(cancellationToken);
        }
        return request.Marker ??= await ReadAsync(cancellationToken);
    }

    private async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref reads);
        connectionString ??= Configure();
        if (postgres)
        {
            // From the pool: callers do not queue behind one connection.
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return await ReadAsync(connection, "SELECT pg_current_snapshot()::text", cancellationToken);
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (sqlite is null)
            {
                sqlite = new SqliteConnection(connectionString);
                await sqlite.OpenAsync(cancellationToken);
            }
            return await ReadAsync(sqlite, "PRAGMA data_version", cancellationToken);
        }
        catch
        {
            // A broken connection is opened again on the next call.
            await CloseAsync();
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<string> ReadAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) ?? "";
    }

    // The app's own connection string and provider, as its contexts are configured.
    private string Configure()
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<RegionScope>().EnterSystem("data-version", audited: false);
        var db = scope.ServiceProvider.GetRequiredService<ShegongDb>();
        postgres = db.Database.IsNpgsql();
        return db.Database.GetConnectionString() ?? throw new InvalidOperationException("The database has no connection string.");
    }

    private async Task CloseAsync()
    {
        if (sqlite is not null)
        {
            await sqlite.DisposeAsync();
            sqlite = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        gate.Dispose();
    }
}
