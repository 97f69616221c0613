using Npgsql;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Tests.Persistence;

public class DatabaseSettingsTests
{
    [Theory]
    [InlineData("Host=db.example;Database=qedu;Username=qedu")]
    [InlineData("postgres://qedu@db.example:5433/qedu")]
    public void A_postgres_connection_prepares_statements_and_skips_the_reset_unless_told_otherwise(string value)
    {
        var b = new NpgsqlConnectionStringBuilder(DatabaseSettings.Parse(value, Path.GetTempPath()).ConnectionString);

        Assert.Equal(DatabaseSettings.MaxAutoPrepare, b.MaxAutoPrepare);
        Assert.True(b.NoResetOnClose);
        Assert.Equal("db.example", b.Host);
    }

    [Theory]
    [InlineData("Host=db.example;Database=qedu;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db.example;Database=qedu;MaxAutoPrepare=0;NoResetOnClose=false")]
    [InlineData("postgres://qedu@db.example/qedu?Max%20Auto%20Prepare=0&No%20Reset%20On%20Close=false")]
    public void What_the_connection_string_says_wins(string value)
    {
        var b = new NpgsqlConnectionStringBuilder(DatabaseSettings.Parse(value, Path.GetTempPath()).ConnectionString);

        Assert.Equal(0, b.MaxAutoPrepare);
        Assert.False(b.NoResetOnClose);
    }

    [Fact]
    public void A_sqlite_file_gets_none_of_it()
    {
        var settings = DatabaseSettings.Parse("qedu.db", Path.GetTempPath());

        Assert.False(settings.IsPostgres);
        Assert.DoesNotContain("Prepare", settings.ConnectionString, StringComparison.OrdinalIgnoreCase);
    }
}
