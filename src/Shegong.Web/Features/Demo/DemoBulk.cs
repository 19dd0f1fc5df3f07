using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Demo;

/// <summary>
/// Inserts demo rows in bulk (PostgreSQL: multi-row INSERT statements; SQLite: a prepared insert per row), inside one transaction, with
/// ids given by the caller (so children can point at parents without a round trip). Tracking
/// half a million rows through EF would take most of a minute on first start; this takes seconds.
/// It steps around the change tracker, so the write guard and the audit do not see it: system
/// work only (<see cref="BulkWrites.RequireSystem"/>), and only into freshly seeded demo tables.
/// </summary>
internal sealed class DemoBulk(ShegongDb db)
{
    // Both providers allow 32,766+ parameters per statement; stay well below.
    private const int MaxParameters = 20_000;

    private bool Postgres => db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>The next free id of a table (1 on an empty one).</summary>
    public async Task<int> NextIdAsync(string table, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync($"SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"{table}\"", cancellationToken);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> (values in <paramref name="columns"/> order) into
    /// <paramref name="table"/>. The SQLite version column of a versioned entity is named in
    /// <paramref name="versioned"/> and starts at 0; PostgreSQL keeps xmin itself.
    /// </summary>
    public async Task InsertAsync(string table, string[] columns, IEnumerable<object?[]> rows, bool versioned, CancellationToken cancellationToken)
    {
        db.RequireSystem("demo data");
        var names = versioned && !Postgres ? [.. columns, "Version"] : columns;
        if (!Postgres)
        {
            await InsertEachAsync(table, names, rows.Select(row => versioned ? [.. row, 0] : row), cancellationToken);
            return;
        }
        var perStatement = MaxParameters / names.Length;
        var batch = new List<object?[]>(perStatement);
        foreach (var row in rows)
        {
            batch.Add(versioned && !Postgres ? [.. row, 0] : row);
            if (batch.Count == perStatement)
            {
                await InsertBatchAsync(table, names, batch, cancellationToken);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
        {
            await InsertBatchAsync(table, names, batch, cancellationToken);
        }
        if (Postgres && columns[0] == "Id")
        {
            // Explicit ids leave the identity sequence behind; move it past them for later inserts.
            await using var command = await CommandAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))", cancellationToken);
            await command.ExecuteScalarAsync(cancellationToken);
        }
    }

    /// <summary>
    /// SQLite: one prepared single-row INSERT run per row. SQLite finds a named parameter by a linear
    /// search, so binding a statement of n parameters costs n²: at 20,000 a statement it took minutes.
    /// In one transaction a prepared insert per row is SQLite's fastest path anyway.
    /// </summary>
    private async Task InsertEachAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})",
            cancellationToken);
        var parameters = columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        foreach (var row in rows)
        {
            for (var c = 0; c < parameters.Length; c++)
            {
                parameters[c].Value = row[c] ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task InsertBatchAsync(string table, string[] columns, List<object?[]> rows, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"INSERT INTO \"{table}\" (")
            .AppendJoin(", ", columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        await using var command = await CommandAsync("", cancellationToken);
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{r}_{c}";
                parameter.Value = rows[r][c] ?? DBNull.Value;
                command.Parameters.Add(parameter);
                sql.Append(c == 0 ? "" : ", ").Append(parameter.ParameterName);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<DbCommand> CommandAsync(string sql, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
