using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Cli.Hosting;
using Qedu.Kernel.Persistence;

namespace Qedu.Cli.Commands;

/// <summary><c>qedu db migrate</c> brings every module's schema up to date; <c>qedu db status</c> lists what is pending.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var command = new Command("db", "Database schema: migrate, status");

        var db = DbOption.Create();
        var migrate = new Command("migrate", "Apply every module's pending migrations and update the code lists") { db };
        migrate.SetAction(async (parse, ct) =>
        {
            var settings = CliServices.Resolve(parse.GetValue(db));
            await using var services = CliServices.Build(settings, "db-migrate");
            var migrator = services.GetRequiredService<DatabaseMigrator>();
            var pending = await migrator.PendingAsync(ct);
            await migrator.MigrateAsync(ct);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"{settings.Describe()}: {pending.Count} migration(s) applied, schema up to date.");
            foreach (var name in pending)
            {
                await output.WriteLineAsync($"  {name}");
            }
            return ExitCodes.Done;
        });

        var statusDb = DbOption.Create();
        var status = new Command("status", "List pending migrations; exit code 1 when the schema is out of date") { statusDb };
        status.SetAction(async (parse, ct) =>
        {
            var settings = CliServices.Resolve(parse.GetValue(statusDb));
            await using var services = CliServices.Build(settings, "db-status");
            var pending = await services.GetRequiredService<DatabaseMigrator>().PendingAsync(ct);
            var output = parse.InvocationConfiguration.Output;
            if (pending.Count == 0)
            {
                await output.WriteLineAsync($"{settings.Describe()}: up to date.");
                return ExitCodes.Done;
            }
            await output.WriteLineAsync($"{settings.Describe()}: {pending.Count} pending migration(s):");
            foreach (var name in pending)
            {
                await output.WriteLineAsync($"  {name}");
            }
            return ExitCodes.CheckFailed;
        });

        command.Subcommands.Add(migrate);
        command.Subcommands.Add(status);
        return command;
    }
}
