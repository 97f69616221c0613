using System.CommandLine;

namespace Qedu.Cli.Commands;

internal static class DbOption
{
    public static Option<string?> Create() => new("--db")
    {
        Description = "Database: a SQLite file path, a postgres:// URI or a connection string (default: QEDU_DB, then src/Qedu.Web/App_Data/qedu.db)",
    };
}
