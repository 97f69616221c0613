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

    private const string NoPrimaryYet = "No suitable host was found.";

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
                // Every server named in a multi-host connection string answered, none of them a primary: a failover is
                // under way (the standby not promoted yet). Npgsql has no type or code for it, only this text.
                case NpgsqlException { InnerException: null, Message: NoPrimaryYet } and not PostgresException:
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                case System.Net.Sockets.SocketException:
                    return true;
            }
        }
        return false;
    }
}
