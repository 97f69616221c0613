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

    /// <summary>
    /// The database could not be reached or is restarting (connection refused or lost, PostgreSQL shutting down or
    /// starting, SQLite busy past its timeout), anywhere in the chain of <paramref name="e"/>: a moment's outage the
    /// client should retry (503 with Retry-After), not a fault of Qedu's (500).
    /// </summary>
    public static bool IsUnavailable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow:
                case NpgsqlException { IsTransient: true } and not PostgresException:
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                case System.Net.Sockets.SocketException:
                    return true;
            }
        }
        return false;
    }
}
