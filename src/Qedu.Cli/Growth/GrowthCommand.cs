using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Cli.Commands;
using Qedu.Cli.Hosting;
using Qedu.Growth;

namespace Qedu.Cli.Growth;

/// <summary>
/// <c>qedu growth retention</c>: deletes the children's data the growth module's retention rules no longer keep
/// (docs/growth.md, "Retention"). Safe to run daily from cron; a run with nothing to delete changes nothing.
/// </summary>
internal static class GrowthCommand
{
    public static Command Create() => new("growth", "Student growth and wellbeing (学生成长)") { Retention() };

    private static Command Retention()
    {
        var db = DbOption.Create();
        var command = new Command("retention", "Delete health results, screenings, closed cases and ledgers, ended plans, returned evidence and aid records past their retention") { db };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), "growth-retention");
            await using var scope = services.CreateAsyncScope();
            var r = await scope.ServiceProvider.GetRequiredService<GrowthOperations>().ApplyRetentionAsync(ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Retention: {r.HealthResults} health results, {r.MentalScreenings} mental-health screenings, {r.MentalCases} closed cases, {r.CareLedgers} care ledgers, "
                + $"{r.HomeTeachingPlans} home-teaching plans, {r.Evidence} returned evidence, {r.AidApplications} aid applications deleted.");
            return ExitCodes.Done;
        });
        return command;
    }
}
