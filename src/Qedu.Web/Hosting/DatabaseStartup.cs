using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;

namespace Qedu.Web.Hosting;

internal static class DatabaseStartup
{
    /// <summary>
    /// In development (Database:AutoMigrate) the schema is brought up to date on start, and an empty database gets the
    /// small demo city (Demo:SeedOnFirstStart). In production both are explicit: <c>qedu db migrate</c>, <c>qedu seed</c>.
    /// A production node refuses to start on an out-of-date schema rather than fail later.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var configuration = app.Configuration;
        var migrator = app.Services.GetRequiredService<DatabaseMigrator>();
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        app.Logger.LogInformation("Database: {Database}", settings.Describe());
        if (configuration.GetValue("Database:AutoMigrate", false))
        {
            await migrator.MigrateAsync();
        }
        else
        {
            var pending = await migrator.PendingAsync();
            if (pending.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The database schema is out of date ({string.Join(", ", pending)}). Run `qedu db migrate --db ...` first.");
            }
            await migrator.VerifyKeysAsync();
        }

        if (configuration.GetValue("Demo:SeedOnFirstStart", false))
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("demo-seed"));
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            if (!await seeder.HasDataAsync())
            {
                var scale = Enum.Parse<DemoScale>(configuration["Demo:Scale"] ?? "Small", ignoreCase: true);
                var seed = configuration.GetValue("Demo:Seed", 1);
                app.Logger.LogInformation("Empty database: seeding the demo city ({Scale}, seed {Seed})", scale, seed);
                await seeder.SeedAsync(scale, seed);
            }
        }
    }
}
