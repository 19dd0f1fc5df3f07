using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Shegong.Web.Data;

/// <summary>
/// Serialises start-up work between instances that share a database: on PostgreSQL a session-level
/// advisory lock on its own connection; on SQLite an exclusive lock on a file beside the database
/// (<c>shegong.db.startup-lock</c>), which is what instances sharing one file share.
/// </summary>
public static class StartupLock
{
    /// <summary>An arbitrary constant: the advisory lock key of Shegong's start-up work.</summary>
    private const long AdvisoryKey = 0x5368_6567_6f6e_67;

    public static async Task<IAsyncDisposable> AcquireAsync(ShegongDb db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsNpgsql())
        {
            var connection = new NpgsqlConnection(db.Database.GetConnectionString());
            await connection.OpenAsync(cancellationToken);
            // No command timeout: the holder may be importing regions or seeding for minutes.
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("key", AdvisoryKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection; // closing the session releases the lock
        }
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            return NoLock.Instance;
        }
        return await LockFileAsync(Path.GetFullPath(file) + ".startup-lock", cancellationToken);
    }

    private static async Task<IAsyncDisposable> LockFileAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Another instance holds it; its start-up work takes seconds, so poll.
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
