using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Shegong.Tests.Infrastructure;

namespace Shegong.Tests.BadInput;

/// <summary>
/// Watches a database for changed rows: a hash of every table (the audit trail included), taken
/// again only when a cheap marker says another connection may have committed (SQLite's
/// <c>data_version</c>, PostgreSQL's next transaction id), so thousands of refused requests cost a
/// query each rather than a read of every table.
/// </summary>
public sealed class TableHash : IAsyncDisposable
{
    private readonly DbConnection connection;
    private readonly bool postgres;
    private List<string> tables = [];

    private TableHash(DbConnection connection, bool postgres) => (this.connection, this.postgres) = (connection, postgres);

    public static async Task<TableHash> OpenAsync(string connectionString)
    {
        var postgres = TestDatabase.PostgresServer is not null;
        DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var hash = new TableHash(connection, postgres);
        hash.tables = await hash.ListAsync(postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1");
        return hash;
    }

    /// <summary>Moves whenever a write may have been committed since the last call.</summary>
    public async Task<long> MarkerAsync()
    {
        await using var command = connection.CreateCommand();
        command.CommandText = postgres ? "SELECT pg_snapshot_xmax(pg_current_snapshot())::text" : "PRAGMA data_version";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Table name → order-independent hash of its rows.</summary>
    public async Task<Dictionary<string, (long Rows, ulong Hash)>> HashAsync()
    {
        var result = new Dictionary<string, (long, ulong)>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var (rows, sum) = (0L, 0UL);
            var text = new StringBuilder();
            while (await reader.ReadAsync())
            {
                text.Clear();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "\u0001" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\u0002');
                }
                rows++;
                sum += BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
            }
            result[table] = (rows, sum);
        }
        return result;
    }

    public static IEnumerable<string> Differences(Dictionary<string, (long Rows, ulong Hash)> before, Dictionary<string, (long Rows, ulong Hash)> after) =>
        before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t));

    private async Task<List<string>> ListAsync(string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
