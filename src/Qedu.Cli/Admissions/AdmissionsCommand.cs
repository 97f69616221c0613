using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions;
using Qedu.Cli.Commands;
using Qedu.Cli.Hosting;

namespace Qedu.Cli.Admissions;

/// <summary>
/// <c>qedu admissions retention</c>: deletes the proof files and the unsuccessful applications of seasons closed longer
/// ago than their retention (docs/admissions.md). Safe to run daily from cron; a run with nothing to delete changes nothing.
/// </summary>
internal static class AdmissionsCommand
{
    public static Command Create() => new("admissions", "Online admissions (招生入学)") { Retention() };

    private static Command Retention()
    {
        var db = DbOption.Create();
        var command = new Command("retention", "Delete proof files and unsuccessful applications of seasons past their retention") { db };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), "admissions-retention");
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AdmissionsOperations>().ApplyRetentionAsync(ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Retention: {result.Applications} applications and {result.Materials} proof files deleted from {result.Seasons} seasons.");
            return ExitCodes.Done;
        });
        return command;
    }
}
