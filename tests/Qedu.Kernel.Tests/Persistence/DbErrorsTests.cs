using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Tests.Persistence;

/// <summary>A database out of reach for a moment (503, retry) is told apart from a fault (500) and from a refused write (409).</summary>
public sealed class DbErrorsTests
{
    public static TheoryData<Exception, bool> Cases => new()
    {
        // PostgreSQL shutting down (pg_ctl -m immediate/fast), starting, or the connection gone, however deep EF wraps it.
        { new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown), true },
        { new InvalidOperationException("transient", new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow)), true },
        { new DbUpdateException("save", new PostgresException("connection failure", "FATAL", "FATAL", "08006")), true },
        { new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111)), true },
        { new SqliteException("database is locked", 5), true },
        // Target Session Attributes=read-write with only a standby up: the failover has not promoted it yet.
        { new DbUpdateException("save", new NpgsqlException("No suitable host was found.")), true },
        // Not an outage: a duplicate, a constraint, a bug.
        { new DbUpdateException("save", new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)), false },
        { new SqliteException("constraint failed", 19), false },
        { new InvalidOperationException("a bug"), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_outage_is_told_apart(Exception error, bool unavailable) => Assert.Equal(unavailable, DbErrors.IsUnavailable(error));
}
