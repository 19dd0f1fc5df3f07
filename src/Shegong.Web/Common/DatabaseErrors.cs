using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Shegong.Web.Common;

/// <summary>
/// Recognises the constraint failures a service did not foresee, on both databases, so they
/// become a 400 or 409 instead of a 500. The transaction is rolled back either way.
/// </summary>
public static class DatabaseErrors
{
    public static bool IsMissingReference(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException s => s.SqliteExtendedErrorCode == 787, // SQLITE_CONSTRAINT_FOREIGNKEY
        PostgresException p => p.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        _ => false,
    };

    public static bool IsDuplicate(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
