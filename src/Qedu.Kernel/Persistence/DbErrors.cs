using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Qedu.Kernel.Persistence;

/// <summary>What a failed save means, on either provider.</summary>
public static class DbErrors
{
    /// <summary>A unique index refused the save (SQLite or PostgreSQL): a duplicate that lost a race, answered as a conflict.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e is not DbUpdateConcurrencyException && e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
