using System.CommandLine;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.OrgUnits;
using Qedu.Cli.Hosting;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Persistence;

namespace Qedu.Cli.Commands;

/// <summary>
/// <c>qedu seed --scale small|city [--seed N] [--reset]</c>: fills a database with the demo city. The same scale
/// and seed always give the same city. It refuses to write into a database that already has organisations unless
/// <c>--reset</c> says to drop it first.
/// </summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var scale = new Option<DemoScale>("--scale")
        {
            Description = "small: the anchor schools and a few per district; city: a Qingdao-like city of about 1,500 schools",
            DefaultValueFactory = _ => DemoScale.Small,
        };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same city", DefaultValueFactory = _ => 1 };
        var reset = new Option<bool>("--reset") { Description = "Drop the database first (all data is lost)" };
        var db = DbOption.Create();
        var command = new Command("seed", "Fill the database with the demo city") { scale, seed, reset, db };
        command.SetAction(async (parse, ct) =>
        {
            var settings = CliServices.Resolve(parse.GetValue(db));
            var output = parse.InvocationConfiguration.Output;
            var clock = Stopwatch.StartNew();
            await using var services = CliServices.Build(settings, "seed", verbose: Environment.GetEnvironmentVariable("QEDU_TRACE") == "1");
            if (parse.GetValue(reset))
            {
                await services.GetRequiredService<DatabaseMigrator>().DropAsync(ct);
                await output.WriteLineAsync($"{settings.Describe()}: dropped.");
            }
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);

            await using (var scope = services.CreateAsyncScope())
            {
                var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
                if (await seeder.HasDataAsync(ct))
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync(
                        $"{settings.Describe()} already holds organisations; use --reset to drop it and seed again.");
                    return ExitCodes.BadInput;
                }
                var progress = new LineProgress(output);
                var result = await seeder.SeedAsync(parse.GetValue(scale), parse.GetValue(seed), progress, ct);
                var schools = result.Orgs.Count(o => o.Kind == Kernel.OrgUnits.OrgUnitKind.School);
                await output.WriteLineAsync(
                    $"{settings.Describe()}: demo city seeded ({parse.GetValue(scale)}, seed {parse.GetValue(seed)}): " +
                    $"{result.Orgs.Count} org units, {schools} schools and kindergartens in {clock.Elapsed.TotalSeconds:0.0} s.");
            }
            return ExitCodes.Done;
        });
        return command;
    }

    /// <summary>
    /// Writes each progress line at once on the reporting thread. <see cref="Progress{T}"/> would post it to the thread
    /// pool, so a line could come out after the summary, or never, when the process exits first.
    /// </summary>
    private sealed class LineProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine($"  {value}");
    }
}
