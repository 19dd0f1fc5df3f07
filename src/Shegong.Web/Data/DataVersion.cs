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
/// <item>SQLite: <c>PRAGMA data_version</c> on a connection of its own that never writes; it changes whenever another
/// connection, of any process, commits.</item>
/// <item>PostgreSQL: the current snapshot (<c>pg_current_snapshot()</c>): the next transaction id and those still running.
/// Every transaction that writes takes an id, and its end moves one or the other, so two equal snapshots see the same data.</item>
/// </list>
/// Exact rather than timed: a read after a commit always sees a new marker. Any commit moves it (a sign-in too), which
/// only costs a fresh read.
/// </summary>
public sealed class DataVersion(IServiceScopeFactory scopes) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private DbConnection? connection;
    private bool postgres;

    public async Task<string> CurrentAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            connection ??= await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = postgres ? "SELECT pg_current_snapshot()::text" : "PRAGMA data_version";
            var value = await command.ExecuteScalarAsync(cancellationToken);
            return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }
        catch
        {
            // A broken connection (a restarted server) is opened again on the next call.
            await CloseAsync();
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RegionScope>().EnterSystem("data-version", audited: false);
        var db = scope.ServiceProvider.GetRequiredService<ShegongDb>();
        postgres = db.Database.IsNpgsql();
        var text = db.Database.GetConnectionString();
        DbConnection opened = postgres ? new NpgsqlConnection(text) : new SqliteConnection(text);
        await opened.OpenAsync(cancellationToken);
        return opened;
    }

    private async Task CloseAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        gate.Dispose();
    }
}
