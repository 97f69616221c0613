using System.CommandLine;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Qedu.Testing;

namespace Qedu.Cli.Tests;

/// <summary>What one run of the command line returned and printed.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- out ---\n{Output}\n--- err ---\n{Error}";
}

/// <summary>Runs the real command tree in-process, capturing both streams, as a shell would see it.</summary>
public static class Cli
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Program.RunAsync(args, output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Raw SQL straight to the database, bypassing Qedu entirely (what someone with database access could do).</summary>
    public static async Task ExecuteSqlAsync(TestDatabase database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One number read straight from the database.</summary>
    public static async Task<long> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<DbConnection> OpenAsync(TestDatabase database)
    {
        DbConnection connection = database.Settings.IsPostgres
            ? new NpgsqlConnection(database.Connection)
            : new SqliteConnection(database.Connection);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Removes the append-only triggers of the audit table on either provider.</summary>
    public static async Task DropAuditTriggersAsync(TestDatabase database)
    {
        if (database.Settings.IsPostgres)
        {
            await ExecuteSqlAsync(database, "DROP TRIGGER audit_entries_no_change ON kernel.audit_entries");
        }
        else
        {
            await ExecuteSqlAsync(database, "DROP TRIGGER kernel_audit_entries_no_update");
            await ExecuteSqlAsync(database, "DROP TRIGGER kernel_audit_entries_no_delete");
        }
    }

    public static string AuditTable(TestDatabase database) => database.Settings.IsPostgres ? "kernel.audit_entries" : "kernel_audit_entries";

    /// <summary>True when the text looks like a .NET stack trace, which a user should never see for bad input.</summary>
    public static bool HasStackTrace(string text) =>
        text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception:", StringComparison.Ordinal);
}

/// <summary>A throwaway database per test (each test gets a new instance of its class).</summary>
public abstract class CliTest : IAsyncLifetime
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
