using Microsoft.Data.Sqlite;
using Npgsql;
using Qedu.Kernel.Persistence;

namespace Qedu.Testing;

/// <summary>
/// A database of its own for one test class, on the provider the run asks for: <c>QEDU_TEST_DB=postgres</c> with
/// <c>QEDU_TEST_PG</c> (a connection string to a server where we may create databases), else a SQLite file.
/// Dropped when disposed.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseSettings settings, string? postgresAdmin, string? postgresName)
    {
        Settings = settings;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseSettings Settings { get; }

    /// <summary>What <c>--db</c> or <c>Database:Connection</c> takes to reach this database.</summary>
    public string Connection => Settings.ConnectionString;

    public static bool UsePostgres =>
        string.Equals(Environment.GetEnvironmentVariable("QEDU_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string ProviderName => UsePostgres ? "postgres" : "sqlite";

    public static async Task<TestDatabase> CreateAsync()
    {
        var name = $"qedu_test_{Guid.NewGuid():N}";
        if (!UsePostgres)
        {
            var dir = Path.Combine(Path.GetTempPath(), "qedu-tests");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, name + ".db");
            return new(DatabaseSettings.Parse(file, dir), null, null);
        }
        var admin = Environment.GetEnvironmentVariable("QEDU_TEST_PG")
            ?? throw new InvalidOperationException("QEDU_TEST_DB=postgres needs QEDU_TEST_PG, a connection string to the test server.");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new(DatabaseSettings.Parse(builder.ConnectionString, Path.GetTempPath()), admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try
                {
                    File.Delete(Settings.SqliteFile + suffix);
                }
                catch (IOException)
                {
                    // A file still held open is left for the OS temp cleaner; it never affects another test.
                }
            }
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_postgresAdmin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
